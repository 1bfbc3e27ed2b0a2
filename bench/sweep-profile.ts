// `npm run bench:sweep -- --profile`: one more sweep of the due tickets, with every statement the
// sweeper sends counted per duty (Kysely's query log) and a V8 CPU profile of the process.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { duties } from '../src/server/jobs/duties.ts';
import type { Duty } from '../src/server/jobs/duty.ts';
import type { DB } from '../src/server/platform/db/schema.ts';
import type { Deps } from '../src/server/platform/deps.ts';
import { summarizeProfiles } from './profile.ts';

export interface StatementStats {
  /** Per duty: statement shape → count and milliseconds (client-side, round trip included). */
  byDuty: Map<string, Map<string, { count: number; ms: number }>>;
}

/** "select workspaces", "insert ticket_events", "savepoint": what a statement does, to which table. */
function shapeOf(sqlText: string): string {
  const s = sqlText.trim().toLowerCase();
  const verb = /^(select|insert into|update|delete from|savepoint|release savepoint|rollback to savepoint|with)\b/.exec(s)?.[1] ?? s.split(/\s+/)[0];
  if (verb.includes('savepoint')) return verb;
  const table = verb === 'select' || verb === 'with' ? /\bfrom\s+"?(\w+)"?/.exec(s)?.[1] : /^(?:insert into|update|delete from)\s+"?(\w+)"?/.exec(s)?.[1];
  return `${verb === 'insert into' ? 'insert' : verb === 'delete from' ? 'delete' : verb} ${table ?? '?'}`;
}

/**
 * Deps whose Kysely logs every statement, and the duties wrapped so that each statement is
 * booked to the duty that sent it (duties run one after the other within a sweep).
 */
export function instrumentedDeps(deps: Deps, databaseUrl: string, poolSize: number): { deps: Deps; duties: Duty[]; stats: StatementStats; close(): Promise<void> } {
  const stats: StatementStats = { byDuty: new Map() };
  let current = '(outside a duty)';
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // As the app's own pool: int8 as numbers.
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  const log = (event: LogEvent) => {
    if (event.level !== 'query') return;
    const book = stats.byDuty.get(current) ?? new Map<string, { count: number; ms: number }>();
    stats.byDuty.set(current, book);
    const key = shapeOf(event.query.sql);
    const entry = book.get(key) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += event.queryDurationMillis;
    book.set(key, entry);
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  const wrapped = duties.map((d) => ({
    ...d,
    hasDue: (q: Parameters<Duty['hasDue']>[0], now: Date) => {
      current = d.name;
      return d.hasDue(q, now);
    },
  }));
  return { deps: { ...deps, db }, duties: wrapped, stats, close: () => db.destroy() };
}

/** Statements per acted row, by duty and shape, as Markdown. */
export function statementTable(stats: StatementStats, rowsByDuty: Record<string, number>): string {
  const lines = ['| duty | statement | per row | ms per row (round trip) |', '| --- | --- | --- | --- |'];
  for (const [duty, book] of stats.byDuty) {
    const rows = rowsByDuty[duty] ?? 0;
    if (!rows) continue;
    const entries = [...book.entries()].sort((a, b) => b[1].ms - a[1].ms);
    let count = 0;
    let ms = 0;
    for (const [shape, e] of entries) {
      count += e.count;
      ms += e.ms;
      lines.push(`| ${duty} | ${shape} | ${(e.count / rows).toFixed(2)} | ${(e.ms / rows).toFixed(3)} |`);
    }
    lines.push(`| **${duty}** | **all** | **${(count / rows).toFixed(1)}** | **${(ms / rows).toFixed(2)}** |`);
  }
  return lines.join('\n');
}

/** Runs `fn` under the V8 sampling profiler and answers the summary of where this process spent its CPU. */
export async function withCpuProfile<T>(resultsDir: string, label: string, fn: () => Promise<T>): Promise<{ result: T; summary: string }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let result: T;
  let profile: unknown;
  try {
    result = await fn();
  } finally {
    profile = (await session.post('Profiler.stop')).profile;
    session.disconnect();
  }
  mkdirSync(resultsDir, { recursive: true });
  const dir = mkdtempSync(path.join(resultsDir, `profile-${label}-`));
  writeFileSync(path.join(dir, 'sweep.cpuprofile'), JSON.stringify(profile));
  return { result, summary: summarizeProfiles(dir, 30) };
}
