import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useTicket } from '../api/get-ticket.ts';
import { usePortal } from '../app/portal-context.ts';
import { PortalTitle } from './portal-title.tsx';
import { StatusBadge } from './status-badge.tsx';
import { Tabs } from './tabs.tsx';
import { TicketHistory } from './ticket-history.tsx';
import { TicketInformation } from './ticket-information.tsx';
import { TicketNotes } from './ticket-notes.tsx';
import { TicketStatusActions } from './ticket-status-actions.tsx';

const views = ['information', 'history', 'notes'] as const;
type View = (typeof views)[number];
const isView = (v: string | null): v is View => (views as readonly (string | null)[]).includes(v);

/** One of the customer's tickets: its header and actions, then Information, History and Notes. */
export function TicketPage() {
  const { t } = useTranslation(['portal', 'common']);
  const { ws, home } = usePortal();
  const { number = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab');
  const view: View = isView(tab) ? tab : 'information';
  const ticket = useTicket(ws, number);

  if (ticket.isPending) {
    return (
      <div className="portal-page portal-loading" aria-busy="true">
        <Spinner /> {t('ticket.loading', { number })}
      </div>
    );
  }
  if (ticket.isError && !ticket.data) {
    const missing = ticket.error instanceof ApiError && ticket.error.status === 404;
    return (
      <div className="portal-page">
        <PortalTitle title={number} />
        <Alert title={missing ? t('ticket.missing', { number }) : t('ticket.failed', { number })}>
          {missing ? t('ticket.missingHint') : ticket.error.message}{' '}
          {!missing && (
            <button type="button" className="link-button" onClick={() => void ticket.refetch()}>
              {t('common:action.tryAgain')}
            </button>
          )}{' '}
          <Link to={home}>{t('ticket.back')}</Link>
        </Alert>
      </div>
    );
  }
  const tk = ticket.data;

  return (
    <div className="portal-page">
      <PortalTitle title={`${tk.number} ${tk.subject}`} />
      <nav className="breadcrumbs" aria-label={t('ticket.breadcrumbs')}>
        <Link to={home}>{t('ticket.back')}</Link> <span aria-hidden="true">›</span> <span aria-current="page">{tk.number}</span>
      </nav>
      {ticket.isRefetchError && <Alert>{t('ticket.refreshFailed', { message: ticket.error.message })}</Alert>}
      <header className="portal-ticket-head">
        <div className="portal-ticket-head-main">
          <p className="portal-ticket-head-number">
            <span className="ticket-number">{tk.number}</span>
            <StatusBadge status={tk.status} />
          </p>
          <h1 className="page-title portal-ticket-title">{tk.subject}</h1>
          <p className="portal-ticket-head-meta">
            <span>{t('ticket.created', { when: formatDateTime(tk.created_at) })}</span>
            <span>{t('ticket.updated', { when: formatDateTime(tk.updated_at) })}</span>
          </p>
        </div>
        <TicketStatusActions ticket={tk} />
      </header>
      <section className="panel portal-ticket-body" aria-label={t('ticket.views')}>
        <Tabs
          label={t('ticket.views')}
          tabs={views.map((key) => ({ key, label: t(`ticket.${key}`) }))}
          selected={view}
          onSelect={(key) => setParams(key === 'information' ? {} : { tab: key }, { replace: true })}
        >
          {view === 'information' ? <TicketInformation ticket={tk} /> : view === 'history' ? <TicketHistory number={tk.number} /> : <TicketNotes ticket={tk} />}
        </Tabs>
      </section>
    </div>
  );
}
