import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contract/tickets.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

const statusTone: Record<Ticket['status'], BadgeTone> = { new: 'blue', open: 'green', pending: 'amber', resolved: 'teal', closed: 'neutral' };

export function StatusBadge({ ticket }: { ticket: Pick<Ticket, 'status' | 'close_reason' | 'pending_reason' | 'is_overdue'> }) {
  const { t } = useTranslation();
  const label =
    ticket.status === 'closed' && ticket.close_reason === 'auto'
      ? t('status.auto_closed')
      : ticket.status === 'closed' && ticket.close_reason === 'rejected'
        ? t('status.rejected')
        : t(`status.${ticket.status}`);
  return (
    <span className="badge-stack">
      <Badge tone={statusTone[ticket.status]} title={ticket.status === 'pending' && ticket.pending_reason ? `${t('status.pending')}: ${ticket.pending_reason}` : undefined}>
        {label}
      </Badge>
      {ticket.is_overdue && <Badge tone="red">{t('status.overdue')}</Badge>}
    </span>
  );
}

const priorityTone: Record<Ticket['priority'], BadgeTone> = { low: 'neutral', medium: 'blue', high: 'orange', urgent: 'red' };

export function PriorityBadge({ priority }: { priority: Ticket['priority'] }) {
  const { t } = useTranslation();
  return (
    <Badge tone={priorityTone[priority]}>
      <span className={`priority-dot priority-${priority}`} aria-hidden="true" />
      {t(`priority.${priority}`)}
    </Badge>
  );
}

/** Names a source the way people write it: eBay, B2B, Tripadvisor. */
function sourceName(source: string): string {
  const known: Record<string, string> = { ebay: 'eBay', b2b: 'B2B', website: 'Website', tripadvisor: 'Tripadvisor' };
  return known[source] ?? source.charAt(0).toUpperCase() + source.slice(1).replace(/[_-]/g, ' ');
}

/** The channel, with the marketplace or review site it came through; `name` is the channel's translated name. */
export function channelLabel(ticket: Pick<Ticket, 'channel' | 'source'>, name: (channel: Ticket['channel']) => string): { name: string; detail: string | null } {
  if (ticket.source && (ticket.channel === 'marketplace' || ticket.channel === 'review')) {
    return { name: sourceName(ticket.source), detail: name(ticket.channel) };
  }
  return { name: name(ticket.channel), detail: ticket.source ? sourceName(ticket.source) : null };
}

/** channelLabel with the channel names of the current language. */
export function useChannelLabel(): (ticket: Pick<Ticket, 'channel' | 'source'>) => { name: string; detail: string | null } {
  const { t } = useTranslation();
  return (ticket) => channelLabel(ticket, (c) => t(`channel.${c}`));
}
