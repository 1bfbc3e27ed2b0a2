import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { Ticket } from '../../contract/tickets.ts';
import { createManualClock } from '../platform/clock.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { pendingReminderDuty } from './pending-reminder.duty.ts';
import { startSweeper } from './sweeper.ts';
import { dueTimesOf, historyOf, holdTicket, longSessions, moveTicket, silentLog, sweepInBatches } from './sweeper.testing.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('pending reminders (the sweeper tells the owner when pending_until comes)', () => {
  const clock = createManualClock(new Date('2026-05-04T10:00:00.000Z'));
  let server: TestServer;
  let admin: ApiClient;
  let assignee: { client: ApiClient; id: number; email: string };
  let members: { client: ApiClient; id: number; email: string }[];
  let departmentId: number;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { ...longSessions, CAREDESK_SIGNUP: 'open' } });
    ({ admin } = await createWorkspace(server.url));
    assignee = await createAgent(admin, { name: 'Ana Assignee' });
    members = [await createAgent(admin, { name: 'Ben Member' }), await createAgent(admin, { name: 'Cleo Member' })];
    const dept = await admin.post('/api/v1/departments', { name: 'Returns', member_ids: members.map((m) => m.id) });
    expect(dept.status, JSON.stringify(dept.body)).toBe(201);
    departmentId = dept.body.id;
  });
  afterAll(() => server?.close());

  const sweep = () => sweepInBatches(server);
  const inFuture = (ms: number) => new Date(clock.now().getTime() + ms);
  /** The pending reminders each agent got of the ticket, by agent id. */
  async function remindersOf(ticket: Ticket): Promise<Record<number, number>> {
    const rows = await server.deps.db.selectFrom('notifications').select('agent_id').where('ticket_id', '=', ticket.id).where('kind', '=', 'pending_reminder').execute();
    const counts: Record<number, number> = {};
    for (const r of rows) counts[r.agent_id] = (counts[r.agent_id] ?? 0) + 1;
    return counts;
  }
  const reminderEvents = async (ticket: Ticket) => (await historyOf(admin, ticket.number)).filter((e) => e.type === 'reminded');

  it('reminds the assignee once at pending_until, not before, with a history event by System', async () => {
    const ticket = await createTicket(admin, { department: departmentId, assignee: assignee.id });
    const until = inFuture(HOUR);
    await holdTicket(admin, ticket.number, 'third_party', until);

    clock.advance(HOUR - MINUTE);
    await sweep();
    expect(await remindersOf(ticket)).toEqual({});

    clock.advance(MINUTE);
    expect((await sweep()).pending_reminder).toMatchObject({ done: 1, failed: 0 });
    expect(await remindersOf(ticket)).toEqual({ [assignee.id]: 1 });
    const events = await reminderEvents(ticket);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: { kind: 'system', id: null, name: 'System' }, after: { pending_until: until.toISOString() } });
    const inbox = await assignee.client.get('/api/v1/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'pending_reminder', ticket: { number: ticket.number }, actor_name: 'System' });

    clock.advance(HOUR);
    expect((await sweep()).pending_reminder).toMatchObject({ claimed: 0 });
    expect(await remindersOf(ticket)).toEqual({ [assignee.id]: 1 });
    expect(await reminderEvents(ticket)).toHaveLength(1);
  });

  it("reminds the department's members while nobody is assigned", async () => {
    const ticket = await createTicket(admin, { department: departmentId });
    await holdTicket(admin, ticket.number, 'customer', inFuture(HOUR));
    clock.advance(HOUR);
    await sweep();
    expect(await remindersOf(ticket)).toEqual({ [members[0].id]: 1, [members[1].id]: 1 });
  });

  it('is armed again by a new pending_until: a replaced one never fires, each hold reminds once', async () => {
    const ticket = await createTicket(admin, { assignee: assignee.id });
    await holdTicket(admin, ticket.number, 'third_party', inFuture(HOUR));
    clock.advance(30 * MINUTE);
    await moveTicket(admin, ticket.number, { to: 'open' });
    await holdTicket(admin, ticket.number, 'third_party', inFuture(2 * HOUR));
    expect(await dueTimesOf(server, ticket.id)).toMatchObject({ reminder_due_at: inFuture(2 * HOUR) });

    clock.advance(HOUR); // past the first pending_until
    await sweep();
    expect(await remindersOf(ticket)).toEqual({});
    clock.advance(HOUR);
    await sweep();
    expect(await remindersOf(ticket)).toEqual({ [assignee.id]: 1 });

    await moveTicket(admin, ticket.number, { to: 'open' });
    await holdTicket(admin, ticket.number, 'internal', inFuture(HOUR));
    clock.advance(HOUR);
    await sweep();
    await sweep();
    expect(await remindersOf(ticket)).toEqual({ [assignee.id]: 2 });
    expect(await reminderEvents(ticket)).toHaveLength(2);
  });

  it('is disarmed by leaving pending before pending_until', async () => {
    const ticket = await createTicket(admin, { assignee: assignee.id });
    await holdTicket(admin, ticket.number, 'third_party', inFuture(HOUR));
    await moveTicket(admin, ticket.number, { to: 'resolved' });
    expect(await dueTimesOf(server, ticket.id)).toMatchObject({ reminder_due_at: null });
    clock.advance(2 * HOUR);
    await sweep();
    expect(await remindersOf(ticket)).toEqual({});
  });

  it('reminds each ticket once while two sweepers (on PostgreSQL: two connection pools, as two processes) sweep at the same moment', async () => {
    const tickets: Ticket[] = [];
    for (let i = 0; i < 24; i++) {
      const ticket = await createTicket(admin, { assignee: assignee.id, subject: `Parcel ${i}` });
      await holdTicket(admin, ticket.number, 'third_party', inFuture(HOUR + i * 1000));
      tickets.push(ticket);
    }
    clock.advance(2 * HOUR);
    const other: Database | null = server.databaseUrl ? await openDatabase({ databaseUrl: server.databaseUrl, poolSize: 4 }) : null;
    const sweepers = [server.deps, other ? { ...server.deps, database: other, db: other.db } : server.deps].map((deps) =>
      startSweeper(deps, { log: silentLog, intervalMs: 0, batchSize: 3, duties: [pendingReminderDuty] }),
    );
    try {
      const reports = await Promise.all(sweepers.map((s) => s.sweepNow()));
      expect(reports.reduce((n, r) => n + r.pending_reminder.done, 0)).toBe(tickets.length);
      expect(reports.reduce((n, r) => n + r.pending_reminder.failed, 0)).toBe(0);
      for (const ticket of tickets) {
        expect(await remindersOf(ticket), ticket.number).toEqual({ [assignee.id]: 1 });
        expect(await reminderEvents(ticket), ticket.number).toHaveLength(1);
      }
      expect((await Promise.all(sweepers.map((s) => s.sweepNow()))).map((r) => r.pending_reminder.claimed)).toEqual([0, 0]);
    } finally {
      await Promise.all(sweepers.map((s) => s.stop()));
      await other?.close();
    }
  });

  it('one batch of reminders in two workspaces tells each its own people, in the app and by mail', async () => {
    const other = await createWorkspace(server.url, undefined, 'signup');
    const otherAssignee = await createAgent(other.admin, { name: 'Ana Elsewhere' });
    const otherMember = await createAgent(other.admin, { name: 'Ben Elsewhere' });
    const otherDept = await other.admin.post('/api/v1/departments', { name: 'Returns', member_ids: [otherMember.id] });
    expect(otherDept.status, JSON.stringify(otherDept.body)).toBe(201);
    for (const agent of [assignee, members[0], otherAssignee, otherMember]) {
      expect((await agent.client.patch('/api/v1/auth/me', { email_notifications: true })).status).toBe(200);
    }
    // Alternating workspaces, assigned and not, all due at one instant: one batch claims them all.
    const until = inFuture(HOUR);
    const tickets: { ticket: Ticket; told: { id: number; email: string }[] }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const here = await createTicket(admin, { department: departmentId, ...(i % 2 ? {} : { assignee: assignee.id }) });
      const there = await createTicket(other.admin, { department: otherDept.body.id, ...(i % 2 ? { assignee: otherAssignee.id } : {}) });
      await holdTicket(admin, here.number, 'third_party', until);
      await holdTicket(other.admin, there.number, 'third_party', until);
      tickets.push({ ticket: here, told: i % 2 ? members : [assignee] }, { ticket: there, told: i % 2 ? [otherAssignee] : [otherMember] });
    }
    clock.advance(HOUR);
    expect((await sweep()).pending_reminder).toMatchObject({ claimed: 6, done: 6, failed: 0, retried: 0 });
    for (const { ticket, told } of tickets) {
      expect(await remindersOf(ticket), ticket.number).toEqual(Object.fromEntries(told.map((a) => [a.id, 1])));
      const mails = await server.deps.db.selectFrom('outbox').select(['to_address', 'org_id']).where('ticket_id', '=', ticket.id).where('template', '=', 'agent_notification').where('created_at', '>=', clock.now()).execute();
      const mailed = told.filter((a) => [assignee.id, members[0].id, otherAssignee.id, otherMember.id].includes(a.id));
      expect(mails.map((m) => m.to_address).sort(), ticket.number).toEqual(mailed.map((a) => a.email).sort());
    }
  });
});
