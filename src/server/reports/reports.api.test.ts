import { parse } from 'csv/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { ApiClient as Client } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { signInToPortal } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { ActivityReport, OverviewReport } from '../../contract/reports.ts';
import { createManualClock } from '../platform/clock.ts';
import { longSessions, moveTicket, sweepInBatches } from '../jobs/sweeper.testing.ts';

const MINUTE = 60_000;

/**
 * A known history, built with a moved clock in Europe/Berlin (whose clocks go forward on 29 March
 * 2026): the report's exact numbers, on both databases.
 */
describe('reports (overview and activity, from the history)', () => {
  const clock = createManualClock(new Date('2026-03-27T09:00:00.000Z'));
  let server: TestServer;
  let admin: ApiClient;
  let agent: { client: ApiClient; id: number };
  let adminId: number;
  let slug: string;
  let returns: number;
  const numbers: Record<string, string> = {};
  const range = 'from=2026-03-27&to=2026-04-06';

  const overview = async (query = range, client = admin) => {
    const res = await client.get(`/api/v1/reports/overview?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as OverviewReport;
  };
  const at = (instant: string) => clock.set(new Date(instant));
  const reply = async (client: ApiClient, number: string) => expect((await client.post(`/api/v1/tickets/${number}/messages`, { body: 'We are on it', visibility: 'public' })).status).toBe(201);

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { ...longSessions, CAREDESK_SIGNUP: 'open' } });
    ({ admin, slug } = await createWorkspace(server.url));
    adminId = (await admin.get('/api/v1/auth/me')).body.agent.id;
    expect((await admin.patch('/api/v1/settings', { time_zone: 'Europe/Berlin' })).status).toBe(200);
    expect((await admin.post('/api/v1/sla-policies', { name: 'Urgent', priorities: ['urgent'], first_response_seconds: 1800 })).status).toBe(201);
    returns = (await admin.post('/api/v1/departments', { name: 'Returns' })).body.id;
    agent = await createAgent(admin);
    const reviews = await createApiKey(admin);

    // 27 March, 10:00 in Berlin (UTC+1).
    numbers.t1 = (await createTicket(admin, { subject: 'Kettle leaks', priority: 'urgent', channel: 'phone', department: returns })).number;
    clock.advance(10 * MINUTE);
    await reply(agent.client, numbers.t1); // first response 600 s, target 1800: met
    numbers.t2 = (await createTicket(admin, { subject: 'Late parcel', priority: 'urgent', channel: 'email', category: undefined })).number;
    numbers.t3 = (await createTicket(admin, { subject: 'Wrong size', priority: 'low', channel: 'marketplace', source: 'ebay', order_number: 'EB-1', category: undefined, customer: { name: 'Budi', email: 'budi.reports@example.com' } }))
      .number;
    for (const [i, rating] of [1, 2].entries()) {
      const res = await reviews.post('/api/v1/channels/reviews', { platform: 'google', external_id: `g-${i}`, rating, text: 'Cold soup', author: 'Rina' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    clock.advance(60 * MINUTE);
    await reply(admin, numbers.t2); // first response 3,600 s, target 1,800: missed
    await moveTicket(agent.client, numbers.t1, { to: 'resolved', resolution: 'New kettle' }); // 4,200 s

    // 28 March: the agent reopens T1; the customer resolves T3 in the portal (89,400 s).
    at('2026-03-28T09:00:00.000Z');
    await moveTicket(agent.client, numbers.t1, { to: 'open' });
    at('2026-03-28T10:00:00.000Z');
    const portal = await signInToPortal(server, slug, 'budi.reports@example.com');
    expect((await portal.post(`/api/v1/portal/${slug}/tickets/${numbers.t3}/resolve`, { resolution: 'Exchanged' })).status).toBe(200);

    // 29 March, the day of 23 hours: 23:59 there is still the 29th, 00:30 the 30th (UTC+2).
    at('2026-03-29T21:59:00.000Z');
    numbers.t4 = (await createTicket(admin, { subject: '=HYPERLINK("http://evil.test","refund")', channel: 'in_store', category: undefined })).number;
    at('2026-03-29T22:30:00.000Z');
    numbers.t5 = (await createTicket(admin, { subject: 'Broken lid', channel: 'in_store', category: undefined })).number;
    await moveTicket(agent.client, numbers.t1, { to: 'resolved', resolution: 'Second kettle' }); // 61.5 h − 22 h 50 m paused = 139,200 s

    // Seven days on, the sweeper closes both resolved tickets: 00:30 on 6 April in Berlin.
    at('2026-04-05T22:30:00.000Z');
    await sweepInBatches(server);
  });
  afterAll(() => server?.close());

  it('counts created, resolved, closed, auto-closed and reopened per day of the workspace, DST day included', async () => {
    const r = await overview();
    expect(r.range).toMatchObject({ from: '2026-03-27', to: '2026-04-06', time_zone: 'Europe/Berlin', interval: 'day', starts_at: '2026-03-26T23:00:00.000Z', ends_at: '2026-04-06T22:00:00.000Z', previous: { from: '2026-03-16', to: '2026-03-26' } });
    expect(r.totals).toEqual({ created: 7, resolved: 3, closed: 2, auto_closed: 2, reopened: 1 });
    expect(r.volume).toHaveLength(11);
    const day = (d: string) => r.volume.find((v) => v.bucket === d);
    expect(day('2026-03-27')).toEqual({ bucket: '2026-03-27', created: 5, resolved: 1, closed: 0, auto_closed: 0, reopened: 0 });
    expect(day('2026-03-28')).toEqual({ bucket: '2026-03-28', created: 0, resolved: 1, closed: 0, auto_closed: 0, reopened: 1 });
    expect(day('2026-03-29')).toEqual({ bucket: '2026-03-29', created: 1, resolved: 0, closed: 0, auto_closed: 0, reopened: 0 });
    expect(day('2026-03-30')).toEqual({ bucket: '2026-03-30', created: 1, resolved: 1, closed: 0, auto_closed: 0, reopened: 0 });
    expect(day('2026-04-06')).toEqual({ bucket: '2026-04-06', created: 0, resolved: 0, closed: 2, auto_closed: 2, reopened: 0 });
    // Weeks start on Monday in the workspace's zone: T5, created at 22:30 UTC on Sunday, is Monday's there.
    const weekly = await overview(`${range}&interval=week`);
    expect(weekly.volume.map((v) => [v.bucket, v.created])).toEqual([
      ['2026-03-23', 6],
      ['2026-03-30', 1],
      ['2026-04-06', 0],
    ]);
  });

  it('measures first responses and resolutions (median, 90th percentile, trend) and SLA compliance from the events', async () => {
    const r = await overview();
    expect(r.times.first_response).toEqual({ count: 2, median_seconds: 2100, p90_seconds: 3300, previous: { count: 0, median_seconds: null, p90_seconds: null }, change: null });
    expect(r.times.resolution).toMatchObject({ count: 3, median_seconds: 89_400, p90_seconds: 129_240 });
    expect(r.sla.first_response).toEqual({ with_target: 2, met: 1, share: 0.5 });
    expect(r.sla.resolution).toEqual({ with_target: 0, met: 0, share: null });
    expect(r.resolved_by).toEqual({ agent: 2, customer: 1, system: 0, integration: 0, customer_share: 1 / 3 });
    // The trend: the next 11 days compare with these.
    const next = await overview('from=2026-04-07&to=2026-04-17');
    expect(next.times.resolution.previous).toMatchObject({ count: 3, median_seconds: 89_400 });
  });

  it('breaks down by channel or source, category, department and agent, and review ratings', async () => {
    const r = await overview();
    expect(r.by_channel).toEqual(
      expect.arrayContaining([
        { key: 'phone', label: 'Phone', created: 1, resolved: 2 },
        { key: 'email', label: 'Email', created: 1, resolved: 0 },
        { key: 'marketplace:ebay', label: 'eBay', created: 1, resolved: 1 },
        { key: 'review:google', label: 'Google', created: 2, resolved: 0 },
        { key: 'in_store', label: 'In store', created: 2, resolved: 0 },
      ]),
    );
    expect(r.by_channel).toHaveLength(5);
    expect(r.by_category.find((c) => c.label === 'Damage')).toMatchObject({ created: 1, resolved: 2 });
    expect(r.by_category.find((c) => c.key === '')).toMatchObject({ label: 'No category', created: 6, resolved: 1 });
    expect(r.by_department.find((d) => d.key === String(returns))).toEqual({ key: String(returns), label: 'Returns', created: 1, resolved: 2 });
    expect(r.by_agent.find((a) => a.agent.id === agent.id)).toMatchObject({ handled: 1, resolved: 2, median_first_response_seconds: 600, median_resolution_seconds: 71_700 });
    expect(r.by_agent.find((a) => a.agent.id === adminId)).toMatchObject({ handled: 1, resolved: 0, median_first_response_seconds: 3600, median_resolution_seconds: null });
    expect(r.ratings).toEqual([
      { rating: 1, count: 1 },
      { rating: 2, count: 1 },
      { rating: 3, count: 0 },
      { rating: 4, count: 0 },
      { rating: 5, count: 0 },
    ]);
    expect(r.backlog).toMatchObject({ total: 5, by_age: expect.arrayContaining([{ age: '7_to_30_days', count: 5 }]) });
  });

  it('filters by what the tickets are now: channel, department, priority', async () => {
    const phone = await overview(`${range}&channel=phone`);
    expect(phone.totals).toEqual({ created: 1, resolved: 2, closed: 1, auto_closed: 1, reopened: 1 });
    expect((await overview(`${range}&department=${returns}`)).totals.created).toBe(1);
    const urgent = await overview(`${range}&priority=urgent`);
    expect(urgent.totals.created).toBe(2);
    expect(urgent.times.first_response.count).toBe(2);
    expect((await overview(`${range}&agent=${agent.id}`)).totals.created).toBe(0);
  });

  it('lists the activity newest first, names who resolved, pages without gaps and filters by actor and type', async () => {
    const resolved = (await admin.get(`/api/v1/reports/activity?${range}&type=resolved`)).body as ActivityReport;
    expect(resolved.items.map((e) => [e.ticket.number, e.resolved_by])).toEqual([
      [numbers.t1, expect.stringMatching(/^Agent /)],
      [numbers.t3, 'Customer'],
      [numbers.t1, expect.stringMatching(/^Agent /)],
    ]);
    const customer = (await admin.get(`/api/v1/reports/activity?${range}&actor=customer`)).body as ActivityReport;
    expect(customer.items.map((e) => e.type)).toEqual(['resolved']);
    const all = (await admin.get(`/api/v1/reports/activity?${range}&limit=500`)).body as ActivityReport;
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: ActivityReport } = await admin.get(`/api/v1/reports/activity?${range}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      paged.push(...res.body.items.map((e) => e.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((e) => e.id));
    expect(new Set(paged).size).toBe(paged.length);
    const byAgent = (await admin.get(`/api/v1/reports/activity?${range}&actor_agent=${agent.id}`)).body as ActivityReport;
    expect(new Set(byAgent.items.map((e) => e.actor.id))).toEqual(new Set([agent.id]));
  });

  it('exports tables and the activity as CSV with a BOM, cells that would run as formulas quoted', async () => {
    // Read as bytes: fetch's text() would take the BOM off.
    const raw = await fetch(`${server.url}/api/v1/reports/overview.csv?${range}&table=volume`, { headers: { cookie: admin.cookie! } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(raw.headers.get('content-disposition')).toBe('attachment; filename="overview-volume.csv"');
    const bytes = Buffer.from(await raw.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect(rows[0]).toEqual(['bucket', 'created', 'resolved', 'closed', 'auto_closed', 'reopened']);
    expect(rows.find((r) => r[0] === '2026-04-06')).toEqual(['2026-04-06', '0', '0', '2', '2', '0']);

    const activity = await admin.get(`/api/v1/reports/activity.csv?${range}`);
    expect(activity.status).toBe(200);
    const lines = parse(activity.body) as string[][];
    const all = (await admin.get(`/api/v1/reports/activity?${range}&limit=500`)).body as ActivityReport;
    expect(lines.length - 1).toBe(all.items.length);
    expect(lines.find((l) => l[1] === numbers.t4)?.[2]).toBe('\'=HYPERLINK("http://evil.test","refund")');
    expect(lines.filter((l) => l[4] === 'resolved').map((l) => l[7])).toEqual([expect.stringMatching(/^Agent /), 'Customer', expect.stringMatching(/^Agent /)]);
  });

  it('refuses reversed and too long ranges, mixed presets and unknown filters with 400 naming the field, and anyone signed out', async () => {
    const field = async (query: string, path = 'overview') => {
      const res = await admin.get(`/api/v1/reports/${path}?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      return JSON.stringify(res.body.error);
    };
    expect(await field('from=2026-04-02&to=2026-04-01')).toContain('query.to');
    expect(await field('from=2024-01-01&to=2026-01-01')).toContain('2 years');
    expect(await field('preset=today&from=2026-01-01')).toContain('query.from');
    expect(await field('preset=yesterday')).toContain('preset');
    expect(await field('colour=blue')).toContain('colour');
    expect(await field('channel=fax')).toContain('channel');
    expect(await field('from=2026-04-02&to=2026-04-01', 'activity.csv')).toContain('query.to');
    expect(await field(`${range}&table=sales`, 'overview.csv')).toContain('table');
    expect(await field(`${range}&cursor=bm9wZQ`, 'activity')).toContain('query.cursor');
    expect((await new Client(server.url).get(`/api/v1/reports/overview?${range}`)).status).toBe(401);
  });

  it("shows a workspace nothing of another's", async () => {
    const other = await createWorkspace(server.url, undefined, 'signup');
    const r = await overview(range, other.admin);
    expect(r.totals).toEqual({ created: 0, resolved: 0, closed: 0, auto_closed: 0, reopened: 0 });
    expect(r.by_channel).toEqual([]);
    expect(r.backlog.total).toBe(0);
    expect(((await other.admin.get(`/api/v1/reports/activity?${range}`)).body as ActivityReport).items).toEqual([]);
    const filtered = await overview(`${range}&department=${returns}`, other.admin);
    expect(filtered.totals.created).toBe(0);
  });
});
