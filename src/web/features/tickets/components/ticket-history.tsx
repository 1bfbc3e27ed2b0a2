import type { TicketEvent } from '../../../../contract/tickets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useTicketHistory } from '../api/get-ticket-history.ts';

const eventNames: Record<string, string> = {
  created: 'Created',
  updated: 'Changed',
  assigned: 'Assigned',
  unassigned: 'Unassigned',
  locked: 'Locked',
  unlocked: 'Unlocked',
  opened: 'Opened',
  held: 'Put on hold',
  resumed: 'Resumed',
  resolved: 'Resolved',
  reopened: 'Reopened',
  closed: 'Closed',
  replied: 'Replied',
  note_added: 'Note added',
};

const actorKinds: Record<TicketEvent['actor']['kind'], string> = { agent: 'Agent', customer: 'Customer', system: 'System', integration: 'Integration' };

/** Every event of the ticket: when, who, what, and each value before → after. */
export function TicketHistory({ number }: { number: string }) {
  const history = useTicketHistory(number);
  const events = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (history.isPending) {
    return (
      <p className="muted" aria-busy="true">
        <Spinner size="sm" /> Loading the history…
      </p>
    );
  }
  if (history.isError) {
    return <RetryAlert title="The history could not be loaded" error={history.error} onRetry={() => void history.refetch()} />;
  }
  return (
    <>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.created_at}>{formatDateTime(e.created_at)}</time>
              </td>
              <td>
                <div className="cell-main">{e.actor.name}</div>
                <div className="cell-sub">{actorKinds[e.actor.kind]}</div>
              </td>
              <td>{eventNames[e.type] ?? e.type}</td>
              <td>
                <ChangeList before={e.before} after={e.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.hasNextPage && (
        <Button variant="secondary" isBusy={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          Load more events
        </Button>
      )}
    </>
  );
}

const shown = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const label = (key: string) => (key.charAt(0).toUpperCase() + key.slice(1)).replace(/_/g, ' ');
// Ids travel beside the names the history shows; the names say it better.
const hidden = new Set(['assignee_id', 'locked_by', 'message_id']);

function ChangeList({ before, after }: { before: TicketEvent['before']; after: TicketEvent['after'] }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !hidden.has(k));
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="change-list">
      {keys.map((k) => (
        <div key={k} className="change">
          <dt>{label(k)}</dt>
          <dd>
            {before && k in before ? (
              <>
                <span className="change-before">{shown(before[k])}</span> <span aria-label="changed to">→</span>{' '}
              </>
            ) : null}
            <span className="change-after">{shown(after?.[k])}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
