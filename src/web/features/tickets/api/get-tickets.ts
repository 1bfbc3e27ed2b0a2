import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Ticket } from '../../../../contract/tickets.ts';
import { api } from '../../../lib/api-client.ts';
import { type TicketFilters, ticketListPath } from '../ticket-filters.ts';

export interface TicketPage {
  items: Ticket[];
  next_cursor: string | null;
}

export const ticketPageSize = 50;

/** Any filter of GET /api/v1/tickets, beyond the dashboard's own. */
export type TicketQuery = TicketFilters & { customer_user_id?: number; limit?: number };

/** One page of the ticket list under the given filters. */
export const getTickets = (filters: TicketQuery, cursor: string | null, signal?: AbortSignal): Promise<TicketPage> =>
  api<TicketPage>(ticketListPath('/tickets', { limit: ticketPageSize, ...filters, cursor }), { signal });

export const ticketsQueryOptions = (filters: TicketFilters) =>
  infiniteQueryOptions({
    queryKey: ['tickets', 'list', filters],
    queryFn: ({ pageParam, signal }) => getTickets(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });

/** The ticket list, paged by the server's cursor ("Load more"). */
export const useTickets = (filters: TicketFilters) => useInfiniteQuery(ticketsQueryOptions(filters));
