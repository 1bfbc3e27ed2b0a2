import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateImapMailboxBody, ImapMailbox, PatchImapMailboxBody } from '../../../../contract/imap.ts';
import { api } from '../../../lib/api-client.ts';

export const imapMailboxesQueryKey = ['imap-mailboxes'] as const;

export interface ImapMailboxList {
  items: ImapMailbox[];
  next_cursor: null;
}

/** The workspace's IMAP mailboxes with how their last poll went (never their passwords). */
export const getImapMailboxes = (signal?: AbortSignal): Promise<ImapMailboxList> => api<ImapMailboxList>('/admin/imap-mailboxes', { signal });

export const useImapMailboxes = () =>
  useQuery(
    queryOptions({
      queryKey: imapMailboxesQueryKey,
      queryFn: ({ signal }) => getImapMailboxes(signal),
      // The poller records each poll and its errors: the list follows them.
      refetchInterval: 15_000,
    }),
  );

export type SaveImapMailbox = { id: null; body: CreateImapMailboxBody } | { id: number; body: PatchImapMailboxBody };

export const saveImapMailbox = ({ id, body }: SaveImapMailbox): Promise<ImapMailbox> =>
  id === null ? api<ImapMailbox>('/admin/imap-mailboxes', { method: 'POST', body }) : api<ImapMailbox>(`/admin/imap-mailboxes/${id}`, { method: 'PATCH', body });

/** Adds or changes a mailbox; bad settings are 400 at their fields, an account read already 409. */
export function useSaveImapMailbox() {
  const client = useQueryClient();
  return useMutation({ mutationFn: saveImapMailbox, onSuccess: () => client.invalidateQueries({ queryKey: imapMailboxesQueryKey }) });
}

export const deleteImapMailbox = (id: number) => api<undefined>(`/admin/imap-mailboxes/${id}`, { method: 'DELETE' });

/** Stops reading a mailbox and forgets its settings; the tickets it made stay. */
export function useDeleteImapMailbox() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteImapMailbox, onSettled: () => client.invalidateQueries({ queryKey: imapMailboxesQueryKey }) });
}
