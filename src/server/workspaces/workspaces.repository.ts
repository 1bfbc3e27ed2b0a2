import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { seedSources } from '../channels/sources.repository.ts';
import { seededSources } from '../channels/sources.service.ts';

export const seededCategories = ['Return', 'Cancel', 'Damage', 'Delivery', 'Quality', 'Billing', 'Other'];

export type Db = Kysely<DB> | Transaction<DB>;

export async function insertWorkspace(trx: Db, input: { slug: string; name: string; created_at: Date; updated_at: Date }): Promise<number> {
  const row = await trx
    .insertInto('workspaces')
    .values(input)
    .returning('org_id')
    .executeTakeFirstOrThrow();
  // A per-workspace sequence hands out ticket numbers: never reused, no row lock under load.
  await sql.raw(`create sequence ticket_seq_${row.org_id}`).execute(trx);
  await trx
    .insertInto('categories')
    .values(seededCategories.map((name, i) => ({ org_id: row.org_id, name, position: i, created_at: input.created_at })))
    .execute();
  await seedSources(trx, row.org_id, seededSources);
  return row.org_id;
}

export async function countWorkspaces(trx: Db): Promise<number> {
  const row = await trx.selectFrom('workspaces').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Serializes changes that must see each other within a workspace (e.g. "never zero admins"). */
export const lockWorkspace = (trx: Db, orgId: number) =>
  trx.selectFrom('workspaces').select('org_id').where('org_id', '=', orgId).forUpdate().executeTakeFirst();

export const lockSetup = (trx: Db) => sql`select pg_advisory_xact_lock(72640332)`.execute(trx);

export const findWorkspaceById = (db: Db, orgId: number) =>
  db.selectFrom('workspaces').selectAll().where('org_id', '=', orgId).executeTakeFirst();

export const findWorkspaceBySlug = (db: Db, slug: string) =>
  db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
