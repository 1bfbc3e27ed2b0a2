import { systemActor } from '../platform/actor.ts';
import { eventActorOf } from '../tickets/ticket-events.ts';
import { ticketsDueBy, type DueTicket } from './due-tickets.repository.ts';
import type { Duty } from './duty.ts';

/**
 * DESIGN.md §2 "Pending reminders": when pending_until passes, a `reminded` history event by the
 * system tells the assignee — or, while nobody owns the ticket, its department — in the app (and
 * by mail to those who chose it), once: the reminder's due time is cleared in the same transaction.
 */
export const pendingReminderDuty: Duty<DueTicket> = {
  name: 'pending_reminder',
  ...ticketsDueBy('reminder_due_at'),
  async act(_trx, ticket, { write }) {
    await write.update(ticket.org_id, ticket.id, { reminder_due_at: null }, false);
    if (ticket.status !== 'pending' || ticket.pending_until === null) return 'skipped';
    const event = { type: 'reminded', after: { pending_until: ticket.pending_until.toISOString() } };
    await write.record({ orgId: ticket.org_id, ticketId: ticket.id, actor: eventActorOf(systemActor(ticket.org_id)), events: [event] });
    return 'done';
  },
};
