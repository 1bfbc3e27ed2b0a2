import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LiveEvent } from '../../../contract/live.ts';
import type { Ticket } from '../../../contract/tickets.ts';
import { refreshTicket, refreshTicketLists } from '../tickets/api/ticket-cache.ts';

/** What an event makes stale: for a ticket, lists, counts and its own views if open; for the agent's notifications, the bell. */
export function applyLiveEvent(client: QueryClient, event: LiveEvent): void {
  if (event.type === 'resync') {
    void client.invalidateQueries({ queryKey: ['tickets'] });
    void client.invalidateQueries({ queryKey: ['notifications'] });
    return;
  }
  if (event.type === 'notifications') {
    void client.invalidateQueries({ queryKey: ['notifications'] });
    return;
  }
  refreshTicketLists(client);
  // Events name tickets by id; open views are cached by number.
  for (const [, ticket] of client.getQueriesData<Ticket>({ queryKey: ['tickets', 'detail'] })) {
    if (ticket?.id === event.ticket_id) refreshTicket(client, ticket.number);
  }
}

/**
 * Keeps every ticket view current from the server's event stream (GET /api/v1/events). The
 * browser reconnects by itself after a break; whatever changed meanwhile is then read again.
 */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    let broken = false;
    const onEvent = (e: MessageEvent<string>) => {
      try {
        applyLiveEvent(client, JSON.parse(e.data) as LiveEvent);
      } catch {
        // A malformed event is dropped; the next one or a reload brings the state.
      }
    };
    source.addEventListener('ticket', onEvent);
    source.addEventListener('notifications', onEvent);
    source.addEventListener('resync', onEvent);
    source.addEventListener('error', () => {
      broken = true;
    });
    source.addEventListener('open', () => {
      if (broken) applyLiveEvent(client, { type: 'resync' });
      broken = false;
    });
    return () => source.close();
  }, [client]);
}
