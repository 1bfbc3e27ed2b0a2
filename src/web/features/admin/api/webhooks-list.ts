import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WebhookList } from '../../../../contract/webhooks.ts';
import { api } from '../../../lib/api-client.ts';

export const webhooksQueryKey = ['webhooks'] as const;

export const getWebhooks = (signal?: AbortSignal): Promise<WebhookList> => api<WebhookList>('/admin/webhooks', { signal });

/** The workspace's endpoints (without their secrets). */
export const useWebhooks = () => useQuery(queryOptions({ queryKey: webhooksQueryKey, queryFn: ({ signal }) => getWebhooks(signal) }));
