import type { Db } from '../workspaces/workspaces.repository.ts';

export interface AuditRow {
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Date;
}

export const insertAudit = (db: Db, orgId: number, row: AuditRow) =>
  db
    .insertInto('audit_log')
    .values({ org_id: orgId, ...row, before: row.before && JSON.stringify(row.before), after: row.after && JSON.stringify(row.after) })
    .execute();

export const listAudit = (db: Db, orgId: number, q: { entity?: string; beforeId: number | null; limit: number }) =>
  db
    .selectFrom('audit_log')
    .select(['id', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'before', 'after', 'created_at'])
    .where('org_id', '=', orgId)
    .$if(q.entity !== undefined, (qb) => qb.where('entity', '=', q.entity!))
    .$if(q.beforeId !== null, (qb) => qb.where('id', '<', q.beforeId!))
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
