import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contract/auth.ts';
import type { CustomerUser } from '../../contract/customers.ts';
import type { Status, Ticket, TicketStats } from '../../contract/tickets.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { buildTicket, createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { createManualClock } from '../platform/clock.ts';

// The list and stats are checked against an independent model evaluated on the tickets as the
// API shows them. The workspace runs on Jakarta time (UTC+7, no DST) so dates are local days.
const BASE = Date.parse('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;
const TZ_OFFSET = 7 * 3600_000;
const clock = createManualClock(new Date(BASE + 20 * DAY));

let server: TestServer;
let admin: ApiClient;
let agentA: { client: ApiClient; id: number };
let agentB: { client: ApiClient; id: number };
let integration: ApiClient;
let myDepartmentsOfA: number[];
let departments: number[];
let categoryIds: number[];
let users: CustomerUser[];
let companyId: number;
let all: Ticket[];

type Page = { items: Ticket[]; next_cursor: string | null };
type Query = Record<string, string>;
const buckets = ['new', 'open', 'pending', 'resolved', 'closed', 'auto_closed'] as const;
const sortKeys = ['created_at', 'updated_at', 'number', 'priority', 'due'] as const;
const channels = ['web', 'email', 'phone', 'in_store', 'review', 'marketplace', 'api', 'chat'] as const;
const priorities = ['low', 'medium', 'high', 'urgent'] as const;
const rank = { low: 1, medium: 2, high: 3, urgent: 4 } as const;

/** Deterministic pseudo-random numbers (mulberry32), so the data set is the same every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const qs = (q: Query) => new URLSearchParams(q).toString();
const bucketOf = (t: Ticket) => (t.status === 'closed' && t.close_reason === 'auto' ? 'auto_closed' : t.status);
const seqOf = (t: Ticket) => Number(t.number.slice(4));
const phoneKey = (p: string) => (p.trim().startsWith('+') ? '+' : '') + p.replace(/\D/g, '');
const localDayStart = (date: string) => Date.parse(`${date}T00:00:00.000Z`) - TZ_OFFSET;
const bound = (v: string, end: boolean) => (v.length === 10 ? localDayStart(v) + (end ? DAY : 0) : Date.parse(v));

/** Whether a ticket passes the filters of DESIGN.md §4 (asked by agent A). */
function matches(t: Ticket, q: Query): boolean {
  const csv = (v: string) => v.split(',').map((x) => x.trim().toLowerCase());
  const statusOk = (s: string) =>
    s === 'overdue' ? t.is_overdue : s === 'auto_closed' ? bucketOf(t) === 'auto_closed' : s === 'closed' ? bucketOf(t) === 'closed' : t.status === s;
  for (const [k, v] of Object.entries(q)) {
    const ok = (() => {
      switch (k) {
        case 'status': return csv(v).some(statusOk);
        case 'priority': return csv(v).includes(t.priority);
        case 'department': return t.department !== null && csv(v).map(Number).includes(t.department.id);
        case 'category': return t.category !== null && csv(v).map(Number).includes(t.category.id);
        case 'channel': return csv(v).includes(t.channel);
        case 'source': return csv(v).includes(t.source ?? '');
        case 'assignee': return v === 'none' ? t.assignee === null : t.assignee?.id === (v === 'me' ? agentA.id : Number(v));
        case 'locked_by': return t.locked_by?.id === (v === 'me' ? agentA.id : Number(v));
        case 'my_departments': return v === 'false' || (t.department !== null && myDepartmentsOfA.includes(t.department.id));
        case 'customer_user_id': return t.customer_user?.id === Number(v);
        case 'customer_id': return t.customer?.id === Number(v);
        case 'phone': return t.customer_user?.phone != null && phoneKey(t.customer_user.phone) === phoneKey(v);
        case 'email': return t.customer_user?.email?.toLowerCase() === v.toLowerCase();
        case 'number': return t.number === v;
        case 'order_number': return t.order_number === v;
        case 'transaction_ref': return t.transaction_ref === v;
        case 'created_from': return Date.parse(t.created_at) >= bound(v, false);
        case 'created_to': return Date.parse(t.created_at) < bound(v, true);
        default: throw new Error(`no model for ${k}`);
      }
    })();
    if (!ok) return false;
  }
  return true;
}

const sortValue: Record<(typeof sortKeys)[number], (t: Ticket) => number> = {
  created_at: (t) => Date.parse(t.created_at),
  updated_at: (t) => Date.parse(t.updated_at),
  number: seqOf,
  priority: (t) => rank[t.priority],
  due: (t) => (t.escalation_at ? Date.parse(t.escalation_at) : Number.MAX_SAFE_INTEGER),
};
function sorted(tickets: Ticket[], sort = '-created_at'): Ticket[] {
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '') as (typeof sortKeys)[number];
  return [...tickets].sort((a, b) => {
    const d = sortValue[key](a) - sortValue[key](b) || a.id - b.id;
    return desc ? -d : d;
  });
}

/** Every page of a listing; each row exactly once. */
async function listAll(query: Query, limit: number, client: ApiClient = agentA.client): Promise<Ticket[]> {
  const rows: Ticket[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 500; pages += 1) {
    const res: { status: number; body: Page } = await client.get<Page>(`/api/v1/tickets?${qs({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) })}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    rows.push(...res.body.items);
    cursor = res.body.next_cursor;
    if (!cursor) break;
    expect(res.body.items.length, 'a page before the last is full').toBe(limit);
  }
  expect(new Set(rows.map((r) => r.id)).size, 'no ticket twice').toBe(rows.length);
  return rows;
}
const stats = async (query: Query = {}, client: ApiClient = agentA.client) => {
  const res = await client.get<TicketStats>(`/api/v1/tickets/stats?${qs(query)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
function expectedStats(tickets: Ticket[], query: Query): TicketStats {
  const hit = tickets.filter((t) => matches(t, query));
  const count = (b: string) => hit.filter((t) => bucketOf(t) === b).length;
  const s = { new: count('new'), open: count('open'), pending: count('pending'), resolved: count('resolved'), closed: count('closed'), auto_closed: count('auto_closed') };
  return { ...s, overdue: hit.filter((t) => t.is_overdue).length, total: hit.length };
}
const refresh = async () => {
  all = await listAll({}, 200, admin);
};

async function buildDataSet(): Promise<void> {
  const rnd = random(20260601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  expect((await admin.patch('/api/v1/settings', { time_zone: 'Asia/Jakarta' })).status).toBe(200);
  const dept = async (name: string, member_ids: number[]) => (await admin.post('/api/v1/departments', { name, member_ids })).body.id as number;
  departments = [await dept('Returns', [agentA.id]), await dept('Delivery', [agentB.id]), await dept('Quality', [agentA.id, agentB.id])];
  myDepartmentsOfA = (await agentA.client.get<Me>('/api/v1/auth/me')).body.department_ids;
  categoryIds = ((await admin.get('/api/v1/categories')).body.items as { id: number }[]).map((c) => c.id);
  companyId = (await admin.post('/api/v1/customers', { name: 'PT Maju Bersama' })).body.id;
  users = [];
  for (const u of [
    { name: 'Wibowo Hartono', email: 'Wibowo.H@Example.com', phone: '+62 812-0000-0001', customer_id: companyId },
    { name: 'Sari Dewi', email: 'sari@shop.test', phone: '0812 0000 0002', customer_id: companyId },
    { name: 'Tom Lee', email: 'tom@shop.test' },
    { name: 'Ana Rosa', phone: '+34 600 000 004' },
  ]) users.push((await admin.post<CustomerUser>('/api/v1/customer-users', u)).body);

  const creators = [admin, agentA.client, agentB.client, integration];
  let previousAt = BASE;
  for (let i = 0; i < 60; i += 1) {
    // Every sixth ticket shares the previous one's creation time: ties must page by id.
    const at = i % 6 === 5 ? previousAt : BASE + Math.floor(rnd() * 10 * 24 * 60) * 60_000;
    previousAt = at;
    clock.set(new Date(at));
    const channel = pick(channels);
    const who = rnd();
    const body: Record<string, unknown> = buildTicket({
      subject: i === 0 ? 'Zebrafish tank leaking' : `${pick(['Broken', 'Late', 'Wrong', 'Missing'])} ${pick(['parcel', 'blender', 'invoice', 'voucher'])} ${i}`,
      description: i === 1 ? 'The shop sold me a zebrafish food that was expired.' : `Complaint text ${i}`,
      priority: pick(priorities),
      category: rnd() < 0.8 ? pick(categoryIds) : undefined,
      department: rnd() < 0.75 ? pick(departments) : undefined,
      assignee: rnd() < 0.6 ? pick([agentA.id, agentB.id]) : undefined,
      channel,
      source: channel === 'marketplace' ? pick(['ebay', 'amazon', 'b2b', 'website']) : channel === 'review' ? 'google' : undefined,
      customer: who < 0.6 ? undefined : who < 0.85 ? { name: `Walk-in ${i}`, email: `walkin-${i}@mail.test`, phone: `+62 811 ${1000 + i}` } : undefined,
      customer_user_id: who < 0.6 ? pick(users).id : undefined,
      order_number: rnd() < 0.5 ? `ORD-${1000 + Math.floor(rnd() * 12)}` : undefined,
      transaction_ref: rnd() < 0.3 ? `TRX-${Math.floor(rnd() * 6)}` : undefined,
    });
    const res = await pick(creators).post<Ticket>('/api/v1/tickets', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const t = res.body;

    // Later work on it, at later times, gives varied statuses, locks and update times.
    const later = () => clock.set(new Date(at + Math.floor(rnd() * 3 * 24 * 60) * 60_000));
    const path = pick<Status[]>([[], [], ['open'], ['open', 'pending'], ['pending'], ['resolved'], ['open', 'resolved'], ['resolved', 'closed'], ['closed'], ['resolved', 'closed', 'open']]);
    for (const to of path) {
      later();
      const move = await admin.post(`/api/v1/tickets/${t.number}/transitions`, to === 'pending' ? { to, reason: 'Waiting', waiting_on: 'customer' } : { to });
      expect(move.status, JSON.stringify(move.body)).toBe(200);
    }
    if (rnd() < 0.3) {
      later();
      await admin.patch(`/api/v1/tickets/${t.number}`, { priority: pick(priorities) });
    }
    if (rnd() < 0.2) {
      later();
      expect((await pick([agentA, agentB]).client.post(`/api/v1/tickets/${t.number}/lock`)).status).toBe(200);
    }
  }
  clock.set(new Date(BASE + 20 * DAY));
  await refresh();
  expect(all).toHaveLength(60);
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  ({ admin } = await createWorkspace(server.url));
  agentA = await createAgent(admin, { name: 'Agent Anna' });
  agentB = await createAgent(admin, { name: 'Agent Bima' });
  integration = await createApiKey(admin);
  await buildDataSet();
});
afterAll(async () => {
  await server?.close();
});

describe('filters', () => {
  const some = <T>(xs: T[]) => xs.find(Boolean) as T;
  const cases = (): Query[] => {
    const withOrder = some(all.map((t) => t.order_number));
    const withTrx = some(all.map((t) => t.transaction_ref));
    const wibowo = users[0];
    return [
      { status: 'new' }, { status: 'open,pending' }, { status: 'resolved' }, { status: 'closed' }, { status: 'auto_closed' },
      { status: 'overdue' }, { status: 'closed,auto_closed' }, { status: 'new, open ,resolved' },
      { priority: 'high' }, { priority: 'low,urgent' },
      { department: String(departments[0]) }, { department: `${departments[0]},${departments[1]}` },
      { category: String(categoryIds[0]) }, { category: categoryIds.slice(0, 3).join(',') },
      { channel: 'email' }, { channel: 'marketplace,review' },
      { source: 'ebay' }, { source: 'EBAY,Amazon' }, { source: 'google' },
      { assignee: 'me' }, { assignee: 'none' }, { assignee: String(agentB.id) },
      { locked_by: 'me' }, { locked_by: String(agentB.id) },
      { my_departments: 'true' }, { my_departments: 'false' },
      { customer_user_id: String(wibowo.id) }, { customer_id: String(companyId) },
      { phone: '+62 812-0000-0001' }, { phone: '+62 (812) 0000 0001' }, { phone: '+6281200000001' }, { phone: '0812.0000.0002' },
      { email: 'wibowo.h@example.com' }, { email: 'WIBOWO.H@EXAMPLE.COM' }, { email: 'SARI@shop.test' },
      { number: all[17].number }, { order_number: withOrder as string }, { transaction_ref: withTrx as string },
      { created_from: '2026-06-04' }, { created_to: '2026-06-04' }, { created_from: '2026-06-03', created_to: '2026-06-05' },
      { created_from: '2026-06-04T12:00:30Z' }, { created_to: '2026-06-06T03:00:30+07:00' },
      { created_from: '2026-06-02T00:00:30Z', created_to: '2026-06-08T00:00:30Z', status: 'open,pending,new', priority: 'medium,high' },
      { department: String(departments[2]), status: 'new,open' },
      { assignee: 'me', status: 'new,open,pending' },
    ];
  };

  it('each filter returns exactly the tickets the model selects, newest first', async () => {
    for (const query of cases()) {
      const expected = sorted(all.filter((t) => matches(t, query)));
      const got = await listAll(query, 50);
      expect(got.map((t) => t.number), JSON.stringify(query)).toEqual(expected.map((t) => t.number));
    }
  });

  it('the data set exercises the filters (no vacuous checks)', () => {
    for (const query of cases().filter((q) => !['auto_closed', 'overdue'].includes(q.status ?? ''))) {
      expect(all.filter((t) => matches(t, query)).length, JSON.stringify(query)).toBeGreaterThan(0);
    }
    const everything = all.length;
    expect(all.filter((t) => matches(t, { my_departments: 'true' })).length).toBeLessThan(everything);
  });

  it('overdue and auto_closed select nothing while no ticket has a due time or was auto-closed', async () => {
    expect(await listAll({ status: 'overdue' }, 50)).toEqual([]);
    expect(await listAll({ status: 'auto_closed' }, 50)).toEqual([]);
    const s = await stats();
    expect(s.overdue).toBe(0);
    expect(s.auto_closed).toBe(0);
  });

  it('stats under each filter count what the list shows, per status', async () => {
    for (const query of cases()) {
      const s = await stats(query);
      expect(s, JSON.stringify(query)).toEqual(expectedStats(all, query));
      expect(s.total).toBe(buckets.reduce((n, b) => n + s[b], 0));
    }
  });

  it('random combinations of filters, sorts and page sizes page through exactly the model', async () => {
    const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1, maxLength: 3 }).map((v) => v.join(','));
    const dates = fc.integer({ min: 0, max: 11 }).map((d) => new Date(BASE + d * DAY).toISOString().slice(0, 10));
    const stamps = fc.integer({ min: 0, max: 11 * 24 }).map((h) => new Date(BASE + h * 3600_000 + 30_000).toISOString());
    const filters = fc.record({
      status: opt(subset(['new', 'open', 'pending', 'resolved', 'closed', 'auto_closed', 'overdue'])),
      priority: opt(subset(priorities)),
      department: opt(subset(departments.map(String))),
      category: opt(subset(categoryIds.map(String))),
      channel: opt(subset(channels)),
      assignee: opt(fc.constantFrom('me', 'none', String(agentB.id))),
      locked_by: opt(fc.constantFrom('me', String(agentB.id))),
      my_departments: opt(fc.constantFrom('true', 'false')),
      customer_id: opt(fc.constant(String(companyId))),
      email: opt(fc.constantFrom('tom@shop.test', 'Sari@Shop.Test')),
      created_from: opt(fc.oneof(dates, stamps)),
      created_to: opt(fc.oneof(dates, stamps)),
    });
    const sorts = fc.constantFrom(...sortKeys.flatMap((k) => [k, `-${k}`]));
    await fc.assert(
      fc.asyncProperty(filters, sorts, fc.integer({ min: 3, max: 25 }), async (f, sort, limit) => {
        const query = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Query;
        const expected = sorted(all.filter((t) => matches(t, query)), sort);
        const got = await listAll({ ...query, sort }, limit);
        expect(got.map((t) => t.id), JSON.stringify({ query, sort, limit })).toEqual(expected.map((t) => t.id));
        expect(await stats(query), JSON.stringify(query)).toEqual(expectedStats(all, query));
      }),
      { numRuns: 30 },
    );
  });

  it('assignee=me, locked_by=me and my_departments need an agent, not an API key (400)', async () => {
    for (const query of [{ assignee: 'me' }, { locked_by: 'me' }, { my_departments: 'true' }] as Query[]) {
      const res = await integration.get(`/api/v1/tickets?${qs(query)}`);
      expect(res.status, JSON.stringify(query)).toBe(400);
    }
    expect((await integration.get(`/api/v1/tickets?assignee=${agentA.id}`)).status).toBe(200);
  });
});

describe('sorting and paging', () => {
  for (const key of sortKeys) {
    for (const sort of [key, `-${key}`]) {
      it(`sort=${sort} with limit 7 visits every ticket once in order`, async () => {
        const got = await listAll({ sort }, 7);
        expect(got.map((t) => t.id)).toEqual(sorted(all, sort).map((t) => t.id));
      });
    }
  }

  it('the default order is newest first', async () => {
    expect((await listAll({}, 7)).map((t) => t.id)).toEqual(sorted(all, '-created_at').map((t) => t.id));
  });

  it('refuses page sizes out of range and bad sorts with 400', async () => {
    for (const query of ['limit=201', 'limit=0', 'limit=-1', 'limit=abc', 'limit=7.5', 'sort=colour', 'sort=--number', 'sort=relevance']) {
      const res = await agentA.client.get(`/api/v1/tickets?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
    expect((await agentA.client.get('/api/v1/tickets?limit=200')).status).toBe(200);
  });

  it('refuses malformed cursors with 400, never 500', async () => {
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const numberCursor = (await agentA.client.get<Page>('/api/v1/tickets?sort=number&limit=1')).body.next_cursor as string;
    const cases: [string, string][] = [
      ['-created_at', 'garbage'],
      ['-created_at', '!!!!'],
      ['-created_at', enc({})],
      ['-created_at', enc([1])],
      ['-created_at', enc(['not a date', 5])],
      ['-created_at', enc(['2026-06-01T00:00:00Z', -3])],
      ['-created_at', numberCursor],
      ['number', enc(['2026-06-01T00:00:00Z', 5])],
      ['-created_at', enc(['1', 5])],
      ['-updated_at', enc(['June 1', 5])],
      ['number', enc([1.5, 5])],
      ['number', enc([1e300, 5])],
      ['-priority', enc(['high', 5])],
    ];
    const answers = [];
    for (const [sort, cursor] of cases) {
      const res = await agentA.client.get(`/api/v1/tickets?${qs({ sort, cursor })}`);
      answers.push(`${sort} ${Buffer.from(cursor, 'base64url').toString()} → ${res.status}`);
    }
    expect(answers.filter((a) => !a.endsWith('→ 400'))).toEqual([]);
    // Well-formed but out of any real range: a 400 or an empty page would do, never a 500.
    for (const [sort, cursor] of [['priority', enc([99999, 5])], ['-number', enc([-5, 5])], ['created_at', enc(['9999-12-31T00:00:00.000Z', 5])]]) {
      const res = await agentA.client.get<Page>(`/api/v1/tickets?${qs({ sort, cursor })}`);
      expect(res.status, `${sort} ${Buffer.from(cursor, 'base64url').toString()}`).toBeLessThan(500);
      if (res.status === 200) expect(res.body.items).toEqual([]);
    }
  });

  it('refuses malformed filters and unknown parameters with 400', async () => {
    for (const query of [
      'created_from=2026-13-01', 'created_from=2026-02-30', 'created_to=yesterday', 'created_from=2026-06-01T25:00:00Z', 'created_to=1717200000',
      'status=archived', 'status=', 'priority=extreme', 'channel=pigeon', 'department=abc', 'category=0', 'assignee=someone',
      'my_departments=yes', 'customer_user_id=-1', 'phone=1', 'q=', 'colour=red',
    ]) {
      const res = await agentA.client.get(`/api/v1/tickets?${query}`);
      expect(res.status, query).toBe(400);
      const s = await agentA.client.get(`/api/v1/tickets/stats?${query}`);
      expect(s.status, `stats ${query}`).toBe(400);
    }
    expect((await agentA.client.get('/api/v1/tickets/stats?limit=5')).status).toBe(400);
  });
});

describe('full-text search (q)', () => {
  const search = async (q: string, extra: Query = {}) => listAll({ q, ...extra }, 50);

  it('finds a word in the subject or the description, a subject match ranked first', async () => {
    const got = await search('zebrafish');
    expect(got.map((t) => t.subject)).toEqual(['Zebrafish tank leaking', all.find((t) => t.description.includes('zebrafish'))?.subject]);
    expect((await search('ZEBRAFISH')).map((t) => t.id)).toEqual(got.map((t) => t.id));
  });

  it('finds by ticket number, customer name, customer email and order number', async () => {
    const t = all[23];
    expect((await search(t.number)).map((x) => x.id)).toContain(t.id);
    expect((await search(t.number))[0].id).toBe(t.id);
    const ofWibowo = all.filter((x) => x.customer_user?.id === users[0].id).map((x) => x.id).sort();
    expect(ofWibowo.length).toBeGreaterThan(0);
    expect((await search('Hartono')).map((x) => x.id).sort()).toEqual(ofWibowo);
    expect((await search('wibowo.h@example.com')).map((x) => x.id).sort()).toEqual(ofWibowo);
    const order = all.find((x) => x.order_number)?.order_number as string;
    const withOrder = all.filter((x) => x.order_number === order).map((x) => x.id).sort();
    expect((await search(order)).map((x) => x.id).sort()).toEqual(withOrder);
  });

  it('combines with filters and other sorts, and pages by relevance without repeats', async () => {
    const word = 'parcel';
    const hits = await search(word);
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.every((t) => t.subject.toLowerCase().includes(word))).toBe(true);
    const byOne = await listAll({ q: word }, 1);
    expect(byOne.map((t) => t.id)).toEqual(hits.map((t) => t.id));
    const open = await search(word, { status: 'open,pending' });
    expect(open.map((t) => t.id).sort()).toEqual(hits.filter((t) => ['open', 'pending'].includes(t.status)).map((t) => t.id).sort());
    const byNumber = await search(word, { sort: 'number' });
    expect(byNumber.map((t) => t.id)).toEqual(sorted(hits, 'number').map((t) => t.id));
    const s = await stats({ q: word });
    expect(s.total).toBe(hits.length);
  });

  it('takes search syntax and stray punctuation without failing', async () => {
    for (const q of ['!!!', '"', "'", '\\', '(', '-parcel', 'parcel or invoice', '"broken parcel"', '---', 'a:*', '&', '|', '<->', '%', '_', ':', '*']) {
      const list = await agentA.client.get<Page>(`/api/v1/tickets?${qs({ q })}`);
      expect(list.status, q).toBe(200);
      expect((await agentA.client.get(`/api/v1/tickets?${qs({ q, sort: '-number' })}`)).status, q).toBe(200);
      expect((await agentA.client.get(`/api/v1/tickets/stats?${qs({ q })}`)).status, q).toBe(200);
    }
    const either = await search('parcel or invoice');
    expect(either.length).toBe(all.filter((t) => /parcel|invoice/i.test(t.subject)).length);
  });

  it('finds nothing for a word nobody wrote', async () => {
    expect(await search('xylophone')).toEqual([]);
    expect((await stats({ q: 'xylophone' })).total).toBe(0);
  });
});

describe('stats', () => {
  it('closed (manual and rejected) is counted apart from auto_closed; total is the sum of the six', async () => {
    const s = await stats();
    expect(s).toEqual(expectedStats(all, {}));
    expect(s.closed).toBe(all.filter((t) => t.status === 'closed').length);
    expect(all.some((t) => t.close_reason === 'rejected') && all.some((t) => t.close_reason === 'manual')).toBe(true);
    for (const b of buckets) expect((await listAll({ status: b }, 200)).length, b).toBe(s[b]);
  });

  it('stay equal to a recount after random sequences of transitions', async () => {
    const legal: Record<Status, Status[]> = { new: ['open', 'pending', 'resolved', 'closed'], open: ['pending', 'resolved'], pending: ['open', 'resolved'], resolved: ['open', 'closed'], closed: ['open'] };
    const statusesArb = fc.constantFrom<Status>('new', 'open', 'pending', 'resolved', 'closed');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...channels), { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(2), statusesArb), { minLength: 1, maxLength: 8 }),
        async (ticketChannels, steps) => {
          const mine: { number: string; status: Status }[] = [];
          for (const channel of ticketChannels) {
            const t = (await admin.post<Ticket>('/api/v1/tickets', buildTicket({ channel, customer: undefined }))).body;
            mine.push({ number: t.number, status: 'new' });
          }
          for (const [i, to] of steps) {
            const res = await admin.post(`/api/v1/tickets/${mine[i].number}/transitions`, to === 'pending' ? { to, reason: 'Waiting', waiting_on: 'internal' } : { to });
            const ok = legal[mine[i].status].includes(to);
            expect(res.status).toBe(ok ? 200 : 409);
            if (ok) mine[i].status = to;
          }
          await refresh();
          for (const m of mine) expect(all.find((t) => t.number === m.number)?.status).toBe(m.status);
          for (const query of [{}, { channel: ticketChannels[0] }, { status: 'open,closed' }, { priority: 'medium' }, { channel: 'phone,api', status: 'new' }] as Query[]) {
            const s = await stats(query);
            expect(s, JSON.stringify(query)).toEqual(expectedStats(all, query));
            expect(s.total).toBe(buckets.reduce((n, b) => n + s[b], 0));
          }
          const s = await stats();
          for (const b of buckets) expect((await listAll({ status: b }, 200)).length, b).toBe(s[b]);
        },
      ),
      { numRuns: 5 },
    );
  });
});

describe('with state only the system makes (auto-close, due times), written straight to the database', () => {
  beforeAll(async () => {
    const db = server.deps.db;
    const now = clock.now();
    const resolved = all.filter((t) => t.status === 'resolved').slice(0, 2).map((t) => t.id);
    const active = all.filter((t) => ['new', 'open', 'pending'].includes(t.status));
    expect(resolved).toHaveLength(2);
    await db.updateTable('tickets').set({ status: 'closed', close_reason: 'auto', closed_at: now }).where('id', 'in', resolved).execute();
    for (const [i, t] of active.slice(0, 6).entries()) {
      // Four past due (overdue), two due later; hours apart so the due order is clear.
      const due = new Date(now.getTime() + (i < 4 ? -(i + 1) : i) * 3600_000);
      await db.updateTable('tickets').set({ escalation_at: due }).where('id', '=', t.id).execute();
    }
    const closedDue = all.find((t) => t.status === 'closed' && t.close_reason !== 'auto');
    await db.updateTable('tickets').set({ escalation_at: new Date(now.getTime() - DAY) }).where('id', '=', closedDue?.id ?? 0).execute();
    await refresh();
  });

  it('auto_closed is its own status in list and stats, apart from closed', async () => {
    const s = await stats();
    expect(s.auto_closed).toBe(2);
    expect(s).toEqual(expectedStats(all, {}));
    expect((await listAll({ status: 'auto_closed' }, 50)).map((t) => t.close_reason)).toEqual(['auto', 'auto']);
    expect((await listAll({ status: 'closed' }, 200)).every((t) => t.close_reason !== 'auto')).toBe(true);
    expect((await stats({ status: 'closed' })).auto_closed).toBe(0);
    expect((await stats({ status: 'auto_closed' })).closed).toBe(0);
  });

  it('overdue selects active tickets past their due time and overlaps the status counts', async () => {
    const overdue = await listAll({ status: 'overdue' }, 50);
    expect(overdue).toHaveLength(4);
    expect(overdue.every((t) => t.is_overdue && ['new', 'open', 'pending'].includes(t.status))).toBe(true);
    for (const query of [{}, { status: 'overdue' }, { status: 'overdue,resolved' }, { status: 'new' }, { channel: overdue[0].channel }, { priority: overdue[0].priority }] as Query[]) {
      expect(await stats(query), JSON.stringify(query)).toEqual(expectedStats(all, query));
    }
    expect((await stats()).overdue).toBe(4);
  });

  it('sort=due puts the earliest due first and tickets without a due time last, paging cleanly', async () => {
    for (const sort of ['due', '-due']) {
      const got = await listAll({ sort }, 7);
      expect(got.map((t) => t.id), sort).toEqual(sorted(all, sort).map((t) => t.id));
    }
    const first = (await listAll({ sort: 'due' }, 200))[0];
    expect(first.escalation_at).not.toBeNull();
  });
});
