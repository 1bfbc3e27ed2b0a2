import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { mailsTo, signInToPortal } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { Ticket } from '../../contract/tickets.ts';
import { createManualClock } from '../platform/clock.ts';
import { dueTimesOf, getTicket, historyOf, holdTicket, longSessions, resolveTicket, setAutoClosePeriod, sweepInBatches } from './sweeper.testing.ts';

const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;
const WEEK = 7 * DAY;

describe('auto-close (the sweeper closes tickets whose customer stayed silent)', () => {
  const clock = createManualClock(new Date('2026-05-04T10:00:00.000Z'));
  let server: TestServer;
  let admin: ApiClient;
  let agent: ApiClient;
  let slug: string;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: longSessions });
    ({ admin, slug } = await createWorkspace(server.url));
    agent = (await createAgent(admin)).client;
  });
  afterAll(() => server?.close());

  const sweep = () => sweepInBatches(server);
  const stats = async () => (await admin.get('/api/v1/tickets/stats')).body as { closed: number; auto_closed: number; resolved: number };
  const statusOf = async (t: Ticket) => (await getTicket(admin, t.number)).status;

  it("closes a resolved ticket once the workspace's period (7 days by default) passes, not before: reason auto, a System event, the customer's mail, the Auto-closed tile", async () => {
    const email = 'rina.silent@example.com';
    const ticket = await createTicket(admin, { customer: { name: 'Rina Silent', email } });
    await resolveTicket(agent, ticket.number);
    const before = await stats();

    clock.advance(WEEK - SECOND);
    await sweep();
    expect(await statusOf(ticket)).toBe('resolved');

    clock.advance(SECOND);
    const report = await sweep();
    expect(report.auto_close).toMatchObject({ done: 1, failed: 0, error: null });
    const closed = await getTicket(admin, ticket.number);
    expect(closed).toMatchObject({ status: 'closed', close_reason: 'auto', closed_at: clock.now().toISOString() });
    const last = (await historyOf(admin, ticket.number)).at(-1);
    expect(last).toMatchObject({ type: 'closed', actor: { kind: 'system', id: null, name: 'System' }, before: { status: 'resolved' }, after: { status: 'closed', close_reason: 'auto' } });
    expect(await mailsTo(server, email, 'ticket_closed')).toHaveLength(1);
    expect(await stats()).toMatchObject({ auto_closed: before.auto_closed + 1, closed: before.closed, resolved: before.resolved - 1 });
    expect(await dueTimesOf(server, ticket.id)).toMatchObject({ auto_close_at: null });

    clock.advance(WEEK);
    await sweep();
    expect((await historyOf(admin, ticket.number)).filter((e) => e.type === 'closed')).toHaveLength(1);
    expect(await mailsTo(server, email, 'ticket_closed')).toHaveLength(1);
  });

  it('closes a ticket on hold waiting on the customer, and leaves one waiting on a third party or internally', async () => {
    const onCustomer = await createTicket(admin);
    const onCourier = await createTicket(admin);
    const onUs = await createTicket(admin);
    await holdTicket(agent, onCustomer.number, 'customer');
    await holdTicket(agent, onCourier.number, 'third_party');
    await holdTicket(agent, onUs.number, 'internal');
    clock.advance(WEEK);
    await sweep();
    expect(await getTicket(admin, onCustomer.number)).toMatchObject({ status: 'closed', close_reason: 'auto' });
    expect(await statusOf(onCourier)).toBe('pending');
    expect(await statusOf(onUs)).toBe('pending');
  });

  it("starts the period again after the customer's note: the note opens the ticket, the next resolve counts from then", async () => {
    const ticket = await createTicket(admin);
    await resolveTicket(agent, ticket.number);
    clock.advance(6 * DAY);
    const customer = await signInToPortal(server, slug, ticket.customer_user.email as string);
    const note = await customer.post(`/api/v1/portal/${slug}/tickets/${ticket.number}/notes`, { body: 'The new jug leaks too.' });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    expect(await statusOf(ticket)).toBe('open');
    expect(await dueTimesOf(server, ticket.id)).toMatchObject({ auto_close_at: null });
    await resolveTicket(agent, ticket.number);

    clock.advance(WEEK - SECOND); // 13 days after the first resolve
    await sweep();
    expect(await statusOf(ticket)).toBe('resolved');
    clock.advance(SECOND);
    await sweep();
    expect(await getTicket(admin, ticket.number)).toMatchObject({ status: 'closed', close_reason: 'auto' });
  });

  it('counts a period given in seconds: 5 s after resolving, not 4', async () => {
    await setAutoClosePeriod(admin, 5);
    try {
      const ticket = await createTicket(admin);
      await resolveTicket(agent, ticket.number);
      clock.advance(4 * SECOND);
      await sweep();
      expect(await statusOf(ticket)).toBe('resolved');
      clock.advance(SECOND);
      await sweep();
      expect(await getTicket(admin, ticket.number)).toMatchObject({ status: 'closed', close_reason: 'auto' });
    } finally {
      await setAutoClosePeriod(admin, WEEK / SECOND);
    }
  });

  it('closes nothing while the period is 0, not even tickets resolved before auto-close was turned off', async () => {
    await setAutoClosePeriod(admin, 5);
    const scheduled = await createTicket(admin);
    await resolveTicket(agent, scheduled.number);
    await setAutoClosePeriod(admin, 0);
    try {
      const unscheduled = await createTicket(admin);
      await resolveTicket(agent, unscheduled.number);
      expect(await dueTimesOf(server, unscheduled.id)).toMatchObject({ auto_close_at: null });

      clock.advance(30 * DAY);
      const report = await sweep();
      expect(report.auto_close).toMatchObject({ claimed: 1, done: 0, skipped: 1 });
      expect(await statusOf(scheduled)).toBe('resolved');
      expect(await statusOf(unscheduled)).toBe('resolved');
      expect(await dueTimesOf(server, scheduled.id)).toMatchObject({ auto_close_at: null });
    } finally {
      await setAutoClosePeriod(admin, WEEK / SECOND);
    }
  });

  it('applies a changed period from the next resolve or hold, as documented', async () => {
    await setAutoClosePeriod(admin, 60);
    try {
      const ticket = await createTicket(admin);
      await resolveTicket(agent, ticket.number);
      await setAutoClosePeriod(admin, 3600);
      clock.advance(60 * SECOND);
      await sweep();
      expect(await getTicket(admin, ticket.number)).toMatchObject({ status: 'closed', close_reason: 'auto' });
    } finally {
      await setAutoClosePeriod(admin, WEEK / SECOND);
    }
  });
});
