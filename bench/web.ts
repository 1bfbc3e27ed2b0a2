// `npm run bench:web [-- --runs N] [--tickets N] [--pg-url URL] [--quiet-wait S]` (see BENCHMARKS.md)
//
// How fast the agent's dashboard (/tickets) becomes interactive in Chromium with 1,000,000 tickets
// in the workspace: the seeded PostgreSQL database of `npm run bench` (seeded if missing, reused
// otherwise), the real server in its own process, Chromium's own timings read from the page.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium.ts';
import { ensureWebBuild } from '../test/browser/web-build.ts';
import { cpuBreakdown, snapshotCpu, waitForQuiet } from './machine.ts';
import { HttpClient } from './measure.ts';
import { startChild, stopChild, type Child } from './processes.ts';
import { ADMIN, describe, prepareTarget, restoreSeed } from './seed.ts';
import { openSqlEngine } from './sql.ts';
import { addProbe, measureNavigation } from './web-page.ts';
import * as report from './web-report.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDist = path.join(here, '../dist/web');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    tickets: { type: 'string', default: '1000000' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'quiet-wait': { type: 'string', default: '10' },
    out: { type: 'string' },
  },
  strict: true,
});
const runs = Number(args.runs);
const tickets = Number(args.tickets);
if (!(runs >= 1) || !(tickets >= 1)) throw new Error('--runs and --tickets are positive numbers');
/** Others' share of the CPU above which the machine counts as busy (as in `npm run bench`). */
const BUSY = 0.15;
const quietWaitMs = Number(args['quiet-wait']) * 1000;
const log = (line: string) => console.log(line);
const startedAt = new Date();

// 1. The seeded workspace (as bench/run.ts prepares it) and the web app build.
const seeded = await prepareTarget({
  engine: 'postgres',
  tickets,
  customerUsers: Math.max(100, Math.round(tickets / 10)),
  pgAdminUrl: args['pg-url'] as string,
  fresh: false,
  log,
});
const { location } = seeded;
const database = new URL(location.databaseUrl as string).pathname.slice(1);
let postgresVersion = '';
{
  const engine = await openSqlEngine(location, 1);
  try {
    const leftover = await restoreSeed(engine, seeded.orgId, tickets);
    if (leftover) log(`removed ${leftover} tickets an earlier run created`);
    // Sign-ins of earlier runs count against the login rate limit of 127.0.0.1.
    await engine.query(`delete from rate_limits where key like 'login:%'`);
    const [v] = await engine.query(`select current_setting('server_version') as v, current_setting('shared_buffers') as sb`);
    postgresVersion = `${v.v} (shared_buffers ${v.sb})`;
  } finally {
    await engine.close();
  }
}
log('building the web app if dist/web is missing or stale…');
await ensureWebBuild();
// The build as it was when the runs began (someone else's rebuild may replace dist/web meanwhile).
const bundleAtStart = report.snapshotBundle(webDist);

// 2. The real server, its session cookie, Chromium.
const server: Child = await startChild('serve.ts', { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: location.databaseUrl as string }, '/readyz');
log(`server ready at ${server.url} in ${server.readyMs.toFixed(0)} ms on ${describe(location)}`);
let browser: Browser | undefined;
try {
  const api = new HttpClient(server.url, 1);
  const login = await api.expect('POST', '/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password }, 200);
  const cookie = String(login.headers['set-cookie']?.find((c) => c.startsWith('caredesk_session=')) ?? '').split(';')[0];
  if (!cookie) throw new Error('the login set no session cookie');
  const url = `${server.url}/tickets`;
  const contentEncoding = await encodingOf(server.url, (await api.expect('GET', '/', undefined, 200)).body);
  api.close();

  browser = await launchChromium();
  const b = browser;
  const newContext = async (): Promise<BrowserContext> => {
    const context = await b.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name, value: value.join('='), url: server.url, httpOnly: true, sameSite: 'Lax' }]);
    await addProbe(context);
    return context;
  };
  const failures: string[] = [];
  const measure = async (context: BrowserContext): Promise<report.MeasuredRun> => {
    if (quietWaitMs > 0) await waitForQuiet(database, BUSY, quietWaitMs);
    for (let attempt = 1; ; attempt++) {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
      });
      page.on('requestfailed', (r) => failed.push(`${r.failure()?.errorText ?? 'failed'} ${new URL(r.url()).pathname}`));
      page.on('pageerror', (e) => failed.push(`page error: ${e.message}`));
      const before = snapshotCpu();
      try {
        const run = await measureNavigation(page, url);
        const cpu = cpuBreakdown(before, snapshotCpu(), database);
        return { ...run, othersCpu: cpu.seconds > 0 ? cpu.others / (cpu.seconds * availableParallelism()) : 0 };
      } catch (error) {
        // dist/web may be rebuilt under the server by someone else's ensureWebBuild (vite empties it first).
        const text = (await page.textContent('body').catch(() => ''))?.replace(/\s+/g, ' ').slice(0, 160);
        failures.push(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}; page "${text}"; ${failed.join(', ') || 'no failed request'}`);
        log(`  failed (attempt ${attempt}): ${failures[failures.length - 1]}`);
        if (attempt >= 3) throw error;
      } finally {
        await page.close();
      }
    }
  };
  const line = (label: string, r: report.MeasuredRun) =>
    `  ${label}  DCL ${r.domContentLoaded.toFixed(0)}  FCP ${r.fcp.toFixed(0)}  LCP ${r.lcp.toFixed(0)}  data ${r.dataShown.toFixed(0)}  interactive ${r.interactive.toFixed(0)} ms` +
    `${r.othersCpu > BUSY ? `  [other processes used ${(r.othersCpu * 100).toFixed(0)} % of the CPU]` : ''}`;

  // Warm-up (not counted): the server's JIT, PostgreSQL's buffers, Chromium's own start-up.
  const first = await newContext();
  log(line('warm-up', await measure(first)));
  await first.close();
  // The warm series re-uses one context (HTTP cache, V8 code cache), primed by one navigation.
  const warmContext = await newContext();
  await measure(warmContext);

  const cold: report.MeasuredRun[] = [];
  const warm: report.MeasuredRun[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await newContext();
    try {
      cold.push(await measure(context));
    } finally {
      await context.close();
    }
    log(line(`cold ${String(i + 1).padStart(2)}`, cold[i]));
    warm.push(await measure(warmContext));
    log(line(`warm ${String(i + 1).padStart(2)}`, warm[i]));
  }
  await warmContext.close();

  // 3. JS size, 4. report.
  const loaded = [...new Set(cold.flatMap((r) => r.resources.map((x) => x.path)))];
  const files = report.jsFiles(webDist, loaded, bundleAtStart);
  const goals = report.evaluate(cold, files);
  const command = `npm run bench:web${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const md = [
    `### Run of ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Command: \`${command}\` (${runs} cold and ${runs} warm navigations to \`/tickets\`, interleaved)`,
    '',
    report.machineLines(b.version(), postgresVersion),
    '',
    `Workspace: ${tickets.toLocaleString('en')} tickets (${seeded.reused ? 'reused seed' : `seeded now in ${seeded.seedSeconds.toFixed(0)} s`}).`,
    '',
    report.timingsMarkdown(cold, warm),
    '',
    report.phasesLine(cold, 'Cold'),
    report.phasesLine(warm, 'Warm'),
    report.longTaskLine(cold, 'Cold'),
    report.longTaskLine(warm, 'Warm'),
    report.cpuLine(cold, warm, BUSY),
    report.changesLine(bundleAtStart, report.snapshotBundle(webDist), failures),
    '',
    'Requests of a cold load (medians, ms from navigation start):',
    '',
    report.requestsMarkdown(cold),
    '',
    report.bundleMarkdown(files, cold, warm, contentEncoding),
    '',
    report.goalsMarkdown(goals),
    '',
  ].join('\n');
  console.log(`\n${md}`);
  const resultsDir = path.join(here, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `web-${stamp}.json`);
  writeFileSync(file, JSON.stringify({ command, startedAt, tickets, chromium: b.version(), postgres: postgresVersion, goals, files, contentEncoding, failures, cold, warm }, null, 2));
  if (args.out) writeFileSync(args.out, md);
  log(`results: ${path.relative(process.cwd(), file)}`);
} finally {
  await browser?.close();
  await stopChild(server);
}

/** The Content-Encoding the server answers the first JS asset of index.html with, when gzip and br are accepted. */
async function encodingOf(baseUrl: string, indexHtml: string): Promise<string> {
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1];
  if (!asset) return 'no JS asset in index.html';
  const u = new URL(asset, baseUrl);
  return new Promise((resolve, reject) => {
    http
      .get({ host: u.hostname, port: u.port, path: u.pathname, headers: { 'accept-encoding': 'gzip, deflate, br' }, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(`${res.headers['content-encoding'] ?? 'none (sent uncompressed)'}; cache-control: ${res.headers['cache-control'] ?? 'none'}`));
      })
      .on('error', reject);
  });
}
