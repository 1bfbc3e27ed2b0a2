import fc from 'fast-check';
import { sql, type Expression, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { parseSearchTerm, searchFilter, termMatch, type SearchedTable, type SearchTerm } from './folded-search.ts';

// searchFilter finds a page's rows through the trigram indexes or a short walk; the page must be
// the one the plain walk (every row after the cursor tested in id order) gives, on both engines.

let database: Database;
let drop: () => Promise<void>;
let orgId: number;
let lastId: Record<SearchedTable, number>;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await migrate(database);
  const db = database.db;
  orgId = (await sql<{ org_id: number }>`insert into workspaces (slug, name, default_country) values ('s', 'S', 'ID') returning org_id`.execute(db)).rows[0].org_id;
  // Words repeat in blocks and in cycles, so a term matches no row, a few, many or nearly all,
  // early or late in id order; a few carry accents, %, _ and backslashes. "kantor" is in a few
  // late names and a few emails all along: the name index finds the late ones first.
  await sql`
    insert into customers (org_id, customer_code, name, created_at, updated_at)
    select ${orgId}, 'C-' || g, (array['Toko', 'CV', 'Ácmé', 'Warung'])[1 + g % 4] || ' ' || (array['Maju', 'Jaya', 'Sentosa', 'Diskon 50%'])[1 + g / 20] || ' ' || g, now(), now()
    from generate_series(1, 70) g`.execute(db);
  await sql`
    insert into customer_users (org_id, customer_id, name, email, phone, phone_normalized, loyalty_id, created_at, updated_at)
    select ${orgId}, null,
           (array['Budi', 'Siti', 'José', 'Dewi', 'Ani_5'])[1 + g % 5] || ' ' || (array['Santoso', 'Ñúñez', 'Back\\slash', 'Wijaya'])[1 + (g / 60) % 4] || ' ' || g
             || (case when g >= 250 and g % 10 = 3 then ' Kantor' else '' end),
           lower((array['budi', 'siti', 'jose', 'dewi', 'ani'])[1 + g % 5]) || g || '@'
             || (case when g % 97 = 5 then 'rare.example' when g % 50 = 1 then 'kantor.example' else 'mail.example' end),
           '0' || (812 + g % 3) || ' ' || lpad(g::text, 4, '0'),
           '+62' || (812 + g % 3) || lpad(g::text, 4, '0'),
           case when g > 250 then 'LOY-' || g end,
           now(), now()
    from generate_series(1, 320) g`.execute(db);
  // Rewritten rows move to the end of the table: its physical order is no longer id order.
  await sql`update customers set updated_at = now() where id % 3 = 0`.execute(db);
  await sql`update customer_users set updated_at = now() where id % 3 = 0`.execute(db);
  lastId = {
    customers: (await sql<{ id: number }>`select max(id) as id from customers`.execute(db)).rows[0].id,
    customer_users: (await sql<{ id: number }>`select max(id) as id from customer_users`.execute(db)).rows[0].id,
  };
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

async function pageIds(table: SearchedTable, where: Expression<SqlBool>, limit: number, afterId: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`select id from ${sql.table(table)} as t where org_id = ${orgId} and id > ${afterId} and ${where} order by id limit ${limit + 1}`.execute(database.db);
  return rows.rows.map((r) => Number(r.id));
}

async function parse(search: string): Promise<SearchTerm | undefined> {
  try {
    return await parseSearchTerm({ db: database.db } as unknown as Deps, orgId, search);
  } catch (error) {
    if (error instanceof AppError) return undefined; // too short: never searched
    throw error;
  }
}

const tables: SearchedTable[] = ['customers', 'customer_users'];

describe('searchFilter: the page through the trigram indexes is the page of the plain walk', () => {
  it.each([
    'ac*',
    'toko*',
    '*jaya*',
    'maju',
    '*an*',
    'zz',
    'jose*',
    'ÑÚÑ*',
    '*@mail.example',
    '*@rare.example',
    '+62 812*',
    '0813*',
    '*0199',
    '*12*',
    'c-1*',
    'budi santoso',
    '50%',
    'i_5',
    'k\\s',
    'loy-3*',
    '*77',
    '*kantor*',
  ])('%j, rare, common and everything between, at every cap, page size and cursor', async (search) => {
    const term = await parse(search);
    if (!term) throw new Error(`${search} does not parse`);
    for (const table of tables) {
      for (const afterId of [0, Math.floor(lastId[table] / 2), lastId[table] - 3]) {
        for (const limit of [0, 1, 7, 50]) {
          const expected = await pageIds(table, termMatch(table, 't', term), limit, afterId);
          for (const cap of [1, 3, 40, 2000]) {
            const filter = await searchFilter(database.db, table, 't', orgId, term, limit, afterId, cap);
            const got = filter ? await pageIds(table, filter, limit, afterId) : [];
            expect(got, `${table} after ${afterId}, limit ${limit}, cap ${cap}`).toEqual(expected);
          }
        }
      }
    }
  });

  it('holds for any term made of the words above (property)', async () => {
    const unit = fc.constantFrom('a', 'n', 't', 'o', 's', 'é', 'j', 'u', 'd', 'i', 'k', 'r', '*', '1', '2', '0', '8', '@', '.', ' ', '+', '%', '_', '-');
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit, minLength: 2, maxLength: 9 }),
        fc.constantFrom(...tables),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(1, 2, 10, 2000),
        async (search, table, limit, at, cap) => {
          const term = await parse(search);
          if (!term) return;
          const afterId = Math.floor(at * lastId[table]);
          const expected = await pageIds(table, termMatch(table, 't', term), limit, afterId);
          const filter = await searchFilter(database.db, table, 't', orgId, term, limit, afterId, cap);
          const got = filter ? await pageIds(table, filter, limit, afterId) : [];
          expect(got, `${JSON.stringify(search)} in ${table} after ${afterId}, limit ${limit}, cap ${cap}`).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
