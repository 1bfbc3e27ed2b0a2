import type { Ticket, TransitionBody } from '../../contract/tickets.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { planTransition, type TransitionRequest } from './lifecycle.ts';
import { eventActorOf, recordEvents } from './ticket-events.ts';
import { loadForChange, readBack } from './tickets.service.ts';
import { updateTicket } from './tickets.repository.ts';

const shown = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** Moves a ticket through the lifecycle; refusals are 409 (illegal move) or 400 (missing reason). */
export async function transitionTicket(deps: Deps, actor: TicketActor, number: string, input: TransitionBody | TransitionRequest, ifMatch?: number): Promise<Ticket> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadForChange(trx, actor, number, ifMatch);
    const outcome = planTransition(
      { status: ticket.status, waiting_on: ticket.waiting_on },
      { ...input, pending_until: input.pending_until ? new Date(input.pending_until) : undefined },
      { kind: actor.kind, agentId: actor.kind === 'agent' ? actor.agentId : null },
      now,
    );
    if (!outcome.ok) {
      throw new AppError(outcome.kind === 'illegal' ? 'illegal_transition' : 'validation_error', outcome.message, { from: ticket.status, to: input.to, allowed: outcome.allowed });
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(outcome.changes)) {
      const current = (ticket as Record<string, unknown>)[key];
      if (shown(current) === shown(value)) continue;
      before[key] = shown(current);
      after[key] = shown(value);
    }
    // What the customer does resets the auto-close clock.
    const activity = actor.kind === 'customer' ? { last_customer_activity_at: now } : {};
    await updateTicket(trx, actor.orgId, ticket.id, { ...outcome.changes, ...activity }, now);
    await recordEvents(trx, deps.config, actor.orgId, ticket.id, eventActorOf(actor), [{ type: outcome.event, before, after }], now);
    return readBack(deps, trx, actor.orgId, ticket.id);
  });
}
