import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TicketWidget as TicketWidgetName, type WidgetFilter, widgetFilters } from '../../../../contract/cic.ts';
import { Button } from '../../../components/ui/button.tsx';
import { formatCount, formatDay } from '../../../lib/format.ts';
import { StatusBadge } from '../../tickets/components/ticket-badges.tsx';
import type { CicSubjectKind } from '../api/get-dashboard.ts';
import { useWidget } from '../api/get-widget.ts';

/** A ticket widget's body: the filter tabs with their counts and a compact, paged ticket list. */
export function TicketWidgetBody({ kind, id, widget }: { kind: CicSubjectKind; id: number; widget: TicketWidgetName }) {
  const { t } = useTranslation('cic');
  const [filter, setFilter] = useState<WidgetFilter>('all');
  const page = useWidget(kind, id, widget, filter);
  const counts = page.data?.pages[0]?.counts;
  const tickets = page.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="cic-widget-body">
      <div className="cic-tabs" role="group" aria-label={t('widget.filters', { name: t(`widget.${widget}`) })}>
        {widgetFilters.map((f) => (
          <button key={f} type="button" className={`cic-tab${f === filter ? ' is-active' : ''}`} aria-pressed={f === filter} onClick={() => setFilter(f)}>
            {t(`widget.${f}`)} <span className="cic-tab-count">{counts ? formatCount(counts[f]) : '…'}</span>
          </button>
        ))}
      </div>
      {page.isError && <p role="alert">{t('widget.failed', { message: page.error.message })}</p>}
      {page.isSuccess && tickets.length === 0 && <p className="muted">{t('widget.empty')}</p>}
      {tickets.length > 0 && (
        <ul className="cic-tickets">
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <Link to={`/tickets/${ticket.number}`} className="cic-ticket-link">
                <span className="cic-ticket-number">{ticket.number}</span>
                <span className="cic-ticket-subject">{ticket.subject}</span>
              </Link>
              <StatusBadge ticket={ticket} />
              <span className="muted cic-ticket-day">{formatDay(ticket.created_at)}</span>
            </li>
          ))}
        </ul>
      )}
      {page.hasNextPage && (
        <Button variant="secondary" isBusy={page.isFetchingNextPage} onClick={() => void page.fetchNextPage()}>
          {t('widget.more')}
        </Button>
      )}
    </div>
  );
}
