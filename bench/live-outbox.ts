// Outbox throughput: mails queued with the app's own `enqueueMail` in transactions from the
// benchmark process, delivered by the server's outbox worker to the counting SMTP server; then the
// same messages sent by nodemailer straight to that server (the baseline). Exactly once is checked
// by Message-ID on both.
import { sql } from 'kysely';
import { systemClock } from '../src/server/platform/clock.ts';
import type { Config } from '../src/server/platform/config.ts';
import type { Database } from '../src/server/platform/db/database.ts';
import { enqueueMail } from '../src/server/mail/enqueue.ts';
import type { OutboxRow } from '../src/server/mail/outbox.repository.ts';
import { cpuBreakdown, snapshotCpu, type CpuBreakdown } from './machine.ts';
import type { LiveCustomer } from './live-setup.ts';
import { sendDirectly, waitForArrivals, type Arrival, type CountingSmtp } from './live-smtp.ts';
import { sleep } from './processes.ts';

export interface DeliveryCheck {
  /** Messages of this round that arrived exactly once, more than once, never. */
  once: number;
  duplicates: number;
  missing: number;
}

export interface OutboxRound {
  mails: number;
  /** First enqueue → last enqueue transaction committed. */
  enqueueMs: number;
  /** First enqueue → the Nth mail received (null: not all arrived in time). */
  workerMs: number | null;
  /** First enqueue → first mail received. */
  firstArrivalMs: number | null;
  /** Mails of the round received by the time the last enqueue committed. */
  arrivedWhileEnqueueing: number;
  worker: DeliveryCheck;
  /** Outbox rows of the round by status once it is over. */
  statuses: Record<string, number>;
  workerCpu: CpuBreakdown;
  /** nodemailer straight to the SMTP server: start → Nth received. */
  directMs: number | null;
  direct: DeliveryCheck & { errors: number; firstError: string | null };
  directCpu: CpuBreakdown;
  /** Messages received that belong to no round (mails the setup left queued). */
  foreign: number;
}

const addressOf = (round: number, i: number) => `bench-mail-${round}-${i}@bench.example`;
const isRound = (round: number) => (a: Arrival) => a.to.some((t) => t.startsWith(`bench-mail-${round}-`));

function check(rows: OutboxRow[], arrivals: Arrival[]): DeliveryCheck {
  const counts = new Map<string, number>();
  for (const a of arrivals) counts.set(a.messageId, (counts.get(a.messageId) ?? 0) + 1);
  const c: DeliveryCheck = { once: 0, duplicates: 0, missing: 0 };
  for (const r of rows) {
    const n = counts.get(r.message_id) ?? 0;
    if (n === 1) c.once += 1;
    else if (n === 0) c.missing += 1;
    else c.duplicates += 1;
  }
  return c;
}

export interface OutboxOptions {
  database: Database;
  config: Config;
  sink: CountingSmtp;
  orgId: number;
  workspaceName: string;
  customers: LiveCustomer[];
  mails: number;
  /** Mails per enqueueing transaction. */
  perTransaction: number;
  round: number;
  databaseName: string;
  timeoutMs: number;
}

/** One round: N mails through the worker, then the same N messages sent directly. */
export async function measureOutboxRound(o: OutboxOptions): Promise<OutboxRound> {
  const { db } = o.database;
  const mark = o.sink.arrivals.length;
  const ours = isRound(o.round);
  const arrived = waitForArrivals(o.sink, ours, o.mails, o.timeoutMs);
  const before = snapshotCpu();
  const t0 = performance.now();
  for (let start = 0; start < o.mails; start += o.perTransaction) {
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(o.mails, start + o.perTransaction); i++) {
        const customer = o.customers[i % o.customers.length];
        const name = `Customer ${i}`;
        await enqueueMail(
          trx,
          { config: o.config },
          {
            orgId: o.orgId,
            template: 'ticket_created',
            language: i % 4 === 0 ? 'id' : 'en',
            to: { address: addressOf(o.round, i), name },
            ticketId: customer.ticketId,
            values: {
              workspace: { name: o.workspaceName },
              recipient: { name },
              ticket: { number: customer.ticketNumber, subject: `Order ${10_000 + i}: the kettle leaks` },
              link: `http://127.0.0.1:3000/portal/live/tickets/${customer.ticketNumber}`,
            },
          },
          systemClock.now(),
        );
      }
    });
  }
  const enqueueMs = performance.now() - t0;
  const arrivedWhileEnqueueing = o.sink.arrivals.slice(mark).filter(ours).length;
  const lastAt = await arrived;
  const workerCpu = cpuBreakdown(before, snapshotCpu(), o.databaseName);
  await sleep(1000); // a second copy of any mail would show up here
  const roundArrivals = o.sink.arrivals.slice(mark).filter(ours);
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .where('to_address', 'like', `bench-mail-${o.round}-%`)
    .orderBy('id')
    .execute();
  const statuses: Record<string, number> = {};
  for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const firstArrival = roundArrivals.reduce((m, a) => Math.min(m, a.at), Infinity);
  const foreign = o.sink.arrivals.slice(mark).filter((a) => !a.to.some((t) => t.startsWith('bench-mail-'))).length;

  // The baseline: the same messages, the same transport options, no database and no worker.
  const workspace = await db.selectFrom('workspaces').select(['name', 'sender_name', 'sender_email', 'public_url']).where('org_id', '=', o.orgId).executeTakeFirstOrThrow();
  const directMark = o.sink.arrivals.length;
  const directArrived = waitForArrivals(o.sink, ours, o.mails, o.timeoutMs);
  const directBefore = snapshotCpu();
  const d0 = performance.now();
  const sent = await sendDirectly(o.sink.url, rows, workspace, o.config);
  const directAt = await directArrived;
  const directCpu = cpuBreakdown(directBefore, snapshotCpu(), o.databaseName);
  await sleep(200);
  const direct = check(rows, o.sink.arrivals.slice(directMark).filter(ours));
  return {
    mails: o.mails,
    enqueueMs,
    workerMs: lastAt === null ? null : lastAt - t0,
    firstArrivalMs: Number.isFinite(firstArrival) ? firstArrival - t0 : null,
    arrivedWhileEnqueueing,
    worker: check(rows, roundArrivals),
    statuses,
    workerCpu,
    directMs: directAt === null ? null : directAt - d0,
    direct: { ...direct, ...sent },
    directCpu,
    foreign,
  };
}

/** Mails the setup queued (ticket confirmations) that a server without SMTP_URL has not yet kept. */
export async function pendingMails(database: Database): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from outbox where status in ('queued', 'sending')`.execute(database.db);
  return row.rows[0].n;
}
