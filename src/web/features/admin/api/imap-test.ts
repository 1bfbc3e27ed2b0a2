import { useMutation } from '@tanstack/react-query';
import type { ImapConnectionBody, ImapTestResult } from '../../../../contract/imap.ts';
import { api } from '../../../lib/api-client.ts';

/** Settings as typed (tested before saving), or a saved mailbox (tested with its stored password). */
export type ImapTestTarget = { settings: ImapConnectionBody } | { id: number };

export const testImapConnection = (target: ImapTestTarget): Promise<ImapTestResult> =>
  'id' in target
    ? api<ImapTestResult>(`/admin/imap-mailboxes/${target.id}/test`, { method: 'POST' })
    : api<ImapTestResult>('/admin/imap-mailboxes/test', { method: 'POST', body: target.settings });

/** Connects, logs in and opens the folder; the answer says what the server said at each step. */
export const useTestImapConnection = () => useMutation({ mutationFn: testImapConnection });
