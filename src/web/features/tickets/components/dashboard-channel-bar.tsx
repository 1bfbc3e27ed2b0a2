import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { priorities } from '../../../../contract/tickets.ts';
import { activeChannelOption, channelOptions, type Priority, type TicketFilters, toSearch, writeTicketFilters } from '../ticket-filters.ts';

const priorityLabel = (p: Priority) => p.charAt(0).toUpperCase() + p.slice(1);

/** The channel filter of DESIGN.md §3 and the quick filters beside it; every choice goes into the URL. */
export function DashboardChannelBar({ filters }: { filters: TicketFilters }) {
  const [params, setParams] = useSearchParams();
  const active = activeChannelOption(filters);
  const change = (next: TicketFilters) => setParams(writeTicketFilters(params, next));
  const priorityId = useId();

  return (
    <div className="dash-toolbar">
      <nav className="dash-channels" aria-label="Filter by channel">
        {channelOptions.map((option) => {
          const isActive = option === active;
          return (
            <Link
              key={option.label}
              to={{ search: toSearch(writeTicketFilters(params, { ...filters, channel: option.channel, source: option.source })) }}
              className={['dash-channel', isActive ? 'dash-channel-active' : ''].filter(Boolean).join(' ')}
              aria-current={isActive ? 'page' : undefined}
            >
              {option.label}
            </Link>
          );
        })}
      </nav>
      <div className="dash-quick" role="group" aria-label="Quick filters">
        <button
          type="button"
          className={['dash-toggle', filters.assignee ? 'dash-toggle-on' : ''].filter(Boolean).join(' ')}
          aria-pressed={filters.assignee === 'me'}
          onClick={() => change({ ...filters, assignee: filters.assignee ? undefined : 'me' })}
        >
          Assigned to me
        </button>
        <div className="dash-quick-select">
          <label htmlFor={priorityId}>Priority</label>
          <select id={priorityId} className="field-input" value={filters.priority ?? ''} onChange={(e) => change({ ...filters, priority: (e.target.value || undefined) as Priority | undefined })}>
            <option value="">Any</option>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {priorityLabel(p)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
