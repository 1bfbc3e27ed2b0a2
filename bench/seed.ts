// Prepares the benchmark's workspace: created through the real service (sequence, categories,
// admin), then filled with set-based SQL, checked against the triggers and a recount, analyzed.
// A database or data directory that already holds the same seed (bench_marker) is reused.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { systemClock } from '../src/server/platform/clock.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { createWorkspace } from '../src/server/workspaces/workspaces.service.ts';
import { COMMON_WORD, RARE_COUNT, RARE_WORD } from './seed-data.ts';
import * as seedSql from './seed-sql.ts';
import { openSqlEngine, pgliteFilesOf, type Engine, type Location, type QueryFn, type SqlEngine } from './sql.ts';

export const SEED_VERSION = 6;
export const ADMIN = { name: 'Bench Admin', email: 'bench-admin@bench.example', password: 'bench-password-2024' };
const AGENTS = 19;
const SPAN_DAYS = 730;

export interface SeedOptions {
  engine: Engine;
  tickets: number;
  customerUsers: number;
  /** A PostgreSQL URL to an administrative database (the bench database is created beside it). */
  pgAdminUrl: string;
  pgliteDir?: string;
  fresh: boolean;
  log: (line: string) => void;
}

export interface Seeded {
  location: Location;
  orgId: number;
  adminId: number;
  tickets: number;
  customerUsers: number;
  reused: boolean;
  seedSeconds: number;
  seededAt: Date;
  /** Search document and keys of a sample, as bulk-loaded, against the trigger's own result. */
  triggerSample: { checked: number; mismatches: number } | null;
}

export function locationFor(o: SeedOptions): Location {
  if (o.engine === 'pglite') return { engine: 'pglite', dataDir: o.pgliteDir ?? path.join(tmpdir(), `caredesk-bench-pglite-${o.tickets}`) };
  const url = new URL(o.pgAdminUrl);
  url.pathname = `/caredesk_bench_${o.tickets}`;
  return { engine: 'postgres', databaseUrl: url.toString() };
}

/** The migrations the seed was made with: a database migrated by other migrations is seeded anew. */
export function migrationsHash(): string {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

const databaseName = (location: Location) => new URL(location.databaseUrl as string).pathname.slice(1);

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

interface Marker {
  seed_version: number;
  tickets: number;
  customer_users: number;
  org_id: number;
  admin_id: number;
  seeded_at: Date;
  seed_seconds: number;
  migrations: string;
}

async function readMarker(location: Location): Promise<Marker | null> {
  const engine = await openSqlEngine(location, 1);
  try {
    const [{ t }] = await engine.query(`select to_regclass('bench_marker')::text as t`);
    if (!t) return null;
    return ((await engine.query('select * from bench_marker'))[0] as unknown as Marker) ?? null;
  } finally {
    await engine.close();
  }
}

async function exists(o: SeedOptions, location: Location): Promise<boolean> {
  if (location.engine === 'pglite') return existsSync(path.join(pgliteFilesOf(location.dataDir as string), 'PG_VERSION'));
  return withAdmin(o.pgAdminUrl, async (c) => (await c.query('select 1 from pg_database where datname = $1', [databaseName(location)])).rowCount === 1);
}

export async function dropTarget(o: SeedOptions): Promise<void> {
  const location = locationFor(o);
  if (location.engine === 'pglite') rmSync(location.dataDir as string, { recursive: true, force: true });
  else await withAdmin(o.pgAdminUrl, (c) => c.query(`drop database if exists ${databaseName(location)} with (force)`));
}

/** The seeded workspace, reused when its marker matches; otherwise made anew. */
export async function prepareTarget(o: SeedOptions): Promise<Seeded> {
  const location = locationFor(o);
  if (!o.fresh && (await exists(o, location))) {
    const marker = await readMarker(location).catch(() => null);
    const same =
      marker &&
      marker.seed_version === SEED_VERSION &&
      Number(marker.tickets) === o.tickets &&
      Number(marker.customer_users) === o.customerUsers &&
      marker.migrations === migrationsHash();
    if (marker && !same) o.log(`${describe(location)} holds another seed or was migrated by other migrations: seeding anew`);
    if (marker && same) {
      o.log(`reusing ${describe(location)} (seeded ${marker.seeded_at.toISOString()} in ${Number(marker.seed_seconds).toFixed(1)} s)`);
      return {
        location,
        orgId: Number(marker.org_id),
        adminId: Number(marker.admin_id),
        tickets: o.tickets,
        customerUsers: o.customerUsers,
        reused: true,
        seedSeconds: Number(marker.seed_seconds),
        seededAt: marker.seeded_at,
        triggerSample: null,
      };
    }
  }
  await dropTarget(o);
  if (location.engine === 'postgres') await withAdmin(o.pgAdminUrl, (c) => c.query(`create database ${databaseName(location)}`));
  else mkdirSync(location.dataDir as string, { recursive: true });
  return seed(o, location);
}

export const describe = (l: Location) => (l.engine === 'postgres' ? `PostgreSQL database ${databaseName(l)}` : `PGlite data directory ${l.dataDir}`);

async function timed<T>(log: (line: string) => void, label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Runs `fn` on one connection with triggers (and so foreign-key checks) off; the setting is undone after. */
async function bulkSession<T>(engine: SqlEngine, fn: (q: QueryFn) => Promise<T>): Promise<T> {
  return engine.session(async (q) => {
    await q(`set session_replication_role = replica`);
    await q(`set maintenance_work_mem = '${engine.engine === 'postgres' ? '1GB' : '256MB'}'`);
    if (engine.engine === 'postgres') await q(`set synchronous_commit = off`);
    try {
      return await fn(q);
    } finally {
      await q(`reset session_replication_role`);
      await q(`reset maintenance_work_mem`);
      if (engine.engine === 'postgres') await q(`reset synchronous_commit`);
    }
  });
}

/** Runs the jobs on up to `parallelism` connections at once. */
async function inParallel(engine: SqlEngine, jobs: ((q: QueryFn) => Promise<void>)[]): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(engine.parallelism, jobs.length) }, () =>
    bulkSession(engine, async (q) => {
      while (next < jobs.length) await jobs[next++](q);
    }),
  );
  await Promise.all(workers);
}

async function seed(o: SeedOptions, location: Location): Promise<Seeded> {
  const started = performance.now();
  const log = o.log;
  log(`seeding ${describe(location)}: ${o.tickets.toLocaleString('en')} tickets, ${o.customerUsers.toLocaleString('en')} customer users`);

  // The workspace, its ticket sequence, categories and admin come from the real service.
  const { orgId, adminId } = await timed(log, 'migrate + create workspace (service)', async () => {
    const database = await openDatabase(
      location.engine === 'postgres' ? { databaseUrl: location.databaseUrl } : { pgliteDir: pgliteFilesOf(location.dataDir as string), fsync: false },
    );
    try {
      await migrate(database);
      const deps = { config: loadConfig({ LOG_LEVEL: 'silent' }), database, db: database.db, clock: systemClock };
      return await createWorkspace(deps, { name: 'Bench Shop', slug: 'bench', admin: ADMIN });
    } finally {
      await database.close();
    }
  });

  const engine = await openSqlEngine(location, 2);
  try {
    const shape: seedSql.SeedShape = {
      orgId,
      tickets: o.tickets,
      customerUsers: o.customerUsers,
      customers: Math.max(10, Math.round(o.customerUsers / 10)),
      now: new Date(),
      spanDays: SPAN_DAYS,
    };
    // Secondary indexes of the two big tables are built once after the load instead of row by
    // row; their definitions are read from the catalog, so they come back exactly as migrated.
    const indexes = (await engine.query(
      `select i.indexname, i.indexdef from pg_indexes i
       where i.schemaname = 'public' and i.tablename in ('tickets', 'customer_users')
         and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    )) as { indexname: string; indexdef: string }[];
    await engine.query(`drop index ${indexes.map((i) => i.indexname).join(', ')}`);
    await timed(log, 'departments, agents, customers, customer users', () =>
      bulkSession(engine, async (q) => {
        const [{ password_hash }] = await q('select password_hash from agents where org_id = $1 and id = $2', [orgId, adminId]);
        await q(seedSql.departmentsSql(shape));
        await q(seedSql.agentsSql(shape, AGENTS, password_hash as string));
        await q(seedSql.departmentMembersSql(shape));
        await q(seedSql.customersSql(shape));
        const [{ first }] = await q('select min(id)::bigint as first from customers where org_id = $1', [orgId]);
        await q(seedSql.customerUsersSql(shape, first as number));
      }),
    );
    const ids = async (sql: string) => (await engine.query(sql, [orgId])).map((r) => r.id as number);
    const refs: seedSql.TicketRefs = {
      categoryIds: await ids('select id from categories where org_id = $1 order by position'),
      departmentIds: await ids('select id from departments where org_id = $1 order by id'),
      agentIds: await ids('select id from agents where org_id = $1 order by id'),
      firstCustomerUserId: 0,
    };
    const [cu] = await engine.query('select min(id)::bigint as first, max(id)::bigint as last from customer_users where org_id = $1', [orgId]);
    if (Number(cu.last) - Number(cu.first) + 1 !== o.customerUsers) throw new Error('customer user ids are not contiguous');
    refs.firstCustomerUserId = cu.first as number;

    const chunk = engine.engine === 'postgres' ? 100_000 : 25_000;
    const chunks: ((q: QueryFn) => Promise<void>)[] = [];
    for (let lo = 1; lo <= o.tickets; lo += chunk) {
      const hi = Math.min(o.tickets, lo + chunk - 1);
      chunks.push(async (q) => {
        await q(seedSql.ticketsSql(shape, refs, lo, hi));
      });
    }
    await timed(log, `tickets (${chunks.length} chunks on ${Math.min(engine.parallelism, chunks.length)} connection(s))`, () => inParallel(engine, chunks));

    // GIN builds are the slowest: start them first so the two connections finish together.
    indexes.sort((a, b) => Number(/using gin/i.test(b.indexdef)) - Number(/using gin/i.test(a.indexdef)));
    await timed(log, `${indexes.length} indexes of tickets and customer users`, () =>
      inParallel(
        engine,
        indexes.map((i) => async (q) => {
          await q(i.indexdef);
        }),
      ),
    );
    await timed(log, 'history events and messages', () =>
      bulkSession(engine, async (q) => {
        await q(seedSql.eventsSql(shape));
        await q(seedSql.messagesSql(shape));
      }),
    );
    await timed(log, 'counters, sequence, identity', async () => {
      await engine.query('delete from ticket_counts where org_id = $1', [orgId]);
      await engine.query(seedSql.rebuildCountsSql(orgId));
      await engine.query(`select setval('ticket_seq_${orgId}', ${o.tickets})`);
      await engine.query(`alter table tickets alter column id restart with ${o.tickets + 1}`);
    });
    const triggerSample = await timed(log, 'search document against the trigger (sample)', () => checkAgainstTrigger(engine, orgId, o.tickets));
    if (triggerSample.mismatches > 0) throw new Error(`bulk-loaded search documents differ from the trigger's on ${triggerSample.mismatches} of ${triggerSample.checked} tickets`);
    const counts = await verifyCounts(engine, orgId);
    if (counts.mismatches > 0) throw new Error(`ticket_counts disagree with a recount on ${counts.mismatches} keys`);
    log(`  counters equal a recount: ${counts.counted.toLocaleString('en')} tickets`);
    const words = await engine.query(
      `select count(*) filter (where search @@ to_tsquery('simple', $2))::int as common, count(*) filter (where search @@ to_tsquery('simple', $3))::int as rare
       from tickets where org_id = $1`,
      [orgId, COMMON_WORD, RARE_WORD],
    );
    log(`  "${COMMON_WORD}" in ${words[0].common} tickets, "${RARE_WORD}" in ${words[0].rare} (expected ${RARE_COUNT})`);
    await timed(log, 'vacuum (analyze)', () => engine.query('vacuum (analyze)').then(() => undefined));
    if (engine.engine === 'pglite') await engine.query('checkpoint');

    const seedSeconds = (performance.now() - started) / 1000;
    const seededAt = new Date();
    await engine.query(`create table bench_marker (seed_version int, tickets int, customer_users int, org_id bigint, admin_id bigint,
      seeded_at timestamptz, seed_seconds float8, migrations text)`);
    await engine.query('insert into bench_marker values ($1, $2, $3, $4, $5, $6, $7, $8)', [
      SEED_VERSION, o.tickets, o.customerUsers, orgId, adminId, seededAt, seedSeconds, migrationsHash(),
    ]);
    log(`seeded in ${seedSeconds.toFixed(1)} s`);
    return { location, orgId, adminId, tickets: o.tickets, customerUsers: o.customerUsers, reused: false, seedSeconds, seededAt, triggerSample };
  } finally {
    await engine.close();
  }
}

/**
 * Fires the real trigger on a sample (an update of subject to itself) and compares the search
 * document and keys it writes with what the bulk load wrote.
 */
async function checkAgainstTrigger(engine: SqlEngine, orgId: number, tickets: number): Promise<{ checked: number; mismatches: number }> {
  const sample = Array.from({ length: Math.min(tickets, 500) }, (_, i) => 1 + Math.floor((i * tickets) / Math.min(tickets, 500)));
  return engine.transaction(async (q) => {
    await q(`create temp table bench_probe on commit drop as select id, search, search_keys from tickets where org_id = $1 and id = any($2::bigint[])`, [orgId, sample]);
    await q(`update tickets set subject = subject where org_id = $1 and id = any($2::bigint[])`, [orgId, sample]);
    const [r] = await q(
      `select count(*)::int as checked,
              count(*) filter (where t.search is distinct from p.search or t.search_keys is distinct from p.search_keys)::int as mismatches
       from tickets t join bench_probe p on p.id = t.id where t.org_id = $1`,
      [orgId],
    );
    return { checked: r.checked as number, mismatches: r.mismatches as number };
  });
}

export async function verifyCounts(engine: SqlEngine, orgId: number): Promise<{ mismatches: number; recount: number; counted: number }> {
  const [r] = await engine.query(seedSql.countsCheckSql(orgId));
  return { mismatches: Number(r.mismatches), recount: Number(r.recount), counted: Number(r.counted) };
}

/**
 * Removes what a run added (tickets created by the benchmark, their history, mails and
 * notifications), so every run reads
 * the seeded data: a common word's search depends on the newest tickets. The counters follow
 * through the delete trigger; the ticket sequence is not set back (numbers are never reused).
 */
export async function restoreSeed(engine: SqlEngine, orgId: number, tickets: number): Promise<number> {
  const [{ n }] = await engine.query('select count(*)::int as n from tickets where org_id = $1 and id > $2', [orgId, tickets]);
  if (n === 0) return 0;
  await engine.transaction(async (q) => {
    // Everything that names those tickets goes first: the mails and notifications their creation queued.
    for (const table of ['outbox', 'notifications', 'attachments']) await q(`delete from ${table} where org_id = $1 and ticket_id > $2`, [orgId, tickets]);
    await q('delete from ticket_events where org_id = $1 and ticket_id > $2', [orgId, tickets]);
    await q('delete from messages where org_id = $1 and ticket_id > $2', [orgId, tickets]);
    await q('delete from idempotency_keys where org_id = $1', [orgId]);
    await q('delete from tickets where org_id = $1 and id > $2', [orgId, tickets]);
  });
  await engine.query('vacuum (analyze) tickets, ticket_events');
  return n as number;
}
