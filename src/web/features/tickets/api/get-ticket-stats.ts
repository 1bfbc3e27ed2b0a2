import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketStats } from '../../../../contract/tickets.ts';
import { api } from '../../../lib/api-client.ts';
import type { TicketFilters } from '../ticket-filters.ts';

/** Ticket counts per status under the given filters (the status filter itself does not apply to counts). */
export const getTicketStats = (filters: Omit<TicketFilters, 'status'>, signal?: AbortSignal): Promise<TicketStats> =>
  api<TicketStats>('/tickets/stats', { query: { ...filters }, signal });

export const ticketStatsQueryOptions = (filters: Omit<TicketFilters, 'status'>) =>
  queryOptions({
    queryKey: ['tickets', 'stats', filters],
    queryFn: ({ signal }) => getTicketStats(filters, signal),
    refetchInterval: 60_000,
  });

export const useTicketStats = (filters: Omit<TicketFilters, 'status'>) => useQuery(ticketStatsQueryOptions(filters));
