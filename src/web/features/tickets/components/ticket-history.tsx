import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../../contract/ticket-field-display.ts';
import { TicketFieldValue } from '../../../components/ui/ticket-field-value.tsx';
import { useTicketFields } from '../../admin/api/get-ticket-fields.ts';
import type { TicketEvent } from '../../../../contract/tickets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useTicketHistory } from '../api/get-ticket-history.ts';

const knownEvents = ['created', 'updated', 'review_edited', 'assigned', 'unassigned', 'locked', 'unlocked', 'opened', 'held', 'resumed', 'resolved', 'reopened', 'closed', 'replied', 'note_added', 'reminded', 'sla_warning', 'escalated', 'verified', 'rejected'] as const;
const isKnownEvent = (type: string): type is (typeof knownEvents)[number] => (knownEvents as readonly string[]).includes(type);

/** Every event of the ticket: when, who, what, and each value before → after. */
export function TicketHistory({ number }: { number: string }) {
  const { t } = useTranslation(['ticket', 'common']);
  const history = useTicketHistory(number);
  const events = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (history.isPending) {
    return (
      <p className="muted" aria-busy="true">
        <Spinner size="sm" /> {t('history.loading')}
      </p>
    );
  }
  if (history.isError) {
    return <RetryAlert title={t('history.failed')} error={history.error} onRetry={() => void history.refetch()} />;
  }
  return (
    <>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">{t('history.when')}</th>
            <th scope="col">{t('history.who')}</th>
            <th scope="col">{t('history.what')}</th>
            <th scope="col">{t('history.change')}</th>
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
                <div className="cell-sub">{t(`common:actor.${e.actor.kind}`)}</div>
              </td>
              <td>{e.type === 'assigned' && e.after?.auto ? t('history.event.autoAssigned') : isKnownEvent(e.type) ? t(`history.event.${e.type}`) : e.type}</td>
              <td>
                <ChangeList before={e.before} after={e.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.hasNextPage && (
        <Button variant="secondary" isBusy={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {t('history.more')}
        </Button>
      )}
    </>
  );
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
// Agents and departments travel as {id, name}: the name is what a person reads; instants in their time.
const one = (v: unknown): string =>
  v !== null && typeof v === 'object' && 'name' in v ? String(v.name) : typeof v === 'string' && isoInstant.test(v) ? formatDateTime(v) : String(v);
const shown = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.map(one).join(', ') || '—' : typeof v === 'object' && !('name' in v) ? JSON.stringify(v) : one(v);
const humanize = (key: string) => (key.charAt(0).toUpperCase() + key.slice(1)).replace(/_/g, ' ');
// The fields the history names most often, in the agent's language; any other key as written.
const changeLabels = {
  status: 'change.status',
  subject: 'change.subject',
  priority: 'change.priority',
  category: 'change.category',
  department: 'change.department',
  assignee: 'change.assignee',
  tags: 'change.tags',
  order_number: 'change.orderNumber',
  transaction_ref: 'change.transactionRef',
  pending_reason: 'change.pendingReason',
  resolution: 'change.resolution',
  routed_by: 'change.routedBy',
  verification_state: 'change.verification',
  requested_department: 'change.requestedDepartment',
  auto: 'change.auto',
  reason: 'change.reason',
} as const;
const verificationStates = ['verified', 'unverified', 'rejected'] as const;
const autoModes = ['round_robin', 'least_loaded'] as const;
// Ids travel beside the names the history shows; the names say it better.
const hidden = new Set(['assignee_id', 'locked_by', 'message_id']);

type Values = Record<string, unknown>;
const asValues = (v: unknown): Values => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Values) : {});

/** A change of ticket fields, one line per field that changed, by its label and shown as the ticket view shows it. */
function FieldChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t, i18n } = useTranslation('ticket');
  const fields = useTicketFields().data?.items ?? [];
  const was = asValues(before);
  const now = asValues(after);
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((k) => JSON.stringify(was[k] ?? null) !== JSON.stringify(now[k] ?? null));
  const words = { yes: t('customFields.yes'), no: t('customFields.no'), none: t('customFields.empty'), retired: t('customFields.retiredWord') };
  return keys.map((key) => {
    const field = fields.find((f) => f.key === key);
    const show = (v: unknown) => (field ? <TicketFieldValue field={field} value={v ?? null} language={i18n.language} words={words} /> : shown(v ?? null));
    return (
      <div key={key} className="change">
        <dt>{field ? labelIn(field.labels, i18n.language) : humanize(key)}</dt>
        <dd>
          <span className="change-before">{show(was[key])}</span> <span aria-label={t('history.changedTo')}>→</span> <span className="change-after">{show(now[key])}</span>
        </dd>
      </div>
    );
  });
}

function ChangeList({ before, after }: { before: TicketEvent['before']; after: TicketEvent['after'] }) {
  const { t } = useTranslation('ticket');
  // Verification states and assignment modes are words of the app, not values to show as stored.
  const value = (k: string, v: unknown): string =>
    k === 'verification_state' && verificationStates.includes(v as never)
      ? t(`verify.state.${v as (typeof verificationStates)[number]}`)
      : k === 'auto' && autoModes.includes(v as never)
        ? t(`verify.mode.${v as (typeof autoModes)[number]}`)
        : shown(v);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !hidden.has(k));
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="change-list">
      {keys.map((k) =>
        k === 'custom_fields' ? (
          <FieldChanges key={k} before={before?.[k]} after={after?.[k]} />
        ) : (
          <div key={k} className="change">
            <dt>{k in changeLabels ? t(changeLabels[k as keyof typeof changeLabels]) : humanize(k)}</dt>
            <dd>
              {before && k in before ? (
                <>
                  <span className="change-before">{value(k, before[k])}</span> <span aria-label={t('history.changedTo')}>→</span>{' '}
                </>
              ) : null}
              <span className="change-after">{value(k, after?.[k])}</span>
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}
