import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { PortalNote } from '../../../contract/portal.ts';
import { api } from '../../lib/api-client.ts';
import { type Page, portalKeys, ticketApi } from './keys.ts';

/** The public conversation of a ticket, oldest first. */
export const useNotes = (ws: string, number: string) =>
  useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: portalKeys.notes(ws, number),
      queryFn: ({ pageParam, signal }) => api<Page<PortalNote>>(ticketApi(ws, number, '/notes'), { query: { limit: 100, cursor: pageParam }, signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
    }),
  );
