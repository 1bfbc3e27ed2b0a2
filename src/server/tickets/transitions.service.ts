import type { Ticket, TransitionBody } from '../../contract/tickets.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { applySla } from '../sla/apply-sla.ts';
import { refuseWhileUnverified } from '../verification/verification-rules.ts';
import { findWorkspaceById, type Db } from '../workspaces/workspaces.repository.ts';
import { awaitsCustomer, sweepDueTimes, type SweepDueTimes, type SweptState } from './due-times.ts';
import { planTransition, type TransitionRequest } from './lifecycle.ts';
import type { Updateable } from 'kysely';
import type { TicketsTable } from '../platform/db/schema.ts';
import { eventActorOf, type DomainEvent } from './ticket-events.ts';
import { writeAtOnce, type TicketWriter } from './ticket-writes.ts';
import { loadForChange, readBack } from './tickets.service.ts';
import type { TicketState } from './tickets.repository.ts';

const shown = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** Moves a ticket through the lifecycle; refusals are 409 (illegal move) or 400 (missing reason). */
export async function transitionTicket(deps: Deps, actor: TicketActor, number: string, input: TransitionBody | TransitionRequest, ifMatch?: number): Promise<Ticket> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadForChange(trx, actor, number, ifMatch);
    // The customer may still withdraw (resolve) their own request; the care team verifies or rejects first.
    if (actor.kind !== 'customer') refuseWhileUnverified(ticket, 'move it');
    await applyTransition(deps, trx, actor, ticket, input, now);
    return readBack(deps, trx, actor.orgId, ticket.id);
  });
}

/** What a caller's own change adds to the move, written in the same update and event insert (verification's reject). */
export interface AlongWithMove {
  columns: Updateable<TicketsTable>;
  events: DomainEvent[];
}

export interface TransitionOptions {
  along?: AlongWithMove;
  /** How the move is written; by default at once. A sweeper's batch gathers its moves and writes them together. */
  writer?: TicketWriter;
}

/** The move itself, on a ticket whose row the caller's transaction holds locked (a request, or a sweeper duty). */
export async function applyTransition(
  deps: Deps,
  trx: Db,
  actor: TicketActor,
  ticket: TicketState,
  input: TransitionBody | TransitionRequest,
  now: Date,
  { along = { columns: {}, events: [] }, writer = writeAtOnce(trx, deps.config, now) }: TransitionOptions = {},
): Promise<void> {
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
  const due = await dueTimesAfter(trx, ticket, outcome.changes, actor.kind === 'customer', now);
  // Service levels: pending pauses the clock, resolve stamps the stats, a reopen resumes.
  const sla = await applySla(deps, trx, actor.orgId, { ...ticket, ...outcome.changes }, { kind: 'status', from: ticket.status }, now);
  await writer.update(actor.orgId, ticket.id, { ...outcome.changes, ...activity, ...due, ...sla, ...along.columns }, true);
  const measures = outcome.event === 'resolved' ? { measures: resolutionMeasures({ ...ticket, ...sla }) } : {};
  await writer.record({ orgId: actor.orgId, ticketId: ticket.id, actor: eventActorOf(actor), events: [{ type: outcome.event, before, after, ...measures }, ...along.events] });
}

/** What reports measure at a resolution: the SLA's stamp of the time it took, and by how much it missed the target. */
const resolutionMeasures = (t: Pick<TicketState, 'resolution_seconds_taken' | 'resolution_seconds_over'>) => ({
  resolution_seconds: t.resolution_seconds_taken,
  resolution_seconds_over: t.resolution_seconds_over,
});

/** The sweeper's due times after a change (due-times.ts); reads the workspace's auto-close period only where it applies. */
export async function dueTimesAfter(trx: Db, ticket: TicketState, change: Partial<SweptState> & Pick<SweptState, 'status'>, isCustomerActivity: boolean, now: Date): Promise<SweepDueTimes> {
  const after: SweptState = { status: change.status, waiting_on: change.waiting_on ?? null, pending_until: change.pending_until ?? null };
  const autoCloseAfterSeconds = awaitsCustomer(after) ? ((await findWorkspaceById(trx, ticket.org_id))?.auto_close_after_seconds ?? 0) : 0;
  return sweepDueTimes(ticket, after, { autoCloseAfterSeconds, isCustomerActivity, now });
}
