// `npm run bench:live [-- --engine postgres|pglite|both] [--changes N] [--mails N] [--write]` (see BENCHMARKS.md)
//
// Issue 4: 1,000 open live-event streams in one server process (memory), a ticket change reaching
// every subscribed stream (latency, in one process and across two on PostgreSQL), and the outbox
// delivering mail to a local SMTP server (throughput, exactly once). The real server runs in child
// processes over a fresh database; the streams, the SMTP server and the baselines run here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HEARTBEAT_MS } from '../src/server/live/events.routes.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { measureDeliveries, type Change } from './live-latency.ts';
import { measureOutboxRound, pendingMails } from './live-outbox.ts';
import * as report from './live-report.ts';
import { createDatabase, createLiveWorkspace, dropDatabase, mintPortalSessions, type LiveWorkspace } from './live-setup.ts';
import { startCountingSmtp } from './live-smtp.ts';
import { openStreams, type LiveStream, type StreamSpec } from './live-streams.ts';
import { cpuBreakdown, snapshotCpu, waitForQuiet } from './machine.ts';
import { HttpClient } from './measure.ts';
import { memoryOf, rssMb, sleep, startChild, stopChild, type Child } from './processes.ts';
import { summarizeProfiles } from './profile.ts';
import type { Location } from './sql.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    'agent-streams': { type: 'string', default: '500' },
    'portal-streams': { type: 'string', default: '500' },
    changes: { type: 'string', default: '200' },
    mails: { type: 'string', default: '2000' },
    'mail-rounds': { type: 'string', default: '3' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'quiet-wait': { type: 'string', default: '10' },
    write: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
  strict: true,
});
const engines = args.engine === 'both' ? (['postgres', 'pglite'] as const) : [args.engine as 'postgres' | 'pglite'];
if (!engines.every((e) => e === 'postgres' || e === 'pglite')) throw new Error('--engine is postgres, pglite or both');
const AGENTS = 20;
const PORTAL_PER_CUSTOMER = 2;
const CHANGED_TICKETS = 20;
const agentStreams = Number(args['agent-streams']);
const portalStreams = Number(args['portal-streams']);
const changeCount = Number(args.changes);
const mails = Number(args.mails);
const mailRounds = Number(args['mail-rounds']);
const customerCount = Math.max(CHANGED_TICKETS, Math.ceil(portalStreams / PORTAL_PER_CUSTOMER));
if (![agentStreams, portalStreams, changeCount, mails, mailRounds].every((n) => Number.isInteger(n) && n >= 0)) throw new Error('counts are whole numbers');
/** Others' share of the CPU above which the machine counts as busy (as in `npm run bench`). */
const BUSY = 0.15;
const quietWaitMs = Number(args['quiet-wait']) * 1000;
const pgUrl = args['pg-url'] as string;
const log = (line: string) => console.log(line);

const startedAt = new Date();
const codeAtStart = report.sourceFingerprint();
const scratch = mkdtempSync(path.join(tmpdir(), 'caredesk-bench-live-'));
const databaseName = `caredesk_bench_live_${process.pid}`;
const children = new Set<Child>();
const openSets: { close(): void }[] = [];
const run: report.LiveRun = {
  command: `npm run bench:live${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  startedAt,
  machine: '',
  code: { atStart: codeAtStart, atEnd: codeAtStart },
  setup: { agents: AGENTS, customers: customerCount, portalPerCustomer: PORTAL_PER_CUSTOMER, changedTickets: CHANGED_TICKETS },
  memory: [],
  latency: [],
  outbox: [],
  outboxNote: engines.includes('postgres') ? null : 'not measured (PostgreSQL only; this run was PGlite only)',
};

async function startServer(location: Location, name: string, extra: Record<string, string> = {}, execArgv: string[] = []): Promise<Child> {
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extra };
  if (location.engine === 'postgres') {
    env.DATABASE_URL = location.databaseUrl as string;
    env.DATA_DIR = path.join(scratch, `data-${name}`); // attachments only; the database is PostgreSQL
  } else env.DATA_DIR = location.dataDir as string;
  const child = await startChild('serve.ts', env, '/readyz', execArgv);
  children.add(child);
  return child;
}

async function stopServer(child: Child): Promise<void> {
  await stopChild(child);
  children.delete(child);
}

const quiet = async (database: string | null) => {
  if (quietWaitMs > 0) await waitForQuiet(database, BUSY, quietWaitMs);
};

/** Median of 5 RSS readings over 1 s. */
async function sampleRss(child: Child): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    if (i) await sleep(250);
    xs.push(rssMb(child.process.pid));
  }
  return report.percentile(xs, 50);
}

/** Makes the workspace through a first server process, stops it, then mints the portal sessions. */
async function prepare(location: Location): Promise<{ ws: LiveWorkspace; specs: StreamSpec[] }> {
  const started = performance.now();
  const setup = await startServer(location, 'setup');
  let ws: LiveWorkspace;
  try {
    ws = await createLiveWorkspace(setup.url, { agents: AGENTS, customers: customerCount });
  } finally {
    await stopServer(setup);
  }
  const sessions = await mintPortalSessions(location, ws.orgId, ws.customers.map((c) => c.customerUserId), PORTAL_PER_CUSTOMER);
  const specs: StreamSpec[] = [
    ...Array.from({ length: agentStreams }, (_, i): StreamSpec => ({ kind: 'agent', path: '/api/v1/events', cookie: ws.agentCookies[i % ws.agentCookies.length], customerUserId: null })),
    ...sessions.slice(0, portalStreams).map((s): StreamSpec => ({ kind: 'portal', path: `/api/v1/portal/${ws.slug}/events`, cookie: s.cookie, customerUserId: s.customerUserId })),
  ];
  log(`  workspace: ${AGENTS} agents, ${ws.customers.length} customers with a ticket each, ${sessions.length} portal sessions (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return { ws, specs };
}

/** Warm-up, RSS, the streams opened, RSS again. */
async function openWithMemory(server: Child, label: string, ws: LiveWorkspace, specs: StreamSpec[], database: string | null, measureIdle: boolean): Promise<{ memory: report.MemoryResult; streams: LiveStream[]; close(): void }> {
  const admin = new HttpClient(server.url, 1, { cookie: ws.adminCookie });
  for (let i = 0; i < 200; i++) await admin.expect('GET', '/api/v1/tickets?limit=50', undefined, 200);
  for (let i = 0; i < 20; i++) await admin.expect('PATCH', `/api/v1/tickets/${ws.customers[0].ticketNumber}`, { priority: i % 2 ? 'low' : 'urgent' }, 200);
  const warm = await openStreams(server.url, [...specs.filter((s) => s.kind === 'agent').slice(0, 20), ...specs.filter((s) => s.kind === 'portal').slice(0, 20)]);
  await sleep(200);
  warm.close();
  admin.close();
  await sleep(2000);
  await quiet(database);
  const before = await sampleRss(server);
  const heapBefore = await memoryOf(server);
  const t0 = performance.now();
  const set = await openStreams(server.url, specs);
  openSets.push(set);
  const openSeconds = (performance.now() - t0) / 1000;
  await sleep(2000);
  const after = await sampleRss(server);
  const heapAfter = await memoryOf(server);
  let idle: report.MemoryResult['idle'] = null;
  if (measureIdle) {
    // Every stream re-checks its credentials once per heartbeat: one cycle shows what holding them costs.
    const before = snapshotCpu();
    await sleep(HEARTBEAT_MS + 1000);
    const cpu = cpuBreakdown(before, snapshotCpu(), database);
    idle = { seconds: cpu.seconds, server: cpu.children / cpu.seconds, postgres: cpu.postgres / cpu.seconds };
  }
  const memory: report.MemoryResult = {
    label,
    agentStreams: specs.filter((s) => s.kind === 'agent').length,
    portalStreams: specs.filter((s) => s.kind === 'portal').length,
    before,
    after,
    afterChanges: null,
    heapBefore,
    heapAfter,
    heapAfterChanges: null,
    openSeconds,
    idle,
  };
  log(`  ${label}: RSS ${before.toFixed(0)} MB → ${after.toFixed(0)} MB with ${specs.length} streams (opened in ${openSeconds.toFixed(1)} s): ${report.addedPer1000(memory).toFixed(0)} MB per 1,000 streams`);
  return { memory, streams: set.streams, close: set.close };
}

async function afterChanges(server: Child, memory: report.MemoryResult): Promise<void> {
  await sleep(2000);
  memory.afterChanges = await sampleRss(server);
  memory.heapAfterChanges = await memoryOf(server);
}

async function latencyRun(label: string, apiUrl: string, ws: LiveWorkspace, streams: LiveStream[], database: string | null): Promise<report.LatencyResult> {
  const step = Math.max(1, Math.floor(ws.customers.length / CHANGED_TICKETS));
  const targets = Array.from({ length: CHANGED_TICKETS }, (_, k) => ws.customers[(k * step) % ws.customers.length]);
  // Every target starts at medium, then each visit flips it between high and low: every PATCH is a real change.
  const changes: Change[] = Array.from({ length: changeCount }, (_, i) => {
    const c = targets[i % targets.length];
    const visit = Math.floor(i / targets.length);
    return { ticketId: c.ticketId, ticketNumber: c.ticketNumber, customerUserId: c.customerUserId, priority: visit % 2 === 0 ? 'high' : 'low' };
  });
  const api = new HttpClient(apiUrl, 1, { cookie: ws.adminCookie });
  try {
    // Also warms up this process's PATCH path (the streams get these events; they are left to settle).
    for (const t of targets) await api.expect('PATCH', `/api/v1/tickets/${t.ticketNumber}`, { priority: 'medium' }, 200);
    await sleep(500);
    await quiet(database);
    const endedBefore = streams.filter((s) => s.ended).length;
    const before = snapshotCpu();
    const delivery = await measureDeliveries(api, streams, changes, { timeoutMs: 5000, settleMs: 50 });
    const cpu = cpuBreakdown(before, snapshotCpu(), database);
    const result = { label, streams: streams.length, delivery, cpu, ended: streams.filter((s) => s.ended).length - endedBefore };
    const all = [...delivery.agentMs, ...delivery.portalMs];
    log(
      `  ${label}: ${all.length} deliveries, p50 ${report.percentile(all, 50).toFixed(1)} ms, p95 ${report.percentile(all, 95).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms; ` +
        `PATCH p50 ${report.percentile(delivery.patchMs, 50).toFixed(1)} ms, p95 ${report.percentile(delivery.patchMs, 95).toFixed(1)} ms; ${delivery.missing} missing, ${delivery.wrong} wrong${delivery.firstWrong ? ` (${delivery.firstWrong})` : ''}, ${result.ended} streams ended`,
    );
    return result;
  } finally {
    api.close();
  }
}

async function runPostgres(): Promise<void> {
  log('\n=== PostgreSQL ===');
  const location: Location = { engine: 'postgres', databaseUrl: await createDatabase(pgUrl, databaseName) };
  const { ws, specs } = await prepare(location);
  const a = await startServer(location, 'a');
  const onA = await openWithMemory(a, 'PostgreSQL, process A', ws, specs, databaseName, true);
  run.memory.push(onA.memory);
  run.latency.push(await latencyRun('PostgreSQL, one process (streams and PATCHes on A)', a.url, ws, onA.streams, databaseName));
  await afterChanges(a, onA.memory);
  onA.close();

  const b = await startServer(location, 'b');
  const onB = await openWithMemory(b, 'PostgreSQL, process B', ws, specs, databaseName, false);
  run.memory.push(onB.memory);
  run.latency.push(await latencyRun('PostgreSQL, two processes (streams on B, PATCHes to A)', a.url, ws, onB.streams, databaseName));
  await afterChanges(b, onB.memory);
  onB.close();
  await Promise.all([stopServer(a), stopServer(b)]);

  if (mailRounds === 0 || mails === 0) {
    run.outboxNote = 'not measured (--mail-rounds 0)';
    return;
  }
  log('outbox:');
  const sink = await startCountingSmtp();
  const database = await openDatabase({ databaseUrl: location.databaseUrl, poolSize: 2 });
  try {
    const left = await pendingMails(database);
    if (left) log(`  ${left} mails of the setup are still queued; they will arrive as "other messages"`);
    const profileDir = path.join(here, 'results', `profile-live-outbox-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
    const c = await startServer(location, 'c', { SMTP_URL: sink.url }, args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
    const config = loadConfig({});
    for (let round = 1; round <= mailRounds; round++) {
      await quiet(databaseName);
      const r = await measureOutboxRound({ database, config, sink, orgId: ws.orgId, workspaceName: 'Live Shop', customers: ws.customers, mails, perTransaction: 100, round, databaseName, timeoutMs: 120_000 });
      run.outbox.push(r);
      log(
        `  round ${round}: outbox ${report.workerRate(r).toFixed(0)} mails/s (${r.workerMs === null ? 'did not finish' : `${(r.workerMs / 1000).toFixed(2)} s`}, enqueueing ${(r.enqueueMs / 1000).toFixed(2)} s), ` +
          `direct ${report.directRate(r).toFixed(0)} mails/s; exactly once ${r.worker.once}/${mails} (duplicates ${r.worker.duplicates}, missing ${r.worker.missing}), rows ${JSON.stringify(r.statuses)}`,
      );
    }
    await stopServer(c);
    if (args.profile) {
      const summary = summarizeProfiles(profileDir);
      writeFileSync(`${profileDir}.txt`, summary);
      log(`  outbox server CPU profile (its whole life: start, rounds, baselines), ${path.relative(process.cwd(), `${profileDir}.txt`)}:\n${summary.split('\n').slice(0, 40).join('\n')}`);
    }
  } finally {
    await database.close();
    await sink.close();
  }
}

async function runPglite(): Promise<void> {
  log('\n=== PGlite ===');
  const location: Location = { engine: 'pglite', dataDir: path.join(scratch, 'pglite-server') };
  const { ws, specs } = await prepare(location);
  const p = await startServer(location, 'pglite');
  const on = await openWithMemory(p, 'PGlite, one process', ws, specs, null, true);
  run.memory.push(on.memory);
  run.latency.push(await latencyRun('PGlite, one process', p.url, ws, on.streams, null));
  await afterChanges(p, on.memory);
  on.close();
  await stopServer(p);
}

try {
  run.machine = await report.machineLines(engines.includes('postgres') ? pgUrl : null);
  if (engines.includes('postgres')) await runPostgres();
  if (engines.includes('pglite')) await runPglite();
} finally {
  for (const set of openSets) set.close();
  for (const child of children) await stopChild(child);
  if (engines.includes('postgres')) await dropDatabase(pgUrl, databaseName).catch((error: unknown) => log(`could not drop ${databaseName}: ${String(error)}`));
  rmSync(scratch, { recursive: true, force: true });
}

run.code.atEnd = report.sourceFingerprint();
const md = report.runMarkdown(run);
console.log(`\n${md}`);
const resultsDir = path.join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
writeFileSync(path.join(resultsDir, `live-${stamp}.json`), JSON.stringify(run, null, 2));
if (args.write) {
  report.writeSection(path.join(here, '../BENCHMARKS.md'), md);
  log('written to BENCHMARKS.md');
}
log(`results: ${path.relative(process.cwd(), path.join(resultsDir, `live-${stamp}.json`))}`);
