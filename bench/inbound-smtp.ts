// npm run bench:inbound — issue 7's inbound SMTP goal: ≥ 100 mails/s (10 kB each, half of them
// replies) sustained with every mail committed, on PostgreSQL; beside it, in the same run, the
// baseline: a raw loop of single-row inserts of the same bytes, one transaction each, as many at once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { loadConfig } from '../src/server/platform/config.ts';
import { startServer } from '../src/server/server.ts';
import { cpuBreakdown, snapshotCpu } from './machine.ts';

const { values: args } = parseArgs({
  options: {
    mails: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
  strict: true,
});
const mails = Number(args.mails);
const runs = Number(args.runs);
const connections = Number(args.connections);
const adminUrl = new URL(args['pg-url']);
const dbName = `caredesk_bench_inbound_${process.pid}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const body = 'The kettle leaks from the bottom since Monday. '.repeat(210); // ~10 kB
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`create database ${dbName}`);
const server = await startServer(
  loadConfig({ DATABASE_URL: dbUrl, PORT: '0', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', SMTP_INBOUND_PORT: '0', SMTP_INBOUND_RATE_PER_MINUTE: '100000', CAREDESK_SWEEP_INTERVAL_MS: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'caredesk-bench-inbound-')) }),
  { logger: process.env.BENCH_LOG_LEVEL ? { level: process.env.BENCH_LOG_LEVEL } : false },
);
try {
  const setup = await fetch(`${server.url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bench', slug: 'bench', admin: { name: 'Ada', email: 'ada@bench.example', password: 'correct-horse-battery' } }) });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status}`);
  const db = server.deps.db;
  const results: { accepted: number; done: number; cpu: ReturnType<typeof cpuBreakdown> }[] = [];
  const baseline: number[] = [];
  for (let run = 1; run <= runs; run++) {
    // The SMTP path: half new mails, half replies naming a new mail of this run by Message-ID.
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtp?.port, secure: false, ignoreTLS: true, pool: true, maxConnections: connections, maxMessages: Infinity });
    const before = snapshotCpu();
    const t0 = performance.now();
    const id = (i: number) => `<r${run}.m${i}@customer.example>`;
    let next = 0;
    const sender = async () => {
      for (let i = next++; i < mails; i = next++) {
        const reply = i >= mails / 2;
        await transport.sendMail({
          from: `customer${i % 500}@customer.example`,
          to: 'support@bench.example',
          subject: reply ? `Re: Kettle ${i - mails / 2}` : `Kettle ${i}`,
          text: body,
          messageId: id(i),
          ...(reply ? { inReplyTo: id(i - mails / 2), references: [id(i - mails / 2)] } : {}),
        });
      }
    };
    await Promise.all(Array.from({ length: connections }, sender));
    const accepted = performance.now() - t0;
    transport.close();
    // Every mail read into a ticket (or a reply on one): what "sustained" means here.
    // A mail whose reading failed waits five minutes for the retry: the run says so and why, and stops waiting.
    let failed = 0;
    for (;;) {
      const left = await db.selectFrom('inbound_mails').select((eb) => eb.fn.countAll<string>().as('n')).where('process_at', 'is not', null).executeTakeFirstOrThrow();
      if (Number(left.n) === 0) break;
      // A reply set aside for a second while its original is read is due soon; a failure waits minutes.
      const soon = await db.selectFrom('inbound_mails').select((eb) => eb.fn.countAll<string>().as('n')).where('process_at', '<=', new Date(Date.now() + 5_000)).executeTakeFirstOrThrow();
      if (Number(soon.n) === 0) {
        const job = await db.selectFrom('job_runs').select(['last_status', 'last_error']).where('duty', '=', 'inbound_mail').executeTakeFirst();
        failed = Number(left.n);
        console.log(`run ${run}: ${failed} mails failed and wait for the retry; the sweeper's last error: ${job?.last_error ?? '(none recorded)'}`);
        break;
      }
      await server.sweeper.sweepNow();
    }
    const done = performance.now() - t0;
    const cpu = cpuBreakdown(before, snapshotCpu(), dbName);
    const outcomes = await db.selectFrom('inbound_mails').select(['outcome', (eb) => eb.fn.countAll<string>().as('n')]).where('message_id', 'like', `<r${run}.%`).groupBy('outcome').execute();
    console.log(`run ${run}: ${mails} mails accepted in ${accepted.toFixed(0)} ms (${((mails / accepted) * 1000).toFixed(0)}/s), ${failed ? `${mails - failed} read (${failed} failed) in` : 'all read in'} ${done.toFixed(0)} ms (${(((mails - failed) / done) * 1000).toFixed(0)}/s); CPU s: node ${cpu.client.toFixed(2)}, postgres ${cpu.postgres.toFixed(2)}; ${outcomes.map((o) => `${o.outcome} ${o.n}`).join(', ')}`);
    results.push({ accepted, done, cpu });

    // The baseline: the same bytes, one insert and commit each, `connections` at once.
    const pool = new pg.Pool({ connectionString: dbUrl, max: connections });
    await pool.query('create table if not exists bench_raw (id bigserial primary key, raw bytea not null, at timestamptz not null default now())');
    const raw = Buffer.from(`Subject: Kettle\r\n\r\n${body}`);
    const b0 = performance.now();
    let k = 0;
    await Promise.all(Array.from({ length: connections }, async () => {
      while (k++ < mails) await pool.query('insert into bench_raw (raw) values ($1)', [raw]);
    }));
    const rawMs = performance.now() - b0;
    await pool.end();
    baseline.push(rawMs);
    console.log(`run ${run}: raw single-row inserts: ${mails} in ${rawMs.toFixed(0)} ms (${((mails / rawMs) * 1000).toFixed(0)}/s)`);
  }
  const perSecond = (ms: number) => (mails / ms) * 1000;
  const doneMedian = median(results.map((r) => r.done));
  const acceptedMedian = median(results.map((r) => r.accepted));
  const rawMedian = median(baseline);
  console.log(`\nMedians of ${runs} runs, ${mails} mails of ~10 kB (half replies), ${connections} SMTP connections, PostgreSQL:`);
  console.log(`| path | mails/s | ratio to raw inserts |\n| --- | --- | --- |`);
  console.log(`| accepted (250 after commit) | ${perSecond(acceptedMedian).toFixed(0)} | ${(rawMedian / acceptedMedian).toFixed(2)} |`);
  console.log(`| accepted and read into tickets | ${perSecond(doneMedian).toFixed(0)} | ${(rawMedian / doneMedian).toFixed(2)} |`);
  console.log(`| raw single-row inserts (baseline) | ${perSecond(rawMedian).toFixed(0)} | 1.00 |`);
  console.log(`Goal ≥ 100 mails/s read into tickets: ${perSecond(doneMedian) >= 100 ? 'met' : 'NOT met'}`);
} finally {
  await server.close();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
