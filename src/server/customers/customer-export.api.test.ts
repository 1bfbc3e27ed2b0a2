import { parse } from 'csv/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, CustomerUser } from '../../contract/customers.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
  ({ admin } = await createWorkspace(server.url, 'export-shop'));
  expect((await admin.patch('/api/v1/settings', { default_country: 'ID' })).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
});

/** The export as the bytes a browser saves. */
async function download(client: ApiClient) {
  const res = await fetch(`${server.url}/api/v1/customer-users/export`, {
    headers: client.bearer ? { authorization: `Bearer ${client.bearer}` } : { cookie: client.cookie ?? '' },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

const importCsv = (client: ApiClient, csv: string) => client.request('POST', '/api/v1/customer-users/import', csv, { 'content-type': 'text/csv' });

async function allUsers(client: ApiClient): Promise<CustomerUser[]> {
  const users: CustomerUser[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: CustomerUser[]; next_cursor: string | null } } = await client.get(`/api/v1/customer-users?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    users.push(...res.body.items);
    cursor = res.body.next_cursor;
  } while (cursor);
  return users;
}

async function customerCodes(client: ApiClient): Promise<Map<number, string | null>> {
  const res = await client.get<{ items: Customer[] }>('/api/v1/customers?search=**&limit=200');
  return new Map(res.body.items.map((c) => [c.id, c.customer_code]));
}

/** What must survive an export and an import elsewhere: everything but ids and clocks, the customer by its code. */
async function portable(client: ApiClient) {
  const codes = await customerCodes(client);
  return (await allUsers(client))
    .map((u) => ({ name: u.name, email: u.email, phone: u.phone, phone_e164: u.phone_e164, language: u.language, loyalty_id: u.loyalty_id, valid: u.valid, customer: u.customer_id === null ? null : codes.get(u.customer_id) }))
    .sort((a, b) => `${a.name}|${a.email}`.localeCompare(`${b.name}|${b.email}`));
}

describe('CSV export of customer users', () => {
  it('answers an empty workspace with the header alone, as a UTF-8 CSV download with a BOM', async () => {
    const res = await download(admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="customer-users.csv"');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text).toBe('\uFEFFname,email,phone,language,loyalty_id,customer_id,valid\r\n');
  });

  it('exports what imports again: another workspace gets the same customer users', async () => {
    const company = await admin.post<Customer>('/api/v1/customers', { name: 'PT Sinar', customer_code: 'SN-01' });
    for (const body of [
      { name: 'Siti Rahma', email: 'siti@export.test', phone: '0812 1111 2222', language: 'id', loyalty_id: 'L-1', customer_id: company.body.id },
      { name: 'Budi "The Boss", Santoso', email: 'budi@export.test', phone: '+62 (21) 555-0199', valid: false },
      { name: 'José Müller\nsecond line', phone: '+44 20 7946 0000' },
      { name: '=HYPERLINK("http://evil.test","click")', email: 'formula@export.test' },
      { name: '-minus', email: 'minus@export.test', loyalty_id: '@L-2' },
      { name: "'quoted already", email: 'quote@export.test' },
    ]) {
      expect((await admin.post('/api/v1/customer-users', body)).status).toBe(201);
    }
    const exported = await download(admin);
    expect(exported.status).toBe(200);

    const other = await createWorkspace(server.url, 'import-shop', 'signup');
    expect((await other.admin.patch('/api/v1/settings', { default_country: 'ID' })).status).toBe(200);
    expect((await other.admin.post('/api/v1/customers', { name: 'PT Sinar (B)', customer_code: 'SN-01' })).status).toBe(201);
    const imported = await importCsv(other.admin, exported.text);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ imported: 6, skipped: 0, errors: [] });
    expect(await portable(other.admin)).toEqual(await portable(admin));
  });

  it('puts a quote before values a spreadsheet would run as formulas (names, phone numbers, loyalty ids)', async () => {
    const rows: string[][] = parse((await download(admin)).text, { bom: true });
    const byEmail = new Map(rows.map((r) => [r[1], r]));
    expect(byEmail.get('formula@export.test')?.[0]).toBe('\'=HYPERLINK("http://evil.test","click")');
    expect(byEmail.get('budi@export.test')?.[2]).toBe("'+62 (21) 555-0199");
    expect(byEmail.get('minus@export.test')?.[0]).toBe("'-minus");
    expect(byEmail.get('minus@export.test')?.[4]).toBe("'@L-2");
    expect(byEmail.get('quote@export.test')?.[0]).toBe("''quoted already");
    expect(byEmail.get('siti@export.test')).toEqual(['Siti Rahma', 'siti@export.test', '0812 1111 2222', 'id', 'L-1', 'SN-01', 'true']);
    for (const row of rows) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('streams a few thousand customer users page by page, each once, to agents and API keys alike', async () => {
    const big = await createWorkspace(server.url, 'big-shop', 'signup');
    const lines = Array.from({ length: 3_500 }, (_, i) => `Person ${i},person${i}@big.test`);
    expect((await importCsv(big.admin, `name,email\n${lines.join('\n')}`)).body).toMatchObject({ imported: 3_500 });
    const agent = await createAgent(big.admin);
    const key = await createApiKey(big.admin);
    for (const client of [agent.client, key]) {
      const res = await download(client);
      expect(res.status).toBe(200);
      const rows: string[][] = parse(res.text, { bom: true });
      expect(rows).toHaveLength(3_501);
      const emails = rows.slice(1).map((r) => r[1]);
      expect(new Set(emails).size).toBe(3_500);
      expect(emails[0]).toBe('person0@big.test');
      expect(emails.at(-1)).toBe('person3499@big.test');
    }
  });

  it('needs credentials (401) and never includes another workspace', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/customer-users/export`);
    expect(anonymous.status).toBe(401);
    const other = await download(admin);
    expect(other.text).not.toContain('@big.test');
  });
});
