import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WebhookDelivery, WebhookWithSecret } from '../../../../contract/webhooks.ts';
import { api } from '../../../lib/api-client.ts';
import { deliveriesQueryKey } from './webhooks-deliveries.ts';
import { webhooksQueryKey } from './webhooks-list.ts';

export const deleteWebhook = (id: number): Promise<void> => api<void>(`/admin/webhooks/${id}`, { method: 'DELETE' });
export const rotateWebhookSecret = (id: number): Promise<WebhookWithSecret> => api<WebhookWithSecret>(`/admin/webhooks/${id}/rotate-secret`, { method: 'POST' });
export const pingWebhook = (id: number): Promise<WebhookDelivery> => api<WebhookDelivery>(`/admin/webhooks/${id}/test`, { method: 'POST' });
export const retryDelivery = (id: number, deliveryId: number): Promise<WebhookDelivery> =>
  api<WebhookDelivery>(`/admin/webhooks/${id}/deliveries/${deliveryId}/retry`, { method: 'POST' });

/** Deletes an endpoint with its delivery log. */
export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteWebhook, onSettled: () => client.invalidateQueries({ queryKey: webhooksQueryKey }) });
}

/** A new secret, shown once; the old one still signs for a day. */
export function useRotateWebhookSecret() {
  const client = useQueryClient();
  return useMutation({ mutationFn: rotateWebhookSecret, onSettled: () => client.invalidateQueries({ queryKey: webhooksQueryKey }) });
}

/** Sends a ping; its outcome appears in the endpoint's delivery log. */
export function usePingWebhook() {
  const client = useQueryClient();
  return useMutation({ mutationFn: pingWebhook, onSettled: (_d, _e, id) => client.invalidateQueries({ queryKey: deliveriesQueryKey(id) }) });
}

/** Queues a failed delivery again (409 unless it failed, or while the endpoint is off). */
export function useRetryDelivery(webhookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: number) => retryDelivery(webhookId, deliveryId),
    onSettled: () => client.invalidateQueries({ queryKey: deliveriesQueryKey(webhookId) }),
  });
}
