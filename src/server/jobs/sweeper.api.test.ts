import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { testEngine } from '../../../test/helpers/database.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { Job } from '../../contract/jobs.ts';
import type { Ticket } from '../../contract/tickets.ts';
import { createManualClock } from '../platform/clock.ts';
import { writeAtOnce } from '../tickets/ticket-writes.ts';
import { autoCloseDuty } from './auto-close.duty.ts';
import { sweeperDefaults, startSweeper } from './sweeper.ts';
import { dueTimesOf, getTicket, historyOf, jobRunOf, longSessions, resolveTicket, setAutoClosePeriod, silentLog } from './sweeper.testing.ts';

const SECOND = 1000;

describe('the sweeper: failures, crashes, job runs', () => {
  const clock = createManualClock(new Date('2026-05-04T10:00:00.000Z'));
  let server: TestServer;
  let admin: ApiClient;
  let agent: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: longSessions });
    ({ admin } = await createWorkspace(server.url));
    agent = (await createAgent(admin)).client;
    await setAutoClosePeriod(admin, 5);
  });
  afterAll(() => server?.close());

  /** Resolved tickets whose auto-close is due now. */
  async function dueTickets(n: number): Promise<Ticket[]> {
    const tickets: Ticket[] = [];
    for (let i = 0; i < n; i++) {
      const ticket = await createTicket(admin, { subject: `Cracked jug ${i}` });
      await resolveTicket(agent, ticket.number);
      tickets.push(ticket);
      clock.advance(10); // one after the other, so they fall due in this order
    }
    clock.advance(5 * SECOND);
    return tickets;
  }
  const closesOf = async (t: Ticket) => (await historyOf(admin, t.number)).filter((e) => e.type === 'closed').length;
  const closedMails = async (t: Ticket) =>
    (await server.deps.db.selectFrom('outbox').select('id').where('ticket_id', '=', t.id).where('template', '=', 'ticket_closed').execute()).length;
  async function expectClosedOnce(tickets: Ticket[]) {
    for (const t of tickets) {
      expect(await getTicket(admin, t.number), t.number).toMatchObject({ status: 'closed', close_reason: 'auto' });
      expect(await closesOf(t), t.number).toBe(1);
      expect(await closedMails(t), t.number).toBe(1);
    }
  }
  const jobs = async (client: ApiClient) => client.get<{ items: Job[]; sweep_interval_ms: number }>('/api/v1/admin/jobs');

  it('a duty throwing for one row does the others, records the failure, and leaves that row due after the retry pause', async () => {
    const [first, broken, last] = await dueTickets(3);
    const failing = { ...autoCloseDuty, act: async (...args: Parameters<typeof autoCloseDuty.act>) => {
      if (args[1].id === broken.id) throw new Error('the printer is on fire');
      return autoCloseDuty.act(...args);
    } };
    const faulty = startSweeper(server.deps, { log: silentLog, intervalMs: 0, duties: [failing] });
    const runsBefore = (await jobRunOf(server, 'auto_close'))?.total_runs ?? 0;
    try {
      const report = (await faulty.sweepNow()).auto_close;
      // The failing batch ran again row by row (on PostgreSQL another batch may have claimed the row as it rolled back, and ran again too).
      expect(report).toEqual({ claimed: 3, done: 2, skipped: 0, failed: 1, retried: report.retried, error: 'the printer is on fire' });
      expect(report.retried).toBeGreaterThanOrEqual(1);
    } finally {
      await faulty.stop();
    }
    await expectClosedOnce([first, last]);
    expect(await getTicket(admin, broken.number)).toMatchObject({ status: 'resolved' });
    expect(await dueTimesOf(server, broken.id)).toEqual(expect.objectContaining({ auto_close_at: new Date(clock.now().getTime() + sweeperDefaults.retryMs) }));
    expect(await jobRunOf(server, 'auto_close')).toMatchObject({
      last_status: 'failed',
      last_error: 'the printer is on fire',
      last_counts: { claimed: 3, done: 2, skipped: 0, failed: 1 },
      total_runs: Number(runsBefore) + 1,
    });
    const shown = (await jobs(admin)).body.items.find((j) => j.duty === 'auto_close');
    expect(shown).toMatchObject({ last_status: 'failed', last_error: 'the printer is on fire', last_counts: { done: 2, failed: 1 } });

    // Postponed, it does not hold up the next sweep; after the pause the healthy sweeper closes it.
    expect((await server.sweeper.sweepNow()).auto_close.claimed).toBe(0);
    clock.advance(sweeperDefaults.retryMs);
    expect((await server.sweeper.sweepNow()).auto_close).toMatchObject({ claimed: 1, done: 1, failed: 0 });
    await expectClosedOnce([first, broken, last]);
    expect(await jobRunOf(server, 'auto_close')).toMatchObject({ last_status: 'ok', last_error: null, total_runs: Number(runsBefore) + 2 });
  });

  it('batches run at once (concurrency 4, two rows each) act once on every due row; a row that throws is postponed and its batch-mates are done once', async () => {
    const tickets = await dueTickets(9);
    const broken = tickets[4];
    // Actions that take a moment, so that batches running at once are seen to overlap.
    let acting = 0;
    let mostAtOnce = 0;
    const failing = { ...autoCloseDuty, act: async (...args: Parameters<typeof autoCloseDuty.act>) => {
      mostAtOnce = Math.max(mostAtOnce, ++acting);
      await new Promise((resolve) => setTimeout(resolve, 20));
      acting -= 1;
      if (args[1].id === broken.id) throw new Error('the printer is on fire');
      return autoCloseDuty.act(...args);
    } };
    const wide = startSweeper(server.deps, { log: silentLog, intervalMs: 0, duties: [failing], concurrency: 4, batchSize: 2 });
    try {
      const report = (await wide.sweepNow()).auto_close;
      // The failing batch ran again row by row (on PostgreSQL another batch may have claimed the row as it rolled back, and ran again too).
      expect(report).toEqual({ claimed: 9, done: 8, skipped: 0, failed: 1, retried: report.retried, error: 'the printer is on fire' });
      expect(report.retried).toBeGreaterThanOrEqual(1);
      expect((await wide.sweepNow()).auto_close.claimed).toBe(0);
    } finally {
      await wide.stop();
    }
    // PGlite has one connection: there the batches run one after the other.
    if (testEngine() === 'postgres') expect(mostAtOnce).toBeGreaterThan(1);
    else expect(mostAtOnce).toBe(1);
    const healthy = tickets.filter((t) => t.id !== broken.id);
    await expectClosedOnce(healthy);
    expect(await getTicket(admin, broken.number)).toMatchObject({ status: 'resolved' });
    expect(await closesOf(broken)).toBe(0);
    clock.advance(sweeperDefaults.retryMs);
    expect((await server.sweeper.sweepNow()).auto_close).toMatchObject({ claimed: 1, done: 1, failed: 0 });
    await expectClosedOnce(tickets);
  });

  it('a sweep that dies mid-batch commits nothing of it: the next sweep does every row, once', async () => {
    const tickets = await dueTickets(3);
    const died = new Error('the process died');
    // A sweeper's batch as it runs, cut off after acting on two rows and before its commit.
    await expect(
      server.deps.db.transaction().execute(async (trx) => {
        const rows = await autoCloseDuty.claim(trx, clock.now(), 10);
        expect(rows.map((r) => r.id)).toEqual(tickets.map((t) => t.id));
        for (const row of rows.slice(0, 2)) await autoCloseDuty.act(trx, row, { deps: server.deps, now: clock.now(), write: writeAtOnce(trx, server.deps.config, clock.now()) });
        throw died;
      }),
    ).rejects.toBe(died);
    for (const t of tickets) expect(await getTicket(admin, t.number)).toMatchObject({ status: 'resolved' });
    expect((await server.sweeper.sweepNow()).auto_close).toMatchObject({ claimed: 3, done: 3, failed: 0 });
    await expectClosedOnce(tickets);
  });

  it.runIf(testEngine() === 'postgres')('a batch held by another sweeper is passed over, and done by the next sweep once that sweeper dies', async () => {
    const tickets = await dueTickets(4);
    const held = await server.deps.db.startTransaction().execute();
    try {
      const claimed = await autoCloseDuty.claim(held, clock.now(), 2);
      expect(claimed.map((r) => r.id)).toEqual(tickets.slice(0, 2).map((t) => t.id));
      for (const row of claimed) await autoCloseDuty.act(held, row, { deps: server.deps, now: clock.now(), write: writeAtOnce(held, server.deps.config, clock.now()) });
      // Meanwhile another process sweeps: it neither waits for the held rows nor takes them.
      expect((await server.sweeper.sweepNow()).auto_close).toMatchObject({ claimed: 2, done: 2 });
      await expectClosedOnce(tickets.slice(2));
    } finally {
      await held.rollback().execute(); // the holder dies before its commit
    }
    expect((await server.sweeper.sweepNow()).auto_close).toMatchObject({ claimed: 2, done: 2 });
    await expectClosedOnce(tickets);
  });

  it('a sweep with nothing due writes nothing but, at most once a minute, when it looked; the due indexes answer it', async () => {
    clock.advance(sweeperDefaults.heartbeatMs);
    const before = await jobRunOf(server, 'pending_reminder');
    expect(await server.sweeper.sweepNow()).toEqual({
      inbound_mail: { claimed: 0, done: 0, skipped: 0, failed: 0, retried: 0, error: null },
      auto_close: { claimed: 0, done: 0, skipped: 0, failed: 0, retried: 0, error: null },
      pending_reminder: { claimed: 0, done: 0, skipped: 0, failed: 0, retried: 0, error: null },
      sla_warning: { claimed: 0, done: 0, skipped: 0, failed: 0, retried: 0, error: null },
      escalation: { claimed: 0, done: 0, skipped: 0, failed: 0, retried: 0, error: null },
    });
    const after = await jobRunOf(server, 'pending_reminder');
    expect(after?.total_runs ?? 0).toBe(before?.total_runs ?? 0);
    expect(after?.last_checked_at).toEqual(clock.now());
    clock.advance(SECOND);
    await server.sweeper.sweepNow();
    expect((await jobRunOf(server, 'pending_reminder'))?.last_checked_at).toEqual(after?.last_checked_at);

    // Whatever the planner picks for a table this small, each "anything due?" can be one index probe.
    for (const [column, index] of [
      ['auto_close_at', 'tickets_auto_close_due'],
      ['reminder_due_at', 'tickets_reminder_due'],
      ['sla_warning_at', 'tickets_sla_warning'],
      ['escalation_due_at', 'tickets_escalation_due'],
    ] as const) {
      const plan = await server.deps.db.connection().execute(async (c) => {
        await sql`set enable_seqscan = off`.execute(c);
        try {
          return (await sql<{ 'QUERY PLAN': string }>`explain select id from tickets where ${sql.ref(column)} <= ${clock.now()} limit 1`.execute(c)).rows.map((r) => r['QUERY PLAN']).join('\n');
        } finally {
          await sql`reset enable_seqscan`.execute(c);
        }
      });
      expect(plan, plan).toContain(index);
    }
  });

  it('GET /api/v1/admin/jobs lists every duty to admins (403 for agents)', async () => {
    const res = await jobs(admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((j) => j.duty)).toEqual(['inbound_mail', 'auto_close', 'pending_reminder', 'sla_warning', 'escalation']);
    expect(res.body.sweep_interval_ms).toBe(0);
    const denied = await jobs(agent);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('runs by itself in a server started with CAREDESK_SWEEP_INTERVAL_MS', async () => {
    const own = createManualClock(clock.now());
    const ticking = await startTestServer({ clock: own, env: { ...longSessions, CAREDESK_SWEEP_INTERVAL_MS: '20' } });
    try {
      const { admin: boss } = await createWorkspace(ticking.url);
      await setAutoClosePeriod(boss, 5);
      const ticket = await createTicket(boss);
      await resolveTicket(boss, ticket.number);
      own.advance(5 * SECOND);
      const deadline = Date.now() + 10_000;
      while ((await getTicket(boss, ticket.number)).status !== 'closed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await getTicket(boss, ticket.number)).toMatchObject({ status: 'closed', close_reason: 'auto' });
      expect((await boss.get('/api/v1/admin/jobs')).body.sweep_interval_ms).toBe(20);
    } finally {
      await ticking.close();
    }
  });
});
