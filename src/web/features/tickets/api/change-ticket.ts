import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Message, PatchTicketBody, Ticket, TransitionBody } from '../../../../contract/tickets.ts';
import { api, ifMatch, isConflict } from '../../../lib/api-client.ts';
import { ticketQueryKey } from './get-ticket.ts';
import { ticketHistoryQueryKey } from './get-ticket-history.ts';
import { refreshTicket, refreshTicketLists } from './ticket-cache.ts';

const path = (number: string) => `/tickets/${encodeURIComponent(number)}`;

/** After any change: the ticket as the server answered it, and the views that show it, refreshed. */
function settle(client: QueryClient, number: string, ticket: Ticket) {
  client.setQueryData(ticketQueryKey(number), ticket);
  void client.invalidateQueries({ queryKey: ticketHistoryQueryKey(number) });
  refreshTicketLists(client);
}

/** A change refused because someone else moved the ticket on: reload it so the agent sees the new state. */
function onConflict(client: QueryClient, number: string, error: unknown) {
  if (isConflict(error)) void client.invalidateQueries({ queryKey: ticketQueryKey(number) });
}

export const patchTicket = (number: string, version: number, body: PatchTicketBody) =>
  api<Ticket>(path(number), { method: 'PATCH', body, headers: ifMatch(version) });

/** Changes fields of the ticket as the agent last saw it (If-Match: a stale version gets 412). */
export function usePatchTicket(number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: PatchTicketBody }) => patchTicket(number, version, body),
    onSuccess: (ticket) => settle(client, number, ticket),
    onError: (error) => onConflict(client, number, error),
  });
}

export const transitionTicket = (number: string, version: number, body: TransitionBody) =>
  api<Ticket>(`${path(number)}/transitions`, { method: 'POST', body, headers: ifMatch(version) });

/** A lifecycle move: hold, resume, resolve, close, reopen. */
export function useTransitionTicket(number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: TransitionBody }) => transitionTicket(number, version, body),
    onSuccess: (ticket) => settle(client, number, ticket),
    onError: (error) => onConflict(client, number, error),
  });
}

/** Takes or releases the ticket lock. */
export function useLockTicket(number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (locked: boolean) => api<Ticket>(`${path(number)}/${locked ? 'lock' : 'unlock'}`, { method: 'POST' }),
    onSuccess: (ticket) => settle(client, number, ticket),
    onError: (error) => onConflict(client, number, error),
  });
}

export interface NewMessage {
  body: string;
  visibility: 'public' | 'internal';
  files?: File[];
}

/** JSON without files; with files, a multipart form the server checks file by file. */
function addMessage(number: string, { files = [], ...message }: NewMessage) {
  if (files.length === 0) return api<Message>(`${path(number)}/messages`, { method: 'POST', body: message });
  const form = new FormData();
  form.append('body', message.body);
  form.append('visibility', message.visibility);
  for (const file of files) form.append('files', file, file.name);
  return api<Message>(`${path(number)}/messages`, { method: 'POST', form });
}

/** A public reply to the customer or an internal note, with files if any were chosen. */
export function useAddMessage(number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (message: NewMessage) => addMessage(number, message),
    onSuccess: () => {
      // A reply can change the ticket too (first response, status): all of it is read again.
      refreshTicket(client, number);
      refreshTicketLists(client);
    },
  });
}
