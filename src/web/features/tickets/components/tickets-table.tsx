import type { Ticket } from '../../../../contract/tickets.ts';
import { formatDateTime, formatDay, formatTime } from '../../../lib/format.ts';
import { channelLabel, PriorityBadge, StatusBadge } from './ticket-badges.tsx';

const columns = ['Number', 'Subject', 'Category', 'Customer', 'Reporter', 'Assignee', 'Priority', 'Status', 'Channel', 'Department', 'Created'];

/** The ticket table of the dashboard; `isLoading` draws placeholder rows in the same shape. */
export function TicketsTable({ tickets, isLoading = false }: { tickets: Ticket[]; isLoading?: boolean }) {
  return (
    <div className="table-scroll">
      <table className="tickets-table" aria-busy={isLoading || undefined}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={`col-${c.toLowerCase()}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{isLoading ? <PlaceholderRows /> : tickets.map((t) => <TicketRow key={t.id} ticket={t} />)}</tbody>
      </table>
    </div>
  );
}

function TicketRow({ ticket }: { ticket: Ticket }) {
  const channel = channelLabel(ticket);
  const contact = ticket.customer_user?.email ?? ticket.customer_user?.phone;
  return (
    <tr>
      <td className="col-number">
        <span className="ticket-number">{ticket.number}</span>
      </td>
      <td className="col-subject">
        <div className="ticket-subject" title={ticket.subject}>
          {ticket.subject}
        </div>
        {ticket.description && <div className="ticket-excerpt">{excerpt(ticket.description)}</div>}
      </td>
      <td>{ticket.category?.name ?? <Empty />}</td>
      <td className="col-customer">
        {ticket.customer_user ? (
          <>
            <div className="cell-main">{ticket.customer_user.name}</div>
            {contact && <div className="cell-sub">{contact}</div>}
          </>
        ) : (
          <Empty />
        )}
      </td>
      <td>{ticket.reporter?.name ?? <Empty title="Created by the customer or an integration" />}</td>
      <td>{ticket.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
      <td>
        <PriorityBadge priority={ticket.priority} />
      </td>
      <td>
        <StatusBadge ticket={ticket} />
      </td>
      <td>
        <div className="cell-main">{channel.name}</div>
        {channel.detail && <div className="cell-sub">{channel.detail}</div>}
      </td>
      <td>{ticket.department?.name ?? <Empty />}</td>
      <td className="col-created">
        <time dateTime={ticket.created_at} title={formatDateTime(ticket.created_at)}>
          <span className="cell-main">{formatDay(ticket.created_at)}</span>
          <span className="cell-sub">{formatTime(ticket.created_at)}</span>
        </time>
      </td>
    </tr>
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

function PlaceholderRows() {
  return Array.from({ length: 6 }, (_, row) => (
    <tr key={row} className="placeholder-row" aria-hidden="true">
      {columns.map((c) => (
        <td key={c}>
          <span className="placeholder-bar" />
        </td>
      ))}
    </tr>
  ));
}
