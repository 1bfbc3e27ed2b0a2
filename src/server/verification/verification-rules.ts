import type { VerificationState } from '../../contract/verification.ts';
import { AppError } from '../platform/errors.ts';

/** Whether a new ticket from this channel waits for verification (the workspace's verification_channels). */
export const needsVerification = (verificationChannels: readonly string[], channel: string): boolean => verificationChannels.includes(channel);

/**
 * Refuses what must wait until a ticket is verified: answering the customer, moving it through
 * the lifecycle, giving it a department or an assignee. Verify or reject it first.
 */
export function refuseWhileUnverified(ticket: { number: string; verification_state: VerificationState }, action: string): void {
  if (ticket.verification_state !== 'unverified') return;
  throw new AppError('conflict', `Ticket ${ticket.number} waits for verification: verify the ticket first, then ${action}`, { verification_state: 'unverified' });
}

/** Verify and reject act on unverified tickets only; 409 names the state the ticket is in. */
export function assertUnverified(ticket: { number: string; verification_state: VerificationState }, action: 'verify' | 'reject'): void {
  if (ticket.verification_state === 'unverified') return;
  throw new AppError('conflict', `Ticket ${ticket.number} is ${ticket.verification_state}; only an unverified ticket can be ${action === 'verify' ? 'verified' : 'rejected'}`, {
    verification_state: ticket.verification_state,
  });
}
