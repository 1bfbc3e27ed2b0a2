import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Ticket } from '../../../../contract/tickets.ts';
import { api } from '../../../lib/api-client.ts';

export const ticketQueryKey = (number: string) => ['tickets', 'detail', number] as const;

export const getTicket = (number: string, signal?: AbortSignal): Promise<Ticket> => api<Ticket>(`/tickets/${encodeURIComponent(number)}`, { signal });

export const ticketQueryOptions = (number: string) =>
  queryOptions({
    queryKey: ticketQueryKey(number),
    queryFn: ({ signal }) => getTicket(number, signal),
  });

/** One ticket; its `version` goes back as If-Match with every change. */
export const useTicket = (number: string) => useQuery(ticketQueryOptions(number));
