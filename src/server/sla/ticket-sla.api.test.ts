import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketSla } from '../../contract/sla.ts';
import type { Ticket } from '../../contract/tickets.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { signInToPortal } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { createManualClock } from '../platform/clock.ts';

// Berlin office hours, Monday to Friday 08:00–17:00; 2026-06-01 is a Monday.
const at = (text: string, zone = 'Europe/Berlin') => DateTime.fromISO(text, { zone }).toJSDate();
const iso = (text: string, zone?: string) => at(text, zone).toISOString();
const clock = createManualClock(at('2026-06-01T08:00'));
const officeHours = [{ start: '08:00', end: '17:00' }];

let server: TestServer;
let admin: ApiClient;
let slug: string;
let agent: { client: ApiClient; id: number };
let returns: number;
let billing: number;
let quiet: number;
const policies: Record<string, number> = {};

async function created<T = any>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}
const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
const slaOf = async (number: string) => created<TicketSla>(admin.get(`/api/v1/tickets/${number}/sla`), 200);
const ticketOf = async (number: string) => created<Ticket>(admin.get(`/api/v1/tickets/${number}`), 200);
const setClock = (text: string) => clock.set(at(text));
/** A ticket without category, created now by the agent (channel phone unless given). */
const newTicket = (overrides: Record<string, unknown> = {}): Promise<Ticket> => createTicket(agent.client, { category: undefined, ...overrides });

beforeAll(async () => {
  server = await startTestServer({ clock });
  const ws = await createWorkspace(server.url);
  ({ admin, slug } = ws);
  agent = await createAgent(admin, { name: 'Agent Lina' });
  returns = (await created(admin.post('/api/v1/departments', { name: 'Returns' }))).id;
  billing = (await created(admin.post('/api/v1/departments', { name: 'Billing' }))).id;
  quiet = (await created(admin.post('/api/v1/departments', { name: 'Quiet desk' }))).id;
  const office = await created(admin.post('/api/v1/calendars', { name: 'Berlin office', time_zone: 'Europe/Berlin', hours: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours } }));
  await created(put(admin, '/api/v1/calendars/default', { calendar_id: office.id }), 200);
  const policy = async (name: string, body: Record<string, unknown>) => {
    policies[name] = (await created(admin.post('/api/v1/sla-policies', { name, ...body }))).id;
  };
  await policy('Urgent', { priorities: ['urgent'], first_response_seconds: 30 * 60, resolution_seconds: 4 * 3600 });
  await policy('Returns desk', { department_ids: [returns], first_response_seconds: 3600 });
  await policy('Email', { channels: ['email'], first_response_seconds: 4 * 3600, next_response_seconds: 3600 });
  await policy('Standard', { first_response_seconds: 2 * 3600, resolution_seconds: 8 * 3600, warning_percent: 80 });
});
afterAll(async () => {
  await server?.close();
});

describe('due times of new tickets', () => {
  it('the first active policy whose lists match sets the targets: by priority, by department, by channel, else the catch-all', async () => {
    setClock('2026-06-01T08:00');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ priority: 'urgent', department: returns, channel: 'email' }, 'Urgent', '2026-06-01T08:30'],
      [{ department: returns, channel: 'email' }, 'Returns desk', '2026-06-01T09:00'],
      [{ channel: 'email' }, 'Email', '2026-06-01T12:00'],
      [{ department: billing }, 'Standard', '2026-06-01T10:00'],
    ];
    for (const [body, name, due] of cases) {
      const t = await newTicket(body);
      expect(t.first_response_due_at, name).toBe(iso(due));
      expect(t.escalation_at, name).toBe(iso(due));
      expect((await slaOf(t.number)).policy, name).toEqual({ id: policies[name], name });
    }
  });

  it('counts business hours of the workspace calendar: created Friday 16:00 with 2 h is due Monday 09:00, the 8 h resolution Monday 15:00', async () => {
    setClock('2026-06-05T16:00');
    const t = await newTicket();
    expect(t).toMatchObject({ first_response_due_at: iso('2026-06-08T09:00'), resolution_due_at: iso('2026-06-08T15:00'), escalation_at: iso('2026-06-08T09:00') });
    // The warning is 80% into the first-response target: 1 h 36 after the start, Monday 08:36.
    expect((await slaOf(t.number)).warning_at).toBe(iso('2026-06-08T08:36'));
  });

  it("a department's calendar overrides the workspace's; with no calendar at all time counts 24×7", async () => {
    const jakarta = await created(admin.post('/api/v1/calendars', { name: 'Jakarta', time_zone: 'Asia/Jakarta', hours: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours } }));
    await created(put(admin, `/api/v1/departments/${billing}/calendar`, { calendar_id: jakarta.id }), 200);
    // 08:00 in Berlin is 13:00 in Jakarta: 2 h on is 15:00 Jakarta time.
    setClock('2026-06-01T08:00');
    expect((await newTicket({ department: billing })).first_response_due_at).toBe(iso('2026-06-01T15:00', 'Asia/Jakarta'));
    await created(put(admin, `/api/v1/departments/${billing}/calendar`, { calendar_id: null }), 200);
    await created(put(admin, '/api/v1/calendars/default', { calendar_id: null }), 200);
    try {
      setClock('2026-06-06T23:00');
      expect((await newTicket({ department: billing })).first_response_due_at).toBe(iso('2026-06-07T01:00'));
    } finally {
      await created(put(admin, '/api/v1/calendars/default', { calendar_id: (await created(admin.get('/api/v1/calendars'), 200)).items.find((c: { name: string }) => c.name === 'Berlin office').id }), 200);
    }
  });
});

describe('changes of a ticket', () => {
  it('created 08:00 with a 2 h target is due 10:00; on hold at 09:00; the customer replies at 10:05 → due 11:05', async () => {
    setClock('2026-06-01T08:00');
    const email = `pause-${Date.now()}@example.com`;
    const t = await newTicket({ department: quiet, customer: { name: 'Rina', email } });
    expect(t.first_response_due_at).toBe(iso('2026-06-01T10:00'));
    const customer = await signInToPortal(server, slug, email);
    setClock('2026-06-01T09:00');
    const held = await created<Ticket>(agent.client.post(`/api/v1/tickets/${t.number}/transitions`, { to: 'pending', reason: 'Waiting for photos', waiting_on: 'customer' }), 200);
    expect(held.escalation_at).toBeNull();
    expect((await slaOf(t.number)).paused_at).toBe(iso('2026-06-01T09:00'));
    // Long past the old due time, the held ticket is not overdue: its clock stands still.
    setClock('2026-06-01T10:05');
    expect(await overdueNumbers(quiet)).not.toContain(t.number);
    await created(customer.post(`/api/v1/portal/${slug}/tickets/${t.number}/notes`, { body: 'Here are the photos' }));
    const after = await ticketOf(t.number);
    // The 8 h resolution moves on by the same 65 minutes: from 16:00 past the close, to Tuesday 08:05.
    expect(after).toMatchObject({ status: 'open', first_response_due_at: iso('2026-06-01T11:05'), escalation_at: iso('2026-06-01T11:05'), resolution_due_at: iso('2026-06-02T08:05') });
    expect(await slaOf(t.number)).toMatchObject({ paused_at: null, paused_seconds: 65 * 60 });
  });

  it('a priority change recomputes the due times from creation with the policy that matches now', async () => {
    setClock('2026-06-01T08:00');
    const t = await newTicket({ department: quiet });
    expect(t.first_response_due_at).toBe(iso('2026-06-01T10:00'));
    setClock('2026-06-01T08:10');
    const urgent = await created<Ticket>(agent.client.patch(`/api/v1/tickets/${t.number}`, { priority: 'urgent' }), 200);
    expect(urgent).toMatchObject({ first_response_due_at: iso('2026-06-01T08:30'), resolution_due_at: iso('2026-06-01T12:00'), escalation_at: iso('2026-06-01T08:30'), version: t.version + 1 });
    expect((await slaOf(t.number)).policy?.name).toBe('Urgent');
    const back = await created<Ticket>(agent.client.patch(`/api/v1/tickets/${t.number}`, { priority: 'low', department: returns }), 200);
    expect(back.first_response_due_at).toBe(iso('2026-06-01T09:00'));
    expect((await slaOf(t.number)).policy?.name).toBe('Returns desk');
  });

  it('the first public agent reply stamps first_responded_at and the minutes taken; resolve stamps the resolution and clears escalation_at', async () => {
    setClock('2026-06-01T08:00');
    const t = await newTicket({ department: quiet });
    setClock('2026-06-01T08:30');
    await created(agent.client.post(`/api/v1/tickets/${t.number}/messages`, { body: 'Checking with the warehouse', visibility: 'internal' }));
    expect((await slaOf(t.number)).first_responded_at).toBeNull();
    setClock('2026-06-01T09:30');
    await created(agent.client.post(`/api/v1/tickets/${t.number}/messages`, { body: 'A new jug is on its way', visibility: 'public' }));
    expect(await slaOf(t.number)).toMatchObject({ first_responded_at: iso('2026-06-01T09:30'), first_response_seconds_taken: 90 * 60, first_response_seconds_over: -30 * 60, escalation_at: iso('2026-06-01T16:00') });
    setClock('2026-06-02T10:00');
    const resolved = await created<Ticket>(agent.client.post(`/api/v1/tickets/${t.number}/transitions`, { to: 'resolved', resolution: 'Replaced' }), 200);
    expect(resolved.escalation_at).toBeNull();
    // Monday 08:00–17:00 and Tuesday 08:00–10:00: 11 h against 8 h.
    expect(await slaOf(t.number)).toMatchObject({ resolution_seconds_taken: 11 * 3600, resolution_seconds_over: 3 * 3600 });
    const row = await server.deps.db.selectFrom('tickets').select(['first_response_seconds_taken', 'resolution_seconds_over']).where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ first_response_seconds_taken: 5400, resolution_seconds_over: 10_800 });
  });

  it("a customer's note after the first reply starts the next-response clock; the agent's public answer clears it", async () => {
    setClock('2026-06-01T08:00');
    const email = `next-${Date.now()}@example.com`;
    const t = await newTicket({ channel: 'email', customer: { name: 'Sari', email } });
    const customer = await signInToPortal(server, slug, email);
    setClock('2026-06-01T09:00');
    await created(agent.client.post(`/api/v1/tickets/${t.number}/messages`, { body: 'Could you send the order number?' }));
    expect((await ticketOf(t.number)).escalation_at).toBeNull();
    setClock('2026-06-01T16:30');
    await created(customer.post(`/api/v1/portal/${slug}/tickets/${t.number}/notes`, { body: 'It is ORD-1' }));
    // One business hour from 16:30: 30 minutes today, 30 tomorrow.
    expect(await ticketOf(t.number)).toMatchObject({ next_response_due_at: iso('2026-06-02T08:30'), escalation_at: iso('2026-06-02T08:30') });
    setClock('2026-06-02T08:10');
    await created(agent.client.post(`/api/v1/tickets/${t.number}/messages`, { body: 'Thanks, refund is on its way' }));
    expect(await ticketOf(t.number)).toMatchObject({ next_response_due_at: null, escalation_at: null });
  });
});

async function overdueNumbers(department: number): Promise<string[]> {
  const res = await admin.get(`/api/v1/tickets?status=overdue&department=${department}&limit=200`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((t: Ticket) => t.number);
}

describe('overdue', () => {
  it('a ticket shows in the overdue filter, the stats and the Escalated widget once the clock passes its due time', async () => {
    const desk = (await created(admin.post('/api/v1/departments', { name: 'Overdue desk' }))).id;
    setClock('2026-06-03T08:00');
    const t = await newTicket({ department: desk, customer: { name: 'Dewi', email: `overdue-${Date.now()}@example.com` } });
    expect(t.escalation_at).toBe(iso('2026-06-03T10:00'));
    const escalated = async () => (await created(agent.client.get(`/api/v1/customer-users/${t.customer_user?.id}/dashboard/escalated`), 200)).items.map((x: Ticket) => x.number);
    setClock('2026-06-03T09:59');
    expect(await overdueNumbers(desk)).toEqual([]);
    expect((await created(admin.get(`/api/v1/tickets/stats?department=${desk}`), 200)).overdue).toBe(0);
    expect(await escalated()).toEqual([]);
    setClock('2026-06-03T10:01');
    expect(await overdueNumbers(desk)).toEqual([t.number]);
    expect((await created(admin.get(`/api/v1/tickets/stats?department=${desk}`), 200)).overdue).toBe(1);
    expect((await ticketOf(t.number)).is_overdue).toBe(true);
    expect(await escalated()).toEqual([t.number]);
    // Answered, the resolution is due at 16:00: no longer overdue.
    await created(agent.client.post(`/api/v1/tickets/${t.number}/messages`, { body: 'On it' }));
    expect(await overdueNumbers(desk)).toEqual([]);
    expect((await slaOf(t.number)).escalation_at).toBe(iso('2026-06-03T16:00'));
  });
});
