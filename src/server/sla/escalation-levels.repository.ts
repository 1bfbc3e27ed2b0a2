import type { Insertable, Selectable } from 'kysely';
import type { EscalationLevelsTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

export type LevelRow = Omit<Selectable<EscalationLevelsTable>, 'org_id'>;

const columns = ['department_id', 'level', 'delay_seconds', 'notify_agent_ids', 'notify_department_id', 'reassign_department_id', 'reassign_agent_id', 'raise_priority_to'] as const;

/** bigint[] arrives as text from pg: ids become numbers here, once. */
const toRow = (r: LevelRow): LevelRow => ({ ...r, notify_agent_ids: r.notify_agent_ids.map(Number) });

/** Every level of the workspace, by department and level. */
export async function listLevelRows(db: Db, orgId: number): Promise<LevelRow[]> {
  const rows = await db.selectFrom('escalation_levels').select(columns).where('org_id', '=', orgId).orderBy('department_id').orderBy('level').execute();
  return rows.map(toRow);
}

export async function findLevelRows(db: Db, orgId: number, departmentId: number): Promise<LevelRow[]> {
  const rows = await db.selectFrom('escalation_levels').select(columns).where('org_id', '=', orgId).where('department_id', '=', departmentId).orderBy('level').execute();
  return rows.map(toRow);
}

export async function replaceLevelRows(db: Db, orgId: number, departmentId: number, rows: Array<Omit<Insertable<EscalationLevelsTable>, 'org_id' | 'department_id'>>): Promise<void> {
  await db.deleteFrom('escalation_levels').where('org_id', '=', orgId).where('department_id', '=', departmentId).execute();
  if (rows.length) await db.insertInto('escalation_levels').values(rows.map((r) => ({ ...r, org_id: orgId, department_id: departmentId }))).execute();
}

/**
 * After a department's flow changed: its tickets that escalate (or might) are looked at by the
 * sweeper at their escalation time, which arms each one's next level in the new flow — one update
 * here instead of replanning every ticket in the request.
 */
export async function rearmEscalations(db: Db, orgId: number, departmentId: number): Promise<void> {
  await db
    .updateTable('tickets')
    .set((eb) => ({ escalation_due_at: eb.ref('escalation_at') }))
    .where('org_id', '=', orgId)
    .where('department_id', '=', departmentId)
    // Only a running clock escalates (sla-rules.ts); paused tickets are armed when they resume.
    .where('status', 'in', ['new', 'open'])
    .where((eb) => eb.or([eb('escalation_at', 'is not', null), eb('escalation_due_at', 'is not', null)]))
    .execute();
}
