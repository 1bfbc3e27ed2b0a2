import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { PortalTicketSummary } from '../../../contract/portal.ts';
import { api } from '../../lib/api-client.ts';
import { type Page, portalApi, portalKeys } from './keys.ts';

export const ticketsPageSize = 20;

/** The customer's own tickets, newest activity first, a page at a time. */
export const useTickets = (ws: string) =>
  useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: portalKeys.list(ws),
      queryFn: ({ pageParam, signal }) => api<Page<PortalTicketSummary>>(portalApi(ws, '/tickets'), { query: { limit: ticketsPageSize, cursor: pageParam }, signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
    }),
  );
