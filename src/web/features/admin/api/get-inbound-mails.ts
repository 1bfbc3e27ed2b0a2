import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { InboundMailPage, inboundOutcomes } from '../../../../contract/inbound-mail.ts';
import { api } from '../../../lib/api-client.ts';

export type InboundFilter = (typeof inboundOutcomes)[number] | 'pending';

/** One page of the workspace's received mail, newest first. */
export const getInboundMails = (outcome: InboundFilter | undefined, cursor: string | null, signal?: AbortSignal): Promise<InboundMailPage> =>
  api<InboundMailPage>('/admin/inbound-mails', { query: { outcome, limit: 50, cursor }, signal });

export const useInboundMails = (outcome: InboundFilter | undefined) =>
  useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ['inbound-mails', outcome ?? 'all'],
      queryFn: ({ pageParam, signal }) => getInboundMails(outcome, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
      staleTime: 0,
      // A stored mail is read into a ticket within a sweep: the list follows it until none waits.
      refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((m) => m.outcome === null)) ? 2_000 : false),
    }),
  );
