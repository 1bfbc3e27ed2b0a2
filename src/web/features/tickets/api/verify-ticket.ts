import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Ticket } from '../../../../contract/tickets.ts';
import type { RejectTicketBody, VerifyTicketBody } from '../../../../contract/verification.ts';
import { api, ifMatch, isConflict } from '../../../lib/api-client.ts';
import { ticketQueryKey } from './get-ticket.ts';
import { refreshTicket, refreshTicketLists } from './ticket-cache.ts';

const path = (number: string, action: 'verify' | 'reject') => `/tickets/${encodeURIComponent(number)}/${action}`;

export const verifyTicket = (number: string, version: number, body: VerifyTicketBody) =>
  api<Ticket>(path(number, 'verify'), { method: 'POST', body, headers: ifMatch(version) });

export const rejectTicket = (number: string, version: number, body: RejectTicketBody) =>
  api<Ticket>(path(number, 'reject'), { method: 'POST', body, headers: ifMatch(version) });

/** Verifying or rejecting, on the ticket as the agent last saw it; a refusal because it moved on reloads it. */
function useDecision<B>(number: string, send: (number: string, version: number, body: B) => Promise<Ticket>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: B }) => send(number, version, body),
    onSuccess: (ticket) => {
      client.setQueryData(ticketQueryKey(number), ticket);
      // The history gains events, the lists and the "To verify" count lose the ticket.
      refreshTicket(client, number);
      refreshTicketLists(client);
    },
    onError: (error) => {
      if (isConflict(error)) void client.invalidateQueries({ queryKey: ticketQueryKey(number) });
    },
  });
}

/** Verify: the ticket enters its department and the customer gets the confirmation with its number. */
export const useVerifyTicket = (number: string) => useDecision(number, verifyTicket);

/** Reject: the ticket is closed as rejected; the customer is not told. */
export const useRejectTicket = (number: string) => useDecision(number, rejectTicket);
