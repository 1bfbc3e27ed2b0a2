import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketField } from '../../../../contract/ticket-fields.ts';
import { api } from '../../../lib/api-client.ts';

export interface TicketFieldList {
  items: TicketField[];
  next_cursor: null;
}

/** The workspace's typed ticket fields in form order, retired ones included and flagged; every agent reads them. */
export const getTicketFields = (signal?: AbortSignal): Promise<TicketFieldList> => api<TicketFieldList>('/ticket-fields', { signal });

export const ticketFieldsQueryOptions = queryOptions({
  queryKey: ['ticket-fields'],
  queryFn: ({ signal }) => getTicketFields(signal),
  // Admins rarely change them; a value the server no longer takes is refused at its field.
  staleTime: 5 * 60_000,
});

export const useTicketFields = () => useQuery(ticketFieldsQueryOptions);
