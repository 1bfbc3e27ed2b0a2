import type { Status } from '../../contract/tickets.ts';

/** What of a ticket decides its auto-close and reminder times. */
export interface SweptState {
  status: Status;
  waiting_on: 'customer' | 'third_party' | 'internal' | null;
  pending_until: Date | null;
}

export interface SweepDueTimes {
  auto_close_at: Date | null;
  reminder_due_at: Date | null;
}

/** Whether only the customer can move the ticket on, so their silence closes it (DESIGN.md §2 "Auto-close"). */
export const awaitsCustomer = (s: Pick<SweptState, 'status' | 'waiting_on'>): boolean =>
  s.status === 'resolved' || (s.status === 'pending' && s.waiting_on === 'customer');

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * The instants the sweeper acts on after a change. Auto-close: the period runs from entering a
 * state that waits on the customer and starts again with each activity of theirs; a workspace
 * whose period is 0 closes nothing. A period the admin changes applies from a ticket's next such
 * moment. Reminder: due at pending_until, once; a new pending_until arms it again, and leaving
 * pending disarms it (a sent reminder is null already).
 */
export function sweepDueTimes(
  before: SweptState & SweepDueTimes,
  after: SweptState,
  o: { autoCloseAfterSeconds: number; isCustomerActivity: boolean; now: Date },
): SweepDueTimes {
  let autoCloseAt: Date | null = null;
  if (awaitsCustomer(after) && o.autoCloseAfterSeconds > 0) {
    const isEntering = !awaitsCustomer(before) || before.status !== after.status;
    autoCloseAt = isEntering || o.isCustomerActivity || before.auto_close_at === null ? new Date(o.now.getTime() + o.autoCloseAfterSeconds * 1000) : before.auto_close_at;
  }
  let reminderDueAt: Date | null = null;
  if (after.status === 'pending' && after.pending_until !== null) {
    reminderDueAt = before.status === 'pending' && same(before.pending_until, after.pending_until) ? before.reminder_due_at : after.pending_until;
  }
  return { auto_close_at: autoCloseAt, reminder_due_at: reminderDueAt };
}
