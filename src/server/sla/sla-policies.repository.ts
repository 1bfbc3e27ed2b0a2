import { sql } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';

const columns = [
  'id', 'name', 'position', 'priorities', 'department_ids', 'channels', 'category_ids',
  'first_response_seconds', 'next_response_seconds', 'resolution_seconds', 'warning_percent',
  'calendar_id', 'is_active', 'created_at', 'updated_at',
] as const;

const ids = (list: Array<number | string> | null): number[] | null => (list === null ? null : list.map(Number));

/** bigint[] arrives as text from pg: ids become numbers here, once. */
function toRow<R extends { department_ids: Array<number | string> | null; category_ids: Array<number | string> | null }>(r: R) {
  return { ...r, department_ids: ids(r.department_ids), category_ids: ids(r.category_ids) };
}

/** The workspace's policies in the order they are tried. */
export async function listPolicyRows(db: Db, orgId: number, options: { activeOnly?: boolean } = {}) {
  let query = db.selectFrom('sla_policies').select(columns).where('org_id', '=', orgId);
  if (options.activeOnly) query = query.where('is_active', '=', true);
  return (await query.orderBy('position').orderBy('id').execute()).map(toRow);
}

export async function findPolicyRow(db: Db, orgId: number, id: number) {
  const row = await db.selectFrom('sla_policies').select(columns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toRow(row);
}
export type PolicyRow = NonNullable<Awaited<ReturnType<typeof findPolicyRow>>>;

export interface PolicyValues {
  name: string;
  priorities: string[] | null;
  department_ids: number[] | null;
  channels: string[] | null;
  category_ids: number[] | null;
  first_response_seconds: number | null;
  next_response_seconds: number | null;
  resolution_seconds: number | null;
  warning_percent: number | null;
  calendar_id: number | null;
  is_active: boolean;
}

/** Adds a policy after the others. */
export async function insertPolicy(db: Db, orgId: number, values: PolicyValues, now: Date): Promise<number> {
  const row = await db
    .insertInto('sla_policies')
    .values({
      org_id: orgId,
      ...values,
      position: sql<number>`(select coalesce(max(position), -1) + 1 from sla_policies where org_id = ${orgId})`,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePolicy(db: Db, orgId: number, id: number, changes: Partial<PolicyValues>, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('sla_policies')
    .set({ ...changes, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deletePolicyRow(db: Db, orgId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('sla_policies').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Policy ids of the workspace, locked until the transaction ends, so a reorder sees them all. */
/** Category ids of the workspace (retired ones too: a policy may still name them). */
export async function existingCategoryIds(db: Db, orgId: number, candidates: number[]): Promise<Set<number>> {
  if (candidates.length === 0) return new Set();
  const rows = await db.selectFrom('categories').select('id').where('org_id', '=', orgId).where('id', 'in', candidates).execute();
  return new Set(rows.map((r) => r.id));
}
