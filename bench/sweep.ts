// `npm run bench:sweep [-- --tickets N] [--due N] [--runs N] [--pg-url URL] [--floor] [--profile] [--keep]` (see BENCHMARKS.md)
//
// The background sweeper (issue 6): with 1,000,000 tickets of which 10,000 are due, one sweep
// (auto-close, pending reminders, SLA warnings, escalation) takes ≤ 2 s on PostgreSQL, and a sweep
// with nothing due costs ≤ 20 ms whatever the table's size. The real sweeper (`startSweeper` over
// the app's Deps, real actions: history events, notifications, outbox mails) on a fresh database
// filled in SQL, beside the same sweeper on the same setup with no tickets at all.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { defaultBatchSize, startSweeper, type SweepReport, type SweeperOptions } from '../src/server/jobs/sweeper.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase, type Database } from '../src/server/platform/db/database.ts';
import type { Deps } from '../src/server/platform/deps.ts';
import { cpuBreakdown, snapshotCpu, waitForQuiet, type CpuBreakdown } from './machine.ts';
import { keepSweepWrites, replayFloor, type FloorResult } from './sweep-floor.ts';
import { instrumentedDeps, statementTable, withCpuProfile } from './sweep-profile.ts';
import { dutyKinds } from './sweep-seed.ts';
import { checkRun, checkSlaSample, readSeedMarker, restoreDue, seedSweep, type DutyCheck, type SweepSeed } from './sweep-state.ts';
import { openSqlEngine, type SqlEngine } from './sql.ts';

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000000' },
    due: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    'idle-sweeps': { type: 'string', default: '1000' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    concurrency: { type: 'string' },
    'batch-size': { type: 'string' },
    'quiet-wait': { type: 'string', default: '30' },
    profile: { type: 'boolean', default: false },
    floor: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const tickets = Number(args.tickets);
const due = Number(args.due);
const runs = Number(args.runs);
const idleSweeps = Number(args['idle-sweeps']);
const quietMs = Number(args['quiet-wait']) * 1000;
if (!(due % 4 === 0 && due >= 4 && due < tickets)) throw new Error('--due must be a multiple of 4, and fewer than --tickets');
const sweeperOptions: Partial<SweeperOptions> = {
  ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
  ...(args['batch-size'] ? { batchSize: Number(args['batch-size']) } : {}),
};

const resultsDir = path.join(import.meta.dirname, 'results');
const adminUrl = new URL(args['pg-url']);
const urlOf = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const names = { full: `caredesk_bench_sweep_${tickets}_${due}`, empty: `caredesk_bench_sweep_empty_${tickets}` };
const log = (line: string) => console.log(line);
const dataDir = mkdtempSync(path.join(tmpdir(), 'caredesk-bench-sweep-'));

const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();

/** The seeded database, reused with --keep when it holds this seed; otherwise made anew. */
async function prepare(name: string, size: { tickets: number; due: number }): Promise<SweepSeed> {
  const url = urlOf(name);
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (exists && args.keep) {
    const engine = await openSqlEngine({ engine: 'postgres', databaseUrl: url }, 1);
    const marker = await readSeedMarker(engine, size.tickets, size.due).catch(() => null);
    await engine.close();
    if (marker) {
      log(`reusing ${name} (seeded ${marker.anchor.toISOString()} in ${marker.seedSeconds.toFixed(0)} s)`);
      return marker;
    }
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  log(`seeding ${name}: ${size.tickets.toLocaleString('en')} tickets, ${size.due.toLocaleString('en')} due`);
  const engine = await openSqlEngine({ engine: 'postgres', databaseUrl: url }, 2);
  try {
    return (await seedSweep(url, engine, { ...size, customerUsersFor: tickets }, log)).seed;
  } finally {
    await engine.close();
  }
}

async function openDeps(name: string): Promise<Deps> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: urlOf(name), DATA_DIR: dataDir });
  const database: Database = await openDatabase({ databaseUrl: urlOf(name), poolSize: config.DATABASE_POOL_SIZE });
  return { config, database, db: database.db, clock: systemClock };
}

const failures: string[] = [];
const sweepLog = {
  info: () => undefined,
  error: (obj: unknown, msg?: string) => {
    failures.push(`${msg ?? ''} ${obj instanceof Error ? obj.message : JSON.stringify(obj, (_k, v: unknown) => (v instanceof Error ? v.message : v))}`);
  },
} as unknown as SweeperOptions['log'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const othersPct = (c: CpuBreakdown) => (c.seconds > 0 ? Math.round((c.others / (c.seconds * cpus().length)) * 100) : 0);

interface DueRun {
  marks: { events: number; notifications: number; outbox: number };
  ms: number;
  report: SweepReport;
  perDutyMs: Record<string, number>;
  cpu: CpuBreakdown;
  nextSweepMs: number;
  nextClaimed: number;
  checks: DutyCheck[];
  strayEvents: number;
}

const started = new Date();
const seeds = { full: await prepare(names.full, { tickets, due }), empty: await prepare(names.empty, { tickets: 0, due: 0 }) };
const deps = { full: await openDeps(names.full), empty: await openDeps(names.empty) };
const engine: SqlEngine = await openSqlEngine({ engine: 'postgres', databaseUrl: urlOf(names.full) }, 2);
try {
  const sla = await checkSlaSample(deps.full, seeds.full.anchor);
  if (sla.differing) throw new Error(`seeded SLA columns differ from what applySla plans on ${sla.differing} of ${sla.checked} sampled tickets, e.g. ${sla.first}`);
  log(`SLA columns of ${sla.checked} sampled due tickets equal what applySla plans for them`);

  // (b) The due sweep, run after run, each on the due tickets put back and moved to its "now".
  const sweeper = startSweeper(deps.full, { intervalMs: 0, log: sweepLog, ...sweeperOptions });
  const dueRuns: DueRun[] = [];
  const sweepDue = async (sweepDeps: Deps, sweep: () => Promise<SweepReport>): Promise<DueRun> => {
    const marks = await restoreDue(engine, seeds.full.anchor, new Date());
    const quiet = await waitForQuiet(names.full, 0.15, quietMs);
    if (quiet >= 0.15) log(`  (the machine did not get quiet: others used ${Math.round(quiet * 100)} % of it)`);
    const before = snapshotCpu();
    const t0 = performance.now();
    const report = await sweep();
    const ms = performance.now() - t0;
    const cpu = cpuBreakdown(before, snapshotCpu(), names.full);
    const jobRuns = await engine.query('select duty, extract(epoch from last_finished_at - last_started_at) * 1000 as ms from job_runs');
    const perDutyMs = Object.fromEntries(jobRuns.map((r) => [String(r.duty), Number(r.ms)]));
    const t1 = performance.now();
    const next = await sweep();
    const nextSweepMs = performance.now() - t1;
    const { duties, strayEvents } = await checkRun(engine, marks, sweepDeps.clock.now());
    return { marks, ms, report, perDutyMs, cpu, nextSweepMs, nextClaimed: Object.values(next).reduce((a, r) => a + r.claimed, 0), checks: duties, strayEvents };
  };
  for (let run = 1; run <= runs; run++) {
    const r = await sweepDue(deps.full, () => sweeper.sweepNow());
    dueRuns.push(r);
    const counts = dutyKinds.map((k) => `${k} ${r.report[k]?.done}/${r.report[k]?.claimed}${r.report[k]?.failed ? ` (${r.report[k]?.failed} failed)` : ''} ${fmt(r.perDutyMs[k])} ms`).join(', ');
    log(`due sweep ${run}/${runs}: ${fmt(r.ms)} ms (${counts}); CPU s: node ${r.cpu.client.toFixed(2)}, postgres ${r.cpu.postgres.toFixed(2)}, others ${r.cpu.others.toFixed(2)}; next sweep ${fmt(r.nextSweepMs)} ms, claimed ${r.nextClaimed}`);
  }

  if (args.floor) await keepSweepWrites(engine, dueRuns[dueRuns.length - 1].marks);
  let profileText = '';
  if (args.profile) {
    const probe = instrumentedDeps(deps.full, urlOf(names.full), deps.full.config.DATABASE_POOL_SIZE);
    const profiled = startSweeper(probe.deps, { intervalMs: 0, log: sweepLog, duties: probe.duties, ...sweeperOptions });
    const { result, summary } = await withCpuProfile(resultsDir, 'sweep', () => sweepDue(probe.deps, () => profiled.sweepNow()));
    await profiled.stop();
    const rows = Object.fromEntries(dutyKinds.map((k) => [k, result.report[k]?.claimed ?? 0]));
    profileText = `Profiled sweep (statements logged, V8 profiler on): ${fmt(result.ms)} ms; CPU s: node ${result.cpu.client.toFixed(2)}, postgres ${result.cpu.postgres.toFixed(2)}\n\n${statementTable(probe.stats, rows)}\n\n${summary}`;
    await probe.close();
    log(profileText);
  }
  await sweeper.stop();

  const floors: FloorResult[] = [];
  if (args.floor) {
    const concurrency = Math.max(1, Math.min(sweeperOptions.concurrency ?? deps.full.config.CAREDESK_SWEEP_CONCURRENCY, deps.full.config.DATABASE_POOL_SIZE - 1));
    for (let run = 1; run <= 3; run++) {
      const f = await replayFloor(engine, names.full, seeds.full.anchor, sweeperOptions.batchSize ?? deps.full.config.CAREDESK_SWEEP_BATCH_SIZE ?? defaultBatchSize(deps.full.database.engine), concurrency, quietMs);
      floors.push(f);
      log(`set-based replay ${run}/3: ${fmt(f.ms)} ms (${dutyKinds.map((k) => `${k} ${fmt(f.perDutyMs[k])} ms`).join(', ')}); CPU s: node ${f.cpu.client.toFixed(2)}, postgres ${f.cpu.postgres.toFixed(2)}, others ${f.cpu.others.toFixed(2)}; round trips: ${Object.entries(f.statementMs).map(([k, v]) => `${k} ${fmt(v)} ms`).join(', ')}`);
    }
  }

  // (a) Sweeps with nothing due, on the full table (after the runs above, vacuumed) and on the empty one, in alternating blocks.
  await engine.query('vacuum (analyze) tickets, ticket_events, notifications, outbox');
  const idle = { full: [] as number[], empty: [] as number[] };
  const idleCpu = { full: [] as CpuBreakdown[], empty: [] as CpuBreakdown[] };
  const heartbeat = { full: [] as number[], empty: [] as number[] };
  let idleClaimed = 0;
  const blocks = 5;
  for (const which of ['full', 'empty'] as const) {
    const s = startSweeper(deps[which], { intervalMs: 0, log: sweepLog, ...sweeperOptions });
    for (let i = 0; i < 20; i++) await s.sweepNow(); // connections, caches, JIT
    await s.stop();
  }
  const idleSweepers = { full: startSweeper(deps.full, { intervalMs: 0, log: sweepLog, ...sweeperOptions }), empty: startSweeper(deps.empty, { intervalMs: 0, log: sweepLog, ...sweeperOptions }) };
  // Every sweep records that it looked (an upsert, a commit): what one sweep a minute costs.
  const beating = {
    full: startSweeper(deps.full, { intervalMs: 0, log: sweepLog, heartbeatMs: 0, ...sweeperOptions }),
    empty: startSweeper(deps.empty, { intervalMs: 0, log: sweepLog, heartbeatMs: 0, ...sweeperOptions }),
  };
  for (const which of ['full', 'empty'] as const) await idleSweepers[which].sweepNow(); // its first sweep writes the heartbeat
  for (let b = 0; b < blocks; b++) {
    for (const which of b % 2 === 0 ? (['full', 'empty'] as const) : (['empty', 'full'] as const)) {
      await waitForQuiet(names[which], 0.15, quietMs);
      const before = snapshotCpu();
      for (let i = 0; i < idleSweeps / blocks; i++) {
        const t0 = performance.now();
        const report = await idleSweepers[which].sweepNow();
        idle[which].push(performance.now() - t0);
        idleClaimed += Object.values(report).reduce((a, r) => a + r.claimed, 0);
      }
      idleCpu[which].push(cpuBreakdown(before, snapshotCpu(), names[which]));
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await beating[which].sweepNow();
        heartbeat[which].push(performance.now() - t0);
      }
    }
  }
  await Promise.all([...Object.values(idleSweepers), ...Object.values(beating)].map((s) => s.stop()));

  // Report.
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const [pgInfo] = await engine.query(
    `select current_setting('server_version') as v, current_setting('shared_buffers') as sb, current_setting('synchronous_commit') as sc, current_setting('jit') as jit`,
  );
  // What the sweeper runs with (its defaults unless given): batches at once are capped below the pool size.
  const options = {
    concurrency: String(Math.max(1, Math.min(sweeperOptions.concurrency ?? deps.full.config.CAREDESK_SWEEP_CONCURRENCY, deps.full.config.DATABASE_POOL_SIZE - 1))),
    batchSize: String(sweeperOptions.batchSize ?? deps.full.config.CAREDESK_SWEEP_BATCH_SIZE ?? defaultBatchSize(deps.full.database.engine)),
  };
  const out: string[] = [];
  out.push(`### Run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC\n`);
  out.push(`Command: \`npm run bench:sweep${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``);
  out.push('');
  out.push(`- CPU: ${model}, ${cpus().length} cores (nproc); memory ${(totalmem() / 1024 ** 3).toFixed(1)} GiB; Linux ${release()}, Node ${process.version}`);
  out.push(`- PostgreSQL ${pgInfo.v} (shared_buffers ${pgInfo.sb}, synchronous_commit ${pgInfo.sc}, jit ${pgInfo.jit}; stock settings), same machine, TCP 127.0.0.1; pool of ${deps.full.config.DATABASE_POOL_SIZE} (DATABASE_POOL_SIZE)`);
  out.push(`- Sweeper options: concurrency ${options.concurrency}, batch size ${options.batchSize}`);
  out.push(`- Seed: ${tickets.toLocaleString('en')} tickets in two workspaces (80 / 20 %), ${due.toLocaleString('en')} due (${due / 4} per duty); ${seeds.full.reused ? 'reused' : `seeded in ${seeds.full.seedSeconds.toFixed(0)} s`}`);
  out.push('');
  const wall = dueRuns.map((r) => r.ms);
  out.push(`**One sweep of the ${due.toLocaleString('en')} due tickets**, ${runs} runs (counts: the same in every run unless listed per run; times: median):\n`);
  out.push('| duty | claimed | done | skipped | failed | one event each | left settled | time (median) | ms per row | other events | notifications | mails |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const last = dueRuns[dueRuns.length - 1];
  for (const k of dutyKinds) {
    // One figure when every run agrees, else each run's.
    const sum = (f: (r: DueRun) => number) => {
      const all = dueRuns.map(f);
      return all.every((x) => x === all[0]) ? all[0].toLocaleString('en') : all.map((x) => x.toLocaleString('en')).join(' / ');
    };
    const c = last.checks.find((x) => x.kind === k) as DutyCheck;
    const t = median(dueRuns.map((r) => r.perDutyMs[k]));
    const kv = (o: Record<string, number>) => Object.entries(o).map(([a, n]) => `${a} ${n}`).join(', ') || '–';
    out.push(
      `| ${k} | ${sum((r) => r.report[k]?.claimed ?? 0)} | ${sum((r) => r.report[k]?.done ?? 0)} | ${sum((r) => r.report[k]?.skipped ?? 0)} | ${sum((r) => r.report[k]?.failed ?? 0)} | ${sum((r) => r.checks.find((x) => x.kind === k)?.oneEvent ?? 0)} | ${sum((r) => r.checks.find((x) => x.kind === k)?.settled ?? 0)} | ${fmt(t)} ms | ${(t / c.tickets).toFixed(3)} | ${kv(c.otherEvents)} | ${kv(c.notifications)} | ${kv(c.mails)} |`,
    );
  }
  out.push(`| **sweep** | | | | | | | **${fmt(median(wall))} ms** (${fmt(Math.min(...wall))}–${fmt(Math.max(...wall))}) | ${(median(wall) / due).toFixed(3)} | | | |`);
  out.push('');
  out.push(`Runs: ${wall.map(fmt).join(', ')} ms. CPU seconds per sweep (median): this process (the sweeper) ${median(dueRuns.map((r) => r.cpu.client)).toFixed(2)}, PostgreSQL ${median(dueRuns.map((r) => r.cpu.postgres)).toFixed(2)}; others' share of the machine ${dueRuns.map((r) => `${othersPct(r.cpu)} %`).join(', ')}.`);
  out.push(`Events on tickets that were not due: ${dueRuns.map((r) => r.strayEvents).join(', ')}. The sweep right after each: ${dueRuns.map((r) => `${fmt(r.nextSweepMs)} ms`).join(', ')}, claimed ${dueRuns.map((r) => r.nextClaimed).join(', ')}.`);
  out.push('');
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
  };
  const cpuPer = (cs: CpuBreakdown[], n: number, k: 'client' | 'postgres') => (cs.reduce((a, c) => a + c[k], 0) * 1000) / n;
  const i = { full: stats(idle.full), empty: stats(idle.empty) };
  const hb = { full: stats(heartbeat.full), empty: stats(heartbeat.empty) };
  out.push(`**A sweep with nothing due** (${idle.full.length} sweeps per table in ${blocks} alternating blocks; every duty claimed ${idleClaimed} rows):\n`);
  out.push('| table | p50 | p95 | p99 | max | CPU ms per sweep: sweeper / PostgreSQL | with its heartbeat write (p50 / p95) |');
  out.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const which of ['empty', 'full'] as const) {
    const label = which === 'empty' ? 'no tickets (baseline)' : `${tickets.toLocaleString('en')} tickets`;
    out.push(
      `| ${label} | ${fmt(i[which].p50)} ms | ${fmt(i[which].p95)} ms | ${fmt(i[which].p99)} ms | ${fmt(i[which].max)} ms | ${cpuPer(idleCpu[which], idle[which].length, 'client').toFixed(2)} / ${cpuPer(idleCpu[which], idle[which].length, 'postgres').toFixed(2)} | ${fmt(hb[which].p50)} / ${fmt(hb[which].p95)} ms |`,
    );
  }
  out.push(`| ratio full ÷ empty | ${(i.full.p50 / i.empty.p50).toFixed(2)}× | ${(i.full.p95 / i.empty.p95).toFixed(2)}× | ${(i.full.p99 / i.empty.p99).toFixed(2)}× | | | ${(hb.full.p50 / hb.empty.p50).toFixed(2)}× / ${(hb.full.p95 / hb.empty.p95).toFixed(2)}× |`);
  out.push('');
  const goalDue = median(wall) <= 2000;
  const goalIdle = i.full.p95 <= 20;
  out.push(`Goals: due sweep median ${fmt(median(wall))} ms ≤ 2,000 ms: ${goalDue ? 'met' : '**not met**'}; idle sweep p95 ${fmt(i.full.p95)} ms ≤ 20 ms at ${tickets.toLocaleString('en')} tickets: ${goalIdle ? 'met' : '**not met**'}.`);
  if (floors.length) {
    const f = floors[0].rows;
    out.push('');
    out.push(
      `**The same writes, set-based** (\`--floor\`: the rows the last sweep wrote — ${f.tickets.toLocaleString('en')} ticket updates, ${f.events.toLocaleString('en')} events, ${f.notifications.toLocaleString('en')} notifications, ${f.mails.toLocaleString('en')} mails — replayed per duty in batches of ${options.batchSize}, ${options.concurrency} at once; per batch one claim, one UPDATE, three INSERTs with their NOTIFYs; no lookups): ` +
        `median ${fmt(median(floors.map((x) => x.ms)))} ms (${floors.map((x) => fmt(x.ms)).join(', ')}); PostgreSQL CPU ${median(floors.map((x) => x.cpu.postgres)).toFixed(2)} s; per duty ${dutyKinds.map((k) => `${k} ${fmt(median(floors.map((x) => x.perDutyMs[k])))} ms`).join(', ')}; summed round trips (all connections) ${Object.keys(floors[0].statementMs).map((k) => `${k} ${fmt(median(floors.map((x) => x.statementMs[k])))} ms`).join(', ')}.`,
    );
  }
  if (failures.length) out.push(`\nSweeper errors logged: ${failures.length}, first: ${failures[0]}`);
  const markdown = out.join('\n');
  console.log(`\n${markdown}\n`);
  mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  writeFileSync(path.join(resultsDir, `sweep-${stamp}.md`), `${markdown}\n\n${profileText}\n`);
  writeFileSync(path.join(resultsDir, `sweep-${stamp}.json`), JSON.stringify({ args, sweeperOptions, seeds, dueRuns, floors, idle, heartbeat, idleCpu, failures }, null, 1));
  const bad = dueRuns.some((r) => r.strayEvents > 0 || r.nextClaimed > 0 || r.checks.some((c) => c.oneEvent !== c.tickets || c.settled !== c.tickets)) || idleClaimed > 0;
  if (bad || failures.length) {
    console.error('the sweep did not act exactly once on every due ticket (see the table)');
    process.exitCode = 1;
  }
} finally {
  await engine.close();
  await deps.full.database.close();
  await deps.empty.database.close();
  if (!args.keep) for (const name of Object.values(names)) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}
