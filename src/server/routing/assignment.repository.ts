import { activeTicketsOf } from '../agents/agents.repository.ts';
import type { AssignmentMode } from '../../contract/routing.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/**
 * A department that assigns automatically, its row locked until the transaction ends, so two
 * tickets entering it at once take turns (NO KEY UPDATE: tickets naming the department, which
 * take KEY SHARE, are not held up). Undefined for a manual department, which locks nothing.
 */
export const lockAutoAssigningDepartment = (db: Db, orgId: number, departmentId: number) =>
  db
    .selectFrom('departments')
    .select(['assignment_mode', 'last_assigned_agent_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', departmentId)
    .where('assignment_mode', '!=', 'manual')
    .forNoKeyUpdate()
    .executeTakeFirst() as Promise<{ assignment_mode: Exclude<AssignmentMode, 'manual'>; last_assigned_agent_id: number | null } | undefined>;

/** The department's active members who accept tickets, with their active load when asked for. */
export async function findEligibleMembers(db: Db, orgId: number, departmentId: number, withLoad: boolean) {
  const rows = await db
    .selectFrom('department_members as m')
    .innerJoin('agents as a', (j) => j.onRef('a.org_id', '=', 'm.org_id').onRef('a.id', '=', 'm.agent_id'))
    .select(['a.id', 'a.name', 'a.last_assigned_at'])
    .$if(withLoad, (q) => q.select((eb) => activeTicketsOf(eb, 'a').as('active_tickets')))
    .where('m.org_id', '=', orgId)
    .where('m.department_id', '=', departmentId)
    .where('a.is_active', '=', true)
    .where('a.accepting_tickets', '=', true)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, lastAssignedAt: r.last_assigned_at, activeTickets: Number(r.active_tickets ?? 0) }));
}

/** Remembers whose turn it was (the department) and when the agent was last picked (least-loaded ties). */
export async function recordPick(db: Db, orgId: number, departmentId: number, agentId: number, now: Date): Promise<void> {
  await db.updateTable('departments').set({ last_assigned_agent_id: agentId }).where('org_id', '=', orgId).where('id', '=', departmentId).execute();
  await db.updateTable('agents').set({ last_assigned_at: now }).where('org_id', '=', orgId).where('id', '=', agentId).execute();
}
