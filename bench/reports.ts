// npm run bench:reports — issue 8's goals on PostgreSQL: the overview report for 30 days over a
// workspace with 1,000,000 tickets and ~5,000,000 history events in ≤ 1 s; the activity CSV export
// of 1,000,000 rows at ≥ 50,000 rows/s with flat memory. Beside each, in the same run, its
// baseline: the bare SQL a report cannot do without (counting the window's events; reading the same
// rows page by page over one connection, no HTTP, no CSV).
import http from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { HttpClient } from './measure.ts';
import { rssMb, sleep, startChild, stopChild } from './processes.ts';
import { ADMIN, prepareTarget } from './seed.ts';

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    'csv-rows': { type: 'string', default: '1000000' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    fresh: { type: 'boolean', default: false },
  },
  strict: true,
});
const tickets = Number(args.tickets);
const runs = Number(args.runs);
const csvRows = Number(args['csv-rows']);
const log = (line: string) => console.log(line);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const day = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;

const seeded = await prepareTarget({ engine: 'postgres', tickets, customerUsers: Math.max(100, Math.round(tickets / 10)), pgAdminUrl: args['pg-url']!, fresh: args.fresh!, log });
const databaseUrl = seeded.location.databaseUrl as string;
const sqlClient = new pg.Client({ connectionString: databaseUrl });
await sqlClient.connect();
const count = async (text: string, params: unknown[]) => Number((await sqlClient.query(text, params)).rows[0].n);
const events = await count('select count(*) as n from ticket_events where org_id = $1', [seeded.orgId]);
log(`workspace: ${tickets.toLocaleString('en')} tickets, ${events.toLocaleString('en')} history events (seeded ${seeded.seededAt.toISOString()})`);

// The workspace is in UTC; the newest ticket was made a minute before the seed's time.
const last = new Date(seeded.seededAt.getTime() - 60_000);
const overviewRange = { from: day(new Date(last.getTime() - 29 * DAY)), to: day(last) };
const windowOf = (r: { from: string; to: string }) => [new Date(`${r.from}T00:00:00Z`), new Date(new Date(`${r.to}T00:00:00Z`).getTime() + DAY)];

const server = await startChild('serve.ts', { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, CAREDESK_SWEEP_INTERVAL_MS: '0', SMTP_INBOUND: 'false' }, '/readyz');
try {
  const client = new HttpClient(server.url, 1);
  const login = await client.expect('POST', '/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password }, 200);
  client.headers.cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

  // --- Overview for 30 days -------------------------------------------------------------------
  const [start, end] = windowOf(overviewRange);
  const inWindow = await count('select count(*) as n from ticket_events where org_id = $1 and created_at >= $2 and created_at < $3', [seeded.orgId, start, end]);
  const createdInWindow = await count('select count(*) as n from tickets where org_id = $1 and created_at >= $2 and created_at < $3', [seeded.orgId, start, end]);
  log(`overview range ${overviewRange.from} – ${overviewRange.to}: ${createdInWindow.toLocaleString('en')} tickets created, ${inWindow.toLocaleString('en')} events`);
  const department = (await sqlClient.query('select id from departments where org_id = $1 order by id limit 1', [seeded.orgId])).rows[0].id as number;
  const variants: [string, string][] = [
    ['overview, 30 days, no filter', `from=${overviewRange.from}&to=${overviewRange.to}`],
    ['overview, 30 days, one department', `from=${overviewRange.from}&to=${overviewRange.to}&department=${department}`],
    ['overview, 30 days, by week, priority high + urgent', `from=${overviewRange.from}&to=${overviewRange.to}&interval=week&priority=high,urgent`],
    ['overview, 365 days (information)', `from=${day(new Date(last.getTime() - 364 * DAY))}&to=${overviewRange.to}`],
  ];
  const timings = new Map<string, number[]>();
  const baseline: number[] = [];
  for (const [, query] of variants) await client.expect('GET', `/api/v1/reports/overview?${query}`, undefined, 200); // warm
  for (let run = 1; run <= runs; run++) {
    for (const [name, query] of variants) {
      const t0 = performance.now();
      const answer = await client.expect('GET', `/api/v1/reports/overview?${query}`, undefined, 200);
      const ms = performance.now() - t0;
      timings.set(name, [...(timings.get(name) ?? []), ms]);
      if (run === 1 && name === variants[0][0]) {
        const r = JSON.parse(answer.body) as { totals: { created: number; resolved: number }; times: { first_response: { median_seconds: number } } };
        log(`  (first run) created ${r.totals.created}, resolved ${r.totals.resolved}, median first response ${r.times.first_response.median_seconds} s`);
      }
    }
    const b0 = performance.now();
    await count('select count(*) as n from ticket_events where org_id = $1 and created_at >= $2 and created_at < $3', [seeded.orgId, start, end]);
    baseline.push(performance.now() - b0);
  }
  const base = median(baseline);
  log(`\nOverview report, medians of ${runs} runs (one request at a time), PostgreSQL, ${tickets.toLocaleString('en')} tickets / ${events.toLocaleString('en')} events:`);
  log('| request | median ms | ratio to baseline |\n| --- | --- | --- |');
  for (const [name] of variants) log(`| GET /api/v1/reports/overview: ${name} | ${median(timings.get(name)!).toFixed(0)} | ${(median(timings.get(name)!) / base).toFixed(1)} |`);
  log(`| baseline: count the 30 days' events (one SQL statement) | ${base.toFixed(1)} | 1.0 |`);
  const overviewMs = median(timings.get(variants[0][0])!);
  log(`Goal overview ≤ 1 s: ${overviewMs <= 1000 ? 'met' : 'NOT met'} (${overviewMs.toFixed(0)} ms)`);

  // --- Activity CSV of ~csvRows rows ----------------------------------------------------------
  // The range of whole days, counted back from the newest, that first holds csvRows events.
  const perDay = (
    await sqlClient.query(`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as d, count(*)::int as n from ticket_events where org_id = $1 and created_at < $2 group by 1 order by 1 desc`, [
      seeded.orgId,
      end,
    ])
  ).rows as { d: string; n: number }[];
  const firstDayHolding = (rows: number) => {
    let running = 0;
    return perDay.find((p) => (running += p.n) >= rows)?.d ?? perDay.at(-1)!.d;
  };
  const exportOnce = async (from: string, target = server, cookie = client.headers.cookie) => {
    const rssBefore = rssMb(target.process.pid);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(target.process.pid)), 250);
    const t0 = performance.now();
    const { lines, bytes } = await new Promise<{ lines: number; bytes: number }>((resolve, reject) => {
      const url = new URL(`${target.url}/api/v1/reports/activity.csv?from=${from}&to=${overviewRange.to}`);
      http
        .get({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { cookie } }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`activity.csv: ${res.statusCode}`));
          let n = 0;
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
          });
          res.on('end', () => resolve({ lines: n, bytes: size }));
          res.on('error', reject);
        })
        .on('error', reject);
    });
    const ms = performance.now() - t0;
    clearInterval(sampler);
    // Less the header; no value holds a raw line break in this seed.
    return { rows: lines - 1, bytes, ms, rssBefore, peak: Math.max(rssBefore, ...samples) };
  };
  // A quarter of the rows first: the same peak memory for four times the rows is what "flat" means.
  const quarterRange = { from: firstDayHolding(csvRows / 4), to: overviewRange.to };
  const csvRange = { from: firstDayHolding(csvRows), to: overviewRange.to };
  const small = await exportOnce(quarterRange.from);
  const [cStart, cEnd] = windowOf(csvRange);
  const expected = await count('select count(*) as n from ticket_events where org_id = $1 and created_at >= $2 and created_at < $3', [seeded.orgId, cStart, cEnd]);
  log(`\nactivity export range ${csvRange.from} – ${csvRange.to}: ${expected.toLocaleString('en')} events (and first ${quarterRange.from} – ${quarterRange.to}: ${small.rows.toLocaleString('en')})`);
  const big = await exportOnce(csvRange.from);
  const { rows, bytes } = big;
  const csvMs = big.ms;
  // Baseline: the same rows read over one connection with the export's own page query, no HTTP, no CSV.
  const b0 = performance.now();
  let read = 0;
  let cursor: { at: string; id: number } | null = null;
  for (;;) {
    const page: { rows: { id: number; cursor_at: string }[] } = await sqlClient.query(
      `select e.id, to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at, e.type, e.actor_kind, e.actor_name,
         coalesce(e.before::text, '') as before, coalesce(e.after::text, '') as after, t.number, t.subject, t.status
       from ticket_events e join tickets t on t.org_id = e.org_id and t.id = e.ticket_id
       where e.org_id = $1 and e.created_at >= $2 and e.created_at < $3 ${cursor ? 'and (e.created_at, e.id) < ($4::timestamptz, $5)' : ''}
       order by e.created_at desc, e.id desc limit 5000`,
      cursor ? [seeded.orgId, cStart, cEnd, cursor.at, cursor.id] : [seeded.orgId, cStart, cEnd],
    );
    read += page.rows.length;
    if (page.rows.length < 5000) break;
    const lastRow = page.rows[page.rows.length - 1];
    cursor = { at: lastRow.cursor_at, id: Number(lastRow.id) };
  }
  const rawMs = performance.now() - b0;
  log(`| path | rows | seconds | rows/s | ratio to baseline |\n| --- | --- | --- | --- | --- |`);
  log(`| GET /api/v1/reports/activity.csv (${(bytes / 1e6).toFixed(0)} MB) | ${rows.toLocaleString('en')} | ${(csvMs / 1000).toFixed(1)} | ${Math.round((rows / csvMs) * 1000).toLocaleString('en')} | ${(rawMs / csvMs).toFixed(2)} |`);
  log(`| baseline: the same pages over one connection, no HTTP/CSV | ${read.toLocaleString('en')} | ${(rawMs / 1000).toFixed(1)} | ${Math.round((read / rawMs) * 1000).toLocaleString('en')} | 1.00 |`);
  log(`server RSS (MB): ${small.rows.toLocaleString('en')} rows: ${small.rssBefore.toFixed(0)} before, peak ${small.peak.toFixed(0)}; ${rows.toLocaleString('en')} rows: ${big.rssBefore.toFixed(0)} before, peak ${big.peak.toFixed(0)}`);
  if (rows !== expected) log(`!! the export had ${rows} rows, the range ${expected} events`);
  // Flat memory, proven: the same export from a server whose V8 heap may not pass 64 MB (a page
  // held on to per row exported would end it with an out-of-memory crash). Without a cap, V8 lets
  // garbage pile up before collecting, which is the growth of RSS above.
  const capped = await startChild('serve.ts', { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, CAREDESK_SWEEP_INTERVAL_MS: '0', SMTP_INBOUND: 'false' }, '/readyz', ['--max-old-space-size=64']);
  try {
    const cappedClient = new HttpClient(capped.url, 1);
    const cappedLogin = await cappedClient.expect('POST', '/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password }, 200);
    const cappedCookie = (cappedLogin.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const c = await exportOnce(csvRange.from, capped, cappedCookie);
    log(`server with its heap capped at 64 MB: ${c.rows.toLocaleString('en')} rows in ${(c.ms / 1000).toFixed(1)} s (${Math.round((c.rows / c.ms) * 1000).toLocaleString('en')}/s), RSS ${c.rssBefore.toFixed(0)} MB before, peak ${c.peak.toFixed(0)} MB`);
  } finally {
    await stopChild(capped);
  }
  const perSecond = (rows / csvMs) * 1000;
  log(`Goal CSV ≥ 50,000 rows/s: ${perSecond >= 50_000 ? 'met' : 'NOT met'} (${Math.round(perSecond).toLocaleString('en')}/s)`);
} finally {
  await stopChild(server);
  await sqlClient.end();
  await sleep(10);
}
