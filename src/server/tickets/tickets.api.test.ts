import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contract/auth.ts';
import type { CustomerUser } from '../../contract/customers.ts';
import type { Message, Ticket, TicketEvent, TicketStats } from '../../contract/tickets.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { buildTicket, createAgent, createApiKey, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { createManualClock } from '../platform/clock.ts';

// One server and one workspace for the file; the clock is ours so years and times are exact.
const clock = createManualClock(new Date('2026-03-10T09:00:00.000Z'));
let server: TestServer;
let admin: ApiClient;
let adminId: number;
let agentA: { client: ApiClient; id: number };
let agentB: { client: ApiClient; id: number };
let integration: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ clock });
  ({ admin } = await createWorkspace(server.url));
  adminId = (await admin.get<Me>('/api/v1/auth/me')).body.agent.id;
  agentA = await createAgent(admin, { name: 'Agent Anna' });
  agentB = await createAgent(admin, { name: 'Agent Bima' });
  integration = await createApiKey(admin);
});
afterAll(async () => {
  await server?.close();
});

const unique = () => Math.random().toString(36).slice(2, 10);
const seqOf = (number: string) => Number(number.slice(4));
const stats = async () => (await admin.get<TicketStats>('/api/v1/tickets/stats')).body;
const getTicket = async (number: string) => (await admin.get<Ticket>(`/api/v1/tickets/${number}`)).body;
async function history(number: string): Promise<TicketEvent[]> {
  const events: TicketEvent[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: TicketEvent[]; next_cursor: string | null } } = await admin.get(`/api/v1/tickets/${number}/history?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    events.push(...res.body.items);
    cursor = res.body.next_cursor;
  } while (cursor);
  return events;
}
async function customerUsersWith(email: string): Promise<CustomerUser[]> {
  const res = await admin.get<{ items: CustomerUser[] }>(`/api/v1/customer-users?search=${encodeURIComponent(email)}&limit=200`);
  return res.body.items.filter((u) => u.email?.toLowerCase() === email.toLowerCase());
}

describe('creating tickets', () => {
  it('an agent creates a ticket numbered YYYY + 4-digit sequence, reported by that agent, on the phone channel', async () => {
    const res = await agentA.client.post<Ticket>('/api/v1/tickets', buildTicket({ priority: 'high' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const t = res.body;
    expect(t.number).toMatch(/^2026\d{4}$/);
    expect(t).toMatchObject({ status: 'new', priority: 'high', channel: 'phone', source: null, version: 1, reporter: { id: agentA.id, name: 'Agent Anna' } });
    expect(t.category?.name).toBe('Damage');
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/v1/tickets/${t.number}`);
    expect(await getTicket(t.number)).toEqual(t);
  });

  it('an API key creates tickets with no reporter on the api channel, recorded as the integration', async () => {
    const t = await createTicket(integration);
    expect(t.reporter).toBeNull();
    expect(t.channel).toBe('api');
    const [created] = await history(t.number);
    expect(created.type).toBe('created');
    expect(created.actor.kind).toBe('integration');
    expect(typeof created.actor.id).toBe('number');
    expect(created.actor.name).toMatch(/^key /);
  });

  it('keeps an explicit channel and lower-cases the source', async () => {
    const t = await createTicket(integration, { channel: 'marketplace', source: 'eBay' });
    expect(t).toMatchObject({ channel: 'marketplace', source: 'ebay' });
  });

  it('creates a customer user for an inline customer nobody knows yet', async () => {
    const email = `new-${unique()}@shop.test`;
    const t = await createTicket(admin, { customer: { name: 'Nadia Putri', email, phone: '+62 811 0000 0001' } });
    expect(t.customer_user).toMatchObject({ name: 'Nadia Putri', email, phone: '+62 811 0000 0001' });
    const users = await customerUsersWith(email);
    expect(users.map((u) => u.id)).toEqual([t.customer_user?.id]);
  });

  it('matches an inline customer to the existing customer user by email, whatever its case', async () => {
    const email = `known-${unique()}@shop.test`;
    const known = (await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'Known Person', email })).body;
    const t = await createTicket(admin, { customer: { name: 'Typed Differently', email: email.toUpperCase() } });
    expect(t.customer_user?.id).toBe(known.id);
    expect(t.customer_user?.name).toBe('Known Person');
    expect(await customerUsersWith(email)).toHaveLength(1);
  });

  it('matches an inline customer by phone in any formatting when no email matches', async () => {
    const known = (await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'Phone Person', phone: '+62 813-7000-1234' })).body;
    for (const phone of ['+62 (813) 7000 1234', '+6281370001234', ' +62.813.7000.1234 ']) {
      const t = await createTicket(admin, { customer: { name: 'Caller', phone } });
      expect(t.customer_user?.id, phone).toBe(known.id);
    }
    const withEmail = await createTicket(admin, { customer: { name: 'Caller', email: `nobody-${unique()}@shop.test`, phone: '+62-813-7000-1234' } });
    expect(withEmail.customer_user?.id).toBe(known.id);
  });

  it('prefers the email match over the phone match', async () => {
    const byEmail = (await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'E', email: `e-${unique()}@shop.test` })).body;
    await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'P', email: `p-${unique()}@shop.test`, phone: '+1 202 555 0147' });
    const t = await createTicket(admin, { customer: { name: 'Both', email: byEmail.email, phone: '+1 (202) 555-0147' } });
    expect(t.customer_user?.id).toBe(byEmail.id);
  });

  it('takes customer_user_id and the customer (company) of that user', async () => {
    const company = (await admin.post('/api/v1/customers', { name: `PT ${unique()}` })).body;
    const user = (await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'Rina', email: `rina-${unique()}@shop.test`, customer_id: company.id })).body;
    const { customer: _omit, ...body } = buildTicket();
    const res = await admin.post<Ticket>('/api/v1/tickets', { ...body, customer_user_id: user.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.customer_user?.id).toBe(user.id);
    expect(res.body.customer).toEqual({ id: company.id, name: company.name });
  });

  it('resolves category and department by id or name and assigns on create', async () => {
    const dept = (await admin.post('/api/v1/departments', { name: `Returns ${unique()}` })).body;
    const categories = (await admin.get('/api/v1/categories')).body.items as { id: number; name: string }[];
    const billing = categories.find((c) => c.name === 'Billing');
    const t = await createTicket(admin, { category: billing?.id, department: dept.name.toUpperCase(), assignee: agentB.id });
    expect(t.category).toEqual({ id: billing?.id, name: 'Billing' });
    expect(t.department).toEqual({ id: dept.id, name: dept.name });
    expect(t.assignee).toEqual({ id: agentB.id, name: 'Agent Bima' });
    const byName = await createTicket(admin, { category: 'billing', department: dept.id });
    expect(byName.category?.id).toBe(billing?.id);
  });
});

describe('ticket numbers', () => {
  it('sequential creates get strictly increasing numbers', async () => {
    const a = await createTicket(admin);
    const b = await createTicket(admin);
    const c = await createTicket(integration);
    expect(seqOf(b.number)).toBeGreaterThan(seqOf(a.number));
    expect(seqOf(c.number)).toBeGreaterThan(seqOf(b.number));
  });

  it('50 concurrent creates get 50 distinct numbers above every earlier one', async () => {
    const before = await createTicket(admin);
    const shared = `crowd-${unique()}@shop.test`;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? agentA.client : integration).post<Ticket>(
          '/api/v1/tickets',
          // Half of them name the same new customer at once: one customer user must come of it.
          buildTicket(i % 5 === 0 ? { customer: { name: 'Crowd', email: shared } } : { subject: `Concurrent ${i}` }),
        ),
      ),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const seqs = results.map((r) => seqOf(r.body.number));
    expect(new Set(seqs).size).toBe(50);
    expect(Math.min(...seqs)).toBeGreaterThan(seqOf(before.number));
    expect(results.every((r) => /^2026\d{4}$/.test(r.body.number))).toBe(true);
    expect(await customerUsersWith(shared)).toHaveLength(1);
    const after = await createTicket(admin);
    expect(seqOf(after.number)).toBeGreaterThan(Math.max(...seqs));
  });

  it('a failed create does not hand its number to anybody later, and concurrent failures do not disturb the rest', async () => {
    const first = await createTicket(admin);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => admin.post<Ticket>('/api/v1/tickets', buildTicket(i % 3 === 0 ? { department: 987_654 } : {}))),
    );
    const ok = results.filter((r) => r.status === 201);
    expect(results.filter((r) => r.status === 404)).toHaveLength(7);
    expect(ok).toHaveLength(13);
    const seqs = ok.map((r) => seqOf(r.body.number));
    expect(new Set(seqs).size).toBe(13);
    expect(Math.min(...seqs)).toBeGreaterThan(seqOf(first.number));
    const last = await createTicket(admin);
    expect(seqOf(last.number)).toBeGreaterThan(Math.max(...seqs));
  });

  it('takes the year in the workspace time zone around New Year', async () => {
    const saved = clock.now();
    try {
      expect((await admin.patch('/api/v1/settings', { time_zone: 'Asia/Jakarta' })).status).toBe(200);
      clock.set(new Date('2025-12-31T17:30:00.000Z')); // 00:30 on Jan 1 in Jakarta
      expect((await createTicket(admin)).number).toMatch(/^2026\d{4}$/);
      clock.set(new Date('2025-12-31T16:30:00.000Z')); // 23:30 on Dec 31 in Jakarta
      expect((await createTicket(admin)).number).toMatch(/^2025\d{4}$/);
    } finally {
      clock.set(saved);
      expect((await admin.patch('/api/v1/settings', { time_zone: 'UTC' })).status).toBe(200);
    }
  });
});

describe('Idempotency-Key', () => {
  it('the same key and body twice create one ticket and answer the same', async () => {
    const key = `idem-${unique()}`;
    const body = buildTicket({ subject: 'Idempotent create' });
    const before = (await stats()).total;
    const first = await integration.post<Ticket>('/api/v1/tickets', body, { 'idempotency-key': key });
    const second = await integration.post<Ticket>('/api/v1/tickets', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.number).toBe(first.body.number);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await stats()).total).toBe(before + 1);
    const listed = await admin.get<{ items: Ticket[] }>(`/api/v1/tickets?number=${first.body.number}`);
    expect(listed.body.items).toHaveLength(1);
  });

  it('the same key with a different body is refused with 422 and creates nothing', async () => {
    const key = `idem-${unique()}`;
    expect((await integration.post('/api/v1/tickets', buildTicket({ subject: 'One' }), { 'idempotency-key': key })).status).toBe(201);
    const before = (await stats()).total;
    const res = await integration.post('/api/v1/tickets', buildTicket({ subject: 'Two' }), { 'idempotency-key': key });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unprocessable');
    expect((await stats()).total).toBe(before);
  });

  it('concurrent requests with one key create one ticket', async () => {
    const key = `idem-${unique()}`;
    const body = buildTicket({ subject: 'Raced' });
    const before = (await stats()).total;
    const results = await Promise.all(Array.from({ length: 6 }, () => integration.post<Ticket>('/api/v1/tickets', body, { 'idempotency-key': key })));
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(new Set(results.map((r) => r.body.number)).size).toBe(1);
    expect((await stats()).total).toBe(before + 1);
  });

  it('a failed create does not burn the key', async () => {
    const key = `idem-${unique()}`;
    expect((await integration.post('/api/v1/tickets', buildTicket({ department: 987_654 }), { 'idempotency-key': key })).status).toBe(404);
    const ok = await integration.post<Ticket>('/api/v1/tickets', buildTicket(), { 'idempotency-key': key });
    expect(ok.status).toBe(201);
  });
});

describe('reading and changing a ticket', () => {
  it('GET answers the ticket with its version as ETag; unknown numbers are 404, malformed ones 400', async () => {
    const t = await createTicket(admin);
    const res = await admin.get<Ticket>(`/api/v1/tickets/${t.number}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${t.version}"`);
    expect((await admin.get('/api/v1/tickets/19990001')).status).toBe(404);
    expect((await admin.get('/api/v1/tickets/not$a$number')).status).toBe(400);
  });

  it('PATCH with a stale If-Match is 412 and changes nothing', async () => {
    const t = await createTicket(admin, { priority: 'low' });
    const ok = await admin.patch<Ticket>(`/api/v1/tickets/${t.number}`, { priority: 'medium' }, { 'if-match': `"${t.version}"` });
    expect(ok.status).toBe(200);
    const eventsBefore = await history(t.number);
    const stale = await admin.patch(`/api/v1/tickets/${t.number}`, { priority: 'urgent' }, { 'if-match': `"${t.version}"` });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    const now = await getTicket(t.number);
    expect(now.priority).toBe('medium');
    expect(now.version).toBe(t.version + 1);
    expect(await history(t.number)).toEqual(eventsBefore);
  });

  it('PATCH with a fresh If-Match (quoted, weak or bare) is 200 and bumps the version by one', async () => {
    const t = await createTicket(admin, { priority: 'low' });
    const r1 = await admin.patch<Ticket>(`/api/v1/tickets/${t.number}`, { priority: 'high' }, { 'if-match': `"${t.version}"` });
    expect(r1.status).toBe(200);
    expect(r1.body.version).toBe(t.version + 1);
    expect(r1.headers.get('etag')).toBe(`"${t.version + 1}"`);
    const r2 = await admin.patch<Ticket>(`/api/v1/tickets/${t.number}`, { priority: 'urgent' }, { 'if-match': `W/"${r1.body.version}"` });
    expect(r2.body.version).toBe(t.version + 2);
    const r3 = await admin.patch<Ticket>(`/api/v1/tickets/${t.number}`, { priority: 'low' }, { 'if-match': String(r2.body.version) });
    expect(r3.body.version).toBe(t.version + 3);
    expect((await admin.patch(`/api/v1/tickets/${t.number}`, { priority: 'high' }, { 'if-match': 'banana' })).status).toBe(400);
  });

  it('a PATCH that changes nothing writes no event and keeps the version', async () => {
    const t = await createTicket(admin, { priority: 'high', category: 'Damage', assignee: agentA.id, tags: ['vip'] });
    const eventsBefore = await history(t.number);
    const res = await admin.patch<Ticket>(`/api/v1/tickets/${t.number}`, { priority: 'high', category: 'damage', assignee: agentA.id, tags: ['vip'], subject: t.subject });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(t.version);
    expect(await history(t.number)).toEqual(eventsBefore);
    expect((await admin.patch(`/api/v1/tickets/${t.number}`, {})).status).toBe(400);
  });

  it('a PATCH records before and after of what changed, with names for category and department', async () => {
    const dept = (await admin.post('/api/v1/departments', { name: `Billing desk ${unique()}` })).body;
    const t = await createTicket(admin, { priority: 'low', category: 'Damage' });
    expect((await admin.post('/api/v1/ticket-fields', { key: 'size', type: 'text', labels: { en: 'Size' } })).status).toBe(201);
    const res = await agentA.client.patch<Ticket>(`/api/v1/tickets/${t.number}`, { priority: 'urgent', category: 'Billing', department: dept.id, order_number: 'ORD-1', tags: ['a', 'a', 'b'], custom_fields: { size: 'XL' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ priority: 'urgent', category: { name: 'Billing' }, department: { id: dept.id }, order_number: 'ORD-1', tags: ['a', 'b'], custom_fields: { size: 'XL' } });
    const updated = (await history(t.number)).at(-1);
    expect(updated?.type).toBe('updated');
    expect(updated?.actor).toEqual({ kind: 'agent', id: agentA.id, name: 'Agent Anna' });
    expect(updated?.before).toMatchObject({ priority: 'low', category: 'Damage', department: null, order_number: null, tags: [] });
    expect(updated?.after).toMatchObject({ priority: 'urgent', category: 'Billing', department: dept.name, order_number: 'ORD-1', tags: ['a', 'b'] });
  });

  it('assign and unassign are events of their own; unknown or deactivated assignees are refused', async () => {
    const t = await createTicket(admin);
    const assigned = await admin.patch<Ticket>(`/api/v1/tickets/${t.number}`, { assignee: agentB.id });
    expect(assigned.body.assignee).toEqual({ id: agentB.id, name: 'Agent Bima' });
    const unassigned = await admin.patch<Ticket>(`/api/v1/tickets/${t.number}`, { assignee: null });
    expect(unassigned.body.assignee).toBeNull();
    expect((await admin.patch(`/api/v1/tickets/${t.number}`, { assignee: null })).body.version).toBe(unassigned.body.version);
    const events = (await history(t.number)).slice(1);
    expect(events.map((e) => e.type)).toEqual(['assigned', 'unassigned']);
    expect(events[0].before).toEqual({ assignee_id: null, assignee: null });
    expect(events[0].after).toMatchObject({ assignee_id: agentB.id, assignee: 'Agent Bima' });
    expect(events[1].before).toEqual({ assignee_id: agentB.id, assignee: 'Agent Bima' });
    expect(events[1].after).toMatchObject({ assignee_id: null });
    const missing = await admin.patch(`/api/v1/tickets/${t.number}`, { assignee: 987_654 });
    expect(missing.status).toBe(404);
    const gone = await createAgent(admin);
    expect((await admin.patch(`/api/v1/agents/${gone.id}`, { is_active: false })).status).toBe(200);
    expect((await admin.patch(`/api/v1/tickets/${t.number}`, { assignee: gone.id })).status).toBe(400);
    expect((await getTicket(t.number)).version).toBe(unassigned.body.version);
  });
});

describe('ticket lock', () => {
  it('a ticket locked by agent A refuses agent B (409 locked) but not A or an admin, until unlocked', async () => {
    const t = await createTicket(admin);
    const locked = await agentA.client.post<Ticket>(`/api/v1/tickets/${t.number}/lock`);
    expect(locked.status).toBe(200);
    expect(locked.body.locked_by).toEqual({ id: agentA.id, name: 'Agent Anna' });
    expect(locked.body.locked_at).toBe(clock.now().toISOString());

    const refusals = [
      await agentB.client.patch(`/api/v1/tickets/${t.number}`, { priority: 'urgent' }),
      await agentB.client.post(`/api/v1/tickets/${t.number}/transitions`, { to: 'open' }),
      await agentB.client.post(`/api/v1/tickets/${t.number}/messages`, { body: 'Hello', visibility: 'public' }),
      await agentB.client.post(`/api/v1/tickets/${t.number}/lock`),
      await agentB.client.post(`/api/v1/tickets/${t.number}/unlock`),
    ];
    for (const r of refusals) {
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error.code).toBe('locked');
    }
    expect((await getTicket(t.number)).version).toBe(locked.body.version);

    expect((await agentA.client.patch(`/api/v1/tickets/${t.number}`, { priority: 'high' })).status).toBe(200);
    expect((await admin.patch(`/api/v1/tickets/${t.number}`, { priority: 'urgent' })).status).toBe(200);
    expect((await admin.post(`/api/v1/tickets/${t.number}/transitions`, { to: 'open' })).status).toBe(200);
    expect((await admin.post(`/api/v1/tickets/${t.number}/messages`, { body: 'Admin here', visibility: 'internal' })).status).toBe(201);

    const unlocked = await agentA.client.post<Ticket>(`/api/v1/tickets/${t.number}/unlock`);
    expect(unlocked.body.locked_by).toBeNull();
    expect((await agentB.client.patch(`/api/v1/tickets/${t.number}`, { priority: 'low' })).status).toBe(200);
    const types = (await history(t.number)).map((e) => e.type);
    expect(types.filter((x) => x === 'locked' || x === 'unlocked')).toEqual(['locked', 'unlocked']);
  });

  it('an admin may take over a lock; API keys cannot lock', async () => {
    const t = await createTicket(admin);
    await agentA.client.post(`/api/v1/tickets/${t.number}/lock`);
    const taken = await admin.post<Ticket>(`/api/v1/tickets/${t.number}/lock`);
    expect(taken.status).toBe(200);
    expect(taken.body.locked_by?.id).toBe(adminId);
    expect((await agentA.client.patch(`/api/v1/tickets/${t.number}`, { priority: 'low' })).status).toBe(409);
    expect((await integration.post(`/api/v1/tickets/${t.number}/lock`)).status).toBe(403);
    const again = await admin.post<Ticket>(`/api/v1/tickets/${t.number}/lock`);
    expect(again.body.version).toBe(taken.body.version); // locking what you hold changes nothing
  });
});

describe('messages', () => {
  it('public replies and internal notes are kept in order; the first public agent reply sets first_responded_at', async () => {
    const t = await createTicket(admin);
    const note = await agentA.client.post<Message>(`/api/v1/tickets/${t.number}/messages`, { body: 'Checking stock', visibility: 'internal' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: 'note', visibility: 'internal', body: 'Checking stock', author: { kind: 'agent', id: agentA.id, name: 'Agent Anna' } });
    expect((await getTicket(t.number)).first_responded_at).toBeNull();

    const firstReplyAt = new Date(clock.now().getTime() + 60_000);
    clock.set(firstReplyAt);
    const reply = await agentA.client.post<Message>(`/api/v1/tickets/${t.number}/messages`, { body: 'We will replace it.' });
    expect(reply.body).toMatchObject({ kind: 'reply', visibility: 'public' });
    expect((await getTicket(t.number)).first_responded_at).toBe(firstReplyAt.toISOString());

    clock.advance(60_000);
    await agentB.client.post(`/api/v1/tickets/${t.number}/messages`, { body: 'Second reply', visibility: 'public' });
    expect((await getTicket(t.number)).first_responded_at).toBe(firstReplyAt.toISOString());

    const list = await admin.get<{ items: Message[] }>(`/api/v1/tickets/${t.number}/messages`);
    expect(list.body.items.map((m) => [m.kind, m.body])).toEqual([
      ['note', 'Checking stock'],
      ['reply', 'We will replace it.'],
      ['reply', 'Second reply'],
    ]);
    expect((await history(t.number)).slice(1).map((e) => e.type)).toEqual(['note_added', 'replied', 'replied']);
  });

  it('refuses empty, oversized and malformed messages', async () => {
    const t = await createTicket(admin);
    expect((await admin.post(`/api/v1/tickets/${t.number}/messages`, { body: '   ' })).status).toBe(400);
    expect((await admin.post(`/api/v1/tickets/${t.number}/messages`, { body: 'x', visibility: 'secret' })).status).toBe(400);
    expect((await admin.post(`/api/v1/tickets/${t.number}/messages`, { body: 'x', extra: 1 })).status).toBe(400);
    expect((await admin.post(`/api/v1/tickets/${t.number}/messages`, { body: 'x'.repeat(100 * 1024 + 1) })).status).toBe(413);
    expect((await admin.post('/api/v1/tickets/19990001/messages', { body: 'x' })).status).toBe(404);
    expect((await admin.post(`/api/v1/tickets/${t.number}/messages`, { body: 'x' }, { 'if-match': `"${t.version + 5}"` })).status).toBe(412);
    expect((await admin.get<{ items: Message[] }>(`/api/v1/tickets/${t.number}/messages`)).body.items).toEqual([]);
  });
});

describe('history', () => {
  it('lists every change with the actor (kind, id, name) and before/after', async () => {
    const t = await createTicket(agentA.client, { priority: 'low', category: 'Damage' });
    await agentA.client.patch(`/api/v1/tickets/${t.number}`, { priority: 'high' });
    await admin.patch(`/api/v1/tickets/${t.number}`, { assignee: agentA.id });
    await agentA.client.post(`/api/v1/tickets/${t.number}/lock`);
    await agentA.client.post(`/api/v1/tickets/${t.number}/transitions`, { to: 'open' });
    await agentA.client.post(`/api/v1/tickets/${t.number}/messages`, { body: 'Reply' });
    await agentA.client.post(`/api/v1/tickets/${t.number}/unlock`);
    await integration.post(`/api/v1/tickets/${t.number}/messages`, { body: 'From the shop system', visibility: 'internal' });

    const events = await history(t.number);
    expect(events.map((e) => e.type)).toEqual(['created', 'updated', 'assigned', 'locked', 'opened', 'replied', 'unlocked', 'note_added']);
    const anna = { kind: 'agent', id: agentA.id, name: 'Agent Anna' };
    expect(events[0]).toMatchObject({ actor: anna, before: null, after: { number: t.number, status: 'new', priority: 'low', channel: 'phone', category: 'Damage' } });
    expect(events[1]).toMatchObject({ actor: anna, before: { priority: 'low' }, after: { priority: 'high' } });
    expect(events[2].actor).toEqual({ kind: 'agent', id: adminId, name: 'Ada Admin' });
    expect(events[3]).toMatchObject({ actor: anna, before: { locked_by: null }, after: { locked_by: agentA.id } });
    expect(events[4]).toMatchObject({ actor: anna, before: { status: 'new' }, after: { status: 'open' } });
    expect(events[6]).toMatchObject({ before: { locked_by: agentA.id }, after: { locked_by: null } });
    expect(events[7].actor.kind).toBe('integration');
    for (const e of events) expect(Date.parse(e.created_at)).not.toBeNaN();
    const ids = events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});

describe('refusing bad requests', () => {
  const post = (body: unknown, client: ApiClient = admin) => client.post('/api/v1/tickets', body);

  it('names an unknown field in a 400', async () => {
    const res = await post({ ...buildTicket(), colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(JSON.stringify(res.body.error)).toContain('colour');
    const nested = await post(buildTicket({ customer: { name: 'X', email: 'x@shop.test', twitter: '@x' } }));
    expect(nested.status).toBe(400);
    expect(JSON.stringify(nested.body.error)).toContain('twitter');
  });

  it('refuses wrong types and values with 400', async () => {
    for (const overrides of [
      { subject: 5 },
      { priority: 'extreme' },
      { channel: 'pigeon' },
      { tags: 'vip' },
      { assignee: 'someone' },
      { customer: 'Budi' },
      { customer: { name: 'No contact' } },
      { customer: { name: 'X', email: 'not-an-email' } },
      { custom_fields: { 'Bad Key': 1 } },
      { source: 'e bay!' },
      { description: 42 },
    ]) {
      const res = await post(buildTicket(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
  });

  it('refuses an empty subject and one over 300 characters; 300 is fine', async () => {
    expect((await post(buildTicket({ subject: '' }))).status).toBe(400);
    expect((await post(buildTicket({ subject: '    ' }))).status).toBe(400);
    const { subject: _s, ...noSubject } = buildTicket();
    expect((await post(noSubject)).status).toBe(400);
    expect((await post(buildTicket({ subject: 's'.repeat(301) }))).status).toBe(400);
    expect((await post(buildTicket({ subject: 's'.repeat(300) }))).status).toBe(201);
  });

  it('refuses a description over 100 kB with 413, counted in bytes; exactly 100 kB is fine', async () => {
    expect((await post(buildTicket({ description: 'd'.repeat(100 * 1024) }))).status).toBe(201);
    const tooLong = await post(buildTicket({ description: 'd'.repeat(100 * 1024 + 1) }));
    expect(tooLong.status).toBe(413);
    expect(tooLong.body.error.code).toBe('too_large');
    expect((await post(buildTicket({ description: 'é'.repeat(51_201) }))).status).toBe(413); // 102,402 bytes
  });

  it('refuses a request body over 1 MB with 413', async () => {
    const res = await post(buildTicket({ description: 'd'.repeat(1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
  });

  it('unknown category, department, assignee or customer user ids are 404 and write nothing', async () => {
    const before = await stats();
    for (const overrides of [{ category: 987_654 }, { category: 'No Such Category' }, { department: 987_654 }, { department: 'Nowhere' }, { assignee: 987_654 }]) {
      const email = `ghost-${unique()}@shop.test`;
      const res = await post(buildTicket({ ...overrides, customer: { name: 'Ghost', email } }));
      expect(res.status, JSON.stringify(overrides)).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      expect(await customerUsersWith(email), 'no customer user left behind').toEqual([]);
    }
    const { customer: _c, ...body } = buildTicket();
    expect((await post({ ...body, customer_user_id: 987_654 })).status).toBe(404);
    expect(await stats()).toEqual(before);
  });

  it('refuses customer together with customer_user_id with 400', async () => {
    const user = (await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'Both', email: `both-${unique()}@shop.test` })).body;
    const res = await post(buildTicket({ customer_user_id: user.id }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('customer');
  });

  it('refuses malformed JSON with 400', async () => {
    const malformed = await admin.request('POST', '/api/v1/tickets', '{"subject": "x",', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation_error');
  });

  it('refuses a form or XML body with 415', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'application/xml']) {
      const res = await admin.request('POST', '/api/v1/tickets', 'subject=x', { 'content-type': type });
      expect(res.status, type).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
    }
  });

  it('refuses a text/plain body with 415, not as a validation error of a string body', async () => {
    const text = await admin.request('POST', '/api/v1/tickets', JSON.stringify(buildTicket()), { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses a retired category with 400', async () => {
    const legacy = (await admin.post('/api/v1/categories', { name: `Legacy ${unique()}` })).body;
    expect((await admin.patch(`/api/v1/categories/${legacy.id}`, { retired: true })).status).toBe(200);
    const res = await post(buildTicket({ category: legacy.id }));
    expect(res.status).toBe(400);
  });

  it('refuses missing or bad credentials with 401', async () => {
    const anonymous = await server.anonymous().post('/api/v1/tickets', buildTicket());
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    const badKey = await server.anonymous().post('/api/v1/tickets', buildTicket(), { authorization: 'Bearer cdk_nonsense' });
    expect(badKey.status).toBe(401);
    for (const path of ['/api/v1/tickets', '/api/v1/tickets/stats', '/api/v1/tickets/20260001', '/api/v1/tickets/20260001/history']) {
      expect((await server.anonymous().get(path)).status, path).toBe(401);
    }
  });
});
