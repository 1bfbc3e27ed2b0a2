// Figures and Markdown of `npm run bench:live`, the goals of issue 4 read against them, and the
// section of BENCHMARKS.md it writes with --write.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CpuBreakdown } from './machine.ts';
import type { DeliveryResult } from './live-latency.ts';
import type { OutboxRound } from './live-outbox.ts';
import { markdownTable } from './report.ts';
import { openSqlEngine } from './sql.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export const GOALS = { addedMbPer1000: 200, p95Ms: 1000, mailsPerSecond: 200 };
export const HEADING = '## Live events and the outbox (issue 4)';

export interface MemoryResult {
  label: string;
  agentStreams: number;
  portalStreams: number;
  /** Median RSS (MB) after the warm-up, with the streams open, and after the changes were delivered. */
  before: number;
  after: number;
  afterChanges: number | null;
  heapBefore: NodeJS.MemoryUsage | null;
  heapAfter: NodeJS.MemoryUsage | null;
  heapAfterChanges: NodeJS.MemoryUsage | null;
  openSeconds: number;
  /** CPU over one heartbeat cycle with the streams open and nothing else happening (share of one core). */
  idle: { seconds: number; server: number; postgres: number } | null;
}

export interface LatencyResult {
  label: string;
  streams: number;
  delivery: DeliveryResult;
  cpu: CpuBreakdown;
  /** Streams the server ended during the changes (none should end). */
  ended: number;
}

export interface LiveRun {
  command: string;
  startedAt: Date;
  machine: string;
  code: { atStart: string; atEnd: string };
  setup: { agents: number; customers: number; portalPerCustomer: number; changedTickets: number };
  memory: MemoryResult[];
  latency: LatencyResult[];
  outbox: OutboxRound[];
  outboxNote: string | null;
}

export const percentile = (xs: number[], p: number) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const median = (xs: number[]) => percentile(xs, 50);
const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`) : '–');
const mb = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} MB` : '–');
const times = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const int = (v: number) => v.toLocaleString('en');
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

export const addedPer1000 = (m: MemoryResult) => ((m.after - m.before) * 1000) / (m.agentStreams + m.portalStreams);
const deliveries = (d: DeliveryResult) => [...d.agentMs, ...d.portalMs];
export const workerRate = (r: OutboxRound) => (r.workerMs === null ? NaN : r.mails / (r.workerMs / 1000));
/** The worker's rate once the enqueueing (which competes for the same CPUs and database) was over. */
export const workerAloneRate = (r: OutboxRound) =>
  r.workerMs === null || r.workerMs <= r.enqueueMs ? NaN : (r.mails - r.arrivedWhileEnqueueing) / ((r.workerMs - r.enqueueMs) / 1000);
export const directRate = (r: OutboxRound) => (r.directMs === null ? NaN : r.mails / (r.directMs / 1000));

/** A short hash of the server code and migrations (as `npm run bench` computes it), to tie the figures to a version. */
export function sourceFingerprint(): string {
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

export async function machineLines(pgUrl: string | null): Promise<string> {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const pglite = JSON.parse(readFileSync(path.join(here, '../node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
  let postgres = 'not used';
  if (pgUrl) {
    const e = await openSqlEngine({ engine: 'postgres', databaseUrl: pgUrl }, 1);
    try {
      const [s] = await e.query(`select current_setting('server_version') as v, current_setting('shared_buffers') as sb, current_setting('max_connections') as mc`);
      postgres = `${s.v} (shared_buffers ${s.sb}, max_connections ${s.mc}; stock settings)`;
    } finally {
      await e.close();
    }
  }
  return [
    `- CPU: ${model}, ${cpus().length} cores (nproc)`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Linux ${release()}, Node ${process.version}`,
    `- PostgreSQL ${postgres}, on the same machine over TCP 127.0.0.1`,
    `- PGlite ${pglite}`,
  ].join('\n');
}

const cpuPer = (c: CpuBreakdown, n: number) => [c.client, c.children, c.postgres].map((s) => ((s * 1000) / Math.max(1, n)).toFixed(2)).join(' / ');
const othersShare = (c: CpuBreakdown) => (c.seconds > 0 ? `${((c.others / (c.seconds * cpus().length)) * 100).toFixed(0)} %` : '–');

function memoryTable(run: LiveRun): string {
  return markdownTable(
    ['server', 'streams (agent + portal)', 'RSS after warm-up', 'RSS with the streams open', 'added', 'added per 1,000 streams', '÷ 200 MB goal', 'RSS after the changes (added)', 'V8 heap used / total: before → with streams → after the changes', 'external + array buffers: before → with streams', 'opening them took', 'idle with the streams open: CPU of server / PostgreSQL (one heartbeat cycle)'],
    run.memory.map((m) => [
      m.label,
      `${int(m.agentStreams)} + ${int(m.portalStreams)}`,
      mb(m.before),
      mb(m.after),
      mb(m.after - m.before),
      `**${mb(addedPer1000(m))}**`,
      times(addedPer1000(m), GOALS.addedMbPer1000),
      m.afterChanges === null ? '–' : `${mb(m.afterChanges)} (${mb(m.afterChanges - m.before)})`,
      [m.heapBefore, m.heapAfter, m.heapAfterChanges].map((h) => (h ? `${mb(h.heapUsed / 2 ** 20)} / ${mb(h.heapTotal / 2 ** 20)}` : '–')).join(' → '),
      m.heapBefore && m.heapAfter ? `${mb((m.heapBefore.external + m.heapBefore.arrayBuffers) / 2 ** 20)} → ${mb((m.heapAfter.external + m.heapAfter.arrayBuffers) / 2 ** 20)}` : '–',
      `${m.openSeconds.toFixed(1)} s`,
      m.idle ? `${pct(m.idle.server)} / ${pct(m.idle.postgres)} of one core over ${m.idle.seconds.toFixed(0)} s` : '–',
    ]),
  );
}

function latencyTable(run: LiveRun): string {
  return markdownTable(
    ['setup', 'deliveries (change × stream)', 'p50', 'p95', 'max', 'agent streams p95', 'portal streams p95', 'until the last stream, per change: p50 / p95', 'baseline: the PATCH answered, p50 / p95', 'delivery p95 ÷ PATCH p95', 'delivery p95 ÷ 1 s goal', 'missing', 'wrong', 'streams ended', "CPU ms per change: bench / server(s) / PostgreSQL (others' share)"],
    run.latency.map((l) => {
      const d = l.delivery;
      const all = deliveries(d);
      return [
        l.label,
        int(all.length),
        ms(median(all)),
        `**${ms(percentile(all, 95))}**`,
        ms(Math.max(...all)),
        ms(percentile(d.agentMs, 95)),
        ms(percentile(d.portalMs, 95)),
        `${ms(median(d.lastMs))} / ${ms(percentile(d.lastMs, 95))}`,
        `${ms(median(d.patchMs))} / ${ms(percentile(d.patchMs, 95))}`,
        times(percentile(all, 95), percentile(d.patchMs, 95)),
        times(percentile(all, 95), GOALS.p95Ms),
        int(d.missing),
        d.wrong ? `**${int(d.wrong)}** (${d.firstWrong})` : '0',
        int(l.ended),
        `${cpuPer(l.cpu, d.changes)} (${othersShare(l.cpu)})`,
      ];
    }),
  );
}

function outboxTable(run: LiveRun): string {
  return markdownTable(
    ['round', 'mails', 'outbox worker: first enqueue → last received', 'mails/s', 'enqueueing took', 'first received after', 'worker alone after the enqueueing: mails/s', 'baseline: nodemailer direct', 'mails/s', 'worker ÷ baseline', 'worker ÷ 200/s goal', 'exactly once (worker / direct)', 'duplicates / missing (worker)', 'rows sent', "CPU ms per mail, worker: bench / server / PostgreSQL (others' share)", 'CPU ms per mail, direct: bench / server'],
    run.outbox.map((r, i) => [
      `${i + 1}`,
      int(r.mails),
      r.workerMs === null ? 'did not finish' : `${(r.workerMs / 1000).toFixed(2)} s`,
      `**${workerRate(r).toFixed(0)}**`,
      `${(r.enqueueMs / 1000).toFixed(2)} s`,
      r.firstArrivalMs === null ? '–' : ms(r.firstArrivalMs),
      `${workerAloneRate(r).toFixed(0)} (${int(r.mails - r.arrivedWhileEnqueueing)} mails)`,
      r.directMs === null ? 'did not finish' : `${(r.directMs / 1000).toFixed(2)} s`,
      directRate(r).toFixed(0),
      times(workerRate(r), directRate(r)),
      times(workerRate(r), GOALS.mailsPerSecond),
      `${int(r.worker.once)} / ${int(r.direct.once)}`,
      `${r.worker.duplicates} / ${r.worker.missing}`,
      `${int(r.statuses.sent ?? 0)}${Object.keys(r.statuses).length > 1 ? ` (${JSON.stringify(r.statuses)})` : ''}`,
      `${cpuPer(r.workerCpu, r.mails)} (${othersShare(r.workerCpu)})`,
      cpuPer(r.directCpu, r.mails).split(' / ').slice(0, 2).join(' / '),
    ]),
  );
}

export interface Goal {
  text: string;
  measured: string;
  met: boolean;
}

export function evaluate(run: LiveRun): Goal[] {
  const goals: Goal[] = [];
  for (const m of run.memory) {
    const v = addedPer1000(m);
    const later = m.afterChanges === null ? NaN : ((m.afterChanges - m.before) * 1000) / (m.agentStreams + m.portalStreams);
    goals.push({
      text: `1,000 open streams add ≤ ${GOALS.addedMbPer1000} MB (${m.label})`,
      measured: `${mb(v)} per 1,000 streams once open (${times(v, GOALS.addedMbPer1000)} the goal); ${mb(later)} above the warm-up after ${int(run.latency[0]?.delivery.changes ?? 0)} changes were delivered to them`,
      met: v <= GOALS.addedMbPer1000 && !(later > GOALS.addedMbPer1000),
    });
  }
  for (const l of run.latency) {
    const all = deliveries(l.delivery);
    const p95 = percentile(all, 95);
    const clean = l.delivery.missing === 0 && l.delivery.wrong === 0 && l.ended === 0;
    goals.push({
      text: `a change reaches every subscribed stream within 1 s at p95 (${l.label})`,
      measured: `p95 ${ms(p95)} over ${int(all.length)} deliveries; ${l.delivery.missing} missing, ${l.delivery.wrong} wrong`,
      met: p95 <= GOALS.p95Ms && clean,
    });
  }
  if (run.outbox.length) {
    const rate = median(run.outbox.map(workerRate));
    const clean = run.outbox.every((r) => r.worker.duplicates === 0 && r.worker.missing === 0);
    goals.push({
      text: `the outbox delivers ≥ ${GOALS.mailsPerSecond} mails/s to a local SMTP server, each once`,
      measured: `median ${rate.toFixed(0)} mails/s over ${run.outbox.length} rounds of ${int(run.outbox[0].mails)} (${times(rate, GOALS.mailsPerSecond)} the goal; baseline ${median(run.outbox.map(directRate)).toFixed(0)}/s); ${clean ? 'every Message-ID received exactly once' : 'duplicates or missing mails: see the table'}`,
      met: rate >= GOALS.mailsPerSecond && clean,
    });
  } else goals.push({ text: `the outbox delivers ≥ ${GOALS.mailsPerSecond} mails/s`, measured: run.outboxNote ?? 'not measured', met: false });
  return goals;
}

export function runMarkdown(run: LiveRun): string {
  const goals = evaluate(run);
  const s = run.setup;
  return [
    `### Run of ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Command: \`${run.command}\``,
    '',
    run.machine,
    '',
    run.code.atStart === run.code.atEnd
      ? `Server code fingerprint ${run.code.atStart} (sha256 of src/server, src/contract and migrations, tests excluded).`
      : `**The server code changed during this run** (fingerprint ${run.code.atStart} → ${run.code.atEnd}); the servers started after the change ran the new code.`,
    '',
    `Workspace: ${s.agents} agents signed in (the ${run.memory[0]?.agentStreams ?? 0} agent streams share their ${s.agents} sessions, as browser tabs do), ${int(s.customers)} customer users with one ticket each and ${s.portalPerCustomer} portal sessions each (one stream per session); the changes rotate over the tickets of ${s.changedTickets} of those customers.`,
    '',
    '**Memory** (RSS = VmRSS of the server process, median of 5 readings over 1 s, taken 2 s after the warm-up, 2 s after the last stream opened, and 2 s after the last change of the latency run was delivered):',
    '',
    memoryTable(run),
    '',
    '**Latency**, from sending the PATCH to each stream receiving its event (every agent stream should get every change, the owning customer\'s portal streams too, other portal streams never):',
    '',
    latencyTable(run),
    '',
    run.outbox.length ? '**Outbox** (PostgreSQL; one server process with `SMTP_URL` pointing at the counting SMTP server in the benchmark process):' : `**Outbox**: ${run.outboxNote ?? 'not measured'}`,
    '',
    ...(run.outbox.length
      ? [
          outboxTable(run),
          '',
          `Median over ${run.outbox.length} rounds: outbox ${median(run.outbox.map(workerRate)).toFixed(0)} mails/s (after the enqueueing ${median(run.outbox.map(workerAloneRate)).toFixed(0)} mails/s), nodemailer direct ${median(run.outbox.map(directRate)).toFixed(0)} mails/s.` +
            (run.outbox.some((r) => r.foreign) ? ` Other messages received meanwhile (mails the setup left queued): ${run.outbox.reduce((n, r) => n + r.foreign, 0)}.` : ''),
          '',
        ]
      : []),
    markdownTable(
      ['goal (issue 4)', 'measured', 'met'],
      goals.map((g) => [g.text, g.measured, g.met ? 'met' : '**not met**']),
    ),
    '',
  ].join('\n');
}

export function introMarkdown(): string {
  return `${HEADING}

The requirement: one process holds 1,000 open live-event streams (agents and portal customers)
with ≤ 200 MB added memory; a ticket change reaches every subscribed browser within 1 s at p95,
also across two processes on PostgreSQL; the outbox delivers ≥ 200 mails/s to a local SMTP server.

\`\`\`sh
npm run bench:live                     # both engines, about 4 minutes
npm run bench:live -- --engine postgres --changes 50 --mail-rounds 1
npm run bench:live -- --write          # also puts the run below (replacing the previous one)
\`\`\`

| option | meaning |
| --- | --- |
| \`--engine postgres\\|pglite\\|both\` | which engine (default both; the outbox and the two-process run are PostgreSQL only) |
| \`--agent-streams N\`, \`--portal-streams N\` | streams to hold open (default 500 + 500; portal streams are 2 per customer user) |
| \`--changes N\` | ticket changes per latency run (default 200) |
| \`--mails N\`, \`--mail-rounds N\` | mails per outbox round (default 2,000) and rounds (default 3) |
| \`--pg-url URL\` | an administrative database of the PostgreSQL server (default \`postgres://postgres@127.0.0.1:5432/postgres\`); a fresh \`caredesk_bench_live_<pid>\` is created beside it and dropped at the end |
| \`--quiet-wait S\` | wait up to S seconds (default 10) before each measurement for a second in which other processes use < 15 % of the CPU |
| \`--write\` | write the run into this section of BENCHMARKS.md |
| \`--profile\` | write a V8 CPU profile of the outbox's server process and a summary (\`bench/results/profile-live-outbox-*.txt\`) |

What it does (\`bench/live.ts\`, \`live-setup.ts\`, \`live-streams.ts\`, \`live-latency.ts\`, \`live-outbox.ts\`, \`live-smtp.ts\`, \`live-report.ts\`):

- **Data.** A fresh database per engine (PostgreSQL: a new database; PGlite: a new data directory),
  filled through the API of a first server process: \`POST /api/v1/setup\`, 20 agents added by
  the admin and signed in (\`POST /api/v1/auth/login\`), 250 tickets logged by phone, each from a
  new customer (so 250 customer users). That process is stopped and two portal sessions per
  customer user are minted in the database by the portal's own \`openPortalSession\` (the real
  sign-in flow allows 5 links per IP in 15 minutes).
- **Servers.** The real server (\`bench/serve.ts\`, \`PORT=0\`, \`LOG_LEVEL=warn\`) in its own
  process, each with its own empty \`DATA_DIR\` on PostgreSQL.
- **Memory.** A fresh server; warm-up (200 ticket-list requests, 20 PATCHes, 20 + 20 streams
  opened and closed); 2 s pause; RSS read 5 times over 1 s (median). Then 500 agent streams
  (\`GET /api/v1/events\` with the agents' session cookies, 25 per agent) and 500 portal streams
  (\`GET /api/v1/portal/live/events\`, \`caredesk_portal\` cookie) are opened from the benchmark
  process over \`node:http\` (one keep-alive agent sized for all of them, 50 opening at a time; a
  stream counts as open when the server's first bytes arrived), 2 s pause, RSS again. Reported:
  (with − before) × 1,000 / streams, RSS again after the latency run below, and the V8 breakdown
  from \`process.memoryUsage()\`. With the streams open and nothing happening, the CPU of the
  server and of PostgreSQL over one heartbeat cycle (26 s: every stream re-checks its credentials
  every 25 s).
- **Latency.** With the 1,000 streams open: \`--changes\` PATCHes of a ticket's priority through the
  API as the admin, one at a time, rotating over 20 customers' tickets (each set to medium first,
  then flipped between high and low at each visit: a PATCH that changes nothing announces nothing). For
  each: the time from sending the PATCH to each stream's receipt of \`event: ticket\` with that
  ticket id (stamped when the chunk arrives in the benchmark process, so it includes that
  process's own queueing); the next PATCH is sent once every stream that should have it has it
  (or after 5 s), plus 50 ms of quiet in which any late or stray event would still show. A stream
  that should get a change and does not is **missing**; an event on a stream that should not get
  it (another customer's ticket), a second copy, or an event of another ticket is **wrong**.
  Baseline, same run: the PATCH's own response time. Then across two processes: a second server B
  on the same PostgreSQL database (memory measured there the same way), the streams moved to B,
  the PATCHes still sent to A (the event travels by NOTIFY/LISTEN). On PGlite: one process.
- **Outbox** (PostgreSQL). A counting SMTP server in the benchmark process (\`smtp-server\` on
  127.0.0.1, port 0, no TLS, no authentication; it reads each message's Message-ID and drops the
  rest) and one server process with \`SMTP_URL\` pointing at it (servers without \`SMTP_URL\`
  would keep mails in the dev outbox, so no other server runs meanwhile). Per round, N mails are
  queued with the app's \`enqueueMail\` (rendered \`ticket_created\` mails, a quarter of them in
  Bahasa Indonesia, each about one of the customers' tickets) in transactions of 100 from the
  benchmark process; timed from the first enqueue to the Nth message received. Baseline, same
  round: nodemailer in the benchmark process sending the same N messages (the outbox rows, built
  by the worker's \`buildMessage\`) to the same SMTP server with the worker's transport options
  (pool of 5 connections, 5 sends at once). **Exactly once**: each row's Message-ID must arrive
  once (1 s is given for late copies).
`;
}

/** Puts the run into BENCHMARKS.md: the section is appended if missing, else its "### Run of" part is replaced (notes after it stay). */
export function writeSection(file: string, run: string): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`\n${HEADING}\n`);
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${introMarkdown()}\n${run}`);
    return;
  }
  const nextSection = text.indexOf('\n## ', start + 1);
  const end = nextSection < 0 ? text.length : nextSection;
  const runStart = text.indexOf('\n### Run of ', start);
  if (runStart < 0 || runStart > end) {
    writeFileSync(file, `${text.slice(0, end).trimEnd()}\n\n${run}${text.slice(end)}`);
    return;
  }
  const after = text.slice(runStart + 1).search(/\n##+ /);
  const runEnd = after < 0 ? text.length : Math.min(end, runStart + 1 + after);
  writeFileSync(file, `${text.slice(0, runStart)}\n${run}${text.slice(runEnd)}`);
}
