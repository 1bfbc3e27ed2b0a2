import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useTicket } from '../api/get-ticket.ts';
import { CustomerPanel } from './customer-panel.tsx';
import { ServiceLevelPanel } from './service-level-panel.tsx';
import { PriorityBadge, StatusBadge, useChannelLabel } from './ticket-badges.tsx';
import { TicketActions } from './ticket-actions.tsx';
import { TicketConversation } from './ticket-conversation.tsx';
import { TicketCustomFields } from './ticket-custom-fields.tsx';
import { TicketFields } from './ticket-fields.tsx';
import { TicketHistory } from './ticket-history.tsx';
import { VerificationBanner } from './verification-banner.tsx';
import './ticket-view.css';

type Tab = 'conversation' | 'history';

/** One ticket: header, conversation or history, lifecycle actions, fields and the customer. */
export function TicketPage() {
  const { t: tr } = useTranslation(['ticket', 'common']);
  const channelLabel = useChannelLabel();
  const { number = '' } = useParams();
  const location = useLocation();
  const ticket = useTicket(number);
  const [tab, setTab] = useState<Tab>('conversation');
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;

  if (ticket.isPending) {
    return (
      <div className="page ticket-loading" aria-busy="true">
        <Spinner /> {tr('page.loading', { number })}
      </div>
    );
  }
  if (ticket.isError && !ticket.data) {
    const missing = ticket.error instanceof ApiError && ticket.error.status === 404;
    return (
      <div className="page">
        <title>{tr('common:app.titleSuffix', { title: number })}</title>
        <Alert title={missing ? tr('page.missing', { number }) : tr('page.failed', { number })}>
          {missing ? tr('page.missingHint') : ticket.error.message}{' '}
          {!missing && (
            <button type="button" className="link-button" onClick={() => void ticket.refetch()}>
              {tr('common:action.tryAgain')}
            </button>
          )}{' '}
          <Link to="/tickets">{tr('page.back')}</Link>
        </Alert>
      </div>
    );
  }
  const t = ticket.data;
  const channel = channelLabel(t);
  const due = t.escalation_at ?? t.resolution_due_at;

  return (
    <div className="page ticket-page">
      <title>{tr('common:app.titleSuffix', { title: `${t.number} ${t.subject}` })}</title>
      <nav className="breadcrumbs" aria-label={tr('page.breadcrumbs')}>
        <Link to="/tickets">{tr('common:app.tickets')}</Link> <span aria-hidden="true">›</span> <span>{t.number}</span>
      </nav>
      {justCreated && <Alert tone="info" title={tr('page.created', { number: t.number })} />}
      {ticket.isRefetchError && (
        <Alert title={tr('page.refreshFailed')}>
          {ticket.error.message} {tr('page.refreshFailedHint')}
        </Alert>
      )}

      <header className="ticket-head">
        <div className="ticket-head-main">
          <p className="ticket-head-number">
            <span className="ticket-number">{t.number}</span>
            <StatusBadge ticket={t} />
            <PriorityBadge priority={t.priority} />
          </p>
          <h1 className="page-title ticket-head-subject">{t.subject}</h1>
          <p className="ticket-head-meta">
            <span>
              {channel.name}
              {channel.detail ? ` · ${channel.detail}` : ''}
            </span>
            <span>
              <Trans
                t={tr}
                i18nKey={t.reporter ? 'page.createdBy' : 'page.createdAt'}
                values={{ when: formatDateTime(t.created_at), name: t.reporter?.name }}
                components={{ time: <time dateTime={t.created_at} /> }}
              />
            </span>
            {due && (
              <span className={t.is_overdue ? 'ticket-due ticket-due-overdue' : 'ticket-due'}>
                {t.is_overdue ? tr('page.overdueSince') : tr('page.due')} <time dateTime={due}>{formatDateTime(due)}</time>
              </span>
            )}
          </p>
          {t.status === 'pending' && t.pending_reason && (
            <p className="ticket-head-note">
              {tr('page.onHold', { waiting: tr(`common:waitingOn.${t.waiting_on ?? 'unknown'}`), reason: t.pending_reason })}
              {t.pending_until && ` · ${tr('page.remind', { when: formatDateTime(t.pending_until) })}`}
            </p>
          )}
          {t.resolution && ['resolved', 'closed'].includes(t.status) && <p className="ticket-head-note">{tr('page.resolution', { text: t.resolution })}</p>}
        </div>
        {/* Until verified, the lifecycle waits: the banner's Verify and Reject are the moves. */}
        {t.verification_state !== 'unverified' && <TicketActions ticket={t} />}
      </header>
      {t.verification_state === 'unverified' && <VerificationBanner ticket={t} />}

      <div className="ticket-layout">
        <section className="panel ticket-main" aria-label={tr('page.work')}>
          <div className="tabs" role="tablist" aria-label={tr('page.views')}>
            {(['conversation', 'history'] as const).map((key) => (
              <button
                key={key}
                type="button"
                role="tab"
                id={`tab-${key}`}
                aria-selected={tab === key}
                aria-controls={`tabpanel-${key}`}
                className={tab === key ? 'tab tab-active' : 'tab'}
                onClick={() => setTab(key)}
              >
                {key === 'conversation' ? tr('page.conversation') : tr('page.history')}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
            {tab === 'conversation' ? <TicketConversation ticket={t} /> : <TicketHistory number={t.number} />}
          </div>
        </section>
        <aside className="ticket-side" aria-label={tr('page.details')}>
          <TicketFields ticket={t} />
          <TicketCustomFields ticket={t} />
          <ServiceLevelPanel ticket={t} />
          <CustomerPanel ticket={t} />
        </aside>
      </div>
    </div>
  );
}
