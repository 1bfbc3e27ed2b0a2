import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** A ticket's conversation or history, oldest first, 200 a page, cached under ['tickets', what, number]. */
export const ticketPagesOptions = <T>(what: 'messages' | 'history', number: string) =>
  infiniteQueryOptions({
    queryKey: ['tickets', what, number] as const,
    queryFn: ({ pageParam, signal }) => api<Page<T>>(`/tickets/${encodeURIComponent(number)}/${what}`, { query: { limit: 200, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<T>) => last.next_cursor,
  });
