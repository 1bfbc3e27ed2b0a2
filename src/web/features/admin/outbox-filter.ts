import { type OutboxStatusName, outboxStatuses } from '../../../contract/mail.ts';
import type { BadgeTone } from '../../components/ui/badge.tsx';

/** The status filter of the outbox as the URL holds it (`?status=kept`); anything else shows all. */
export function readOutboxStatus(params: URLSearchParams): OutboxStatusName | undefined {
  const value = params.get('status');
  return (outboxStatuses as readonly (string | null)[]).includes(value) ? (value as OutboxStatusName) : undefined;
}

/** The URL search of a status filter, leaving other parameters as they are. */
export function writeOutboxStatus(params: URLSearchParams, status: OutboxStatusName | undefined): string {
  const next = new URLSearchParams(params);
  if (status) next.set('status', status);
  else next.delete('status');
  const search = next.toString();
  return search ? `?${search}` : '';
}

/** The filter's choices in the order an admin looks for them: the dev outbox first, failures last. */
export const outboxFilterOrder = [undefined, 'kept', 'queued', 'sending', 'sent', 'failed'] as const satisfies readonly (OutboxStatusName | undefined)[];

export const outboxStatusTone: Record<OutboxStatusName, BadgeTone> = { kept: 'violet', queued: 'blue', sending: 'amber', sent: 'green', failed: 'red' };

/** Failed and kept mails can be put back in the queue; the server refuses the others with 409. */
export const canRetry = (status: OutboxStatusName): boolean => status === 'failed' || status === 'kept';
