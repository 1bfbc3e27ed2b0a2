import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketSource } from '../../../../contract/channel-intake.ts';
import { api } from '../../../lib/api-client.ts';

export interface SourceList {
  items: TicketSource[];
  next_cursor: null;
}

/** Under the key the ticket pages read the sources with (['channels', 'sources']): a change here refreshes both. */
export const allSourcesQueryKey = ['channels', 'sources', 'all'] as const;

/** Every source of marketplace and review tickets, those turned off included (flagged). */
export const getAllSources = (signal?: AbortSignal): Promise<SourceList> => api<SourceList>('/channels/sources', { query: { include_retired: 'true' }, signal });

export const useAllSources = () => useQuery(queryOptions({ queryKey: allSourcesQueryKey, queryFn: ({ signal }) => getAllSources(signal) }));
