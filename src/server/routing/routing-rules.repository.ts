import { sql } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';

const columns = [
  'id', 'name', 'position', 'is_active', 'channels', 'sources', 'category_ids', 'customer_ids',
  'subject_keywords', 'department_id', 'created_at', 'updated_at',
] as const;

const ids = (list: Array<number | string> | null): number[] | null => (list === null ? null : list.map(Number));

/** bigint[] arrives as text from pg: ids become numbers here, once. */
function toRow<R extends { category_ids: Array<number | string> | null; customer_ids: Array<number | string> | null }>(r: R) {
  return { ...r, category_ids: ids(r.category_ids), customer_ids: ids(r.customer_ids) };
}

/** The workspace's rules in the order they are tried. */
export async function listRuleRows(db: Db, orgId: number, options: { activeOnly?: boolean } = {}) {
  let query = db.selectFrom('routing_rules').select(columns).where('org_id', '=', orgId);
  if (options.activeOnly) query = query.where('is_active', '=', true);
  return (await query.orderBy('position').orderBy('id').execute()).map(toRow);
}

export async function findRuleRow(db: Db, orgId: number, id: number) {
  const row = await db.selectFrom('routing_rules').select(columns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toRow(row);
}
export type RuleRow = NonNullable<Awaited<ReturnType<typeof findRuleRow>>>;

export interface RuleValues {
  name: string;
  channels: string[] | null;
  sources: string[] | null;
  category_ids: number[] | null;
  customer_ids: number[] | null;
  subject_keywords: string[] | null;
  department_id: number;
  is_active: boolean;
}

/** Adds a rule after the others. */
export async function insertRule(db: Db, orgId: number, values: RuleValues, now: Date): Promise<number> {
  const row = await db
    .insertInto('routing_rules')
    .values({
      org_id: orgId,
      ...values,
      position: sql<number>`(select coalesce(max(position), -1) + 1 from routing_rules where org_id = ${orgId})`,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRule(db: Db, orgId: number, id: number, changes: Partial<RuleValues>, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('routing_rules')
    .set({ ...changes, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteRuleRow(db: Db, orgId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('routing_rules').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The rules that route to a department: what makes it "in use". */
export const findRulesRoutingTo = (db: Db, orgId: number, departmentId: number) =>
  db.selectFrom('routing_rules').select(['id', 'name']).where('org_id', '=', orgId).where('department_id', '=', departmentId).orderBy('position').orderBy('id').execute();

/** Which of the ids are categories (retired ones too: a rule may still name them) and customers of the workspace. */
export async function existingRuleReferences(db: Db, orgId: number, categoryIds: number[], customerIds: number[]): Promise<{ categories: Set<number>; customers: Set<number> }> {
  const [categories, customers] = await Promise.all([
    categoryIds.length ? db.selectFrom('categories').select('id').where('org_id', '=', orgId).where('id', 'in', categoryIds).execute() : [],
    customerIds.length ? db.selectFrom('customers').select('id').where('org_id', '=', orgId).where('id', 'in', customerIds).execute() : [],
  ]);
  return { categories: new Set(categories.map((r) => r.id)), customers: new Set(customers.map((r) => r.id)) };
}
