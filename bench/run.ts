// `npm run bench [-- --engine postgres|pglite|both] [--tickets N] [--quick] [--fresh] [--drop] [--only a,b]` (see BENCHMARKS.md)
//
// For each engine: seed (or reuse) one workspace, capture the SQL each scenario's service call
// sends, then measure every scenario three ways at the same concurrency: that SQL straight to the
// database, a bare Fastify route running it, and the real API in its own process.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpuBreakdown, snapshotCpu, waitForQuiet } from './machine.ts';
import { HttpClient, runLoad, type LoadResult, type LoadSpec } from './measure.ts';
import { memoryOf, rssMb, sleep, startChild, stopChild, type Child } from './processes.ts';
import { capturePlans, replay, type Plans } from './replay.ts';
import { summarizeProfiles } from './profile.ts';
import { engineMarkdown, evaluateGoals, goalsMarkdown, type EngineResult, type Mode } from './report.ts';
import { benchActor, buildScenarios, loadFixtures, type Scenario } from './scenarios.ts';
import { ADMIN, describe, dropTarget, prepareTarget, restoreSeed, verifyCounts, type SeedOptions } from './seed.ts';
import { openSqlEngine, type Engine, type Location, type SqlEngine } from './sql.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    tickets: { type: 'string' },
    'customer-users': { type: 'string' },
    quick: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    drop: { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'pglite-dir': { type: 'string' },
    only: { type: 'string' },
    starts: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'server-node-options': { type: 'string' },
  },
  strict: true,
});

const engines: Engine[] = args.engine === 'both' ? ['postgres', 'pglite'] : [args.engine as Engine];
if (!engines.every((e) => e === 'postgres' || e === 'pglite')) throw new Error('--engine is postgres, pglite or both');
const quick = args.quick === true;
const ticketsFor = (e: Engine) => (args.tickets ? Number(args.tickets) : quick ? 20_000 : e === 'postgres' ? 1_000_000 : 100_000);
const only = args.only ? new Set(args.only.split(',')) : null;
const extraStarts = args.starts ? Number(args.starts) : quick ? 0 : 3;

const readSpec: LoadSpec = quick
  ? { concurrency: 10, warmup: 10, minRequests: 100, maxRequests: 400, maxSeconds: 1, hardSeconds: 30 }
  : { concurrency: 10, warmup: 40, minRequests: 200, maxRequests: 4000, maxSeconds: 6, hardSeconds: 120 };
const specOf = (s: Scenario, clients: number | null): LoadSpec =>
  clients === 1
    ? { concurrency: 1, warmup: 10, minRequests: 100, maxRequests: quick ? 100 : 1000, maxSeconds: quick ? 0.5 : 3, hardSeconds: 60 }
    : { ...readSpec, concurrency: s.concurrency, ...(s.kind === 'create' && !quick ? { maxRequests: 8000, maxSeconds: 8 } : {}) };

const log = (line: string) => console.log(line);
const fmt = (r: LoadResult) =>
  `p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  ${r.rps.toFixed(0)} req/s  (${r.count} requests${r.errors ? `, ${r.errors} errors: ${r.firstError}` : ''})`;

/** Other processes' share of the CPU above which a measurement is taken again (the machine may be shared). */
const BUSY = 0.15;
const RETRIES = quick ? 0 : 2;
/** How long to wait for a quiet machine before each measurement. */
const QUIET_WAIT_MS = quick ? 0 : 30_000;

async function measureMode(
  mode: Mode,
  location: Location,
  scenarios: Scenario[],
  op: (s: Scenario, i: number) => Promise<void>,
  clients: number | null = null,
): Promise<Record<string, LoadResult>> {
  const database = location.databaseUrl ? new URL(location.databaseUrl).pathname.slice(1) : null;
  const results: Record<string, LoadResult> = {};
  for (const s of scenarios) {
    for (let attempt = 0; ; attempt++) {
      if (QUIET_WAIT_MS > 0) await waitForQuiet(database, BUSY, QUIET_WAIT_MS);
      const before = snapshotCpu();
      const result: LoadResult = await runLoad(specOf(s, clients), (i) => op(s, i));
      const cpu = cpuBreakdown(before, snapshotCpu(), database);
      result.othersCpu = cpu.seconds > 0 ? cpu.others / (cpu.seconds * availableParallelism()) : 0;
      // The warm-up is inside the window too: a small overstatement, the same for every mode.
      const per = (x: number) => (x * 1000) / Math.max(1, result.count);
      result.cpuMs = { client: per(cpu.client), children: per(cpu.children), postgres: per(cpu.postgres) };
      // Reads are repeatable; creates are kept as measured (a repeat would add more tickets).
      if (!results[s.name] || result.othersCpu < (results[s.name].othersCpu ?? 1)) results[s.name] = result;
      const busy = result.othersCpu > BUSY;
      log(`  ${mode.padEnd(5)} ${s.name.padEnd(16)} ${fmt(result)}${busy ? `  [other processes used ${(result.othersCpu * 100).toFixed(0)} % of the CPU]` : ''}`);
      if (!busy || s.kind === 'create' || attempt >= RETRIES) break;
    }
  }
  return results;
}

async function explainAll(engine: SqlEngine, scenarios: Scenario[], plans: Plans): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of scenarios.filter((x) => x.kind === 'read')) {
    const parts: string[] = [];
    for (const step of plans[s.name][0].steps) {
      const rows = await engine.query(`explain (analyze, buffers) ${step.sql}`, step.params);
      parts.push(`-- ${step.sql}\n-- params: ${JSON.stringify(step.params)}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
    out[s.name] = parts.join('\n\n');
  }
  return out;
}

function serverEnv(location: Location): Record<string, string> {
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  if (location.engine === 'postgres') env.DATABASE_URL = location.databaseUrl as string;
  else env.DATA_DIR = location.dataDir as string;
  return env;
}

async function runEngine(engineName: Engine, resultsDir: string): Promise<EngineResult> {
  const tickets = ticketsFor(engineName);
  const seedOptions: SeedOptions = {
    engine: engineName,
    tickets,
    customerUsers: args['customer-users'] ? Number(args['customer-users']) : Math.max(100, Math.round(tickets / 10)),
    pgAdminUrl: args['pg-url'] as string,
    pgliteDir: args['pglite-dir'],
    fresh: args.fresh === true,
    log,
  };
  log(`\n=== ${engineName}: ${tickets.toLocaleString('en')} tickets ===`);
  const codeAtStart = sourceFingerprint();
  const seeded = await prepareTarget(seedOptions);
  const { location, orgId, adminId } = seeded;
  const counts: EngineResult['counts'] = [];

  // Direct phase: fixtures, SQL capture from the real services, raw SQL load, query plans.
  // Reads are measured in every mode before any create, so all modes read the same data.
  let engine = await openSqlEngine(location, 10);
  let scenarios: Scenario[];
  let plans: Plans;
  let explain: Record<string, string>;
  let fixtures;
  const modes: Record<Mode, Record<string, LoadResult>> = { api: {}, raw: {}, bare: {}, api1: {}, raw1: {} };
  const rawOp = (e: SqlEngine) => async (s: Scenario, i: number) => {
    await replay(e, plans[s.name][i % s.variants]);
  };
  try {
    const leftover = await restoreSeed(engine, orgId, tickets);
    if (leftover) log(`removed ${leftover} tickets an earlier run created`);
    counts.push({ stage: 'before the run', ...(await verifyCounts(engine, orgId)) });
    // Sign-ins of earlier runs count against the login rate limit of 127.0.0.1.
    await engine.query(`delete from rate_limits where key like 'login:%'`);
    fixtures = await loadFixtures(engine, orgId, tickets);
    scenarios = buildScenarios(fixtures).filter((s) => !only || only.has(s.name));
    plans = await capturePlans(engine, scenarios, () => ({ actor: benchActor(orgId, adminId), now: new Date(), timeZone: 'UTC', phoneCountry: null }));
    log(`captured SQL of ${scenarios.length} scenarios; raw SQL (${engineName === 'postgres' ? 'pg Pool of 10' : 'one PGlite'}):`);
    const reads = scenarios.filter((s) => s.kind === 'read');
    Object.assign(modes.raw, await measureMode('raw', location, reads, rawOp(engine)));
    Object.assign(modes.raw1, await measureMode('raw1', location, reads, rawOp(engine), 1));
    explain = await explainAll(engine, scenarios, plans);
  } finally {
    await engine.close();
  }
  const reads = scenarios.filter((s) => s.kind === 'read');
  const creates = scenarios.filter((s) => s.kind === 'create');
  const plansFile = path.join(tmpdir(), `caredesk-bench-plans-${process.pid}.json`);
  writeFileSync(plansFile, JSON.stringify(plans));
  writeFileSync(
    path.join(resultsDir, `explain-${engineName}-${tickets}-${stamp}.txt`),
    Object.entries(explain)
      .map(([name, text]) => `=== ${name}\n${text}\n`)
      .join('\n'),
  );

  // Bare Fastify routes running the captured SQL, in their own process.
  const barePhase = async (list: Scenario[]): Promise<number> => {
    log('bare Fastify route:');
    const child = await startChild('bare-server.ts', { BENCH_LOCATION: JSON.stringify(location), BENCH_PLANS: plansFile, BENCH_POOL_SIZE: '10' }, null);
    try {
      const client = new HttpClient(child.url, 10);
      Object.assign(
        modes.bare,
        await measureMode('bare', location, list, async (s, i) => {
          const r = s.request(i % s.variants);
          await client.expect(r.method, `/bare/${s.name}?v=${i % s.variants}`, r.body, s.kind === 'create' ? 201 : 200);
        }),
      );
      client.close();
      await sleep(2000);
      return rssMb(child.process.pid);
    } finally {
      await stopChild(child);
    }
  };

  // The real server in its own process: start to /readyz on the existing data, memory, the API load.
  const startMs: number[] = [];
  const database = location.databaseUrl ? new URL(location.databaseUrl).pathname.slice(1) : null;
  const apiPhase = async (list: Scenario[], execArgv: string[]) => {
    log('API (real server, own process):');
    if (QUIET_WAIT_MS > 0) await waitForQuiet(database, BUSY, QUIET_WAIT_MS);
    const server: Child = await startChild('serve.ts', serverEnv(location), '/readyz', execArgv);
    startMs.push(server.readyMs);
    try {
      await sleep(2000);
      const idleAfterStart = rssMb(server.process.pid);
      const login = await new HttpClient(server.url, 1).expect('POST', '/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password }, 200);
      const cookie = String(login.headers['set-cookie']?.find((c) => c.startsWith('caredesk_session=')) ?? '').split(';')[0];
      const client = new HttpClient(server.url, 10, { cookie });
      const apiOp = async (s: Scenario, i: number) => {
        const r = s.request(i % s.variants);
        await client.expect(r.method, r.path, r.body, s.kind === 'create' ? 201 : 200);
      };
      Object.assign(modes.api, await measureMode('api', location, list, apiOp));
      Object.assign(modes.api1, await measureMode('api1', location, list, apiOp, 1));
      client.close();
      await sleep(3000);
      const idleAfterLoad = rssMb(server.process.pid);
      const memory = await memoryOf(server);
      log(`  server RSS: ${idleAfterStart.toFixed(0)} MB idle after start, ${idleAfterLoad.toFixed(0)} MB idle after the load`);
      return { idleAfterStart, idleAfterLoad, memory };
    } finally {
      await stopChild(server);
    }
  };

  const bareRss = await barePhase(reads);
  for (let k = 0; k < extraStarts; k++) {
    if (QUIET_WAIT_MS > 0) await waitForQuiet(database, BUSY, QUIET_WAIT_MS);
    const c = await startChild('serve.ts', serverEnv(location), '/readyz');
    startMs.push(c.readyMs);
    await stopChild(c);
  }
  const profileDir = path.join(resultsDir, `profile-${engineName}-${tickets}`);
  const serverArgv = args['server-node-options'] ? args['server-node-options'].split(/\s+/).filter(Boolean) : [];
  const readMemory = await apiPhase(reads, [...serverArgv, ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])]);
  log(`  start to /readyz: ${startMs.map((v) => `${v.toFixed(0)} ms`).join(', ')}`);

  // Creates last, in every mode.
  if (creates.length) {
    engine = await openSqlEngine(location, 10);
    try {
      log('raw SQL, creates:');
      Object.assign(modes.raw, await measureMode('raw', location, creates, rawOp(engine)));
      Object.assign(modes.raw1, await measureMode('raw1', location, creates, rawOp(engine), 1));
    } finally {
      await engine.close();
    }
    await barePhase(creates);
    await apiPhase(creates, serverArgv);
  }
  rmSync(plansFile, { force: true });

  if (args.profile) {
    const summary = summarizeProfiles(profileDir);
    writeFileSync(path.join(resultsDir, `profile-${engineName}-${tickets}.txt`), summary);
    log(`  server CPU profile (whole API phase):\n${summary.split('\n').slice(0, 30).join('\n')}`);
  }
  engine = await openSqlEngine(location, 2);
  try {
    counts.push({ stage: 'after the run (creates included)', ...(await verifyCounts(engine, orgId)) });
    const removed = await restoreSeed(engine, orgId, tickets);
    counts.push({ stage: `after removing the ${removed} created tickets`, ...(await verifyCounts(engine, orgId)) });
  } finally {
    await engine.close();
  }
  if (args.drop) {
    await dropTarget(seedOptions);
    log(`dropped ${describe(location)}`);
  }
  return {
    engine: engineName,
    tickets,
    customerUsers: seedOptions.customerUsers,
    reused: seeded.reused,
    seedSeconds: seeded.seedSeconds,
    triggerSample: seeded.triggerSample,
    scenarios: scenarios.map((s) => ({ name: s.name, title: s.title, queries: plans[s.name][0].steps.length })),
    modes,
    startMs,
    rss: { idleAfterStart: readMemory.idleAfterStart, idleAfterLoad: readMemory.idleAfterLoad, bareIdleAfterLoad: bareRss, memoryAfterLoad: readMemory.memory },
    counts,
    explain,
    code: { atStart: codeAtStart, atEnd: sourceFingerprint() },
    fixtures: { deepFilter: new URLSearchParams(fixtures.deepFilter).toString(), deepMatches: fixtures.deepMatches },
  };
}

/** A short hash of the server code and migrations, to tie the figures to a version of them. */
function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|sql)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) hash.update(full).update(readFileSync(full));
    }
  };
  for (const dir of ['src/server', 'src/contract', 'migrations']) walk(path.join(here, '..', dir));
  return hash.digest('hex').slice(0, 12);
}

async function machine(): Promise<string> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const pglite = JSON.parse(readFileSync(path.join(here, '../node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
  let postgres = 'not used';
  if (engines.includes('postgres')) {
    const e = await openSqlEngine({ engine: 'postgres', databaseUrl: args['pg-url'] }, 1);
    const settings = await e.query(
      `select (select setting from pg_settings where name = 'server_version') as v,
              current_setting('shared_buffers') as sb, current_setting('work_mem') as wm, current_setting('synchronous_commit') as sc, current_setting('jit') as jit`,
    );
    await e.close();
    const s = settings[0];
    postgres = `${s.v} (shared_buffers ${s.sb}, work_mem ${s.wm}, synchronous_commit ${s.sc}, jit ${s.jit}; stock settings)`;
  }
  return [
    `- CPU: ${model}, ${cpus().length} cores (nproc)`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Linux ${release()}, Node ${process.version}`,
    `- PostgreSQL ${postgres}, on the same machine over TCP 127.0.0.1`,
    `- PGlite ${pglite}`,
  ].join('\n');
}

const resultsDir = path.join(here, 'results');
const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
mkdirSync(resultsDir, { recursive: true });
const results: EngineResult[] = [];
for (const e of engines) results.push(await runEngine(e, resultsDir));
const goals = evaluateGoals(results);
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const md = [
  `## Run of ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Command: \`${command}\``,
  '',
  await machine(),
  '',
  ...results.map(engineMarkdown).flatMap((s) => [s, '']),
  '### Goals',
  '',
  goalsMarkdown(goals),
  '',
].join('\n');
console.log(`\n${md}`);
writeFileSync(path.join(resultsDir, `${stamp}.json`), JSON.stringify({ command, startedAt, results, goals }, null, 2));
writeFileSync(args.out ?? path.join(resultsDir, `${stamp}.md`), md);
console.log(`results: ${path.relative(process.cwd(), path.join(resultsDir, `${stamp}.json`))}, query plans: ${path.relative(process.cwd(), resultsDir)}/explain-*.txt`);
