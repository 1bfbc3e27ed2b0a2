import { sql } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { isUniqueViolation } from './db/pg-errors.ts';
import { AppError, invalidFields, type FieldIssue } from './errors.ts';

// What the workspace's ordered, named lists share (SLA policies, routing rules): the first active
// match by position wins, names are unique per workspace, and a new order lists every item once.

/** Tables with (org_id, id, position, updated_at) whose rows are tried in order. */
type OrderedTable = 'sla_policies' | 'routing_rules' | 'categories' | 'ticket_fields';

/** The workspace's ids, locked so that an order, an insert or a count is not raced. */
export async function lockOrderedIds(db: Db, table: OrderedTable, orgId: number): Promise<number[]> {
  const rows = await db.selectFrom(table).select('id').where('org_id', '=', orgId).orderBy('id').forUpdate().execute();
  return rows.map((r) => r.id);
}

/** Locks the list for an insert and refuses one past its size limit (409). */
export async function lockForInsert(db: Db, table: OrderedTable, orgId: number, max: number, plural: string): Promise<void> {
  if ((await lockOrderedIds(db, table, orgId)).length >= max) throw new AppError('conflict', `A workspace has at most ${max} ${plural}`);
}

/** A new order must name every existing id once: 400 at each unknown or repeated index, and naming the missing ones. */
export function assertFullOrder(ids: number[], existing: readonly number[], what: string): void {
  const known = new Set(existing);
  const seen = new Set<number>();
  const issues: FieldIssue[] = [];
  ids.forEach((id, index) => {
    if (!known.has(id)) issues.push({ field: `body.ids.${index}`, message: `no such ${what} in this workspace` });
    else if (seen.has(id)) issues.push({ field: `body.ids.${index}`, message: `${id} is listed twice` });
    seen.add(id);
  });
  const missing = existing.filter((id) => !seen.has(id));
  if (missing.length) issues.push({ field: 'body.ids', message: `every ${what} must be listed; missing: ${missing.join(', ')}` });
  if (issues.length) throw invalidFields(issues);
}

/** Positions 0, 1, 2 … in the order of `ids`, in one statement (categories keep no updated_at: `now` null). */
export async function setPositions(db: Db, table: OrderedTable, orgId: number, ids: number[], now: Date | null): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    update ${sql.table(table)} t set position = o.ord - 1${now === null ? sql`` : sql`, updated_at = ${now}`}
    from unnest(${sql.val(ids)}::bigint[]) with ordinality as o(id, ord)
    where t.org_id = ${orgId} and t.id = o.id and t.position <> o.ord - 1`.execute(db);
}

/** Runs a write and turns the unique index on the name into the list's own 409. */
export async function guardName<T>(taken: () => AppError, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
