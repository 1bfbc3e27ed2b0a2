// npm run bench:fields — issue 9's typed ticket fields on PostgreSQL, over a seeded workspace:
// the dashboard filtered by a field value (the values' GIN index) beside, in the same run, the
// same list filtered by a plain column (channel); the status counts likewise; and creating a
// ticket with three typed fields checked against their definitions beside one without.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { HttpClient } from './measure.ts';
import { startChild, stopChild } from './processes.ts';
import { ADMIN, prepareTarget } from './seed.ts';

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '21' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    fresh: { type: 'boolean', default: false },
  },
  strict: true,
});
const tickets = Number(args.tickets);
const runs = Number(args.runs);
const log = (line: string) => console.log(line);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const seeded = await prepareTarget({ engine: 'postgres', tickets, customerUsers: Math.max(100, Math.round(tickets / 10)), pgAdminUrl: args['pg-url']!, fresh: args.fresh!, log });
const databaseUrl = seeded.location.databaseUrl as string;
const sql = new pg.Client({ connectionString: databaseUrl });
await sql.connect();

const server = await startChild('serve.ts', { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, CAREDESK_SWEEP_INTERVAL_MS: '0', SMTP_INBOUND: 'false' }, '/readyz');
try {
  const client = new HttpClient(server.url, 1);
  const login = await client.expect('POST', '/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password }, 200);
  client.headers.cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

  // The fields, defined through the API (once; a rerun finds them).
  const existing = JSON.parse((await client.expect('GET', '/api/v1/ticket-fields', undefined, 200)).body).items as { key: string }[];
  const define = async (body: unknown) => client.expect('POST', '/api/v1/ticket-fields', body, 201);
  if (!existing.some((f) => f.key === 'product_line')) {
    await define({ key: 'product_line', type: 'select', labels: { en: 'Product line' }, options: ['kitchen', 'electronics', 'fashion', 'home'].map((k) => ({ key: k, labels: { en: k } })) });
    await define({ key: 'under_warranty', type: 'checkbox', labels: { en: 'Under warranty' } });
    await define({ key: 'serial_number', type: 'text', labels: { en: 'Serial number' } });
  }
  // Values on every seeded ticket, written straight in SQL (what the API would store); the search
  // document is left as seeded, so the trigger is held off for the bulk write.
  const filled = Number((await sql.query(`select count(*) as n from tickets where org_id = $1 and custom_fields ? 'product_line'`, [seeded.orgId])).rows[0].n);
  if (filled === 0) {
    const t0 = performance.now();
    await sql.query('alter table tickets disable trigger tickets_search');
    await sql.query(
      `update tickets set custom_fields = jsonb_build_object('product_line', (array['kitchen','electronics','fashion','home'])[1 + (id % 4)], 'under_warranty', id % 3 = 0, 'serial_number', 'SN-' || id)
       where org_id = $1`,
      [seeded.orgId],
    );
    await sql.query('alter table tickets enable trigger tickets_search');
    await sql.query('analyze tickets');
    log(`values written on ${tickets.toLocaleString('en')} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const kitchen = Number((await sql.query(`select count(*) as n from tickets where org_id = $1 and custom_fields @> '{"product_line":"kitchen"}'`, [seeded.orgId])).rows[0].n);
  const email = Number((await sql.query(`select count(*) as n from tickets where org_id = $1 and channel = 'email'`, [seeded.orgId])).rows[0].n);
  log(`workspace: ${tickets.toLocaleString('en')} tickets; product_line=kitchen on ${kitchen.toLocaleString('en')}, channel=email on ${email.toLocaleString('en')}`);

  const timed = async (path: string, method = 'GET', body?: unknown, expected = 200) => {
    const t0 = performance.now();
    await client.expect(method, path, body, expected);
    return performance.now() - t0;
  };
  const reads: [string, string][] = [
    ['list, field product_line:kitchen', '/api/v1/tickets?field=product_line:kitchen&limit=50'],
    ['list, two fields (kitchen, under warranty)', '/api/v1/tickets?field=product_line:kitchen&field=under_warranty:true&limit=50'],
    ['list, text field contains "SN-12345"', '/api/v1/tickets?field=serial_number:SN-12345&limit=50'],
    ['baseline: list, channel=email', '/api/v1/tickets?channel=email&limit=50'],
    ['counts, field product_line:kitchen', '/api/v1/tickets/stats?field=product_line:kitchen'],
    ['baseline: counts, priority=high', '/api/v1/tickets/stats?priority=high'],
  ];
  const times = new Map<string, number[]>();
  for (const [, path] of reads) await timed(path);
  for (let run = 0; run < runs; run++) for (const [name, path] of reads) times.set(name, [...(times.get(name) ?? []), await timed(path)]);

  const ticket = (fields: boolean, i: number) => ({
    subject: `Bench ticket ${i}`,
    description: 'The kettle leaks at the seam.',
    priority: 'medium',
    customer: { name: 'Bench Customer', email: `bench.fields.${i % 50}@example.com` },
    ...(fields ? { custom_fields: { product_line: 'kitchen', under_warranty: true, serial_number: `SN-B${i}` } } : {}),
  });
  const creates = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < 5; i++) await timed('/api/v1/tickets', 'POST', ticket(i % 2 === 0, i), 201);
  for (let i = 0; i < runs * 2; i++) {
    creates.with.push(await timed('/api/v1/tickets', 'POST', ticket(true, i), 201));
    creates.without.push(await timed('/api/v1/tickets', 'POST', ticket(false, i), 201));
  }

  log(`\nTicket fields, medians of ${runs} runs (one request at a time), PostgreSQL, ${tickets.toLocaleString('en')} tickets:`);
  log('| request | median ms | ratio to its baseline |\n| --- | --- | --- |');
  const listBase = median(times.get('baseline: list, channel=email')!);
  const countBase = median(times.get('baseline: counts, priority=high')!);
  for (const [name] of reads) {
    const ms = median(times.get(name)!);
    const base = name.startsWith('counts') || name.includes('counts') ? countBase : listBase;
    log(`| GET ${name} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)} |`);
  }
  const withMs = median(creates.with);
  const withoutMs = median(creates.without);
  log(`| POST /api/v1/tickets with 3 typed fields | ${withMs.toFixed(1)} | ${(withMs / withoutMs).toFixed(2)} |`);
  log(`| baseline: POST /api/v1/tickets without fields | ${withoutMs.toFixed(1)} | 1.00 |`);
} finally {
  await stopChild(server);
  await sql.end();
}
