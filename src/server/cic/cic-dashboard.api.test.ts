import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CicDashboard, WidgetPage } from '../../contract/cic.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { createManualClock } from '../platform/clock.ts';

const HOUR = 3600_000;
const clock = createManualClock(new Date('2025-03-03T02:00:00.000Z'));
let server: TestServer;
let admin: ApiClient;
let key: ApiClient;
let agent1: Awaited<ReturnType<typeof createAgent>>;
let agent2: Awaited<ReturnType<typeof createAgent>>;
let customer: number;
let otherCustomer: number;
let u1: number;
let u2: number;
let u3: number;
let loner: number;
/** Ticket ids by name: t1…t11 as the setup below describes them. */
const t: Record<string, { id: number; number: string }> = {};

async function post(client: ApiClient, path: string, body: Record<string, unknown> = {}, status = 201) {
  const res = await client.post(path, body);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

async function ticket(name: string, customerUserId: number, department: number, then: Array<Record<string, unknown>> = []) {
  clock.advance(60_000);
  const created = await createTicket(admin, { customer: undefined, customer_user_id: customerUserId, department, category: undefined, subject: `Ticket ${name}` });
  for (const body of then) await post(admin, `/api/v1/tickets/${created.number}/transitions`, body, 200);
  t[name] = { id: created.id, number: created.number };
}

beforeAll(async () => {
  server = await startTestServer({ clock, env: { CAREDESK_SIGNUP: 'open' } });
  ({ admin } = await createWorkspace(server.url));
  key = await createApiKey(admin);
  const d1 = (await post(admin, '/api/v1/departments', { name: 'Returns' })).id;
  const d2 = (await post(admin, '/api/v1/departments', { name: 'Billing' })).id;
  agent1 = await createAgent(admin, { department_ids: [d1] });
  agent2 = await createAgent(admin, { department_ids: [d2] });
  customer = (await post(admin, '/api/v1/customers', { name: 'Acme Corp', customer_code: 'ACME' })).id;
  otherCustomer = (await post(admin, '/api/v1/customers', { name: 'Other Ltd' })).id;
  u1 = (await post(admin, '/api/v1/customer-users', { name: 'Budi', email: 'budi@example.com', customer_id: customer })).id;
  u2 = (await post(admin, '/api/v1/customer-users', { name: 'Siti', phone: '+62 811 1111 2222', customer_id: customer })).id;
  u3 = (await post(admin, '/api/v1/customer-users', { name: 'Other person', email: 'other@example.com', customer_id: otherCustomer })).id;
  loner = (await post(admin, '/api/v1/customer-users', { name: 'No tickets', email: 'none@example.com', customer_id: customer, valid: false })).id;
  const now = clock.now().getTime();
  const hold = (hours: number) => ({ to: 'pending', reason: 'Waiting for photos', waiting_on: 'customer', pending_until: new Date(now + hours * HOUR).toISOString() });
  await ticket('t1', u1, d1);
  await ticket('t2', u1, d2);
  await ticket('t3', u1, d1, [{ to: 'open' }]);
  await ticket('t4', u1, d1, [hold(2)]);
  await ticket('t5', u1, d1, [hold(72)]);
  await ticket('t6', u1, d1, [{ to: 'resolved', resolution: 'Refunded' }]);
  await ticket('t7', u1, d2, [{ to: 'resolved', resolution: 'Refunded' }, { to: 'closed' }]);
  await ticket('t8', u2, d2, [{ to: 'open' }]);
  await ticket('t9', u2, d2, [hold(20)]);
  await ticket('t10', u3, d1);
  await ticket('t11', u3, d1, [hold(1)]);
  for (const name of ['t3', 't4']) await post(agent1.client, `/api/v1/tickets/${t[name].number}/lock`, {}, 200);
  await post(agent2.client, `/api/v1/tickets/${t.t9.number}/lock`, {}, 200);
  // Due times are filled by the SLA issue; until then the test sets them in the database.
  const at = clock.now().getTime();
  const escalate = async (name: string, offset: number) =>
    server.deps.db.updateTable('tickets').set({ escalation_at: new Date(at + offset) }).where('id', '=', t[name].id).execute();
  await escalate('t3', -1 * HOUR);
  await escalate('t8', -2 * HOUR);
  await escalate('t6', -3 * HOUR);
  await escalate('t2', 1 * HOUR);
  await escalate('t10', -1 * HOUR);
});
afterAll(async () => {
  await server?.close();
});

type Refusal = { error?: { code: string; message: string; details: Array<{ field: string }> } };
const widget = (client: ApiClient, path: string) => client.get<WidgetPage & Refusal>(path);
async function widgetIds(client: ApiClient, path: string) {
  const res = await widget(client, path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const names = Object.fromEntries(Object.entries(t).map(([name, v]) => [v.id, name]));
  return { counts: res.body.counts, items: res.body.items.map((x) => names[x.id]) };
}

describe('dashboards', () => {
  it("counts a customer's tickets by status and lists its users with their open and closed counts", async () => {
    const res = await admin.get<CicDashboard>(`/api/v1/customers/${customer}/dashboard`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.subject).toEqual({ kind: 'customer', id: customer, name: 'Acme Corp', customer_code: 'ACME' });
    expect(res.body.status_counts).toEqual({ new: 2, open: 2, pending: 3, resolved: 1, closed: 1 });
    expect(res.body.customer_users).toEqual([
      { id: u1, name: 'Budi', email: 'budi@example.com', phone: null, valid: true, bounced_at: null, bounce_reason: null, open_tickets: 5, closed_tickets: 2 },
      { id: u2, name: 'Siti', email: null, phone: '+62 811 1111 2222', valid: true, bounced_at: null, bounce_reason: null, open_tickets: 2, closed_tickets: 0 },
      { id: loner, name: 'No tickets', email: 'none@example.com', phone: null, valid: false, bounced_at: null, bounce_reason: null, open_tickets: 0, closed_tickets: 0 },
    ]);
  });

  it("shows a customer user's own counts and just them as the customer users", async () => {
    const res = await key.get<CicDashboard>(`/api/v1/customer-users/${u1}/dashboard`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.subject).toEqual({ kind: 'customer_user', id: u1, name: 'Budi', customer: { id: customer, name: 'Acme Corp' } });
    expect(res.body.status_counts).toEqual({ new: 2, open: 1, pending: 2, resolved: 1, closed: 1 });
    expect(res.body.customer_users).toEqual([{ id: u1, name: 'Budi', email: 'budi@example.com', phone: null, valid: true, bounced_at: null, bounce_reason: null, open_tickets: 5, closed_tickets: 2 }]);
  });

  it('answers 404 for ids that are not in the workspace, also those of another workspace', async () => {
    const other = await createWorkspace(server.url, undefined, 'signup');
    const foreignCustomer = (await other.admin.post('/api/v1/customers', { name: 'Foreign' })).body.id;
    const foreignUser = (await other.admin.post('/api/v1/customer-users', { name: 'Foreign', email: 'f@example.com' })).body.id;
    for (const path of [
      `/api/v1/customers/${foreignCustomer}/dashboard`,
      `/api/v1/customer-users/${foreignUser}/dashboard`,
      `/api/v1/customers/${foreignCustomer}/dashboard/new`,
      `/api/v1/customer-users/${foreignUser}/dashboard/open?filter=all`,
      '/api/v1/customers/987654/dashboard',
      '/api/v1/customer-users/987654/dashboard',
    ]) {
      const res = await admin.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });
});

describe('ticket widgets', () => {
  const base = () => `/api/v1/customers/${customer}/dashboard`;

  it('reminder: pending tickets due within 24 hours or past, soonest first, with each filter counted', async () => {
    expect(await widgetIds(agent1.client, `${base()}/reminder`)).toEqual({ counts: { my_locked: 1, my_departments: 1, all: 2 }, items: ['t4', 't9'] });
    expect(await widgetIds(agent1.client, `${base()}/reminder?filter=my_locked`)).toMatchObject({ items: ['t4'] });
    expect(await widgetIds(agent2.client, `${base()}/reminder?filter=my_departments`)).toEqual({ counts: { my_locked: 1, my_departments: 1, all: 2 }, items: ['t9'] });
    // Two days on, t4 and t9 are past and t5 (due in 3 days then) is within the next 24 hours.
    clock.advance(48 * HOUR);
    try {
      expect(await widgetIds(agent1.client, `${base()}/reminder`)).toEqual({ counts: { my_locked: 1, my_departments: 2, all: 3 }, items: ['t4', 't9', 't5'] });
    } finally {
      clock.advance(-48 * HOUR);
    }
  });

  it('escalated: tickets not resolved or closed whose escalation time has passed, earliest first', async () => {
    expect(await widgetIds(agent1.client, `${base()}/escalated`)).toEqual({ counts: { my_locked: 1, my_departments: 1, all: 2 }, items: ['t8', 't3'] });
    expect(await widgetIds(agent2.client, `${base()}/escalated?filter=my_departments`)).toEqual({ counts: { my_locked: 0, my_departments: 1, all: 2 }, items: ['t8'] });
    expect(await widgetIds(agent2.client, `${base()}/escalated?filter=my_locked`)).toMatchObject({ items: [] });
    const page = await widget(agent1.client, `${base()}/escalated`);
    expect(page.body.items.every((x) => x.is_overdue)).toBe(true);
  });

  it('new and open: by status, newest first, filtered by my locks and my departments', async () => {
    expect(await widgetIds(agent1.client, `${base()}/new`)).toEqual({ counts: { my_locked: 0, my_departments: 1, all: 2 }, items: ['t2', 't1'] });
    expect(await widgetIds(agent1.client, `${base()}/new?filter=my_departments`)).toMatchObject({ items: ['t1'] });
    expect(await widgetIds(agent2.client, `${base()}/new?filter=my_departments`)).toMatchObject({ items: ['t2'] });
    expect(await widgetIds(agent1.client, `${base()}/open`)).toEqual({ counts: { my_locked: 1, my_departments: 1, all: 2 }, items: ['t8', 't3'] });
    expect(await widgetIds(agent1.client, `${base()}/open?filter=my_locked`)).toMatchObject({ items: ['t3'] });
    expect(await widgetIds(agent2.client, `${base()}/open?filter=my_locked`)).toMatchObject({ counts: { my_locked: 0, my_departments: 1, all: 2 }, items: [] });
  });

  it("shows a customer user's own tickets only", async () => {
    expect(await widgetIds(agent1.client, `/api/v1/customer-users/${u1}/dashboard/new`)).toMatchObject({ items: ['t2', 't1'] });
    expect(await widgetIds(agent1.client, `/api/v1/customer-users/${u2}/dashboard/open`)).toMatchObject({ items: ['t8'] });
    expect(await widgetIds(agent1.client, `/api/v1/customer-users/${u3}/dashboard/reminder`)).toEqual({ counts: { my_locked: 0, my_departments: 1, all: 1 }, items: ['t11'] });
    expect(await widgetIds(agent1.client, `/api/v1/customer-users/${u3}/dashboard/escalated`)).toMatchObject({ items: ['t10'] });
  });

  it('gives full ticket objects, as the ticket API does', async () => {
    const res = await widget(agent1.client, `${base()}/open?filter=my_locked`);
    const full = await agent1.client.get(`/api/v1/tickets/${t.t3.number}`);
    expect(res.body.items[0]).toEqual(full.body);
  });

  it('pages through a widget with the cursor, every ticket once, counts on every page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof widget>> = await widget(agent1.client, `${base()}/new?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.counts.all).toBe(2);
      seen.push(...res.body.items.map((x) => x.number));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([t.t2.number, t.t1.number]);
    const reminders: number[] = [];
    cursor = null;
    do {
      const res: Awaited<ReturnType<typeof widget>> = await widget(agent1.client, `${base()}/reminder?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      reminders.push(...res.body.items.map((x) => x.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(reminders).toEqual([t.t4.id, t.t9.id]);
  });

  it('answers API keys for filter=all (their own counts 0) and refuses my_locked and my_departments with 400', async () => {
    expect(await widgetIds(key, `${base()}/open`)).toEqual({ counts: { my_locked: 0, my_departments: 0, all: 2 }, items: ['t8', 't3'] });
    for (const filter of ['my_locked', 'my_departments']) {
      const res = await widget(key, `${base()}/open?filter=${filter}`);
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toContain('signed-in agent');
      expect(res.body.error?.details[0].field).toBe('querystring.filter');
    }
  });

  it('refuses an unknown widget, filter, limit or cursor with 400 naming the field', async () => {
    for (const [path, field] of [
      [`${base()}/archived`, 'params.widget'],
      [`${base()}/new?filter=mine`, 'querystring.filter'],
      [`${base()}/new?limit=0`, 'querystring.limit'],
      [`${base()}/new?cursor=nonsense`, 'querystring.cursor'],
      [`${base()}/new?cursor=${Buffer.from(JSON.stringify(['yesterday', 3])).toString('base64url')}`, 'querystring.cursor'],
      [`/api/v1/customers/abc/dashboard`, 'params.id'],
    ]) {
      const res = await agent1.client.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.details[0].field, path).toBe(field);
    }
  });
});
