import type { Ticket } from '../../../../contract/tickets.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

const statusLook: Record<Ticket['status'], { label: string; tone: BadgeTone }> = {
  new: { label: 'New', tone: 'blue' },
  open: { label: 'Open', tone: 'green' },
  pending: { label: 'On hold', tone: 'amber' },
  resolved: { label: 'Resolved', tone: 'teal' },
  closed: { label: 'Closed', tone: 'neutral' },
};

export function StatusBadge({ ticket }: { ticket: Pick<Ticket, 'status' | 'close_reason' | 'pending_reason' | 'is_overdue'> }) {
  const look = statusLook[ticket.status];
  const label = ticket.status === 'closed' && ticket.close_reason === 'auto' ? 'Auto-closed' : ticket.status === 'closed' && ticket.close_reason === 'rejected' ? 'Rejected' : look.label;
  return (
    <span className="badge-stack">
      <Badge tone={look.tone} title={ticket.status === 'pending' && ticket.pending_reason ? `On hold: ${ticket.pending_reason}` : undefined}>
        {label}
      </Badge>
      {ticket.is_overdue && <Badge tone="red">Overdue</Badge>}
    </span>
  );
}

const priorityTone: Record<Ticket['priority'], BadgeTone> = { low: 'neutral', medium: 'blue', high: 'orange', urgent: 'red' };

export function PriorityBadge({ priority }: { priority: Ticket['priority'] }) {
  return (
    <Badge tone={priorityTone[priority]}>
      <span className={`priority-dot priority-${priority}`} aria-hidden="true" />
      {priority.charAt(0).toUpperCase() + priority.slice(1)}
    </Badge>
  );
}

const channelNames: Record<Ticket['channel'], string> = {
  web: 'Website',
  email: 'Email',
  phone: 'Phone',
  in_store: 'In store',
  review: 'Review',
  marketplace: 'Marketplace',
  api: 'API',
  chat: 'Chat',
};

/** Names a source the way people write it: eBay, B2B, Tripadvisor. */
function sourceName(source: string): string {
  const known: Record<string, string> = { ebay: 'eBay', b2b: 'B2B', website: 'Website', tripadvisor: 'Tripadvisor' };
  return known[source] ?? source.charAt(0).toUpperCase() + source.slice(1).replace(/[_-]/g, ' ');
}

/** The channel, with the marketplace or review site it came through. */
export function channelLabel(ticket: Pick<Ticket, 'channel' | 'source'>): { name: string; detail: string | null } {
  if (ticket.source && (ticket.channel === 'marketplace' || ticket.channel === 'review')) {
    return { name: sourceName(ticket.source), detail: channelNames[ticket.channel] };
  }
  return { name: channelNames[ticket.channel], detail: ticket.source ? sourceName(ticket.source) : null };
}
