import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Ticket } from '../../../../contract/tickets.ts';
import { api } from '../../../lib/api-client.ts';
import type { CreateTicketInput } from '../create-ticket-form.ts';

export interface CreateTicketRequest {
  body: CreateTicketInput;
  /** The same key for a repeat of the same body: the server then answers with the ticket it already made. */
  idempotencyKey: string;
}

/** Logs a ticket; the answer carries the new ticket's number. */
export const createTicket = ({ body, idempotencyKey }: CreateTicketRequest): Promise<Ticket> =>
  api<Ticket>('/tickets', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } });

/** A random key; `crypto.randomUUID` is missing on plain-http installations, `getRandomValues` is not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTicket,
    // Not awaited: the lists and counts refresh when next shown, the agent moves on at once.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tickets'] }),
  });
}
