import type { Updateable } from 'kysely';
import { priorities } from '../../contract/tickets.ts';
import { findAgentRef } from '../agents/agents.repository.ts';
import { systemActor } from '../platform/actor.ts';
import type { TicketsTable } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { applySla } from '../sla/apply-sla.ts';
import type { LevelRow } from '../sla/escalation-levels.repository.ts';
import { levelsFor, slaSetup } from '../sla/sla-setup.ts';
import { namesFor } from '../tickets/staff-names.ts';
import { eventActorOf, type DomainEvent } from '../tickets/ticket-events.ts';
import type { TicketWriter } from '../tickets/ticket-writes.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { ticketsDueBy, type DueTicket } from './due-tickets.repository.ts';
import type { Duty } from './duty.ts';

const rank = (priority: string) => priorities.indexOf(priority as (typeof priorities)[number]);

/**
 * DESIGN.md §2 "Escalation": when a ticket's next level falls due (its escalation time plus the
 * level's delay, sla-rules.ts), the level is reached — an `escalated` history event by the system
 * that tells the agents and department the level names — and its actions run: raise the priority,
 * move the ticket to another department, assign it. The level, the actions and the next level's
 * instant commit together, so each level fires once however many sweepers run.
 */
export const escalationDuty: Duty<DueTicket> = {
  name: 'escalation',
  ...ticketsDueBy('escalation_due_at'),
  async act(trx, ticket, { deps, now, write }) {
    // A sweep that comes late (a stopped server) reaches every level due since, each with its own event.
    let row = ticket;
    let reached = 0;
    for (;;) {
      const fired = await fireNextLevel(deps, trx, row, now, write);
      if (fired === null) return reached ? 'done' : 'skipped';
      row = { ...row, ...fired };
      reached += 1;
    }
  },
};

/** Fires the ticket's next level if it is due at `now` and answers what changed; else stores the re-planned instants and answers null. */
async function fireNextLevel(deps: Deps, trx: Db, ticket: DueTicket, now: Date, write: TicketWriter): Promise<Partial<DueTicket> | null> {
  const orgId = ticket.org_id;
  // Planned again with today's flow, policies and calendars: the level may have moved or gone.
  const current = await applySla(deps, trx, orgId, ticket, { kind: 'recompute' }, now);
  const dueAt = 'escalation_due_at' in current ? current.escalation_due_at : ticket.escalation_due_at;
  if (dueAt == null || dueAt.getTime() > now.getTime()) {
    // The level shows on the ticket: its change is a new version; the instants alone are not.
    await write.update(orgId, ticket.id, current, 'escalation_level' in current);
    return null;
  }
  const reached = (current.escalation_level ?? ticket.escalation_level) + 1;
  const step = levelsFor(await slaSetup(deps.db, trx, orgId), ticket.department_id).find((l) => l.level === reached);
  if (!step) {
    await write.update(orgId, ticket.id, { ...current, escalation_due_at: null }, false);
    return null;
  }
  const { changes, events } = await escalate(deps, trx, ticket, step);
  const sla = await applySla(deps, trx, orgId, { ...ticket, ...changes }, { kind: 'escalated', level: reached }, now);
  await write.update(orgId, ticket.id, { ...changes, ...sla }, true);
  await write.record({ orgId, ticketId: ticket.id, actor: eventActorOf(systemActor(orgId)), events });
  return { ...changes, ...sla } as Partial<DueTicket>;
}

type Changes = Pick<Updateable<TicketsTable>, 'priority' | 'department_id' | 'assignee_id'>;

/** The level's event and the ticket changes of its actions, with the history's before and after in names. */
async function escalate(deps: Deps, trx: Db, ticket: DueTicket, step: LevelRow): Promise<{ changes: Changes; events: DomainEvent[] }> {
  const orgId = ticket.org_id;
  const names = await namesFor(deps.db, trx, orgId, {
    agents: [...step.notify_agent_ids, step.reassign_agent_id, ticket.assignee_id],
    departments: [step.notify_department_id, step.reassign_department_id, ticket.department_id],
    categories: [],
  });
  const agentRef = (id: number | null) => (id === null ? null : { id, name: names.agents.get(id) ?? '' });
  const departmentName = (id: number | null) => (id === null ? null : (names.departments.get(id) ?? ''));
  const events: DomainEvent[] = [
    {
      type: 'escalated',
      before: { escalation_level: step.level - 1 },
      after: {
        escalation_level: step.level,
        escalation_at: ticket.escalation_at?.toISOString() ?? null,
        notify_agents: step.notify_agent_ids.map(agentRef),
        notify_department: step.notify_department_id === null ? null : { id: step.notify_department_id, name: departmentName(step.notify_department_id) },
      },
    },
  ];
  const changes: Changes = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (step.raise_priority_to !== null && rank(step.raise_priority_to) > rank(ticket.priority)) {
    changes.priority = step.raise_priority_to;
    before.priority = ticket.priority;
    after.priority = step.raise_priority_to;
  }
  if (step.reassign_department_id !== null && step.reassign_department_id !== ticket.department_id) {
    changes.department_id = step.reassign_department_id;
    before.department = departmentName(ticket.department_id);
    after.department = departmentName(step.reassign_department_id);
  }
  if (Object.keys(after).length) events.push({ type: 'updated', before, after });
  // An agent deactivated since the level was saved is not given tickets.
  if (step.reassign_agent_id !== null && step.reassign_agent_id !== ticket.assignee_id && (await findAgentRef(trx, orgId, step.reassign_agent_id))?.is_active === true) {
    changes.assignee_id = step.reassign_agent_id;
    events.push({
      type: 'assigned',
      before: { assignee_id: ticket.assignee_id, assignee: agentRef(ticket.assignee_id)?.name ?? null },
      after: { assignee_id: step.reassign_agent_id, assignee: agentRef(step.reassign_agent_id)?.name ?? null },
    });
  }
  return { changes, events };
}
