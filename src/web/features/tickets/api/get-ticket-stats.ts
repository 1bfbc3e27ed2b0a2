import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketStats } from '../../../../contract/tickets.ts';
import { api } from '../../../lib/api-client.ts';
import { type CountFilters, ticketListPath } from '../ticket-filters.ts';

/** Ticket counts per status under the given filters (neither the status filter nor the order applies to counts). */
export const getTicketStats = (filters: CountFilters, signal?: AbortSignal): Promise<TicketStats> =>
  api<TicketStats>(ticketListPath('/tickets/stats', { ...filters }), { signal });

export const ticketStatsQueryOptions = (filters: CountFilters) =>
  queryOptions({
    queryKey: ['tickets', 'stats', filters],
    queryFn: ({ signal }) => getTicketStats(filters, signal),
    refetchInterval: 60_000,
  });

export const useTicketStats = (filters: CountFilters) => useQuery(ticketStatsQueryOptions(filters));
