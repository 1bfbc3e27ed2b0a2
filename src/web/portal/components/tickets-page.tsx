import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { RetryAlert } from '../../components/ui/retry-alert.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { useTickets } from '../api/get-tickets.ts';
import { usePortal } from '../app/portal-context.ts';
import { PortalTitle } from './portal-title.tsx';
import { StatusBadge } from './status-badge.tsx';

/** The customer's tickets, the most recently active first, each opening its detail. */
export function TicketsPage() {
  const { t } = useTranslation('portal');
  const { ws } = usePortal();
  const tickets = useTickets(ws);
  const items = tickets.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="portal-page">
      <PortalTitle title={t('tickets.title')} />
      <div className="page-head portal-page-head">
        <h1 className="page-title">{t('tickets.title')}</h1>
        <Link to={`/portal/${ws}/new`} className="btn btn-primary btn-md">
          {t('frame.submitRequest')}
        </Link>
      </div>
      {tickets.isPending && (
        <p className="muted" aria-busy="true">
          <Spinner size="sm" /> {t('tickets.loading')}
        </p>
      )}
      {tickets.isError && <RetryAlert title={t('tickets.failed')} error={tickets.error} onRetry={() => void tickets.refetch()} />}
      {tickets.isSuccess && items.length === 0 && (
        <div className="panel empty-state">
          <h2>{t('tickets.empty')}</h2>
          <p>{t('tickets.emptyHint')}</p>
        </div>
      )}
      {items.length > 0 && (
        <ul className="portal-tickets" aria-label={t('tickets.list')}>
          {items.map((ticket) => (
            <li key={ticket.number}>
              <Link className="portal-ticket" to={`/portal/${ws}/tickets/${encodeURIComponent(ticket.number)}`}>
                <span className="portal-ticket-top">
                  <span className="ticket-number">{ticket.number}</span>
                  <StatusBadge status={ticket.status} />
                </span>
                <span className="portal-ticket-subject">{ticket.subject}</span>
                <span className="portal-ticket-meta">
                  <Trans
                    t={t}
                    i18nKey="tickets.updated"
                    values={{ when: formatRelative(ticket.updated_at) }}
                    components={{ time: <time dateTime={ticket.updated_at} title={formatDateTime(ticket.updated_at)} /> }}
                  />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {tickets.hasNextPage && (
        <Button variant="secondary" className="portal-more" isBusy={tickets.isFetchingNextPage} onClick={() => void tickets.fetchNextPage()}>
          {t('tickets.more')}
        </Button>
      )}
    </div>
  );
}
