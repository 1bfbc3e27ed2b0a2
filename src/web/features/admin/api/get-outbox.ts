import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { OutboxMail, OutboxPage, OutboxStatusName } from '../../../../contract/mail.ts';
import { api } from '../../../lib/api-client.ts';

export const outboxQueryKey = ['outbox'] as const;
export const outboxPageSize = 50;

/** Statuses the outbox worker moves on from by itself within seconds. */
export const isInFlight = (mail: Pick<OutboxMail, 'status'>): boolean => mail.status === 'queued' || mail.status === 'sending';

/** One page of the workspace's outgoing mails, newest first. */
export const getOutbox = (status: OutboxStatusName | undefined, cursor: string | null, signal?: AbortSignal): Promise<OutboxPage> =>
  api<OutboxPage>('/outbox', { query: { status, limit: outboxPageSize, cursor }, signal });

export const outboxQueryOptions = (status: OutboxStatusName | undefined) =>
  infiniteQueryOptions({
    queryKey: [...outboxQueryKey, 'list', status ?? 'all'],
    queryFn: ({ pageParam, signal }) => getOutbox(status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    // Back from another tab (the portal, where a sign-in link was just asked for), the list is read again.
    staleTime: 0,
    // A queued mail is sent (or kept) in a moment: the list follows it until it settles.
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some(isInFlight)) ? 2_000 : false),
  });

/** The outbox under a status filter, paged by the server's cursor ("Load more"). */
export const useOutbox = (status: OutboxStatusName | undefined) => useInfiniteQuery(outboxQueryOptions(status));
