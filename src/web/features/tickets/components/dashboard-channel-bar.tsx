import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { priorities } from '../../../../contract/tickets.ts';
import { useChannelOptions } from '../api/get-ticket-sources.ts';
import { DashboardFieldFilter } from './dashboard-field-filter.tsx';
import { activeChannelOption, channelOptionLabel, type Priority, type TicketFilters, toSearch, writeTicketFilters } from '../ticket-filters.ts';

/** The channel filter of DESIGN.md §3 and the quick filters beside it; every choice goes into the URL. */
export function DashboardChannelBar({ filters }: { filters: TicketFilters }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const [params, setParams] = useSearchParams();
  const channelOptions = useChannelOptions();
  const active = activeChannelOption(filters, channelOptions);
  const change = (next: TicketFilters) => setParams(writeTicketFilters(params, next));
  const priorityId = useId();

  return (
    <div className="dash-toolbar">
      <nav className="dash-channels" aria-label={t('filters.byChannel')}>
        {channelOptions.map((option) => {
          const isActive = option === active;
          const label = channelOptionLabel(option, t);
          return (
            <Link
              key={label}
              to={{ search: toSearch(writeTicketFilters(params, { ...filters, channel: option.channel, source: option.source })) }}
              className={['dash-channel', isActive ? 'dash-channel-active' : ''].filter(Boolean).join(' ')}
              aria-current={isActive ? 'page' : undefined}
            >
              {label}
            </Link>
          );
        })}
      </nav>
      <div className="dash-quick" role="group" aria-label={t('filters.quick')}>
        <button
          type="button"
          className={['dash-toggle', filters.assignee === 'me' ? 'dash-toggle-on' : ''].filter(Boolean).join(' ')}
          aria-pressed={filters.assignee === 'me'}
          onClick={() => change({ ...filters, assignee: filters.assignee === 'me' ? undefined : 'me' })}
        >
          {t('filters.assignedToMe')}
        </button>
        <div className="dash-quick-select">
          <label htmlFor={priorityId}>{t('filters.priority')}</label>
          <select id={priorityId} className="field-input" value={filters.priority ?? ''} onChange={(e) => change({ ...filters, priority: (e.target.value || undefined) as Priority | undefined })}>
            <option value="">{t('filters.anyPriority')}</option>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {t(`common:priority.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <DashboardFieldFilter filters={filters} />
      </div>
    </div>
  );
}
