import type { AssignmentMode } from '../../contract/routing.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

const columns = ['id', 'name', 'email', 'assignment_mode', 'created_at'] as const;

export async function listDepartments(db: Db, orgId: number) {
  const [departments, members] = await Promise.all([
    db.selectFrom('departments').select(columns).where('org_id', '=', orgId).orderBy('name').orderBy('id').execute(),
    db.selectFrom('department_members').select(['department_id', 'agent_id']).where('org_id', '=', orgId).execute(),
  ]);
  return departments.map((d) => ({
    ...d,
    member_ids: members.filter((m) => m.department_id === d.id).map((m) => m.agent_id).sort((a, b) => a - b),
  }));
}

export async function findDepartment(db: Db, orgId: number, id: number) {
  const department = await db.selectFrom('departments').select(columns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!department) return undefined;
  const members = await db
    .selectFrom('department_members')
    .select('agent_id')
    .where('org_id', '=', orgId)
    .where('department_id', '=', id)
    .orderBy('agent_id')
    .execute();
  return { ...department, member_ids: members.map((m) => m.agent_id) };
}

export async function insertDepartment(db: Db, orgId: number, input: { name: string; email: string | null; assignment_mode: AssignmentMode; created_at: Date; updated_at: Date }): Promise<number> {
  const row = await db.insertInto('departments').values({ org_id: orgId, ...input }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDepartment(db: Db, orgId: number, id: number, changes: { name?: string; email?: string | null; assignment_mode?: AssignmentMode }, now: Date) {
  const result = await db
    .updateTable('departments')
    .set({ ...changes, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setDepartmentMembers(db: Db, orgId: number, departmentId: number, agentIds: number[]): Promise<void> {
  await db.deleteFrom('department_members').where('org_id', '=', orgId).where('department_id', '=', departmentId).execute();
  if (agentIds.length) {
    await db
      .insertInto('department_members')
      .values(agentIds.map((agent_id) => ({ org_id: orgId, department_id: departmentId, agent_id })))
      .execute();
  }
}

export async function existingDepartmentIds(db: Db, orgId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('departments').select('id').where('org_id', '=', orgId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Resolves a department given by id or by (case-insensitive) name. */
export const findDepartmentRef = (db: Db, orgId: number, idOrName: number | string) =>
  db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where((eb) =>
      typeof idOrName === 'number' ? eb('id', '=', idOrName) : eb(eb.fn('lower', ['name']), '=', idOrName.toLowerCase()),
    )
    .executeTakeFirst();
