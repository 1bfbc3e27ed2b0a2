import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { PortalEvent } from '../../../contract/portal.ts';
import { api } from '../../lib/api-client.ts';
import { type Page, portalKeys, ticketApi } from './keys.ts';

/** What happened to a ticket, as far as it concerns the customer. */
export const useHistory = (ws: string, number: string) =>
  useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: portalKeys.history(ws, number),
      queryFn: ({ pageParam, signal }) => api<Page<PortalEvent>>(ticketApi(ws, number, '/history'), { query: { limit: 100, cursor: pageParam }, signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
    }),
  );
