// Tables, ratios and the issue's goals, as text for the terminal and Markdown for BENCHMARKS.md.
import type { LoadResult } from './measure.ts';
import type { Engine } from './sql.ts';

export type Mode = 'api' | 'raw' | 'bare' | 'api1' | 'raw1';

export interface EngineResult {
  engine: Engine;
  tickets: number;
  customerUsers: number;
  reused: boolean;
  seedSeconds: number;
  triggerSample: { checked: number; mismatches: number } | null;
  scenarios: { name: string; title: string; queries: number }[];
  modes: Record<Mode, Record<string, LoadResult>>;
  /** Spawn → first 200 from /readyz, per start, on the existing data. */
  startMs: number[];
  rss: { idleAfterStart: number; idleAfterLoad: number; bareIdleAfterLoad: number; memoryAfterLoad: NodeJS.MemoryUsage | null };
  counts: { stage: string; mismatches: number; recount: number; counted: number }[];
  explain: Record<string, string>;
  fixtures: { deepFilter: string; deepMatches: number };
  /** Fingerprint of the server code (sha256 of src/server, src/contract, migrations) when the engine's run began and ended. */
  code: { atStart: string; atEnd: string };
}

export interface Goal {
  engine: Engine | 'both';
  text: string;
  measured: string;
  met: boolean;
  note?: string;
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
const rate = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

export const GOAL_SIZES: Record<Engine, number> = { postgres: 1_000_000, pglite: 100_000 };

export function evaluateGoals(results: EngineResult[]): Goal[] {
  const goals: Goal[] = [];
  for (const r of results) {
    const api = r.modes.api;
    const size = r.tickets >= GOAL_SIZES[r.engine] ? undefined : `measured at ${r.tickets.toLocaleString('en')} tickets, not the goal's ${GOAL_SIZES[r.engine].toLocaleString('en')}`;
    const p95 = (name: string, limit: number, label: string) => {
      const res = api[name];
      if (!res) return;
      goals.push({ engine: r.engine, text: `${label} p95 ≤ ${limit} ms`, measured: `${ms(res.p95)} ms`, met: res.p95 <= limit && res.errors === 0, note: size });
    };
    if (r.engine === 'postgres') {
      p95('first_page', 10, 'first page');
      p95('deep_page', 10, 'deep cursor page');
      p95('detail', 10, 'ticket detail');
      p95('phone_lookup', 10, 'phone lookup: tickets ?phone=');
      p95('customer_search', 10, 'phone lookup: customer-user search');
      p95('stats', 20, 'stats unfiltered');
      p95('stats_channel', 20, 'stats per channel');
      p95('search_rare', 100, 'full text, rare word');
      p95('search_common', 100, 'full text, common word');
      if (api.first_page && r.modes.bare.first_page) {
        const share = api.first_page.rps / r.modes.bare.first_page.rps;
        goals.push({
          engine: r.engine,
          text: 'first-page throughput ≥ 80 % of the bare Fastify route',
          measured: `${rate(api.first_page.rps)} vs ${rate(r.modes.bare.first_page.rps)} req/s = ${(share * 100).toFixed(0)} %`,
          met: share >= 0.8,
          note: size,
        });
      }
      if (api.create) {
        goals.push({ engine: r.engine, text: 'ticket creates ≥ 1,000/s at 8 clients', measured: `${rate(api.create.rps)}/s`, met: api.create.rps >= 1000 && api.create.errors === 0, note: size });
      }
      const rss = r.rss.idleAfterStart;
      goals.push({ engine: r.engine, text: 'idle RSS ≤ 150 MB', measured: `${rss.toFixed(0)} MB after start, ${r.rss.idleAfterLoad.toFixed(0)} MB idle after the load`, met: rss <= 150 && r.rss.idleAfterLoad <= 150 });
    } else {
      p95('first_page', 25, 'first page');
      p95('stats', 20, 'stats unfiltered');
      p95('stats_channel', 20, 'stats per channel');
      p95('search_rare', 100, 'full text, rare word');
      p95('search_common', 100, 'full text, common word');
    }
    const wrong = r.counts.filter((c) => c.mismatches > 0);
    goals.push({
      engine: r.engine,
      text: 'status counters equal a recount',
      measured: r.counts.map((c) => `${c.stage}: ${c.mismatches} differing keys over ${c.recount.toLocaleString('en')} tickets`).join('; '),
      met: wrong.length === 0 && r.counts.length > 0,
    });
    if (r.startMs.length) {
      const worst = Math.max(...r.startMs);
      goals.push({
        engine: r.engine,
        text: 'start to /readyz ≤ 3 s on existing data',
        measured: `median ${(median(r.startMs) / 1000).toFixed(2)} s, worst ${(worst / 1000).toFixed(2)} s over ${r.startMs.length} starts`,
        met: worst <= 3000,
      });
    }
  }
  return goals;
}

function scenarioRows(r: EngineResult): string[][] {
  return r.scenarios.map((s) => {
    const a = r.modes.api[s.name];
    const w = r.modes.raw[s.name];
    const b = r.modes.bare[s.name];
    const errors = [a, w, b].reduce((n, x) => n + (x?.errors ?? 0), 0);
    return [
      s.title + (errors ? ` (${errors} errors)` : ''),
      `${ms(a?.p50)} / ${ms(a?.p95)}`,
      rate(a?.rps),
      `${ms(w?.p50)} / ${ms(w?.p95)}`,
      rate(w?.rps),
      `${ms(b?.p50)} / ${ms(b?.p95)}`,
      rate(b?.rps),
      `${ratio(a?.p50, w?.p50)} / ${ratio(a?.p95, w?.p95)}`,
      `${ratio(a?.p50, b?.p50)} / ${ratio(a?.p95, b?.p95)}`,
      a && b ? `${((a.rps / b.rps) * 100).toFixed(0)} %` : '–',
      `${a?.count ?? 0}`,
      `${s.queries}`,
      [a, w, b].map((x) => (x?.othersCpu === undefined ? '–' : `${(x.othersCpu * 100).toFixed(0)}`)).join(' / '),
    ];
  });
}

const header = [
  'scenario',
  'API p50 / p95 ms',
  'API req/s',
  'raw SQL p50 / p95',
  'raw req/s',
  'bare route p50 / p95',
  'bare req/s',
  'API ÷ raw (p50 / p95)',
  'API ÷ bare (p50 / p95)',
  'API req/s ÷ bare',
  'API requests',
  'SQL stmts',
  "others' CPU % (API / raw / bare)",
];

export function markdownTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const cpuCell = (x: LoadResult | undefined, children: boolean) =>
  x?.cpuMs ? [x.cpuMs.client, ...(children ? [x.cpuMs.children] : []), x.cpuMs.postgres].map((v) => v.toFixed(2)).join(' / ') : '–';

function serviceRows(r: EngineResult): string[][] {
  const pg = r.engine === 'postgres';
  return r.scenarios.map((s) => {
    const a1 = r.modes.api1?.[s.name];
    const w1 = r.modes.raw1?.[s.name];
    return [
      s.title,
      `${ms(a1?.p50)} / ${ms(a1?.p95)}`,
      `${ms(w1?.p50)} / ${ms(w1?.p95)}`,
      cpuCell(r.modes.api[s.name], true) + (pg ? '' : ' (PGlite is inside the server)'),
      cpuCell(r.modes.bare[s.name], true),
      cpuCell(r.modes.raw[s.name], false),
    ];
  });
}

const serviceHeader = [
  'scenario',
  'API, 1 client: p50 / p95 ms',
  'raw SQL, 1 client: p50 / p95 ms',
  'CPU ms per API request: load generator / server / PostgreSQL',
  'CPU ms per bare request: load generator / bare process / PostgreSQL',
  'CPU ms per raw replay: client / PostgreSQL',
];

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

export function engineMarkdown(r: EngineResult): string {
  const out: string[] = [];
  out.push(`### ${r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${r.tickets.toLocaleString('en')} tickets, ${r.customerUsers.toLocaleString('en')} customer users, one workspace`);
  out.push('');
  out.push(
    `Seed: ${r.reused ? `reused (seeded earlier in ${r.seedSeconds.toFixed(0)} s)` : `${r.seedSeconds.toFixed(0)} s`}` +
      (r.triggerSample ? `; search document of ${r.triggerSample.checked} sampled tickets equal to the trigger's: ${r.triggerSample.mismatches === 0 ? 'yes' : `no (${r.triggerSample.mismatches} differ)`}` : '') +
      `. Deep page filter ${r.fixtures.deepFilter} matches ${r.fixtures.deepMatches.toLocaleString('en')} tickets; cursors 20–80 % deep.`,
  );
  out.push('');
  out.push(
    r.code.atStart === r.code.atEnd
      ? `Server code fingerprint ${r.code.atStart} (sha256 of src/server, src/contract and migrations, tests excluded).`
      : `**The server code changed during this run** (fingerprint ${r.code.atStart} → ${r.code.atEnd}): the captured SQL and the server may differ; do not compare these figures.`,
  );
  out.push('');
  out.push(markdownTable(header, scenarioRows(r)));
  out.push('');
  out.push('Without queueing (one client at a time), and where the CPU went at the concurrency above:');
  out.push('');
  out.push(markdownTable(serviceHeader, serviceRows(r)));
  out.push('');
  const m = r.rss.memoryAfterLoad;
  out.push(
    `Start to /readyz: ${r.startMs.map((v) => `${(v / 1000).toFixed(2)} s`).join(', ')}. ` +
      `Server RSS: ${r.rss.idleAfterStart.toFixed(0)} MB idle after start, ${r.rss.idleAfterLoad.toFixed(0)} MB idle after the load ` +
      `(bare-route process: ${r.rss.bareIdleAfterLoad.toFixed(0)} MB)` +
      (m ? `; after the load the server's V8 heap is ${mb(m.heapUsed)} used of ${mb(m.heapTotal)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}.` : '.'),
  );
  out.push('');
  out.push(`Counters against a recount: ${r.counts.map((c) => `${c.stage}: ${c.mismatches === 0 ? 'equal' : `${c.mismatches} keys differ`} (${c.recount.toLocaleString('en')} tickets)`).join('; ')}.`);
  return out.join('\n');
}

export function goalsMarkdown(goals: Goal[]): string {
  return markdownTable(
    ['engine', 'goal', 'measured', 'met'],
    goals.map((g) => [g.engine, g.text, g.measured + (g.note ? ` (${g.note})` : ''), g.met ? 'met' : '**not met**']),
  );
}

export function printEngine(r: EngineResult): void {
  console.log('');
  console.log(engineMarkdown(r));
}
