import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, priorities, statuses } from '../src/contract/tickets.ts';
import { seedDemo } from '../src/server/demo/seed-demo.ts';
import { seededCategories } from '../src/server/workspaces/workspaces.repository.ts';
import { ApiClient } from './helpers/client.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

// `npm run demo` (CAREDESK_DEMO=1): one seeded workspace that shows every state the product has.
describe('demo workspace', () => {
  let server: TestServer;
  let admin: ApiClient;
  let tickets: any[];
  const printed: string[] = [];

  const countRows = async (sql: string) =>
    server.deps.database.withRawClient(async (c) => Number((await c.query<{ n: number | string }>(sql))[0].n));

  beforeAll(async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      server = await startTestServer({ env: { CAREDESK_DEMO: '1' } });
    } finally {
      write.mockRestore();
    }
    admin = server.anonymous();
    const login = await admin.post('/api/v1/auth/login', { email: 'admin@demo.caredesk.test', password: 'demo-password' });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    tickets = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await admin.get(`/api/v1/tickets?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      tickets.push(...res.body.items);
      cursor = res.body.next_cursor;
    } while (cursor);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  it('prints the sign-in line once', () => {
    expect(printed.filter((l) => l.includes('Demo workspace ready: sign in as admin@demo.caredesk.test / demo-password'))).toHaveLength(1);
  });

  it('has about 300 tickets over the last 90 days, numbered in creation order', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(250);
    const now = Date.now();
    for (const t of tickets) {
      expect(new Date(t.created_at).getTime()).toBeGreaterThan(now - 91 * 86_400_000);
      expect(new Date(t.created_at).getTime()).toBeLessThanOrEqual(now);
    }
    const byNumber = [...tickets].sort((a, b) => a.number.localeCompare(b.number));
    const created = byNumber.map((t) => new Date(t.created_at).getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('covers every status, close reason, resolver, channel, source, category and priority', async () => {
    const seen = (f: (t: any) => unknown) => new Set(tickets.map(f));
    expect([...seen((t) => t.status)].sort()).toEqual([...statuses].sort());
    expect(seen((t) => t.close_reason)).toEqual(new Set([null, 'manual', 'auto', 'rejected']));
    expect(tickets.some((t) => t.status === 'resolved' && t.resolved_by === 'customer')).toBe(true);
    expect(tickets.some((t) => t.status === 'resolved' && /^\d+$/.test(t.resolved_by ?? ''))).toBe(true);
    expect([...seen((t) => t.channel)].sort()).toEqual([...channels].sort());
    expect(seen((t) => (t.channel === 'review' ? t.source : null))).toEqual(new Set([null, 'google', 'facebook', 'tripadvisor']));
    expect(seen((t) => (t.channel === 'marketplace' ? t.source : null))).toEqual(new Set([null, 'website', 'ebay', 'amazon', 'b2b']));
    expect([...seen((t) => t.category?.name)].sort()).toEqual([...seededCategories].sort());
    expect([...seen((t) => t.priority)].sort()).toEqual([...priorities].sort());
    const pending = tickets.filter((t) => t.status === 'pending');
    expect(pending.every((t) => t.pending_reason && t.waiting_on)).toBe(true);
    expect(seen((t) => t.waiting_on)).toEqual(new Set([null, 'customer', 'third_party', 'internal']));
    expect(tickets.some((t) => t.order_number)).toBe(true);
    expect(tickets.some((t) => t.transaction_ref)).toBe(true);
    expect(tickets.some((t) => t.review_ref)).toBe(true);
    expect(tickets.some((t) => t.customer)).toBe(true);
    expect(tickets.some((t) => t.locked_by)).toBe(true);
    expect(new Set(tickets.map((t) => t.customer_user?.id)).size).toBeGreaterThanOrEqual(40);
    // Still-resolved tickets are younger than the auto-close period, as the job would leave them.
    const week = 7 * 86_400_000;
    expect(tickets.filter((t) => t.status === 'resolved').every((t) => Date.now() - new Date(t.resolved_at).getTime() < week)).toBe(true);
  });

  it('has agents, departments with members, and customers', async () => {
    const agents = await admin.get('/api/v1/agents');
    expect(agents.status).toBe(200);
    expect(agents.body.items.length).toBeGreaterThanOrEqual(7);
    const departments = await admin.get('/api/v1/departments');
    const items = departments.body.items;
    expect(items.map((d: any) => d.name).sort()).toEqual(['Billing', 'Customer Service', 'Logistics', 'Returns']);
    expect(items.every((d: any) => d.member_ids.length >= 2)).toBe(true);
    expect(await countRows(`select count(*) as n from customer_users cu join workspaces w using (org_id) where w.slug = 'demo'`)).toBeGreaterThanOrEqual(55);
  });

  it('stats equal a recount of the tickets', async () => {
    const stats = await admin.get('/api/v1/tickets/stats');
    expect(stats.status).toBe(200);
    const count = (f: (t: any) => boolean) => tickets.filter(f).length;
    expect(stats.body).toMatchObject({
      new: count((t) => t.status === 'new'),
      open: count((t) => t.status === 'open'),
      pending: count((t) => t.status === 'pending'),
      resolved: count((t) => t.status === 'resolved'),
      closed: count((t) => t.status === 'closed' && t.close_reason !== 'auto'),
      auto_closed: count((t) => t.close_reason === 'auto'),
      total: tickets.length,
    });
    const reviews = await admin.get('/api/v1/tickets/stats?channel=review');
    expect(reviews.body.total).toBe(count((t) => t.channel === 'review'));
  });

  it('has real conversations and history', async () => {
    const autoClosed = tickets.find((t) => t.close_reason === 'auto');
    const history = await admin.get(`/api/v1/tickets/${autoClosed.number}/history?limit=200`);
    expect(history.status).toBe(200);
    const events = history.body.items;
    expect(events[0].type).toBe('created');
    expect(events.at(-1)).toMatchObject({ type: 'closed', actor: { kind: 'system' }, after: { close_reason: 'auto' } });
    const times = events.map((e: any) => new Date(e.created_at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const worked = tickets.find((t) => t.status === 'closed' && t.close_reason === 'manual' && t.first_responded_at);
    const messages = await admin.get(`/api/v1/tickets/${worked.number}/messages?limit=200`);
    expect(messages.body.items.some((m: any) => m.kind === 'reply' && m.author.kind === 'agent')).toBe(true);
    expect(await countRows(`select count(*) as n from messages where visibility = 'internal'`)).toBeGreaterThan(0);
    expect(await countRows(`select count(*) as n from messages where author_kind = 'customer'`)).toBeGreaterThan(0);
    const search = await admin.get('/api/v1/tickets?q=rusak&limit=5');
    expect(search.status).toBe(200);
    expect(search.body.items.length).toBeGreaterThan(0);
  });

  it('seeding again changes nothing', async () => {
    const before = await countRows('select count(*) as n from tickets');
    const write = vi.spyOn(process.stdout, 'write');
    await seedDemo(server.deps);
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
    expect(await countRows('select count(*) as n from tickets')).toBe(before);
    expect(await countRows(`select count(*) as n from workspaces where slug = 'demo'`)).toBe(1);
  });
});
