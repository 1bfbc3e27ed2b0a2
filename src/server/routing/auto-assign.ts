import type { AssignmentMode } from '../../contract/routing.ts';
import { systemActor } from '../platform/actor.ts';
import { eventActorOf, type DomainEvent } from '../tickets/ticket-events.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { pickLeastLoaded, pickRoundRobin } from './assignment.ts';
import { findEligibleMembers, lockAutoAssigningDepartment, recordPick } from './assignment.repository.ts';

export interface AutoAssignment {
  assignee: { id: number; name: string };
  mode: Exclude<AssignmentMode, 'manual'>;
}

/**
 * Picks the assignee of a ticket entering a department with nobody assigned, when the department
 * assigns automatically: round robin or least loaded among its active members who accept
 * tickets. Null when the department is manual or nobody is eligible (the ticket stays unassigned).
 */
export async function pickAssignee(db: Db, orgId: number, departmentId: number, now: Date): Promise<AutoAssignment | null> {
  const department = await lockAutoAssigningDepartment(db, orgId, departmentId);
  if (!department) return null;
  const members = await findEligibleMembers(db, orgId, departmentId, department.assignment_mode === 'least_loaded');
  const id =
    department.assignment_mode === 'round_robin'
      ? pickRoundRobin(members.map((m) => m.id), department.last_assigned_agent_id)
      : pickLeastLoaded(members);
  const chosen = members.find((m) => m.id === id);
  if (!chosen) return null;
  await recordPick(db, orgId, departmentId, chosen.id, now);
  return { assignee: { id: chosen.id, name: chosen.name }, mode: department.assignment_mode };
}

/**
 * The history event of an automatic assignment, naming how the agent was picked: by the System,
 * within whoever's change brought the ticket into the department.
 */
export const autoAssignedEvent = (orgId: number, pick: AutoAssignment): DomainEvent => ({
  type: 'assigned',
  actor: eventActorOf(systemActor(orgId)),
  before: { assignee_id: null, assignee: null },
  after: { assignee_id: pick.assignee.id, assignee: pick.assignee.name, auto: pick.mode },
});
