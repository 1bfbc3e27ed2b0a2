import { systemActor } from '../platform/actor.ts';
import { applySla } from '../sla/apply-sla.ts';
import { eventActorOf } from '../tickets/ticket-events.ts';
import { ticketsDueBy, type DueTicket } from './due-tickets.repository.ts';
import type { Duty } from './duty.ts';

/**
 * DESIGN.md §2 "Service levels": when the policy's warning share of a target has passed and the
 * target is still unmet, an `sla_warning` history event by the system tells the assignee — or,
 * while nobody owns the ticket, its department — before the due time is missed; the next warning
 * (of a later target) is armed in the same transaction, so each is sent once.
 */
export const slaWarningDuty: Duty<DueTicket> = {
  name: 'sla_warning',
  ...ticketsDueBy('sla_warning_at'),
  async act(trx, ticket, { deps, now, write }) {
    // Planned again with today's policies and calendars: the warning may have gone (answered, paused, another target).
    const current = await applySla(deps, trx, ticket.org_id, ticket, { kind: 'recompute' }, now);
    const warningAt = 'sla_warning_at' in current ? current.sla_warning_at : ticket.sla_warning_at;
    if (warningAt == null || warningAt.getTime() > now.getTime()) {
      await write.update(ticket.org_id, ticket.id, current, false);
      return 'skipped';
    }
    const dueAt = ('escalation_at' in current ? current.escalation_at : ticket.escalation_at) ?? null;
    await write.update(ticket.org_id, ticket.id, await applySla(deps, trx, ticket.org_id, ticket, { kind: 'warning_sent' }, now), false);
    const event = { type: 'sla_warning', after: { due_at: dueAt?.toISOString() ?? null } };
    await write.record({ orgId: ticket.org_id, ticketId: ticket.id, actor: eventActorOf(systemActor(ticket.org_id)), events: [event] });
    return 'done';
  },
};
