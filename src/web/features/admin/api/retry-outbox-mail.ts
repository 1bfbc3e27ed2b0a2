import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OutboxMailDetail } from '../../../../contract/mail.ts';
import { api } from '../../../lib/api-client.ts';
import { outboxMailQueryKey } from './get-outbox-mail.ts';
import { outboxQueryKey } from './get-outbox.ts';

export const retryOutboxMail = (id: number): Promise<OutboxMailDetail> => api<OutboxMailDetail>(`/outbox/${id}/retry`, { method: 'POST' });

/** Puts a failed or kept mail back in the queue (409 once it is queued, being sent or sent). */
export function useRetryOutboxMail(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => retryOutboxMail(id),
    onSuccess: (mail) => client.setQueryData(outboxMailQueryKey(id), mail),
    // A refused retry means the mail moved on: show where it is now.
    onSettled: () => client.invalidateQueries({ queryKey: outboxQueryKey }),
  });
}
