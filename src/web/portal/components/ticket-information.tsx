import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalTicket } from '../../../contract/portal.ts';
import { labelIn } from '../../../contract/ticket-field-display.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { TicketFieldValue } from '../../components/ui/ticket-field-value.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { StatusBadge } from './status-badge.tsx';

/** Where the ticket stands: status, who handles it, its details and, once resolved, how. */
export function TicketInformation({ ticket: tk }: { ticket: PortalTicket }) {
  const { t, i18n } = useTranslation(['portal', 'common']);
  const isDone = tk.status === 'resolved' || tk.status === 'closed';
  const none = <span className="muted">{t('info.none')}</span>;
  const facts: [string, ReactNode][] = [
    [t('info.status'), <StatusBadge status={tk.status} />],
    [t('info.assignee'), tk.assignee ?? <span className="muted">{t('info.unassigned')}</span>],
    [t('info.category'), tk.category ?? none],
    [t('info.created'), <time dateTime={tk.created_at}>{formatDateTime(tk.created_at)}</time>],
    [t('info.updated'), <time dateTime={tk.updated_at}>{formatDateTime(tk.updated_at)}</time>],
    [t('info.priority'), t(`common:priority.${tk.priority}`)],
    [t('info.department'), tk.department ?? none],
    [t('info.orderNumber'), tk.order_number ?? none],
    // The workspace's fields the customer may see, in their language.
    ...tk.fields.map((field): [string, ReactNode] => [
      labelIn(field.labels, i18n.language),
      <TicketFieldValue field={field} value={field.value} language={i18n.language} words={{ yes: t('fields.yes'), no: t('fields.no'), none: t('fields.none') }} />,
    ]),
  ];
  if (tk.status === 'pending' && tk.pending_reason) facts.push([t('info.onHold'), tk.pending_reason]);
  if (isDone && tk.resolution) facts.push([t('info.resolution'), tk.resolution]);
  if (isDone && tk.resolved_by) facts.push([t('info.resolvedBy'), tk.resolved_by === 'customer' ? t('info.byCustomer') : t('info.byAgent')]);

  return (
    <div className="portal-information">
      {isDone && tk.resolution_kind === 'collect' && (
        <Alert tone="info" title={t('info.collect')}>
          {t('info.collectHint', { number: tk.number })}
        </Alert>
      )}
      <dl className="portal-facts" aria-label={t('info.facts')}>
        {facts.map(([label, value], index) => (
          // By place: a field may share its label with a built-in fact.
          <div key={index}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section className="portal-description">
        <h2 className="portal-section-title">{t('info.description')}</h2>
        {/* Rendered as text, never as HTML. */}
        <p className="portal-text">{tk.description || <span className="muted">{t('notes.noDescription')}</span>}</p>
      </section>
    </div>
  );
}
