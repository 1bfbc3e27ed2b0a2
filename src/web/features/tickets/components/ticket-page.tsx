import i18next from 'i18next';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useTicket } from '../api/get-ticket.ts';
import { CustomerPanel } from './customer-panel.tsx';
import { PriorityBadge, StatusBadge, channelLabel } from './ticket-badges.tsx';
import { TicketActions } from './ticket-actions.tsx';
import { TicketConversation } from './ticket-conversation.tsx';
import { TicketFields } from './ticket-fields.tsx';
import { TicketHistory } from './ticket-history.tsx';
import './ticket-view.css';

type Tab = 'conversation' | 'history';

/** One ticket: header, conversation or history, lifecycle actions, fields and the customer. */
export function TicketPage() {
  const { number = '' } = useParams();
  const location = useLocation();
  const ticket = useTicket(number);
  const [tab, setTab] = useState<Tab>('conversation');
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;

  if (ticket.isPending) {
    return (
      <div className="page ticket-loading" aria-busy="true">
        <Spinner /> Loading ticket {number}…
      </div>
    );
  }
  if (ticket.isError && !ticket.data) {
    const missing = ticket.error instanceof ApiError && ticket.error.status === 404;
    return (
      <div className="page">
        <title>{`Ticket ${number} · Caredesk`}</title>
        <Alert title={missing ? `Ticket ${number} does not exist` : `Ticket ${number} could not be loaded`}>
          {missing ? 'Check the number, or find the ticket from the list.' : ticket.error.message}{' '}
          {!missing && (
            <button type="button" className="link-button" onClick={() => void ticket.refetch()}>
              Try again
            </button>
          )}{' '}
          <Link to="/tickets">Back to tickets</Link>
        </Alert>
      </div>
    );
  }
  const t = ticket.data;
  const channel = channelLabel(t, (c) => i18next.t(`channel.${c}`));
  const due = t.escalation_at ?? t.resolution_due_at;

  return (
    <div className="page ticket-page">
      <title>{`${t.number} ${t.subject} · Caredesk`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/tickets">Tickets</Link> <span aria-hidden="true">›</span> <span>{t.number}</span>
      </nav>
      {justCreated && <Alert tone="info" title={`Ticket ${t.number} created`} />}
      {ticket.isRefetchError && <Alert title="This ticket could not be refreshed">{ticket.error.message} The page shows what was last loaded.</Alert>}

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
              Created <time dateTime={t.created_at}>{formatDateTime(t.created_at)}</time>
              {t.reporter ? ` by ${t.reporter.name}` : ''}
            </span>
            {due && (
              <span className={t.is_overdue ? 'ticket-due ticket-due-overdue' : 'ticket-due'}>
                {t.is_overdue ? 'Overdue since' : 'Due'} <time dateTime={due}>{formatDateTime(due)}</time>
              </span>
            )}
          </p>
          {t.status === 'pending' && t.pending_reason && (
            <p className="ticket-head-note">
              On hold ({waitingOnLabel(t.waiting_on)}): {t.pending_reason}
              {t.pending_until && (
                <>
                  {' '}
                  · remind <time dateTime={t.pending_until}>{formatDateTime(t.pending_until)}</time>
                </>
              )}
            </p>
          )}
          {t.resolution && ['resolved', 'closed'].includes(t.status) && <p className="ticket-head-note">Resolution: {t.resolution}</p>}
        </div>
        <TicketActions ticket={t} />
      </header>

      <div className="ticket-layout">
        <section className="panel ticket-main" aria-label="Ticket work">
          <div className="tabs" role="tablist" aria-label="Ticket views">
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
                {key === 'conversation' ? 'Conversation' : 'History'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
            {tab === 'conversation' ? <TicketConversation ticket={t} /> : <TicketHistory number={t.number} />}
          </div>
        </section>
        <aside className="ticket-side" aria-label="Ticket details">
          <TicketFields ticket={t} />
          <CustomerPanel ticket={t} />
        </aside>
      </div>
    </div>
  );
}

export const waitingOnLabel = (w: string | null): string =>
  w === 'customer' ? 'waiting on the customer' : w === 'third_party' ? 'waiting on a third party' : w === 'internal' ? 'waiting internally' : 'waiting';
