// Figures and Markdown of `npm run bench:web`: timings of the dashboard's first page, the requests
// it makes and the size of its JavaScript, against the goals (interactive ≤ 1.5 s, JS ≤ 300 kB gzip).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { QUIET_WINDOW_MS, type PageRun } from './web-page.ts';

export const GOAL_MS = 1500;
export const GOAL_JS_GZIP_BYTES = 300 * 1000;

export interface MeasuredRun extends PageRun {
  /** Share of the machine's CPU (all cores) other processes used during the run. */
  othersCpu: number;
}

export interface JsFile {
  path: string;
  bytes: number;
  gzipBytes: number;
  /** What index.html references; the rest were loaded by the page later (dynamic imports). */
  inIndexHtml: boolean;
}

const percentile = (xs: number[], p: number) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
export const median = (xs: number[]) => percentile(xs, 50);
export const p95 = (xs: number[]) => percentile(xs, 95);

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '–');
const kb = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(1)} kB` : '–');
const pct = (v: number) => `${(v * 100).toFixed(0)} %`;

export const METRICS: { key: keyof PageRun; label: string }[] = [
  { key: 'htmlResponseEnd', label: 'HTML received (responseEnd)' },
  { key: 'domContentLoaded', label: '(a) DOMContentLoaded (end; the module script has run)' },
  { key: 'fcp', label: '(b) first contentful paint' },
  { key: 'lcp', label: '(c) largest contentful paint' },
  { key: 'dataShown', label: 'status counts and first row in the DOM' },
  { key: 'dataPainted', label: '… painted (next frame)' },
  { key: 'interactive', label: `(d) interactive: data shown, then ${QUIET_WINDOW_MS} ms with no long task` },
];

const values = (runs: MeasuredRun[], key: keyof PageRun) => runs.map((r) => r[key] as number);

/** index.html and the JS files of dist/web, read into memory. */
export interface Bundle {
  indexHtml: string;
  js: Map<string, Buffer>;
}

export function snapshotBundle(webDist: string): Bundle {
  const indexHtml = readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const js = new Map<string, Buffer>();
  for (const f of readdirSync(path.join(webDist, 'assets')).filter((n) => n.endsWith('.js'))) js.set(`/assets/${f}`, readFileSync(path.join(webDist, 'assets', f)));
  return { indexHtml, js };
}

const referencedJs = (indexHtml: string) => [...indexHtml.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);

/** The JS files index.html references and those the browser loaded, with their gzip size (from the build at the start, else dist/web now). */
export function jsFiles(webDist: string, loadedPaths: string[], atStart: Bundle): JsFile[] {
  const referenced = referencedJs(atStart.indexHtml);
  const all = [...new Set([...referenced, ...loadedPaths.filter((p) => p.startsWith('/assets/') && p.endsWith('.js'))])];
  return all.flatMap((p) => {
    const file = path.join(webDist, p);
    const data = atStart.js.get(p) ?? (existsSync(file) ? readFileSync(file) : null);
    return data ? [{ path: p, bytes: data.length, gzipBytes: gzipSync(data).length, inIndexHtml: referenced.includes(p) }] : [];
  });
}

export function changesLine(atStart: Bundle, atEnd: Bundle, failures: string[]): string {
  const same = atStart.indexHtml === atEnd.indexHtml;
  return [
    same ? 'dist/web was the same build from the first run to the last.' : `**dist/web was rebuilt during the runs** (by another process): JS ${referencedJs(atStart.indexHtml).join(', ')} at the start, ${referencedJs(atEnd.indexHtml).join(', ')} at the end.`,
    failures.length ? `${failures.length} navigation(s) failed and were measured again: ${failures.map((f) => `"${f}"`).join('; ')}.` : 'No navigation failed.',
  ].join(' ');
}

export function machineLines(chromium: string, postgres: string): string {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return [
    `- CPU: ${model}, ${cpus().length} cores (nproc)`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Linux ${release()}, Node ${process.version}`,
    `- Chromium ${chromium} (Debian's /usr/bin/chromium, headless, playwright-core), viewport 1440×900, no CPU or network throttling`,
    `- PostgreSQL ${postgres}, on the same machine over TCP 127.0.0.1`,
  ].join('\n');
}

export function timingsMarkdown(cold: MeasuredRun[], warm: MeasuredRun[]): string {
  const lines = [
    `| from navigation start to … | cold median | cold p95 | warm median | warm p95 | cold median ÷ 1.5 s | cold p95 ÷ 1.5 s |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const m of METRICS) {
    const c = values(cold, m.key);
    const w = values(warm, m.key);
    lines.push(`| ${m.label} | ${ms(median(c))} | ${ms(p95(c))} | ${ms(median(w))} | ${ms(p95(w))} | ${(median(c) / GOAL_MS).toFixed(2)}× | ${(p95(c) / GOAL_MS).toFixed(2)}× |`);
  }
  return lines.join('\n');
}

/** Each request of the cold page load: medians over the runs (each column on its own, so start + duration need not equal end). */
export function requestsMarkdown(runs: MeasuredRun[]): string {
  const keys = [...new Set(runs.flatMap((r) => r.resources.map((x) => `${x.initiatorType} ${x.path}`)))];
  const lines = [
    '| request (initiator) | start | first byte | end | duration (median / p95) | transferred | body (encoded / decoded) | in runs |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const rows = keys.map((key) => {
    const xs = runs.flatMap((r) => r.resources.filter((x) => `${x.initiatorType} ${x.path}` === key));
    const first = xs[0];
    const col = (f: (x: (typeof xs)[number]) => number) => median(xs.map(f));
    return { key, start: col((x) => x.startTime), line: `| \`${first.path}\` (${first.initiatorType}) | ${ms(col((x) => x.startTime))} | ${ms(col((x) => x.responseStart))} | ${ms(col((x) => x.responseEnd))} | ${ms(col((x) => x.responseEnd - x.startTime))} / ${ms(p95(xs.map((x) => x.responseEnd - x.startTime)))} | ${kb(col((x) => x.transferSize))} | ${kb(col((x) => x.encodedBodySize))} / ${kb(col((x) => x.decodedBodySize))} | ${xs.length} / ${runs.length} |` };
  });
  lines.push(...rows.sort((a, b) => a.start - b.start).map((r) => r.line));
  return lines.join('\n');
}

export function bundleMarkdown(files: JsFile[], cold: MeasuredRun[], warm: MeasuredRun[], contentEncoding: string): string {
  const received = (runs: MeasuredRun[], p: string, f: 'transferSize' | 'encodedBodySize') => median(runs.map((r) => r.resources.filter((x) => x.path === p).reduce((s, x) => s + x[f], 0)));
  const lines = [
    '| JS file | in index.html | size | gzip (zlib level 6) | transferred, cold (transferSize) | body received, cold (encodedBodySize) | transferred, warm |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of files) {
    lines.push(`| \`${f.path}\` | ${f.inIndexHtml ? 'yes' : 'no'} | ${kb(f.bytes)} | ${kb(f.gzipBytes)} | ${kb(received(cold, f.path, 'transferSize'))} | ${kb(received(cold, f.path, 'encodedBodySize'))} | ${kb(received(warm, f.path, 'transferSize'))} |`);
  }
  const sum = (f: (x: JsFile) => number) => files.reduce((s, x) => s + f(x), 0);
  const sumReceived = (runs: MeasuredRun[], field: 'transferSize' | 'encodedBodySize') => files.reduce((s, x) => s + received(runs, x.path, field), 0);
  lines.push(`| **total** | | ${kb(sum((x) => x.bytes))} | **${kb(sum((x) => x.gzipBytes))}** | ${kb(sumReceived(cold, 'transferSize'))} | ${kb(sumReceived(cold, 'encodedBodySize'))} | ${kb(sumReceived(warm, 'transferSize'))} |`);
  lines.push('', `Content-Encoding of the JS answered to \`Accept-Encoding: gzip, deflate, br\`: ${contentEncoding}.`);
  return lines.join('\n');
}

export interface Goals {
  interactive: { median: number; p95: number; met: boolean };
  jsGzip: { bytes: number; transferred: number; met: boolean };
}

export function evaluate(cold: MeasuredRun[], files: JsFile[]): Goals {
  const inter = values(cold, 'interactive');
  const bytes = files.reduce((s, f) => s + f.gzipBytes, 0);
  const transferred = median(cold.map((r) => r.resources.filter((x) => files.some((f) => f.path === x.path)).reduce((s, x) => s + x.transferSize, 0)));
  return {
    interactive: { median: median(inter), p95: p95(inter), met: p95(inter) <= GOAL_MS },
    jsGzip: { bytes, transferred, met: bytes <= GOAL_JS_GZIP_BYTES },
  };
}

export function goalsMarkdown(g: Goals): string {
  return [
    '| goal | measured | met |',
    '| --- | --- | --- |',
    `| interactive ≤ 1.5 s after navigation (cold, p95) | median ${ms(g.interactive.median)}, p95 ${ms(g.interactive.p95)} (${(g.interactive.p95 / GOAL_MS).toFixed(2)}× the goal) | ${g.interactive.met ? 'yes' : '**no**'} |`,
    `| first page's JS ≤ 300 kB gzipped | ${kb(g.jsGzip.bytes)} gzip; ${kb(g.jsGzip.transferred)} actually transferred | ${g.jsGzip.met ? 'yes' : '**no**'}${g.jsGzip.met && g.jsGzip.transferred > GOAL_JS_GZIP_BYTES ? ' (as gzip; the server sends it uncompressed)' : ''} |`,
  ].join('\n');
}

export function cpuLine(cold: MeasuredRun[], warm: MeasuredRun[], busy: number): string {
  const all = [...cold, ...warm].map((r) => r.othersCpu);
  return `Other processes' share of the CPU during the runs: median ${pct(median(all))}, max ${pct(Math.max(...all))}; ${all.filter((x) => x > busy).length} of ${all.length} runs above ${pct(busy)}.`;
}

export function longTaskLine(runs: MeasuredRun[], label: string): string {
  const after = runs.map((r) => r.longTasksAfterData.length);
  const total = runs.map((r) => r.longTaskTotal);
  const lcpElements = [...new Set(runs.map((r) => r.lcpElement))].map((e) => `\`${e}\``).join(', ');
  return `${label}: long tasks (≥ 50 ms) from navigation start to the end of the measurement, median total ${ms(median(total))}; long tasks ending after the data was shown in ${after.filter((n) => n > 0).length} of ${runs.length} runs; LCP element: ${lcpElements}; total tile "${runs[0]?.tileText}", ${runs[0]?.rows} rows at first render.`;
}

/** Where the time of a load goes, from the medians of the runs. */
export function phasesLine(runs: MeasuredRun[], label: string): string {
  const of = (f: (r: MeasuredRun) => number) => median(runs.map(f));
  const lastEnd = (r: MeasuredRun, match: (p: string) => boolean) => Math.max(...r.resources.filter((x) => match(x.path) && x.responseEnd <= r.dataShown).map((x) => x.responseEnd));
  const js = of((r) => lastEnd(r, (p) => p.endsWith('.js')));
  const api = of((r) => lastEnd(r, (p) => p.startsWith('/api/')));
  const apiFirst = of((r) => Math.min(...r.resources.filter((x) => x.path.startsWith('/api/')).map((x) => x.startTime)));
  const shown = of((r) => r.dataShown);
  const gap = of((r) => r.dataShown - lastEnd(r, (p) => p.startsWith('/api/')));
  return `${label}, where the time goes (medians): JS received ${ms(js)} → DOMContentLoaded ${ms(of((r) => r.domContentLoaded))} → first API request ${ms(apiFirst)} → last API answer before the data ${ms(api)} → data in the DOM ${ms(shown)} (${ms(gap)} after the last answer) → interactive ${ms(of((r) => r.interactive))}.`;
}
