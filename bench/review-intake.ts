// npm run bench:reviews — issue 7's review intake goal: ≥ 500 reviews/s through
// POST /api/v1/channels/reviews on PostgreSQL (every other one rated low enough to open a ticket,
// each stored and committed before its answer); beside it, in the same run, the baseline: a raw
// loop of single-row inserts of the same JSON bodies, one transaction each, as many at once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/server/platform/config.ts';
import { startServer } from '../src/server/server.ts';
import { cpuBreakdown, snapshotCpu } from './machine.ts';

const { values: args } = parseArgs({
  options: {
    reviews: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    // The share of reviews rated low enough (≤ 3, the default rule) to open a ticket.
    'ticket-share': { type: 'string', default: '0.5' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
  strict: true,
});
const reviews = Number(args.reviews);
const runs = Number(args.runs);
const concurrency = Number(args.concurrency);
const ticketShare = Number(args['ticket-share']);
const adminUrl = new URL(args['pg-url']);
const dbName = `caredesk_bench_reviews_${process.pid}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const locations = ['Kemang', 'Senopati', 'Grand Indonesia', 'Pondok Indah', 'Kelapa Gading'];
const review = (run: number, i: number) => ({
  platform: ['google', 'facebook', 'tripadvisor'][i % 3],
  external_id: `r${run}-${i}`,
  location: locations[i % locations.length],
  // Spread evenly: review i opens a ticket when the running share falls behind ticketShare.
  rating: Math.floor((i + 1) * ticketShare) > Math.floor(i * ticketShare) ? 1 + (i % 3) : 4 + (i % 2),
  author: `Reviewer ${i % 997}`,
  text: `Visit ${i}: the soup came cold and the waiter forgot our drinks; we waited forty minutes for the main course.`,
  url: `https://reviews.example/${run}/${i}`,
  reviewed_at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
});

const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`create database ${dbName}`);
const server = await startServer(
  loadConfig({ DATABASE_URL: dbUrl, PORT: '0', LOG_LEVEL: 'silent', SMTP_INBOUND: 'false', CAREDESK_SWEEP_INTERVAL_MS: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'caredesk-bench-reviews-')) }),
  { logger: false },
);
try {
  const json = { 'content-type': 'application/json' };
  const setup = await fetch(`${server.url}/api/v1/setup`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'Bench', slug: 'bench', admin: { name: 'Ada', email: 'ada@bench.example', password: 'correct-horse-battery' } }) });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status}`);
  const cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const key = await fetch(`${server.url}/api/v1/api-keys`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ name: 'Review platform' }) });
  if (key.status !== 201) throw new Error(`api key: ${key.status} ${await key.text()}`);
  const bearer = { ...json, authorization: `Bearer ${((await key.json()) as { key: string }).key}` };
  const done: number[] = [];
  const baseline: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const before = snapshotCpu();
    const t0 = performance.now();
    let next = 0;
    const outcomes = new Map<string, number>();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < reviews; i = next++) {
          const res = await fetch(`${server.url}/api/v1/channels/reviews`, { method: 'POST', headers: bearer, body: JSON.stringify(review(run, i)) });
          const body = (await res.json()) as { outcome?: string };
          if (res.status !== 201) throw new Error(`review ${i}: ${res.status} ${JSON.stringify(body)}`);
          outcomes.set(body.outcome!, (outcomes.get(body.outcome!) ?? 0) + 1);
        }
      }),
    );
    const ms = performance.now() - t0;
    const cpu = cpuBreakdown(before, snapshotCpu(), dbName);
    done.push(ms);
    console.log(`run ${run}: ${reviews} reviews in ${ms.toFixed(0)} ms (${((reviews / ms) * 1000).toFixed(0)}/s); ${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')}; CPU s: node ${cpu.client.toFixed(2)}, postgres ${cpu.postgres.toFixed(2)}`);

    // The baseline: the same JSON bodies, one insert and commit each, as many at once.
    const pool = new pg.Pool({ connectionString: dbUrl, max: concurrency });
    await pool.query('create table if not exists bench_raw_reviews (id bigserial primary key, body jsonb not null, at timestamptz not null default now())');
    const b0 = performance.now();
    let k = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let i = k++; i < reviews; i = k++) await pool.query('insert into bench_raw_reviews (body) values ($1)', [JSON.stringify(review(run, i))]);
    }));
    const rawMs = performance.now() - b0;
    await pool.end();
    baseline.push(rawMs);
    console.log(`run ${run}: raw single-row inserts: ${reviews} in ${rawMs.toFixed(0)} ms (${((reviews / rawMs) * 1000).toFixed(0)}/s)`);
  }
  const perSecond = (ms: number) => (reviews / ms) * 1000;
  const m = median(done);
  const raw = median(baseline);
  console.log(`\nMedians of ${runs} runs, ${reviews} reviews (${Math.round(ticketShare * 100)} % opening tickets), ${concurrency} requests at once, PostgreSQL:`);
  console.log(`| path | reviews/s | ratio to raw inserts |\n| --- | --- | --- |`);
  console.log(`| POST /api/v1/channels/reviews (201 after commit) | ${perSecond(m).toFixed(0)} | ${(raw / m).toFixed(2)} |`);
  console.log(`| raw single-row inserts (baseline) | ${perSecond(raw).toFixed(0)} | 1.00 |`);
  console.log(`Goal ≥ 500 reviews/s: ${perSecond(m) >= 500 ? 'met' : 'NOT met'}`);
} finally {
  await server.close();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
