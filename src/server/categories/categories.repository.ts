import { sql } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';

const columns = ['id', 'name', 'position', 'retired_at'] as const;

export const listCategories = (db: Db, orgId: number) =>
  db.selectFrom('categories').select(columns).where('org_id', '=', orgId).orderBy('position').orderBy('id').execute();

export const findCategory = (db: Db, orgId: number, id: number) =>
  db.selectFrom('categories').select(columns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

export async function insertCategory(db: Db, orgId: number, input: { name: string; position?: number }): Promise<number> {
  const position =
    input.position ??
    Number(
      (
        await db
          .selectFrom('categories')
          .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('p'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).p,
    ) + 1;
  const row = await db
    .insertInto('categories')
    .values({ org_id: orgId, name: input.name, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Renames, moves or retires (`retired`: at `now`; retiring again keeps the first day) or restores a category. */
export async function updateCategory(db: Db, orgId: number, id: number, changes: { name?: string; position?: number }, retired?: { retired: boolean; now: Date }) {
  const retiredAt = retired === undefined ? {} : { retired_at: retired.retired ? sql<Date>`coalesce(retired_at, ${retired.now})` : null };
  const result = await db.updateTable('categories').set({ ...changes, ...retiredAt }).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Resolves a category given by id or by (case-insensitive) name. */
export const findCategoryRef = (db: Db, orgId: number, idOrName: number | string) =>
  db
    .selectFrom('categories')
    .select(['id', 'name', 'retired_at'])
    .where('org_id', '=', orgId)
    .where((eb) =>
      typeof idOrName === 'number' ? eb('id', '=', idOrName) : eb(eb.fn('lower', ['name']), '=', idOrName.toLowerCase()),
    )
    .executeTakeFirst();
