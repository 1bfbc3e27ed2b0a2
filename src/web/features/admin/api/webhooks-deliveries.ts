import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { WebhookDeliveryPage } from '../../../../contract/webhooks.ts';
import { api } from '../../../lib/api-client.ts';

export const deliveriesQueryKey = (webhookId: number) => ['webhook-deliveries', webhookId] as const;

/** One page of an endpoint's delivery log, newest first. */
export const getDeliveries = (webhookId: number, cursor: string | null, signal?: AbortSignal): Promise<WebhookDeliveryPage> =>
  api<WebhookDeliveryPage>(`/admin/webhooks/${webhookId}/deliveries`, { query: { limit: 50, cursor }, signal });

export const useWebhookDeliveries = (webhookId: number) =>
  useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: deliveriesQueryKey(webhookId),
      queryFn: ({ pageParam, signal }) => getDeliveries(webhookId, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
      staleTime: 0,
      // While a delivery is on its way the log follows it.
      refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'queued' || d.status === 'sending')) ? 3_000 : false),
    }),
  );
