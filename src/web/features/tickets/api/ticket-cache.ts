import type { QueryClient } from '@tanstack/react-query';
import { ticketQueryKey } from './get-ticket.ts';
import { ticketHistoryQueryKey } from './get-ticket-history.ts';
import { ticketMessagesQueryKey } from './get-ticket-messages.ts';

/** Lists and counts show every ticket: any change makes them stale (search results are lists too). */
export function refreshTicketLists(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: ['tickets', 'list'] });
  void client.invalidateQueries({ queryKey: ['tickets', 'stats'] });
}

/** One ticket changed: its own views are read again where they are shown. */
export function refreshTicket(client: QueryClient, number: string): void {
  void client.invalidateQueries({ queryKey: ticketQueryKey(number) });
  void client.invalidateQueries({ queryKey: ticketMessagesQueryKey(number) });
  void client.invalidateQueries({ queryKey: ticketHistoryQueryKey(number) });
}
