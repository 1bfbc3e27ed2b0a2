import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

export async function insertAgent(
  db: Db,
  orgId: number,
  input: { name: string; email: string; role: 'admin' | 'agent'; password_hash: string | null; created_at: Date; updated_at: Date },
): Promise<number> {
  const row = await db
    .insertInto('agents')
    .values({ org_id: orgId, ...input })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const plainColumns = ['id', 'org_id', 'name', 'email', 'role', 'is_active', 'accepting_tickets', 'last_sign_in_at', 'language', 'email_notifications', 'created_at'] as const;
/** The agent's columns, whether they chose a password yet, their open invitation and the open tickets they hold. */
const agentColumns = (eb: ExpressionBuilder<DB, 'agents'>) => [
  ...plainColumns,
  eb('agents.password_hash', 'is not', null).as('has_password'),
  eb
    .selectFrom('agent_links as l')
    .select((s) => s.fn.max('l.expires_at').as('e'))
    .whereRef('l.org_id', '=', 'agents.org_id')
    .whereRef('l.agent_id', '=', 'agents.id')
    .where('l.purpose', '=', 'invitation')
    .where('l.used_at', 'is', null)
    .as('invitation_expires_at'),
  activeTicketsOf(eb, 'agents').as('open_tickets'),
];

/**
 * How many active tickets (new, open, on hold) are assigned to the agent of the row `agent` names:
 * the Agents page's open tickets, least-loaded assignment's load. The partial index
 * tickets_active_assignee holds exactly these.
 */
export const activeTicketsOf = (eb: ExpressionBuilder<DB, any>, agent: 'agents' | 'a') =>
  eb
    .selectFrom('tickets as t')
    .select((s) => s.fn.countAll<number>().as('n'))
    .where(sql<boolean>`t.org_id = ${sql.ref(`${agent}.org_id`)} and t.assignee_id = ${sql.ref(`${agent}.id`)}`)
    .where('t.status', 'in', ['new', 'open', 'pending']);

export async function listAgents(db: Db, orgId: number) {
  const [agents, memberships] = await Promise.all([
    db.selectFrom('agents').select(agentColumns).where('org_id', '=', orgId).orderBy('name').orderBy('id').execute(),
    db.selectFrom('department_members').select(['agent_id', 'department_id']).where('org_id', '=', orgId).execute(),
  ]);
  return agents.map((a) => ({
    ...a,
    department_ids: memberships.filter((m) => m.agent_id === a.id).map((m) => m.department_id).sort((x, y) => x - y),
  }));
}

export async function findAgent(db: Db, orgId: number, id: number) {
  const agent = await db.selectFrom('agents').select(agentColumns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!agent) return undefined;
  const departments = await findAgentDepartmentIds(db, orgId, id);
  return { ...agent, department_ids: departments };
}

export async function findAgentDepartmentIds(db: Db, orgId: number, agentId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('department_members')
    .select('department_id')
    .where('org_id', '=', orgId)
    .where('agent_id', '=', agentId)
    .orderBy('department_id')
    .execute();
  return rows.map((r) => r.department_id);
}

/** Accounts with this email in any workspace: sign-in does not ask for the workspace first. */
export const findAccountsByEmail = (db: Db, email: string) =>
  db
    .selectFrom('agents')
    .innerJoin('workspaces', 'workspaces.org_id', 'agents.org_id')
    .select(['agents.org_id', 'agents.id', 'agents.name', 'agents.role', 'agents.password_hash', 'agents.is_active', 'workspaces.slug'])
    .where((eb) => eb(eb.fn('lower', ['agents.email']), '=', email.toLowerCase()))
    .execute();

export async function updateAgent(
  db: Db,
  orgId: number,
  id: number,
  changes: Partial<{ name: string; role: 'admin' | 'agent'; is_active: boolean; accepting_tickets: boolean; password_hash: string; last_sign_in_at: Date; language: 'en' | 'id' | null }>,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('agents')
    .set({ ...changes, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countActiveAdmins(db: Db, orgId: number): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    // An invited admin cannot sign in until they choose a password.
    .where('password_hash', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The subset of `ids` that are agents of this workspace. */
export async function existingAgentIds(db: Db, orgId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('agents').select('id').where('org_id', '=', orgId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function setAgentDepartments(db: Db, orgId: number, agentId: number, departmentIds: number[]): Promise<void> {
  await db.deleteFrom('department_members').where('org_id', '=', orgId).where('agent_id', '=', agentId).execute();
  if (departmentIds.length) {
    await db
      .insertInto('department_members')
      .values(departmentIds.map((department_id) => ({ org_id: orgId, department_id, agent_id: agentId })))
      .execute();
  }
}

export const findAgentRef = (db: Db, orgId: number, id: number) =>
  db.selectFrom('agents').select(['id', 'name', 'is_active']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
