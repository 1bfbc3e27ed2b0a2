import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CicHit } from '../../contract/cic.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let admin: ApiClient;
let key: ApiClient;
const customers: Record<string, number> = {};
const users: Record<string, number> = {};

type Page = { items: CicHit[]; next_cursor: string | null } & Partial<Refusal>;
type Refusal = { error: { code: string; message: string; details: Array<{ field: string }> } };

async function add(path: string, body: Record<string, unknown>): Promise<number> {
  const res = await admin.post(path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ admin } = await createWorkspace(server.url));
  key = await createApiKey(admin);
  expect((await admin.patch('/api/v1/settings', { default_country: 'ID' })).status).toBe(200);
  for (const [name, code] of [
    ['Acme Corp', 'ACME-01'],
    ['Ácmé Trading', 'ACT'],
    ['Toko Maju', 'TM-7'],
    ['Percent 100% Ltd', 'P_1'],
    ['Back\\slash Co', null],
  ] as const) {
    customers[name] = await add('/api/v1/customers', { name, customer_code: code });
  }
  const people: Array<Record<string, unknown>> = [
    { name: 'Budi Santoso', email: 'budi@example.com', phone: '+62 812 3456 7890' },
    { name: 'Siti Rahma', email: 'siti@example.com', phone: '0813 1111 2222' },
    { name: 'José Álvarez', email: 'jose@mail.test', loyalty_id: 'LOY-777' },
    { name: 'Acme Buyer', email: 'acme.buyer@example.com', customer_id: customers['Acme Corp'] },
    { name: 'Diskon 50% Ani', email: 'ani_50@shop.test' },
    { name: 'Diskon 500 Ana', email: 'anax50@shop.test' },
    { name: 'Back\\slash Person', email: 'back@shop.test' },
    { name: 'Bob Phone', phone: '+1 415 222 0199' },
  ];
  for (const p of people) users[p.name as string] = await add('/api/v1/customer-users', p);
});
afterAll(async () => {
  await server?.close();
});

const search = (term: string, extra = '', client: ApiClient = admin) => client.get<Page>(`/api/v1/cic/search?search=${encodeURIComponent(term)}${extra}`);
async function found(term: string): Promise<string[]> {
  const res = await search(term, '&limit=200');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.next_cursor).toBeNull();
  return res.body.items.map((h) => `${h.kind}:${h.name}`).sort();
}

/** Follows next_cursor to the end. */
async function pageAll(term: string, limit: number): Promise<CicHit[]> {
  const hits: CicHit[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const res = await search(term, `&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    hits.push(...res.body.items);
    cursor = res.body.next_cursor;
    if (!cursor) return hits;
    expect(res.body.items.length, 'a page with a next cursor is full').toBe(limit);
  }
  throw new Error('paging did not end');
}

describe('the Customer Information Center search', () => {
  it.each(['a', ' a ', '*', '***', '*a*', '**a', 'é', ''])('refuses %j as too short with 400 at querystring.search, naming ** as the way to list all', async (term) => {
    const res = await search(term);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error!.code).toBe('validation_error');
    expect(res.body.error!.message).toContain('2 characters');
    expect(res.body.error!.message).toContain('**');
    expect(res.body.error!.details[0].field).toBe('querystring.search');
  });

  it('lists everything with **, customers first then customer users, each by id, every row once at any page size', async () => {
    const expected = [
      ...Object.values(customers).sort((a, b) => a - b).map((id) => `customer:${id}`),
      ...Object.values(users).sort((a, b) => a - b).map((id) => `customer_user:${id}`),
    ];
    const nCustomers = Object.keys(customers).length;
    for (const limit of [1, 2, 3, nCustomers, nCustomers + 1, 200]) {
      const hits = await pageAll('**', limit);
      expect(hits.map((h) => `${h.kind}:${h.id}`), `limit ${limit}`).toEqual(expected);
    }
  });

  it('finds a prefix (ac*) among customers and customer users, folding accents and case, and tells them apart', async () => {
    expect(await found('ac*')).toEqual(['customer:Acme Corp', 'customer:Ácmé Trading', 'customer_user:Acme Buyer']);
    const res = await search('acme*');
    const buyer = res.body.items.find((h) => h.kind === 'customer_user');
    expect(buyer).toEqual({
      kind: 'customer_user',
      id: users['Acme Buyer'],
      name: 'Acme Buyer',
      email: 'acme.buyer@example.com',
      phone: null,
      customer: { id: customers['Acme Corp'], name: 'Acme Corp' },
      valid: true,
    });
    expect(res.body.items.find((h) => h.kind === 'customer' && h.id === customers['Acme Corp'])).toEqual({
      kind: 'customer',
      id: customers['Acme Corp'],
      name: 'Acme Corp',
      customer_code: 'ACME-01',
    });
  });

  it('finds a suffix (*@example.com) in emails only', async () => {
    expect(await found('*@example.com')).toEqual(['customer_user:Acme Buyer', 'customer_user:Budi Santoso', 'customer_user:Siti Rahma']);
  });

  it('finds phone numbers by their international form (+62*, +62 812*) and by the local form in the workspace country (0812*)', async () => {
    expect(await found('+62*')).toEqual(['customer_user:Budi Santoso', 'customer_user:Siti Rahma']);
    expect(await found('+62 812*')).toEqual(['customer_user:Budi Santoso']);
    expect(await found('0812*')).toEqual(['customer_user:Budi Santoso']);
    expect(await found('0813 1111*')).toEqual(['customer_user:Siti Rahma']);
    expect(await found('*0199')).toEqual(['customer_user:Bob Phone']);
  });

  it('ignores case and accents on both sides', async () => {
    expect(await found('JOSE')).toEqual(['customer_user:José Álvarez']);
    expect(await found('álvarez')).toEqual(['customer_user:José Álvarez']);
    expect(await found('ÁCMÉ*')).toEqual(['customer:Acme Corp', 'customer:Ácmé Trading', 'customer_user:Acme Buyer']);
  });

  it('matches customer ids and loyalty ids, anywhere without a *', async () => {
    expect(await found('acme-01')).toEqual(['customer:Acme Corp']);
    expect(await found('loy-777')).toEqual(['customer_user:José Álvarez']);
    expect(await found('maju')).toEqual(['customer:Toko Maju']);
  });

  it('matches %, _ and \\ literally, also where they come from full-width characters that fold into them', async () => {
    expect(await found('50%')).toEqual(['customer_user:Diskon 50% Ani']);
    expect(await found('100%')).toEqual(['customer:Percent 100% Ltd']);
    expect(await found('i_5')).toEqual(['customer_user:Diskon 50% Ani']);
    expect(await found('p_1')).toEqual(['customer:Percent 100% Ltd']);
    expect(await found('k\\s')).toEqual(['customer:Back\\slash Co', 'customer_user:Back\\slash Person']);
    expect(await found('%%')).toEqual([]);
    expect(await found('__')).toEqual([]);
    // ％ and ＼ fold to % and \: they stay literal characters, and a trailing one is no broken pattern.
    expect(await found('50％')).toEqual(['customer_user:Diskon 50% Ani']);
    expect(await found('*k＼')).toEqual([]);
    expect(await found('k＼s')).toEqual(['customer:Back\\slash Co', 'customer_user:Back\\slash Person']);
  });

  it('pages a pattern search across both kinds, every hit once', async () => {
    for (const limit of [1, 2, 3]) {
      const hits = await pageAll('*co*', limit);
      expect(hits.map((h) => `${h.kind}:${h.name}`), `limit ${limit}`).toEqual([
        'customer:Acme Corp',
        'customer:Back\\slash Co',
        'customer_user:Budi Santoso',
        'customer_user:Siti Rahma',
        'customer_user:Acme Buyer',
      ]);
    }
  });

  it('answers API keys as it answers agents', async () => {
    const res = await search('ac*', '', key);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBe(3);
  });

  it('refuses a malformed or foreign cursor with 400', async () => {
    for (const cursor of ['nonsense', Buffer.from(JSON.stringify(['ticket', 5])).toString('base64url'), Buffer.from(JSON.stringify(['customer', -1])).toString('base64url')]) {
      const res = await search('**', `&cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.error!.details[0].field).toBe('querystring.cursor');
    }
  });

  it('answers any input with 200 or 400, never a server error (property)', async () => {
    const nasty = fc.constantFrom('*', '%', '_', '\\', '＼', '％', '＿', '＊', '×', 'a', 'É', '0', '8', '+', ' ', "'", '"', '\u0000', '🙂', '\u0301');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: nasty, maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 210 })), async (term) => {
        const res = await search(term, '&limit=5');
        expect([200, 400], `${JSON.stringify(term)} → ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
        if (res.status === 200) expect(Array.isArray(res.body.items)).toBe(true);
        else expect(res.body.error!.code).toBe('validation_error');
      }),
      { numRuns: 150 },
    );
  });
});
