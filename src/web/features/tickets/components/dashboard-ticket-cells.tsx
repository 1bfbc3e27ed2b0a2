import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Ticket } from '../../../../contract/tickets.ts';
import { formatDateTime, formatDay, formatTime } from '../../../lib/format.ts';
import type { ColumnId } from '../dashboard-columns.ts';
import type { DashboardT } from '../ticket-filters.ts';
import { channelLabel, PriorityBadge, StatusBadge } from './ticket-badges.tsx';

/** What one column shows of a ticket, in the words of `t`. */
export function ticketCell(column: ColumnId, ticket: Ticket, t: DashboardT): ReactNode {
  switch (column) {
    case 'number':
      return (
        <Link to={`/tickets/${ticket.number}`} className="ticket-number ticket-link">
          {ticket.number}
        </Link>
      );
    case 'subject':
      return (
        <>
          <Link to={`/tickets/${ticket.number}`} className="ticket-subject ticket-link" title={ticket.subject}>
            {ticket.subject}
          </Link>
          {ticket.description && <div className="ticket-excerpt">{excerpt(ticket.description)}</div>}
        </>
      );
    case 'category':
      return ticket.category?.name ?? <Empty />;
    case 'customer':
      return <CustomerCell ticket={ticket} />;
    case 'reporter':
      return ticket.reporter?.name ?? <Empty title={t('cell.noReporter')} />;
    case 'assignee':
      return ticket.assignee?.name ?? <span className="muted">{t('cell.unassigned')}</span>;
    case 'priority':
      return <PriorityBadge priority={ticket.priority} />;
    case 'status':
      return <StatusBadge ticket={ticket} />;
    case 'channel': {
      const channel = channelLabel(ticket, (c) => t(`common:channel.${c}`));
      return (
        <>
          <div className="cell-main">{channel.name}</div>
          {channel.detail && <div className="cell-sub">{channel.detail}</div>}
        </>
      );
    }
    case 'department':
      return ticket.department?.name ?? <Empty />;
    case 'created':
      return (
        <time dateTime={ticket.created_at} title={formatDateTime(ticket.created_at)}>
          <span className="cell-main">{formatDay(ticket.created_at)}</span>
          <span className="cell-sub">{formatTime(ticket.created_at)}</span>
        </time>
      );
    case 'due':
      return <DueCell ticket={ticket} t={t} />;
  }
}

function CustomerCell({ ticket }: { ticket: Ticket }) {
  if (!ticket.customer_user) return <Empty />;
  const contact = ticket.customer_user.email ?? ticket.customer_user.phone;
  return (
    <>
      <div className="cell-main">{ticket.customer_user.name}</div>
      {contact && (
        <div className="cell-sub" title={contact}>
          {contact}
        </div>
      )}
    </>
  );
}

/** The next deadline: the escalation time, else the resolution target; red once it has passed. */
function DueCell({ ticket, t }: { ticket: Ticket; t: DashboardT }) {
  const due = ticket.escalation_at ?? ticket.resolution_due_at;
  if (!due) return <Empty title={t('cell.noDue')} />;
  const isDone = ticket.status === 'resolved' || ticket.status === 'closed';
  return (
    <time dateTime={due} title={t(ticket.is_overdue ? 'cell.overdueSince' : 'cell.due', { date: formatDateTime(due) })} className={ticket.is_overdue ? 'due-overdue' : isDone ? 'due-done' : undefined}>
      {/* The red says it to the eye; the status column carries the visible Overdue badge. */}
      {ticket.is_overdue && <span className="visually-hidden">{t('cell.overdueSinceLead')} </span>}
      <span className="cell-main">{formatDay(due)}</span>
      <span className="cell-sub">{formatTime(due)}</span>
    </time>
  );
}

/** The start of the complaint text on one line; the cell's CSS trims what does not fit. */
const excerpt = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, 240);

function Empty({ title }: { title?: string }) {
  return (
    <span className="muted" title={title}>
      —
    </span>
  );
}
