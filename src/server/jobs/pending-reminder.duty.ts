import { systemActor } from '../platform/actor.ts';
import { eventActorOf, recordEvents } from '../tickets/ticket-events.ts';
import { setDue, ticketsDueBy, type DueTicket } from './due-tickets.repository.ts';
import type { Duty } from './duty.ts';

/**
 * DESIGN.md §2 "Pending reminders": when pending_until passes, a `reminded` history event by the
 * system tells the assignee — or, while nobody owns the ticket, its department — in the app (and
 * by mail to those who chose it), once: the reminder's due time is cleared in the same transaction.
 */
export const pendingReminderDuty: Duty<DueTicket> = {
  name: 'pending_reminder',
  ...ticketsDueBy('reminder_due_at'),
  async act(trx, ticket, { deps, now }) {
    await setDue(trx, ticket, 'reminder_due_at', null);
    if (ticket.status !== 'pending' || ticket.pending_until === null) return 'skipped';
    const event = { type: 'reminded', after: { pending_until: ticket.pending_until.toISOString() } };
    await recordEvents(trx, deps.config, ticket.org_id, ticket.id, eventActorOf(systemActor(ticket.org_id)), [event], now);
    return 'done';
  },
};
