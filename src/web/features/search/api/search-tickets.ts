import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type TicketPage, ticketPageSize } from '../../tickets/api/get-tickets.ts';
import type { SortFilter } from '../../tickets/ticket-filters.ts';

/** GET /api/v1/tickets parameters of a search (see toSearchQuery), and the table's order. */
export interface TicketSearch {
  query: Record<string, string>;
  sort?: SortFilter;
}

/** One page of the tickets matching a search. */
export const searchTickets = ({ query, sort }: TicketSearch, cursor: string | null, signal?: AbortSignal): Promise<TicketPage> =>
  api<TicketPage>('/tickets', { query: { ...query, sort, limit: ticketPageSize, cursor }, signal });

// Under ['tickets', 'list'], so live events and bulk changes refresh the results like the dashboard's.
export const searchTicketsQueryOptions = (search: TicketSearch) =>
  infiniteQueryOptions({
    queryKey: ['tickets', 'list', 'search', search],
    queryFn: ({ pageParam, signal }) => searchTickets(search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });

/** The search results, paged by the server's cursor ("Load more"); nothing is asked while `search` is null. */
export function useSearchTickets(search: TicketSearch | null) {
  return useInfiniteQuery({ ...searchTicketsQueryOptions(search ?? { query: {} }), enabled: search !== null });
}
