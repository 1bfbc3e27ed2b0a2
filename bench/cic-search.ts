// `npm run bench:cic [-- --users N] [--customers N] [--requests N] [--pg-url URL]` (see BENCHMARKS.md)
//
// The Customer Information Center's search (issue 5: p95 ≤ 30 ms on PostgreSQL over 100,000
// customer users and 10,000 customers, for prefix, suffix and infix patterns): a fresh database,
// filled in SQL, searched through the real API in its own process, beside the same SQL sent
// straight to PostgreSQL in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { searchCustomerHits, searchCustomerUserHits } from '../src/server/cic/cic.repository.ts';
import { parseSearchTerm } from '../src/server/customers/folded-search.ts';
import type { DB } from '../src/server/platform/db/schema.ts';
import type { Deps } from '../src/server/platform/deps.ts';
import { cpuBreakdown, snapshotCpu, waitForQuiet } from './machine.ts';
import { HttpClient, runLoad, type LoadResult } from './measure.ts';
import { startChild, stopChild } from './processes.ts';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    customers: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '300' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
  strict: true,
});
const users = Number(args.users);
const customers = Number(args.customers);
const requests = Number(args.requests);

const first = ['Budi', 'Siti', 'Dewi', 'Agus', 'Rina', 'Andi', 'Wati', 'Joko', 'Sari', 'Putri', 'Hadi', 'Yusuf', 'Dian', 'Rudi', 'Lestari', 'José', 'Nur', 'Eko', 'Fitri', 'Bayu'];
const last = ['Santoso', 'Wijaya', 'Lestari', 'Hidayat', 'Kurniawan', 'Saputra', 'Pratama', 'Wahyuni', 'Setiawan', 'Nugroho', 'Susanto', 'Halim', 'Gunawan', 'Rahma', 'Siregar', 'Nasution', 'Ñúñez', 'Sitompul', 'Hartono', 'Tanjung'];
const companies = ['Toko', 'CV', 'PT', 'UD', 'Warung'];

/** Patterns as agents type them; each answered by the search as a customer user or a customer. */
const patterns = [
  { kind: 'prefix (name)', search: 'dew*' },
  { kind: 'prefix (customer id)', search: 'CUST-12*' },
  { kind: 'prefix (phone, local)', search: '0812 55*' },
  { kind: 'prefix (phone, +62)', search: '+62 813 4*' },
  { kind: 'suffix (email domain, few)', search: '*@kantor77.example' },
  { kind: 'suffix (no match: every candidate checked)', search: '*siregar' },
  { kind: 'infix (name)', search: '*ant*' },
  { kind: 'infix (email)', search: '*wati.sa*' },
  { kind: 'no wildcard (anywhere)', search: 'budi santoso 4' },
  { kind: 'accents folded', search: 'jose nu*' },
  // Outside the goal, measured so that what makes rare terms fast is seen not to slow these down.
  { kind: 'list all', search: '**', guard: true },
  { kind: 'common: nearly every email', search: '*@mail.example', guard: true },
  { kind: 'common: every phone', search: '+62*', guard: true },
  { kind: 'infix without a trigram (every row a candidate)', search: '*an*', guard: true },
];

const adminUrl = new URL(args['pg-url']);
const dbName = `caredesk_bench_cic_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'caredesk-bench-cic-'));
const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
let server: Awaited<ReturnType<typeof startChild>> | null = null;
try {
  server = await startChild('serve.ts', { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: url.toString(), DATA_DIR: dataDir }, '/readyz');
  const http = new HttpClient(server.url, 1);
  const setup = await http.expect('POST', '/api/v1/setup', { name: 'Bench', slug: 'bench', admin: { name: 'Ada', email: 'ada@example.com', password: 'correct-horse-battery' } }, 201);
  http.headers.cookie = String(setup.headers['set-cookie']?.[0]).split(';')[0];
  await http.expect('PATCH', '/api/v1/settings', { default_country: 'ID' }, 200);
  const orgId = Number(JSON.parse(setup.body).workspace.id);

  const started = performance.now();
  await pool.query(
    `insert into customers (org_id, customer_code, name, created_at, updated_at)
     select $1, 'CUST-' || g, ($2::text[])[1 + g % 5] || ' ' || ($3::text[])[1 + (g / 5) % 20] || ' ' || ($4::text[])[1 + (g / 100) % 20] || ' ' || g, now(), now()
     from generate_series(1, $5::int) g`,
    [orgId, companies, first, last, customers],
  );
  await pool.query(
    `insert into customer_users (org_id, customer_id, name, email, phone, phone_normalized, language, created_at, updated_at)
     select $1,
            (select min(id) from customers where org_id = $1) + g % $5,
            ($2::text[])[1 + g % 20] || ' ' || ($3::text[])[1 + (g / 20) % 20] || ' ' || g,
            lower(unaccent(($2::text[])[1 + g % 20])) || '.' || lower(unaccent(($3::text[])[1 + (g / 20) % 20])) || g || '@' || (case when g % 1000 = 7 then 'kantor77.example' else 'mail.example' end),
            '0' || (812 + g % 9) || ' ' || lpad((g % 10000)::text, 4, '0') || ' ' || lpad((g / 10000)::text, 4, '0'),
            '+62' || (812 + g % 9) || lpad((g % 10000)::text, 4, '0') || lpad((g / 10000)::text, 4, '0'),
            'id', now(), now()
     from generate_series(1, $4::int) g`,
    [orgId, first, last, users, customers],
  );
  await pool.query('analyze customers; analyze customer_users');
  console.log(`seeded ${customers.toLocaleString('en')} customers and ${users.toLocaleString('en')} customer users in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const deps = { db } as unknown as Deps;
  const spec = { concurrency: 1, warmup: 20, minRequests: requests, maxRequests: requests, maxSeconds: 60, hardSeconds: 120 };
  // The machine may be shared, as in `npm run bench`: each measurement waits (up to 30 s) for a
  // quiet second and is taken again (up to twice) when other processes took more than 15 % of the
  // CPU meanwhile; the one they disturbed least is kept. It also says what PostgreSQL spent per
  // request, which others' load changes much less than latency.
  const measureOnce = async (op: () => Promise<void>): Promise<LoadResult> => {
    await waitForQuiet(dbName, 0.15, 30_000);
    const before = snapshotCpu();
    const result = await runLoad(spec, op);
    const cpu = cpuBreakdown(before, snapshotCpu(), dbName);
    const perRequest = 1000 / (spec.warmup + result.count);
    return {
      ...result,
      othersCpu: cpu.others / (cpu.seconds * availableParallelism()),
      cpuMs: { client: cpu.client * perRequest, children: cpu.children * perRequest, postgres: cpu.postgres * perRequest },
    };
  };
  const measure = async (op: () => Promise<void>): Promise<LoadResult> => {
    let best = await measureOnce(op);
    for (let retry = 0; retry < 2 && (best.othersCpu ?? 0) > 0.15; retry += 1) {
      const again = await measureOnce(op);
      if ((again.othersCpu ?? 0) < (best.othersCpu ?? 0)) best = again;
    }
    return best;
  };
  const rows: string[] = [];
  const results: { kind: string; guard: boolean; api: LoadResult; raw: LoadResult; hits: number }[] = [];
  for (const p of patterns) {
    const path = `/api/v1/cic/search?search=${encodeURIComponent(p.search)}&limit=20`;
    const first = JSON.parse((await http.expect('GET', path, undefined, 200)).body) as { items: unknown[] };
    const api = await measure(async () => {
      await http.expect('GET', path, undefined, 200);
    });
    // The same statements the service sends: customers first, customer users when the page is not
    // full; for each, a short walk, the trigram-index lookups and the page's query (searchFilter).
    const term = await parseSearchTerm(deps, orgId, p.search);
    const raw = await measure(async () => {
      const found = await searchCustomerHits(db, orgId, term, 20, 0);
      if (found.length <= 20) await searchCustomerUserHits(db, orgId, term, 20 - found.length, 0);
    });
    const guard = p.guard ?? false;
    results.push({ kind: p.kind, guard, api, raw, hits: first.items.length });
    const verdict = api.p95 <= 30 ? 'met' : 'missed';
    const pct = (share = 0) => `${Math.round(share * 100)} %`;
    rows.push(
      `| ${p.kind} | \`${p.search}\` | ${first.items.length} | ${api.p50.toFixed(1)} ms | **${api.p95.toFixed(1)} ms** | ${raw.p50.toFixed(1)} ms | ${raw.p95.toFixed(1)} ms | ${(api.p95 / raw.p95).toFixed(2)}× | ${api.cpuMs?.postgres.toFixed(1)} ms | ${(api.p95 / 30).toFixed(2)}× | ${guard ? `(${verdict})` : verdict} | ${pct(api.othersCpu)} / ${pct(raw.othersCpu)} |`,
    );
  }
  console.log(`\nCIC search, PostgreSQL, ${customers.toLocaleString('en')} customers + ${users.toLocaleString('en')} customer users, one client, ${requests} requests each (first page of 20):\n`);
  console.log(
    '| pattern | search | hits on page 1 | API p50 | API p95 | raw SQL p50 | raw SQL p95 | API ÷ raw (p95) | PostgreSQL CPU per API request | ÷ 30 ms goal | goal | others\' CPU (API / raw) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  const goal = results.filter((r) => !r.guard);
  const worst = goal.reduce((a, b) => (a.api.p95 > b.api.p95 ? a : b));
  const worstGuard = results.filter((r) => r.guard).reduce((a, b) => (a.api.p95 > b.api.p95 ? a : b));
  console.log(`\nworst p95: ${worst.kind} ${worst.api.p95.toFixed(1)} ms (${goal.filter((r) => r.api.p95 <= 30).length}/${goal.length} patterns within 30 ms)`);
  console.log(`worst p95 outside the goal: ${worstGuard.kind} ${worstGuard.api.p95.toFixed(1)} ms`);
} finally {
  if (server) await stopChild(server);
  await db.destroy();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}
