import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerImportResult } from '../../contract/customers-bulk.ts';
import type { CustomerUser } from '../../contract/customers.ts';
import type { ApiClient, ApiResponse } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let admin: ApiClient;
let orgId: number;
let customerId: number;

beforeAll(async () => {
  server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
  ({ admin, orgId } = await createWorkspace(server.url));
  expect((await admin.patch('/api/v1/settings', { default_country: 'ID' })).status).toBe(200);
  customerId = (await admin.post('/api/v1/customers', { name: 'PT Maju Jaya', customer_code: 'MJ-01' })).body.id;
});
afterAll(async () => {
  await server?.close();
});

const HEADER = 'name,email,phone,language,loyalty_id,customer_id,valid';

const importCsv = (csv: string, query = '', client: ApiClient = admin): Promise<ApiResponse> =>
  client.request('POST', `/api/v1/customer-users/import${query}`, csv, { 'content-type': 'text/csv; charset=utf-8' });

const countUsers = async (org = orgId) =>
  Number((await server.deps.db.selectFrom('customer_users').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', org).executeTakeFirstOrThrow()).n);

const findByEmail = async (email: string) => {
  const res = await admin.get<{ items: CustomerUser[] }>(`/api/v1/customer-users?search=${encodeURIComponent(email)}`);
  return res.body.items.find((u) => u.email === email);
};

describe('CSV import of customer users', () => {
  it('imports every row, with the customer found by its code and local phones read in the workspace country', async () => {
    const csv = [
      HEADER,
      'Siti Rahma,siti@import.test,0812 1111 2222,id,LOY-1,MJ-01,true',
      '"Santoso, Budi",budi@import.test,,en,,mj-01,',
      'Only Phone,,+44 20 7946 0000,,,,false',
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ dry_run: false, imported: 3, skipped: 0, errors: [] } satisfies CustomerImportResult);
    expect(await findByEmail('siti@import.test')).toMatchObject({ name: 'Siti Rahma', phone: '0812 1111 2222', phone_e164: '+6281211112222', language: 'id', loyalty_id: 'LOY-1', customer_id: customerId, valid: true });
    expect(await findByEmail('budi@import.test')).toMatchObject({ name: 'Santoso, Budi', phone: null, language: 'en', customer_id: customerId, valid: true });
    const phoneOnly = (await admin.get<{ items: CustomerUser[] }>('/api/v1/customer-users?search=Only%20Phone')).body.items[0];
    expect(phoneOnly).toMatchObject({ email: null, phone_e164: '+442079460000', valid: false, customer_id: null });
  });

  it('reads a UTF-8 BOM, columns in any order and of any case, and accents', async () => {
    const res = await importCsv('\uFEFFEmail,Name\nbom@import.test,José Müller\n');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.imported).toBe(1);
    expect((await findByEmail('bom@import.test'))?.name).toBe('José Müller');
  });

  it('a dry run checks and counts every row but writes nothing', async () => {
    const before = await countUsers();
    const res = await importCsv(`${HEADER}\nDry One,dry1@import.test,,,,,\nDry Two,dry2@import.test,,,,,`, '?dry_run=true');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ dry_run: true, imported: 2, skipped: 0, errors: [] });
    expect(await countUsers()).toBe(before);
  });

  it('one bad row: 422 naming its line and field, and nothing is imported', async () => {
    const before = await countUsers();
    const csv = `${HEADER}\nGood One,good1@import.test,,,,,\nBad Mail,not-an-email,,,,,\nGood Two,good2@import.test,,,,,`;
    const res = await importCsv(csv);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('unprocessable');
    expect(res.body.error.details).toEqual([{ line: 3, field: 'email', reason: expect.any(String) }]);
    expect(await countUsers()).toBe(before);
    // A dry run says the same, and writes nothing either.
    const dry = await importCsv(csv, '?dry_run=true');
    expect(dry.status).toBe(422);
    expect(dry.body.error.details).toEqual(res.body.error.details);
    expect(await countUsers()).toBe(before);
  });

  it('skip_bad_rows imports the good rows and reports each bad line with its reason', async () => {
    const csv = [
      HEADER,
      'Skip Good,skipgood@import.test,,,,,',
      'No Contact,,,,,,',
      ',noname@import.test,,,,,',
      'Bad Language,badlang@import.test,,fr,,,',
      'Bad Phone,badphone@import.test,call me,,,,',
      'Bad Company,badco@import.test,,,,NOPE-9,',
      'Bad Flag,badflag@import.test,,,,,maybe',
      'Short Row,short@import.test',
      '',
      'Skip Good Two,skipgood2@import.test,,,,,',
    ].join('\n');
    const res = await importCsv(csv, '?skip_bad_rows=true');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ dry_run: false, imported: 2, skipped: 7 });
    expect(res.body.errors.map((e: { line: number; field?: string }) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [4, 'name'],
      [5, 'language'],
      [6, 'phone'],
      [7, 'customer_id'],
      [8, 'valid'],
      [9, undefined],
    ]);
    expect(res.body.errors[4].reason).toContain('NOPE-9');
    expect(await findByEmail('skipgood@import.test')).toBeDefined();
    expect(await findByEmail('skipgood2@import.test')).toBeDefined();
    expect(await findByEmail('badlang@import.test')).toBeUndefined();
  });

  it('refuses duplicates within the file and against the database, naming who has the email', async () => {
    const existing = (await admin.post<CustomerUser>('/api/v1/customer-users', { name: 'Already Here', email: 'taken@import.test', loyalty_id: 'LOY-TAKEN' })).body;
    const csv = [
      HEADER,
      'Twin A,twin@import.test,,,,,',
      'Twin B,TWIN@import.test,,,,,',
      'Taken,Taken@Import.test,,,,,',
      'Loyal A,loyal-a@import.test,,,LOY-X,,',
      'Loyal B,loyal-b@import.test,,,loy-x,,',
      'Loyal Taken,loyal-c@import.test,,,loy-taken,,',
    ].join('\n');
    const res = await importCsv(csv, '?skip_bad_rows=true&dry_run=true');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.errors.map((e: { line: number; field?: string }) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [4, 'email'],
      [6, 'loyalty_id'],
      [7, 'loyalty_id'],
    ]);
    expect(res.body.errors[0].reason).toContain('line 2');
    expect(res.body.errors[1].reason).toContain(`customer user ${existing.id}`);
    expect(res.body.errors[1].reason).toContain('Already Here');
    expect(res.body.imported).toBe(2);
  });

  it('refuses unknown columns (400, naming them), a missing header and unreadable CSV before looking at any row', async () => {
    const unknown = await importCsv('name,email,nickname,shoe_size\nA,a@import.test,x,42');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"nickname"');
    expect(unknown.body.error.message).toContain('"shoe_size"');
    expect((await importCsv('')).status).toBe(400);
    expect((await importCsv('email\nx@import.test')).status).toBe(400); // no name column
    expect((await importCsv('name,name\nA,B')).status).toBe(400);
    const unclosed = await importCsv('name,email\n"Open quote,a@import.test\n');
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.error.message).toContain('cannot be read');
  });

  it('refuses a file over 5 MB and more than 50,000 rows with 413, and writes nothing', async () => {
    const before = await countUsers();
    // Past the API's usual 1 MB: a 2 MB file is read.
    const large = `name,email\n${Array.from({ length: 20_000 }, (_, i) => `Large Row ${i} ${'x'.repeat(70)},large${i}@import.test`).join('\n')}`;
    expect(large.length).toBeGreaterThan(2 * 1024 * 1024);
    expect((await importCsv(large, '?dry_run=true')).body).toMatchObject({ imported: 20_000 });
    const big = `${HEADER}\n${`Big Row,big@import.test,,,,,${' '.repeat(600)}\n`.repeat(9_000)}`;
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const tooBig = await importCsv(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('too_large');
    const tooMany = await importCsv(`name,email\n${'N,\n'.repeat(50_001)}`);
    expect(tooMany.status).toBe(413);
    expect(await countUsers()).toBe(before);
  });

  it('takes text/csv only (415 for JSON), needs credentials (401), and serves agents and API keys', async () => {
    const json = await admin.post('/api/v1/customer-users/import', { name: 'x' });
    expect(json.status).toBe(415);
    expect((await importCsv('name,email\nA,anon@import.test', '', server.anonymous())).status).toBe(401);
    expect((await importCsv('name,email\nA,a@import.test', '?dry_run=maybe')).status).toBe(400);
    const agent = await createAgent(admin);
    expect((await importCsv('name,email\nBy Agent,agent@import.test', '', agent.client)).body).toMatchObject({ imported: 1 });
    const key = await createApiKey(admin);
    expect((await importCsv('name,email\nBy Key,key@import.test', '', key)).body).toMatchObject({ imported: 1 });
  });

  it('keeps JSON-only everywhere else: text/csv to another route is 415', async () => {
    const res = await admin.request('POST', '/api/v1/customer-users', 'name,email\nA,a@x.test', { 'content-type': 'text/csv' });
    expect(res.status).toBe(415);
  });
});

describe('CSV import, whatever the file holds', () => {
  const cellChar = fc.constantFrom('a', 'B', 'é', '1', '+', '@', '.', ' ', ',', '"', '\n', '\r', '\t', "'", '=', '-', '\u0000', '\uFEFF', 'x@y.test');
  const cell = fc.oneof(
    fc.string({ unit: cellChar, maxLength: 12 }),
    fc.constantFrom('', 'true', 'false', 'en', 'id', 'MJ-01', '+62 812 3456 7890', 'ok@prop.test', 'OK@PROP.TEST'),
  );
  const quoted = (s: string) => (Math.abs(s.length % 3) === 0 ? `"${s.replace(/"/g, '""')}"` : s);
  // Mostly a header the import knows (name and some others), sometimes anything.
  const header = fc.oneof(
    { weight: 5, arbitrary: fc.shuffledSubarray(['email', 'phone', 'language', 'loyalty_id', 'customer_id', 'valid']).chain((cols) => fc.shuffledSubarray(['name', ...cols], { minLength: cols.length + 1 })) },
    { weight: 1, arbitrary: fc.shuffledSubarray(['name', 'email', 'phone', 'bogus', ''], { minLength: 0 }) },
  );
  const row = (width: number) => fc.oneof({ weight: 4, arbitrary: fc.array(cell, { minLength: width, maxLength: width }) }, { weight: 1, arbitrary: fc.array(cell, { maxLength: width + 1 }) });
  const sheet = header.chain((columns) => fc.tuple(fc.constant(columns), fc.array(row(columns.length), { maxLength: 6 }), fc.boolean(), fc.constantFrom('\n', '\r\n')));
  const csvText = fc.oneof(
    { weight: 5, arbitrary: sheet.map(([columns, rows, bom, eol]) => `${bom ? '\uFEFF' : ''}${[columns.join(','), ...rows.map((r) => r.map(quoted).join(','))].join(eol)}`) },
    { weight: 1, arbitrary: fc.string({ unit: cellChar, maxLength: 80 }) },
  );

  it('answers any CSV text with 2xx or 4xx, never 5xx; with a bad row and no skipping nothing is written', async () => {
    const ws = await createWorkspace(server.url, 'prop-shop', 'signup');
    await ws.admin.post('/api/v1/customers', { name: 'Prop Co', customer_code: 'MJ-01' });
    await fc.assert(
      fc.asyncProperty(csvText, fc.boolean(), fc.boolean(), async (csv, dryRun, skip) => {
        const before = await countUsers(ws.orgId);
        const res = await importCsv(csv, `?dry_run=${dryRun}&skip_bad_rows=${skip}`, ws.admin);
        expect(res.status, `${JSON.stringify(csv)} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
        expect([200, 400, 409, 413, 422]).toContain(res.status);
        const after = await countUsers(ws.orgId);
        if (res.status !== 200 || dryRun) expect(after).toBe(before);
        else {
          expect(after - before).toBe(res.body.imported);
          if (!skip) expect(res.body.errors).toEqual([]);
        }
      }),
      { numRuns: 120 },
    );
  });
});
