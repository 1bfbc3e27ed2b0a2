import type { Ticket } from '../../contract/tickets.ts';
import type { RejectTicketBody, VerifyTicketBody } from '../../contract/verification.ts';
import type { Actor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { autoAssignedEvent, pickAssignee } from '../routing/auto-assign.ts';
import { routeTicket } from '../routing/route-ticket.ts';
import { applySla } from '../sla/apply-sla.ts';
import { eventActorOf, recordEvents, type DomainEvent } from '../tickets/ticket-events.ts';
import { resolveDepartment } from '../tickets/ticket-refs.ts';
import { loadForChange, readBack } from '../tickets/tickets.service.ts';
import { updateTicket, type LockedTicket } from '../tickets/tickets.repository.ts';
import { applyTransition } from '../tickets/transitions.service.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { assertUnverified } from './verification-rules.ts';

/** Where a verified ticket goes: the department chosen now, else the one it asked for, else the routing rules as they are now. */
async function departmentOnVerify(deps: Deps, trx: Db, ticket: LockedTicket, chosen: VerifyTicketBody['department']) {
  if (chosen !== undefined) return { department: await resolveDepartment(trx, ticket.org_id, chosen), routedBy: null };
  if (ticket.requested_department_id !== null) return { department: await resolveDepartment(trx, ticket.org_id, ticket.requested_department_id), routedBy: null };
  const facts = { channel: ticket.channel, source: ticket.source, category_id: ticket.category_id, customer_id: ticket.customer_id, subject: ticket.subject };
  const routed = await routeTicket(deps.db, trx, ticket.org_id, facts);
  return { department: routed?.department ?? null, routedBy: routed?.rule ?? null };
}

/**
 * Verifies an unverified ticket: it enters its department (chosen now, asked for, or routed),
 * which may assign it automatically; the department hears of a new ticket and the customer gets
 * the "created" mail with the number, as a ticket without verification does at once.
 */
export async function verifyTicket(deps: Deps, actor: Actor, number: string, input: VerifyTicketBody, ifMatch?: number): Promise<Ticket> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadForChange(trx, actor, number, ifMatch);
    assertUnverified(ticket, 'verify');
    const { department, routedBy } = await departmentOnVerify(deps, trx, ticket, input.department);
    const pick = department && ticket.assignee_id === null ? await pickAssignee(trx, actor.orgId, department.id, now) : null;
    const changes = {
      verification_state: 'verified' as const,
      department_id: department?.id ?? null,
      requested_department_id: null,
      ...(pick ? { assignee_id: pick.assignee.id } : {}),
    };
    // Service levels: the department may match another policy.
    const sla = await applySla(deps, trx, actor.orgId, { ...ticket, department_id: changes.department_id }, { kind: 'recompute' }, now);
    await updateTicket(trx, actor.orgId, ticket.id, { ...changes, ...sla }, now);
    const events: DomainEvent[] = [
      {
        type: 'verified',
        before: { verification_state: 'unverified' },
        after: { verification_state: 'verified', department: department?.name ?? null, ...(routedBy ? { routed_by: routedBy } : {}) },
      },
      ...(pick ? [autoAssignedEvent(actor.orgId, pick)] : []),
    ];
    await recordEvents(trx, deps.config, actor.orgId, ticket.id, eventActorOf(actor), events, now);
    return readBack(deps, trx, actor.orgId, ticket.id);
  });
}

/** Rejects an unverified ticket: closed with close_reason rejected through the lifecycle; the customer is told nothing. */
export async function rejectTicket(deps: Deps, actor: Actor, number: string, input: RejectTicketBody, ifMatch?: number): Promise<Ticket> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadForChange(trx, actor, number, ifMatch);
    assertUnverified(ticket, 'reject');
    // The reason stays with the agents: a close's resolution is shown in the customer's portal.
    await applyTransition(deps, trx, actor, ticket, { to: 'closed', close_reason: 'rejected' }, now, {
      along: {
        columns: { verification_state: 'rejected', requested_department_id: null },
        events: [{ type: 'rejected', before: { verification_state: 'unverified' }, after: { verification_state: 'rejected', reason: input.reason ?? null } }],
      },
    });
    return readBack(deps, trx, actor.orgId, ticket.id);
  });
}
