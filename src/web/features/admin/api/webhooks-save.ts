import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookBody, PatchWebhookBody, Webhook, WebhookWithSecret } from '../../../../contract/webhooks.ts';
import { api } from '../../../lib/api-client.ts';
import { webhooksQueryKey } from './webhooks-list.ts';

export const createWebhook = (body: CreateWebhookBody): Promise<WebhookWithSecret> => api<WebhookWithSecret>('/admin/webhooks', { method: 'POST', body });
export const patchWebhook = (id: number, body: PatchWebhookBody): Promise<Webhook> => api<Webhook>(`/admin/webhooks/${id}`, { method: 'PATCH', body });

/** Registers an endpoint; the answer carries its secret, shown this once. */
export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createWebhook, onSettled: () => client.invalidateQueries({ queryKey: webhooksQueryKey }) });
}

/** Changes an endpoint, or turns it off or on again. */
export function usePatchWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: PatchWebhookBody }) => patchWebhook(id, body),
    onSettled: () => client.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
}
