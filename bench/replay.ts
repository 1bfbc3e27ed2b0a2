// Captures the SQL a service call sends (through a Kysely whose log records every query), and
// replays it straight to the database: the "raw SQL" the API's figures are compared against.
import { Kysely, PostgresDialect } from 'kysely';
import { systemClock } from '../src/server/platform/clock.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import type { Database } from '../src/server/platform/db/database.ts';
import { PGliteDialect, PGliteDriver } from '../src/server/platform/db/pglite-dialect.ts';
import type { DB } from '../src/server/platform/db/schema.ts';
import type { Deps } from '../src/server/platform/deps.ts';
import type { QueryContext } from '../src/server/tickets/ticket-query.ts';
import type { Scenario } from './scenarios.ts';
import type { QueryFn, Row, SqlEngine } from './sql.ts';

export interface Step {
  sql: string;
  params: unknown[];
}

/** What a ticket create must change when it is replayed: its sequence value, number and id. */
export interface CreateTemplate {
  seq: number;
  number: string;
  id: number;
}

export interface Plan {
  steps: Step[];
  parallel: boolean;
  create?: CreateTemplate;
}

/** Every scenario's plans, one per variant. */
export type Plans = Record<string, Plan[]>;

// Dates go as ISO strings, as they would after a JSON round trip to the bare-route process.
const plain = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

export async function capturePlans(engine: SqlEngine, scenarios: Scenario[], ctxOf: () => QueryContext): Promise<Plans> {
  let sink: Step[] | null = null;
  const dialect = engine.pglite ? new PGliteDialect(new PGliteDriver(engine.pglite, null)) : new PostgresDialect({ pool: engine.pool as never });
  const db = new Kysely<DB>({
    dialect,
    log: (event) => {
      if (event.level === 'query' && sink) sink.push({ sql: event.query.sql, params: event.query.parameters.map(plain) });
    },
  });
  const deps: Deps = { config: loadConfig({ LOG_LEVEL: 'silent' }), database: {} as Database, db, clock: systemClock };
  const plans: Plans = {};
  for (const scenario of scenarios) {
    // Once uncaptured first, so caches the server keeps warm (the name book) are warm here too.
    await scenario.service(deps, ctxOf(), 0);
    plans[scenario.name] = [];
    for (let v = 0; v < scenario.variants; v++) {
      sink = [];
      const result = await scenario.service(deps, ctxOf(), v);
      const steps: Step[] = sink;
      sink = null;
      const plan: Plan = { steps, parallel: scenario.parallel === true };
      if (scenario.kind === 'create') plan.create = createTemplateOf(steps, result as { ticket: { id: number; number: string } });
      plans[scenario.name].push(plan);
    }
  }
  // Not destroyed: that would end the engine's pool or PGlite, which the caller still uses.
  return plans;
}

// The ticket's insert, alone or as the first CTE of the statement that also writes its history.
const ticketInsert = /^(?:with "t" as \()?insert into "tickets" \(([^)]*)\)/;

function createTemplateOf(steps: Step[], result: { ticket: { id: number; number: string } }): CreateTemplate {
  const insert = steps.find((s) => ticketInsert.test(s.sql));
  if (!insert) throw new Error('the captured create has no insert into tickets');
  const columns = ticketInsert.exec(insert.sql)?.[1].split(',').map((c) => c.trim().replace(/"/g, '')) ?? [];
  const seq = insert.params[columns.indexOf('seq')] as number;
  return { seq, number: result.ticket.number, id: result.ticket.id };
}

const isBegin = (s: Step) => /^begin\b/i.test(s.sql);
const isCommit = (s: Step) => /^commit\b/i.test(s.sql);

/** Replays a read plan; answers the rows of its last query (what the route would render). */
export async function replayRead(engine: SqlEngine, plan: Plan): Promise<Row[]> {
  if (plan.parallel) {
    const results = await Promise.all(plan.steps.map((s) => engine.query(s.sql, s.params)));
    return results[results.length - 1];
  }
  let rows: Row[] = [];
  for (const s of plan.steps) rows = await engine.query(s.sql, s.params);
  return rows;
}

/**
 * Replays a captured create as a new ticket: the same statements and parameters, except the
 * sequence value (and the number made from it) and the new ticket's id.
 */
export async function replayCreate(engine: SqlEngine, plan: Plan): Promise<Row[]> {
  const t = plan.create as CreateTemplate;
  const begin = plan.steps.findIndex(isBegin);
  const commit = plan.steps.findIndex(isCommit);
  for (const s of plan.steps.slice(0, begin)) await engine.query(s.sql, s.params);
  const seqText = String(t.seq);
  const prefix = t.number.endsWith(seqText) ? t.number.slice(0, -seqText.length) : t.number;
  return engine.transaction(async (query: QueryFn) => {
    let seq = t.seq;
    let number = t.number;
    let id: number | null = null;
    let rows: Row[] = [];
    for (const s of plan.steps.slice(begin + 1, commit)) {
      const params = s.params.map((p) => {
        if (typeof p === 'string' && p.includes(t.number)) return p.replaceAll(t.number, number);
        if (id === null && p === t.seq) return seq;
        if (id !== null && p === t.id) return id;
        return p;
      });
      rows = await query(s.sql, params);
      if (/nextval\(/.test(s.sql)) {
        seq = Number(rows[0].seq);
        number = prefix + String(seq).padStart(seqText.length, '0');
      } else if (ticketInsert.test(s.sql)) {
        id = Number(rows[0].id);
      }
    }
    return rows;
  });
}

export const replay = (engine: SqlEngine, plan: Plan): Promise<Row[]> => (plan.create ? replayCreate(engine, plan) : replayRead(engine, plan));
