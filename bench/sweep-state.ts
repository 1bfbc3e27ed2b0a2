// The sweep benchmark's database: seeded once (bench/sweep-seed.ts), then before every measured
// sweep the due tickets are put back as they were, moved to the run's "now", and what the last
// sweep added (history events, notifications, mails) is removed; afterwards every due ticket is
// checked in SQL for exactly one action.
import { sql } from 'kysely';
import { applySla } from '../src/server/sla/apply-sla.ts';
import type { Deps } from '../src/server/platform/deps.ts';
import type { DueTicket } from '../src/server/jobs/due-tickets.repository.ts';
import { migrationsHash } from './seed.ts';
import { dueTicketsSql, dutyColumns, dutyKinds, inParallel, backgroundTicketsSql, setUpWorkspaces, split, type DutyKind, type Workspace } from './sweep-seed.ts';
import * as seedSql from './seed-sql.ts';
import type { SqlEngine } from './sql.ts';

export const SWEEP_SEED_VERSION = 1;

export interface SweepSeed {
  anchor: Date;
  tickets: number;
  due: number;
  seedSeconds: number;
  reused: boolean;
  /** Sampled due tickets whose stored SLA columns differ from what applySla plans for them (must be 0). */
  slaSample: { checked: number; differing: number } | null;
}

/** Whether the database already holds this seed (made by the same migrations). */
export async function readSeedMarker(engine: SqlEngine, tickets: number, due: number): Promise<SweepSeed | null> {
  const [{ t }] = await engine.query(`select to_regclass('bench_sweep_marker')::text as t`);
  if (!t) return null;
  const [m] = await engine.query('select * from bench_sweep_marker');
  if (!m || Number(m.version) !== SWEEP_SEED_VERSION || Number(m.tickets) !== tickets || Number(m.due) !== due || m.migrations !== migrationsHash()) return null;
  return { anchor: m.anchor as Date, tickets, due, seedSeconds: Number(m.seed_seconds), reused: true, slaSample: null };
}

/**
 * Seeds `tickets` tickets, `due` of them due now (an equal share per duty), in two workspaces.
 * With `tickets` 0 only the workspaces and their setup are made (the empty baseline).
 */
export async function seedSweep(
  databaseUrl: string,
  engine: SqlEngine,
  size: { tickets: number; due: number; customerUsersFor: number },
  log: (line: string) => void,
): Promise<{ seed: SweepSeed; workspaces: Workspace[] }> {
  const { tickets, due } = size;
  const started = performance.now();
  const anchor = new Date();
  const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await fn();
    log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  const workspaces = await step('migrate, workspaces (service), staff, SLA policy, escalation flow, customers', () => setUpWorkspaces(databaseUrl, engine, size.customerUsersFor, anchor));
  const background = split(tickets - due, workspaces);
  if (tickets > 0) {
    // Secondary indexes are built once after the load, from their catalog definitions.
    const indexes = (await engine.query(
      `select i.indexname, i.indexdef from pg_indexes i
       where i.schemaname = 'public' and i.tablename = 'tickets' and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    )) as { indexname: string; indexdef: string }[];
    await engine.query(`drop index ${indexes.map((i) => i.indexname).join(', ')}`);
    const chunks: (() => string)[] = [];
    for (const [i, w] of workspaces.entries()) {
      for (let lo = 1; lo <= background[i]; lo += 100_000) chunks.push(() => backgroundTicketsSql(w, background[i], lo, Math.min(background[i], lo + 99_999), anchor));
    }
    await step(`${(tickets - due).toLocaleString('en')} background tickets (${chunks.length} chunks, triggers off)`, () =>
      inParallel(engine, chunks.map((sqlOf) => async (q) => void (await q(sqlOf())))),
    );
    indexes.sort((a, b) => Number(/using gin/i.test(b.indexdef)) - Number(/using gin/i.test(a.indexdef)));
    await step(`${indexes.length} indexes of tickets`, () => inParallel(engine, indexes.map((i) => async (q) => void (await q(i.indexdef)))));
    for (const w of workspaces) {
      await engine.query('delete from ticket_counts where org_id = $1', [w.orgId]);
      await engine.query(seedSql.rebuildCountsSql(w.orgId));
    }
  }
  await engine.query('create table bench_due (org_id bigint, id bigint, kind text not null, primary key (org_id, id))');
  if (due > 0) {
    await step(`${due.toLocaleString('en')} due tickets (${due / 4} per duty, through the triggers)`, async () => {
      const perKind = split(due / 4, workspaces);
      const nextSeq = workspaces.map((_, i) => background[i] + 1);
      for (const kind of dutyKinds) {
        for (const [i, w] of workspaces.entries()) {
          const rows = await engine.query(dueTicketsSql(w, kind, perKind[i], nextSeq[i]), [anchor]);
          nextSeq[i] += perKind[i];
          await engine.query('insert into bench_due (org_id, id, kind) select $1, unnest($2::bigint[]), $3', [w.orgId, rows.map((r) => r.id), kind]);
        }
      }
    });
  }
  for (const w of workspaces) {
    const [{ n }] = await engine.query('select coalesce(max(seq), 0)::bigint as n from tickets where org_id = $1', [w.orgId]);
    if (Number(n) > 0) await engine.query(`select setval('ticket_seq_${w.orgId}', ${Number(n)})`);
  }
  // The due tickets as seeded, to put back before each run.
  await engine.query('create table bench_due_state as select t.* from tickets t join bench_due d using (org_id, id)');
  await step('vacuum (analyze)', () => engine.query('vacuum (analyze)'));
  const seedSeconds = (performance.now() - started) / 1000;
  await engine.query(`create table bench_sweep_marker (version int, tickets int, due int, anchor timestamptz, seed_seconds float8, migrations text)`);
  await engine.query('insert into bench_sweep_marker values ($1, $2, $3, $4, $5, $6)', [SWEEP_SEED_VERSION, tickets, due, anchor, seedSeconds, migrationsHash()]);
  return { seed: { anchor, tickets, due, seedSeconds, reused: false, slaSample: null }, workspaces };
}

/** SLA columns of sampled due tickets as seeded (bench_due_state) against what the real applySla plans for them at the seed's instant. */
export async function checkSlaSample(deps: Deps, anchor: Date, size = 400): Promise<{ checked: number; differing: number; first: string | null }> {
  const rows = (await sql<DueTicket & { kind: string }>`
    select t.*, d.kind from bench_due_state t join bench_due d using (org_id, id)
    where d.kind in ('sla_warning', 'escalation') order by hashint8(t.id) limit ${size}`.execute(deps.db)).rows;
  let differing = 0;
  let first: string | null = null;
  for (const row of rows) {
    const change = await applySla(deps, deps.db, row.org_id, row, { kind: 'recompute' }, anchor);
    if (Object.keys(change).length) {
      differing += 1;
      first ??= `${row.kind} ticket ${row.id}: ${JSON.stringify(change)}`;
    }
  }
  return { checked: rows.length, differing, first };
}

const stateColumns = async (engine: SqlEngine) =>
  (await engine.query(
    `select column_name, data_type from information_schema.columns
     where table_schema = 'public' and table_name = 'tickets' and is_generated = 'NEVER' and identity_generation is null
       and column_name not in ('org_id', 'search', 'search_keys', 'number', 'subject', 'description', 'order_number', 'transaction_ref', 'customer_user_id')
     order by ordinal_position`,
  )) as { column_name: string; data_type: string }[];

/**
 * Puts the due tickets back as seeded, every instant moved by (`at` − the seed's anchor), and
 * removes the events, notifications and mails of earlier runs; the counters follow through the
 * trigger. Answers the ids after which this run's rows start.
 */
export async function restoreDue(engine: SqlEngine, seedAnchor: Date, at: Date): Promise<{ events: number; notifications: number; outbox: number }> {
  const columns = await stateColumns(engine);
  const shift = `($1::timestamptz - $2::timestamptz)`;
  const set = columns.map((c) => `${c.column_name} = s.${c.column_name}${c.data_type.startsWith('timestamp') ? ` + ${shift}` : ''}`).join(', ');
  await engine.transaction(async (q) => {
    for (const table of ['ticket_events', 'notifications', 'outbox']) {
      await q(`delete from ${table} x using bench_due d where x.org_id = d.org_id and x.ticket_id = d.id`);
    }
    await q(`update tickets t set ${set} from bench_due_state s where t.org_id = s.org_id and t.id = s.id`, [at, seedAnchor]);
  });
  await engine.query('vacuum (analyze) tickets, ticket_events, notifications, outbox, ticket_counts, job_runs');
  const [m] = await engine.query(
    `select (select coalesce(max(id), 0) from ticket_events)::bigint as events, (select coalesce(max(id), 0) from notifications)::bigint as notifications,
            (select coalesce(max(id), 0) from outbox)::bigint as outbox`,
  );
  return { events: Number(m.events), notifications: Number(m.notifications), outbox: Number(m.outbox) };
}

export interface DutyCheck {
  kind: DutyKind;
  tickets: number;
  /** Due tickets with exactly one event of the duty's type from this run. */
  oneEvent: number;
  /** Due tickets left as the action leaves them (closed / reminder cleared / warning cleared or ahead / level 1 with level 2 ahead). */
  settled: number;
  /** Events of this run on these tickets besides the duty's own (escalation: the priority raise). */
  otherEvents: Record<string, number>;
  notifications: Record<string, number>;
  mails: Record<string, number>;
}

/** What the run did to each due ticket, and to every other ticket (nothing). */
export async function checkRun(engine: SqlEngine, after: { events: number; notifications: number; outbox: number }, now: Date): Promise<{ duties: DutyCheck[]; strayEvents: number }> {
  const duties: DutyCheck[] = [];
  for (const kind of dutyKinds) {
    const { event } = dutyColumns[kind];
    const settled = {
      auto_close: `t.status = 'closed' and t.close_reason = 'auto' and t.auto_close_at is null`,
      pending_reminder: `t.reminder_due_at is null and t.status = 'pending'`,
      sla_warning: `(t.sla_warning_at is null or t.sla_warning_at > $2) and t.status = 'open'`,
      escalation: `t.escalation_level = 1 and t.escalation_due_at > $2`,
    }[kind];
    const [r] = await engine.query(
      `select count(*)::int as tickets,
              count(*) filter (where (select count(*) from ticket_events e where e.org_id = t.org_id and e.ticket_id = t.id and e.id > $1 and e.type = $3) = 1)::int as one_event,
              count(*) filter (where ${settled})::int as settled
       from bench_due d join tickets t using (org_id, id) where d.kind = $4 and $2::timestamptz is not null`,
      [after.events, now, event, kind],
    );
    const by = async (text: string, params: unknown[]) => Object.fromEntries((await engine.query(text, params)).map((x) => [String(x.k), Number(x.n)]));
    duties.push({
      kind,
      tickets: r.tickets as number,
      oneEvent: r.one_event as number,
      settled: r.settled as number,
      otherEvents: await by(`select e.type as k, count(*)::int as n from ticket_events e join bench_due d on d.org_id = e.org_id and d.id = e.ticket_id where e.id > $1 and d.kind = $2 and e.type <> $3 group by 1 order by 1`, [after.events, kind, event]),
      notifications: await by(`select x.kind as k, count(*)::int as n from notifications x join bench_due d on d.org_id = x.org_id and d.id = x.ticket_id where x.id > $1 and d.kind = $2 group by 1 order by 1`, [after.notifications, kind]),
      mails: await by(`select x.template as k, count(*)::int as n from outbox x join bench_due d on d.org_id = x.org_id and d.id = x.ticket_id where x.id > $1 and d.kind = $2 group by 1 order by 1`, [after.outbox, kind]),
    });
  }
  const [{ n }] = await engine.query(
    `select count(*)::int as n from ticket_events e where e.id > $1 and not exists (select 1 from bench_due d where d.org_id = e.org_id and d.id = e.ticket_id)`,
    [after.events],
  );
  return { duties, strayEvents: n as number };
}
