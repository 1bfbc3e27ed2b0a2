import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, CustomerUser } from '../../contract/customers.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  ({ admin } = await createWorkspace(server.url));
});
afterAll(async () => {
  await server?.close();
});

type Page<T> = { items: T[]; next_cursor: string | null };

/** Follows next_cursor to the end; every row must come exactly once, in id order. */
async function pageAll<T extends { id: number }>(path: string, limit: number): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard += 1) {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: Page<T> } = await admin.get<Page<T>>(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    rows.push(...res.body.items);
    cursor = res.body.next_cursor;
    if (!cursor) break;
  }
  const ids = rows.map((r) => r.id);
  expect(new Set(ids).size, 'no row twice').toBe(ids.length);
  expect(ids, 'id order').toEqual([...ids].sort((a, b) => a - b));
  return rows;
}

const addUser = async (body: Record<string, unknown>) => {
  const res = await admin.post<CustomerUser>('/api/v1/customer-users', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const addCustomer = async (body: Record<string, unknown>) => {
  const res = await admin.post<Customer>('/api/v1/customers', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

// The CIC rules (DESIGN.md §3) as an oracle: without * a term matches anywhere; with * it is an
// anchored glob; case-insensitive; phone numbers also match in their digits-only form.
function matchesTerm(term: string, value: string | null): boolean {
  if (value === null) return false;
  const t = term.trim().toLowerCase();
  const v = value.toLowerCase();
  if (!t.includes('*')) return v.includes(t);
  const re = new RegExp(`^${t.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('[\\s\\S]*')}$`);
  return re.test(v);
}
const digitsOnly = (p: string | null) => (p === null ? null : (p.trim().startsWith('+') ? '+' : '') + p.replace(/\D/g, ''));
const userMatches = (term: string, u: CustomerUser) =>
  [u.name, u.email, u.phone, digitsOnly(u.phone)].some((v) => matchesTerm(term, v));
const customerMatches = (term: string, c: Customer) => [c.name, c.customer_code].some((v) => matchesTerm(term, v));

describe('customer users', () => {
  it('creates a customer user and reads it back', async () => {
    const created = await addUser({ name: 'Siti Rahma', email: 'siti.rahma@mail.test', phone: '+62 811-2222-3333', language: 'id' });
    expect(created).toMatchObject({ name: 'Siti Rahma', email: 'siti.rahma@mail.test', phone: '+62 811-2222-3333', language: 'id', customer_id: null });
    const read = await admin.get<CustomerUser>(`/api/v1/customer-users/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
  });

  it('needs an email or a phone number', async () => {
    const res = await admin.post('/api/v1/customer-users', { name: 'Nobody' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(JSON.stringify(res.body.error)).toContain('email');
  });

  it('refuses malformed email, malformed phone, unknown fields and wrong types with 400', async () => {
    for (const body of [
      { name: 'X', email: 'not-an-email' },
      { name: 'X', phone: 'call me maybe' },
      { name: 'X', email: 'x@mail.test', nickname: 'xx' },
      { name: 42, email: 'x@mail.test' },
      { name: '   ', email: 'x@mail.test' },
      { name: 'X', email: 'x@mail.test', language: 'fr' },
    ]) {
      const res = await admin.post('/api/v1/customer-users', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const unknown = await admin.post('/api/v1/customer-users', { name: 'X', email: 'x@mail.test', nickname: 'xx' });
    expect(JSON.stringify(unknown.body.error)).toContain('nickname');
  });

  it('refuses a duplicate email with 409, whatever its case', async () => {
    await addUser({ name: 'Dewi', email: 'dewi@mail.test' });
    const same = await admin.post('/api/v1/customer-users', { name: 'Dewi Two', email: 'dewi@mail.test' });
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('conflict');
    const upper = await admin.post('/api/v1/customer-users', { name: 'Dewi Three', email: 'DEWI@Mail.Test' });
    expect(upper.status).toBe(409);
  });

  it('refuses to change an email to one that is taken (409) and leaves the user unchanged', async () => {
    await addUser({ name: 'Eko', email: 'eko@mail.test' });
    const other = await addUser({ name: 'Fajar', email: 'fajar@mail.test' });
    const res = await admin.patch(`/api/v1/customer-users/${other.id}`, { email: 'Eko@mail.test' });
    expect(res.status).toBe(409);
    expect((await admin.get<CustomerUser>(`/api/v1/customer-users/${other.id}`)).body.email).toBe('fajar@mail.test');
  });

  it('changes name, phone and language; the new phone is found in any formatting', async () => {
    const u = await addUser({ name: 'Gita', email: 'gita@mail.test' });
    const res = await admin.patch<CustomerUser>(`/api/v1/customer-users/${u.id}`, { name: 'Gita P.', phone: '+44 (20) 7946-0018', language: 'id' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: u.id, name: 'Gita P.', phone: '+44 (20) 7946-0018', language: 'id', email: 'gita@mail.test' });
    const found = await admin.get<Page<CustomerUser>>(`/api/v1/customer-users?search=${encodeURIComponent('+442079460018')}`);
    expect(found.body.items.map((x) => x.id)).toEqual([u.id]);
  });

  it('refuses a change that would leave a customer user with neither email nor phone (400)', async () => {
    const onlyEmail = await addUser({ name: 'Only Email', email: 'only.email@mail.test' });
    const res = await admin.patch(`/api/v1/customer-users/${onlyEmail.id}`, { email: null });
    expect(res.status).toBe(400);
    expect((await admin.get<CustomerUser>(`/api/v1/customer-users/${onlyEmail.id}`)).body.email).toBe('only.email@mail.test');
    const onlyPhone = await addUser({ name: 'Only Phone', phone: '+62 811 4444 5555' });
    expect((await admin.patch(`/api/v1/customer-users/${onlyPhone.id}`, { phone: null })).status).toBe(400);
    const swapped = await admin.patch<CustomerUser>(`/api/v1/customer-users/${onlyPhone.id}`, { phone: null, email: 'now.email@mail.test' });
    expect(swapped.status).toBe(200);
    expect(swapped.body).toMatchObject({ phone: null, email: 'now.email@mail.test' });
  });

  it('links a customer user to a customer; an unknown customer is 404', async () => {
    const company = await addCustomer({ name: 'PT Sinar Jaya', customer_code: 'SJ-001' });
    const u = await addUser({ name: 'Hadi', email: 'hadi@mail.test', customer_id: company.id });
    expect(u.customer_id).toBe(company.id);
    const missing = await admin.post('/api/v1/customer-users', { name: 'Ika', email: 'ika@mail.test', customer_id: 999_999 });
    expect(missing.status).toBe(404);
    const patch = await admin.patch(`/api/v1/customer-users/${u.id}`, { customer_id: 999_999 });
    expect(patch.status).toBe(404);
    const unlink = await admin.patch<CustomerUser>(`/api/v1/customer-users/${u.id}`, { customer_id: null });
    expect(unlink.body.customer_id).toBeNull();
  });

  it('answers 404 for an unknown customer user', async () => {
    expect((await admin.get('/api/v1/customer-users/999999')).status).toBe(404);
    expect((await admin.patch('/api/v1/customer-users/999999', { name: 'Nope' })).status).toBe(404);
  });

  it('needs credentials (401) and serves API keys like agents', async () => {
    expect((await server.anonymous().get('/api/v1/customer-users?search=**')).status).toBe(401);
    expect((await server.anonymous().post('/api/v1/customer-users', { name: 'A', email: 'anon@mail.test' })).status).toBe(401);
    const integration = await createApiKey(admin);
    const res = await integration.post<CustomerUser>('/api/v1/customer-users', { name: 'Via Key', email: 'via.key@mail.test' });
    expect(res.status).toBe(201);
    expect((await integration.get(`/api/v1/customer-users/${res.body.id}`)).status).toBe(200);
  });
});

describe('customer user search (wildcard rules)', () => {
  let everyone: CustomerUser[];

  beforeAll(async () => {
    for (const u of [
      { name: 'Achmad Rizal', email: 'achmad@example.com', phone: '+62 812 1111 0001' },
      { name: 'Acep Sunandar', email: 'acep@shop.test', phone: '0812-1111-0002' },
      { name: 'Budi Acang', email: 'budi.acang@example.com' },
      { name: 'Maria Lopez', email: 'maria@example.org', phone: '+34 600 111 222' },
      { name: 'Promo 5% Buyer', email: 'promo@example.net' },
      { name: 'x_ander', email: 'xander@example.net', phone: '+62-21-555-0199' },
      { name: 'Candra', email: 'CANDRA@EXAMPLE.COM' },
    ]) {
      await addUser(u);
    }
    everyone = await pageAll<CustomerUser>('/api/v1/customer-users?search=**', 200);
  });

  const search = async (term: string) => {
    const rows = await pageAll<CustomerUser>(`/api/v1/customer-users?search=${encodeURIComponent(term)}`, 200);
    return rows.map((r) => r.email).sort();
  };
  const expected = (term: string) => everyone.filter((u) => userMatches(term, u)).map((u) => u.email).sort();

  it('ac* finds names and emails starting with ac, case-insensitively', async () => {
    const got = await search('ac*');
    expect(got).toEqual(expect.arrayContaining(['achmad@example.com', 'acep@shop.test']));
    expect(got).not.toContain('budi.acang@example.com');
    expect(got).toEqual(expected('ac*'));
  });

  it('*@example.com finds every email of that domain, whatever its case', async () => {
    const got = await search('*@example.com');
    expect(got).toEqual(expect.arrayContaining(['achmad@example.com', 'budi.acang@example.com', 'CANDRA@EXAMPLE.COM']));
    expect(got).not.toContain('maria@example.org');
    expect(got).toEqual(expected('*@example.com'));
  });

  it('+62* finds Indonesian numbers however they were typed', async () => {
    const got = await search('+62*');
    expect(got).toEqual(expect.arrayContaining(['achmad@example.com', 'xander@example.net']));
    expect(got).not.toContain('acep@shop.test'); // a local 0812 number does not start with +62
    expect(got).toEqual(expected('+62*'));
  });

  it('a term without * matches anywhere in name, email or phone', async () => {
    for (const term of ['acang', 'ACHMAD', 'example.org', '1111', 'ria lo', '555-0199']) {
      expect(await search(term), term).toEqual(expected(term));
    }
    expect(await search('acang')).toEqual(['budi.acang@example.com']);
  });

  it('* in the middle is an anchored wildcard', async () => {
    for (const term of ['a*@example.com', 'm*z', '*ez', '*@*.net']) expect(await search(term), term).toEqual(expected(term));
    expect(await search('m*z')).toEqual(['maria@example.org']);
  });

  it('LIKE metacharacters in a term match only themselves', async () => {
    expect(await search('_a')).toEqual(['xander@example.net']); // not every name with an "a" after a letter
    expect(await search('5%')).toEqual(['promo@example.net']);
  });

  it('** lists every customer user, paged without gaps or repeats', async () => {
    const paged = await pageAll<CustomerUser>('/api/v1/customer-users?search=**', 3);
    expect(paged.map((u) => u.id)).toEqual(everyone.map((u) => u.id));
    expect(paged.length).toBeGreaterThanOrEqual(7);
    const noSearch = await pageAll<CustomerUser>('/api/v1/customer-users', 4);
    expect(noSearch.map((u) => u.id)).toEqual(everyone.map((u) => u.id));
  });

  it('refuses a one-character term with 400', async () => {
    for (const term of ['a', ' a ', '*a', 'a*', '*a*', '']) {
      const res = await admin.get(`/api/v1/customer-users?search=${encodeURIComponent(term)}`);
      expect(res.status, JSON.stringify(term)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
  });

  it('refuses a lone * with 400 like any one-character term (only ** lists all)', async () => {
    const res = await admin.get(`/api/v1/customer-users?search=${encodeURIComponent('*')}`);
    expect(res.status).toBe(400);
  });

  it('refuses a page size over 200 and a malformed cursor with 400', async () => {
    expect((await admin.get('/api/v1/customer-users?search=**&limit=201')).status).toBe(400);
    expect((await admin.get('/api/v1/customer-users?search=**&limit=0')).status).toBe(400);
    expect((await admin.get('/api/v1/customer-users?search=**&cursor=garbage')).status).toBe(400);
    const hugeId = Buffer.from(JSON.stringify([null, 1e20])).toString('base64url');
    expect((await admin.get(`/api/v1/customer-users?search=**&cursor=${hugeId}`)).status).toBe(400);
  });
});

describe('customers (companies)', () => {
  it('creates customers; a duplicate customer code is 409 whatever its case; no code may repeat', async () => {
    const c = await addCustomer({ name: 'Acme Retail', customer_code: 'ACME-01' });
    expect(c).toMatchObject({ name: 'Acme Retail', customer_code: 'ACME-01' });
    const dup = await admin.post('/api/v1/customers', { name: 'Acme Again', customer_code: 'acme-01' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    const a = await addCustomer({ name: 'No Code One' });
    const b = await addCustomer({ name: 'No Code Two', customer_code: null });
    expect(a.customer_code).toBeNull();
    expect(b.customer_code).toBeNull();
  });

  it('refuses bad bodies with 400', async () => {
    for (const body of [{}, { name: '' }, { name: 'X', code: 'Y' }, { name: 'X', customer_code: 5 }]) {
      expect((await admin.post('/api/v1/customers', body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('searches by name and customer code with the same wildcard rules', async () => {
    await addCustomer({ name: 'Acorn Foods', customer_code: 'AF-77' });
    await addCustomer({ name: 'Toko Maju', customer_code: 'ACX-9' });
    await addCustomer({ name: 'Bakery Acme', customer_code: null });
    const all = await pageAll<Customer>('/api/v1/customers?search=**', 2);
    for (const term of ['ac*', 'AC*', '*foods', 'acme', 'af-77', 'a*9', '*oo*']) {
      const got = (await pageAll<Customer>(`/api/v1/customers?search=${encodeURIComponent(term)}`, 200)).map((c) => c.id);
      expect(got, term).toEqual(all.filter((c) => customerMatches(term, c)).map((c) => c.id));
    }
    const names = (await pageAll<Customer>('/api/v1/customers?search=ac*', 200)).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Acme Retail', 'Acorn Foods', 'Toko Maju']));
    expect(names).not.toContain('Bakery Acme');
    expect((await admin.get('/api/v1/customers?search=x')).status).toBe(400);
  });

  it('** lists every customer, paged', async () => {
    const small = await pageAll<Customer>('/api/v1/customers?search=**', 1);
    const big = await pageAll<Customer>('/api/v1/customers', 200);
    expect(small.map((c) => c.id)).toEqual(big.map((c) => c.id));
  });
});

describe('customers and customer users as records of their own', () => {

  it("reads local phone numbers in the workspace's country: stored in E.164, found however they are typed", async () => {
    expect((await admin.patch('/api/v1/settings', { default_country: 'XX' })).status).toBe(400);
    expect((await admin.patch('/api/v1/settings', { default_country: 'ID' })).body.default_country).toBe('ID');
    const user = await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'Dewi Lestari', phone: '0812 7000 1234' });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    expect([user.body.phone, user.body.phone_e164]).toEqual(['0812 7000 1234', '+6281270001234']);
    for (const search of ['0812 7000*', '+62 812-7000*', '*1234']) {
      const found = await admin.get<Page<CustomerUser>>(`/api/v1/customer-users?search=${encodeURIComponent(search)}`);
      expect(found.body.items.map((u) => u.id), search).toContain(user.body.id);
    }
    const ticket = await admin.post('/api/v1/tickets', { subject: 'Rice cooker lid', customer_user_id: user.body.id });
    expect(ticket.status).toBe(201);
    for (const phone of ['0812-7000-1234', '+6281270001234', '+62 812 7000 1234']) {
      const list = await admin.get(`/api/v1/tickets?phone=${encodeURIComponent(phone)}`);
      expect(list.body.items.map((t: { number: string }) => t.number), phone).toEqual([ticket.body.number]);
    }
  });

  it('finds names whatever their accents and case', async () => {
    const jose = await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'José Ñúñez', email: 'jose.nunez@example.com' });
    const company = await admin.post<Customer>('/api/v1/customers', { name: 'Café Élan', customer_code: 'ELAN-1' });
    expect((await admin.get<Page<CustomerUser>>('/api/v1/customer-users?search=jose nu*')).body.items.map((u) => u.id)).toContain(jose.body.id);
    expect((await admin.get<Page<CustomerUser>>('/api/v1/customer-users?search=NUNEZ')).body.items.map((u) => u.id)).toContain(jose.body.id);
    expect((await admin.get<Page<Customer>>('/api/v1/customers?search=cafe*')).body.items.map((c) => c.id)).toContain(company.body.id);
  });

  it('keeps a customer’s address, notes and own attributes, and changes them', async () => {
    const made = await admin.post<Customer>('/api/v1/customers', { name: 'Toko Sinar', customer_code: 'SINAR', address: 'Jl. Merdeka 1, Bandung', attributes: { segment: 'retail', stores: 3 } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ address: 'Jl. Merdeka 1, Bandung', notes: null, attributes: { segment: 'retail', stores: 3 } });
    const changed = await admin.patch<Customer>(`/api/v1/customers/${made.body.id}`, { notes: 'Pays by invoice', attributes: { segment: 'b2b' } });
    expect(changed.body).toMatchObject({ notes: 'Pays by invoice', attributes: { segment: 'b2b' }, address: 'Jl. Merdeka 1, Bandung' });
    expect((await admin.get<Customer>(`/api/v1/customers/${made.body.id}`)).body).toEqual(changed.body);
    const badName = await admin.patch(`/api/v1/customers/${made.body.id}`, { attributes: { 'Bad Name': 1 } });
    expect(badName.status).toBe(400);
    expect(badName.body.error.details).toContainEqual(expect.objectContaining({ field: 'body.attributes.Bad Name', message: 'attribute names are lower_snake_case' }));
    expect((await admin.patch(`/api/v1/customers/${made.body.id}`, {})).status).toBe(400);
    const clash = await admin.post('/api/v1/customers', { name: 'Another Sinar', customer_code: 'sinar' });
    expect(clash.status).toBe(409);
  });

  it('names the customer user who has an email already, keeps loyalty ids unique, and marks users invalid', async () => {
    const first = await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'Rudi Hartono', email: 'rudi@example.com', loyalty_id: 'TM-0001' });
    expect(first.body).toMatchObject({ loyalty_id: 'TM-0001', valid: true });
    const again = await admin.post('/api/v1/customer-users', { name: 'Rudi H', email: 'RUDI@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('Rudi Hartono');
    expect(again.body.error.details[0]).toMatchObject({ field: 'body.email', customer_user_id: first.body.id });
    const other = await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'Sinta', email: 'sinta@example.com' });
    const taken = await admin.patch(`/api/v1/customer-users/${other.body.id}`, { loyalty_id: 'tm-0001' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].field).toBe('body.loyalty_id');
    expect((await admin.get<Page<CustomerUser>>('/api/v1/customer-users?search=TM-00*')).body.items.map((u) => u.id)).toEqual([first.body.id]);
    expect((await admin.patch<CustomerUser>(`/api/v1/customer-users/${first.body.id}`, { valid: false })).body.valid).toBe(false);
  });
});

describe('text the database cannot hold', () => {
  it('refuses a NUL character anywhere in a body or query with 400 at its field, and writes nothing', async () => {
    const res = await admin.post('/api/v1/customer-users', { name: 'Bad\u0000Name', email: 'nul@example.com' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('body.name');
    expect((await admin.get('/api/v1/customer-users?search=nul@example.com')).body.items).toEqual([]);
    const query = await admin.get('/api/v1/customer-users?search=ab%00cd');
    expect(query.status).toBe(400);
    expect(query.body.error.details[0].field).toBe('querystring.search');
    expect((await admin.post('/api/v1/tickets', { subject: 'ok', description: 'a\u0000b' })).status).toBe(400);
  });
});
