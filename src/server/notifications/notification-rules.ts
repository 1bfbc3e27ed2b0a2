import type { NotificationKind } from '../../contract/notifications.ts';
import type { ActorKind } from '../platform/db/schema.ts';
import type { DomainEvent } from '../tickets/ticket-events.ts';

/**
 * Who hears of a change: the assignee, the department's members, the assignee and else the
 * department, or those an escalation level names (agents, and members of a department).
 */
export type Audience = 'assignee' | 'department' | 'assignee_or_department' | 'named';

export interface PlannedNotification {
  kind: NotificationKind;
  audience: Audience;
}

/** Whom a change names to be told besides the ticket's own people (an escalation level's list). */
export interface Named {
  agentIds: number[];
  departmentId: number | null;
}

/** An active agent who could be told, and how they relate to the ticket (after the change). */
export interface Candidate {
  agentId: number;
  isAssignee: boolean;
  isMember: boolean;
  /** Named by the change: listed, or a member of the named department. */
  isNamed?: boolean;
}

/**
 * What a change tells agents (DESIGN.md §2): a new ticket its department, an assignment the
 * assignee, and what the customer does or a pending reminder whoever owns the ticket — its
 * assignee, or while nobody does, its department.
 */
export function plannedNotifications(events: readonly DomainEvent[], actorKind: ActorKind): PlannedNotification[] {
  const planned: PlannedNotification[] = [];
  for (const event of events) {
    const after = event.after ?? {};
    if (event.type === 'created') {
      if (after.assignee) planned.push({ kind: 'assigned', audience: 'assignee' });
      if (after.department) planned.push({ kind: 'new_ticket', audience: 'department' });
    } else if (event.type === 'verified') {
      // A verified ticket is new to its department only now (verification/verify-ticket.ts).
      if (after.department) planned.push({ kind: 'new_ticket', audience: 'department' });
    } else if (event.type === 'assigned') {
      // An automatic assignment follows the event that brought the ticket into the department: its assignee hears "assigned", not "new ticket".
      if (after.auto) planned.unshift({ kind: 'assigned', audience: 'assignee' });
      else planned.push({ kind: 'assigned', audience: 'assignee' });
    } else if (event.type === 'reminded') {
      planned.push({ kind: 'pending_reminder', audience: 'assignee_or_department' });
    } else if (event.type === 'sla_warning') {
      planned.push({ kind: 'sla_warning', audience: 'assignee_or_department' });
    } else if (event.type === 'escalated') {
      // A level that names nobody tells whoever owns the ticket.
      planned.push({ kind: 'escalation', audience: namedBy([event]) ? 'named' : 'assignee_or_department' });
    } else if (actorKind === 'customer') {
      const kind = customerKinds[event.type];
      if (kind) planned.push({ kind, audience: 'assignee_or_department' });
    }
  }
  return planned;
}

/** The agents and department the changes' escalation events name; null when they name none. */
export function namedBy(events: readonly DomainEvent[]): Named | null {
  const agentIds = new Set<number>();
  let departmentId: number | null = null;
  for (const event of events) {
    if (event.type !== 'escalated') continue;
    const after = event.after ?? {};
    for (const a of (after.notify_agents as Array<{ id: number }> | undefined) ?? []) agentIds.add(a.id);
    const department = after.notify_department as { id: number } | null | undefined;
    if (department) departmentId = department.id;
  }
  return agentIds.size || departmentId !== null ? { agentIds: [...agentIds], departmentId } : null;
}

const customerKinds: Partial<Record<string, NotificationKind>> = {
  note_added: 'customer_note',
  replied: 'customer_note',
  resolved: 'customer_resolved',
  reopened: 'customer_reopened',
};

/**
 * The agents to tell and why: never the agent who made the change, and each agent once, with
 * the first planned reason that reaches them (an assignee who is also a member hears "assigned").
 */
export function recipients(planned: readonly PlannedNotification[], candidates: readonly Candidate[], actorAgentId: number | null): { agentId: number; kind: NotificationKind }[] {
  const hasAssignee = candidates.some((c) => c.isAssignee);
  const reaches = (audience: Audience, c: Candidate) =>
    audience === 'named' ? c.isNamed === true : audience === 'assignee' ? c.isAssignee : audience === 'department' ? c.isMember : hasAssignee ? c.isAssignee : c.isMember;
  const told = new Map<number, NotificationKind>();
  for (const { kind, audience } of planned) {
    for (const c of candidates) {
      if (c.agentId !== actorAgentId && !told.has(c.agentId) && reaches(audience, c)) told.set(c.agentId, kind);
    }
  }
  return [...told].map(([agentId, kind]) => ({ agentId, kind }));
}
