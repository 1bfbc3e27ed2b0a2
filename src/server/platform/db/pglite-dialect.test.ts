import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isWrite } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

// Compiles without a database: only the statement's shape matters.
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('isWrite: which statements make a transaction wait for the WAL fsync', () => {
  it('takes plain selects, and selects over read-only CTEs, as reads', () => {
    expect(isWrite(db.selectFrom('tickets').select('id').compile())).toBe(false);
    expect(isWrite(db.with('m', (q) => q.selectFrom('tickets').select('id')).selectFrom('m').select('id').compile())).toBe(false);
    expect(isWrite(CompiledQuery.raw('select 1'))).toBe(false);
    expect(isWrite(CompiledQuery.raw('begin'))).toBe(false);
  });

  it('takes inserts, updates, deletes and raw DDL as writes', () => {
    expect(isWrite(db.insertInto('categories').values({ org_id: 1, name: 'x', position: 0, created_at: new Date() }).compile())).toBe(true);
    expect(isWrite(db.updateTable('tickets').set({ subject: 'x' }).compile())).toBe(true);
    expect(isWrite(db.deleteFrom('sessions').compile())).toBe(true);
    expect(isWrite(CompiledQuery.raw('create sequence s'))).toBe(true);
  });

  it('takes a select whose CTE inserts (a ticket created with its history in one statement) as a write', () => {
    const query = db
      .with('t', (q) => q.insertInto('categories').values({ org_id: 1, name: 'x', position: 0, created_at: new Date() }).returningAll())
      .selectFrom('t')
      .select('t.id')
      .compile();
    expect(isWrite(query)).toBe(true);
    const nested = db
      .with('outer', (q) => q.with('t', (w) => w.deleteFrom('sessions').returning('id')).selectFrom('t').select('t.id'))
      .selectFrom('outer')
      .select('outer.id')
      .compile();
    expect(isWrite(nested)).toBe(true);
    expect(isWrite(CompiledQuery.raw('with t as (update tickets set subject = subject returning id) select id from t'))).toBe(true);
    expect(isWrite(sql`with t as (select 1) select * from t`.compile(db))).toBe(false);
  });
});
