// `npm run bench:sweep -- --floor`: what PostgreSQL itself needs for the writes of one sweep when
// they are made set-based instead of row by row. The rows the last real sweep wrote (the due
// tickets as it left them, its history events, notifications and mails) are kept; the due
// tickets are put back, and the same writes are replayed per duty in batches, each batch one
// transaction of a claim (the sweeper's own), one UPDATE of its tickets and one INSERT per table
// with the same NOTIFYs. No lookups and no Node work per row: a lower bound for the database.
import { LIVE_CHANNEL } from '../src/server/live/live-bus.ts';
import { OUTBOX_CHANNEL } from '../src/server/mail/outbox.repository.ts';
import { cpuBreakdown, snapshotCpu, waitForQuiet, type CpuBreakdown } from './machine.ts';
import { dutyColumns, dutyKinds } from './sweep-seed.ts';
import { restoreDue } from './sweep-state.ts';
import type { SqlEngine } from './sql.ts';

export interface FloorResult {
  ms: number;
  perDutyMs: Record<string, number>;
  cpu: CpuBreakdown;
  rows: { tickets: number; events: number; notifications: number; mails: number };
  /** Round-trip milliseconds per statement kind, summed over the batches. */
  statementMs: Record<string, number>;
}

/** Keeps what the sweep after `marks` wrote, for `replayFloor`. */
export async function keepSweepWrites(engine: SqlEngine, marks: { events: number; notifications: number; outbox: number }): Promise<void> {
  await engine.query('drop table if exists bench_floor_tickets, bench_floor_events, bench_floor_notifications, bench_floor_outbox');
  await engine.query('create table bench_floor_tickets as select t.* from tickets t join bench_due d using (org_id, id)');
  await engine.query('create table bench_floor_events as select * from ticket_events where id > $1', [marks.events]);
  await engine.query('create table bench_floor_notifications as select * from notifications where id > $1', [marks.notifications]);
  await engine.query('create table bench_floor_outbox as select * from outbox where id > $1', [marks.outbox]);
}

const insertColumns = async (engine: SqlEngine, table: string) =>
  (await engine.query(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_identity = 'NO' and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  )).map((r) => String(r.column_name));

export async function replayFloor(engine: SqlEngine, dbName: string, seedAnchor: Date, batchSize: number, concurrency: number, quietMs: number): Promise<FloorResult> {
  await restoreDue(engine, seedAnchor, new Date());
  // The same columns a restore puts back: every column a sweep may change.
  const ticketColumns = (await insertColumns(engine, 'tickets')).filter(
    (c) => !['org_id', 'search', 'search_keys', 'number', 'subject', 'description', 'order_number', 'transaction_ref', 'customer_user_id'].includes(c),
  );
  const eventColumns = (await insertColumns(engine, 'ticket_events')).join(', ');
  const notificationColumns = (await insertColumns(engine, 'notifications')).join(', ');
  const outboxColumns = (await insertColumns(engine, 'outbox')).map((c) => `"${c}"`).join(', ');
  const [counts] = await engine.query(
    `select (select count(*) from bench_floor_tickets)::int as tickets, (select count(*) from bench_floor_events)::int as events,
            (select count(*) from bench_floor_notifications)::int as notifications, (select count(*) from bench_floor_outbox)::int as mails`,
  );
  await waitForQuiet(dbName, 0.15, quietMs);
  const perDutyMs: Record<string, number> = {};
  const statementMs: Record<string, number> = { claim: 0, 'update tickets': 0, 'insert ticket_events': 0, 'insert notifications': 0, 'insert outbox': 0 };
  const timed = async <T>(kind: string, p: Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await p;
    statementMs[kind] += performance.now() - t;
    return result;
  };
  const before = snapshotCpu();
  const t0 = performance.now();
  for (const kind of dutyKinds) {
    const column = dutyColumns[kind].column;
    const d0 = performance.now();
    const worker = async () => {
      for (;;) {
        const claimed = await engine.transaction(async (q) => {
          const rows = await timed('claim', q(`select org_id, id from tickets where ${column} <= now() order by ${column} limit ${batchSize} for update skip locked`));
          if (rows.length === 0) return 0;
          const ids = rows.map((r) => r.id);
          const org = `t.org_id = any($1::bigint[]) and t.id = any($2::bigint[])`;
          const orgs = rows.map((r) => r.org_id);
          const update = `update tickets x set ${ticketColumns.map((c) => `${c} = t.${c}`).join(', ')}
            from bench_floor_tickets t where x.org_id = t.org_id and x.id = t.id and ${org}`;
          const events = `insert into ticket_events (${eventColumns}) select ${eventColumns} from bench_floor_events t where ${org}
            returning pg_notify('${LIVE_CHANNEL}', json_build_object('org', org_id, 'ticket', ticket_id,
              'customer', (select customer_user_id from tickets c where c.org_id = ticket_events.org_id and c.id = ticket_events.ticket_id))::text)`;
          const notifications = `insert into notifications (${notificationColumns}) select ${notificationColumns} from bench_floor_notifications t where ${org}
            returning pg_notify('${LIVE_CHANNEL}', json_build_object('org', org_id, 'agent', agent_id)::text)`;
          const mails = `insert into outbox (${outboxColumns}) select ${outboxColumns} from bench_floor_outbox t where ${org}
            returning pg_notify('${OUTBOX_CHANNEL}', org_id::text)`;
          await timed('update tickets', q(update, [orgs, ids]));
          await timed('insert ticket_events', q(events, [orgs, ids]));
          await timed('insert notifications', q(notifications, [orgs, ids]));
          await timed('insert outbox', q(mails, [orgs, ids]));
          return rows.length;
        });
        if (claimed < batchSize) return;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    perDutyMs[kind] = performance.now() - d0;
  }
  const ms = performance.now() - t0;
  const cpu = cpuBreakdown(before, snapshotCpu(), dbName);
  return { ms, perDutyMs, cpu, statementMs, rows: { tickets: Number(counts.tickets), events: Number(counts.events), notifications: Number(counts.notifications), mails: Number(counts.mails) } };
}
