import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from '../../../test/helpers/client.ts';
import { buildTicket, createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { mailsTo } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { RoutingRule } from '../../contract/routing.ts';
import type { Ticket, TicketEvent } from '../../contract/tickets.ts';

let server: TestServer;
let admin: ApiClient;
let agent: ApiClient;
let agentId: number;
let key: ApiClient;
let other: ApiClient;
let slug: string;
let returns: number;
let billing: number;
let marketplace: number;
let damage: number;
let acme: number;
let theirDepartment: number;
let theirCustomer: number;

const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
function expectStatus<T = any>(res: ApiResponse<T>, status: number): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const fieldsOf = (res: ApiResponse) => (res.body.error.details as Array<{ field: string }>).map((d) => d.field);
const ids = async (client = admin) => expectStatus(await client.get('/api/v1/routing-rules'), 200).items.map((r: RoutingRule) => r.id);
const addRule = async (body: Record<string, unknown>) => expectStatus<RoutingRule>(await admin.post('/api/v1/routing-rules', body), 201);
const createdEvent = async (client: ApiClient, number: string) =>
  (expectStatus(await client.get(`/api/v1/tickets/${number}/history`), 200).items as TicketEvent[]).find((e) => e.type === 'created') as TicketEvent;
/** Every rule off, so each test routes only by the rules it adds. */
async function clearRules() {
  for (const id of await ids()) expectStatus(await admin.delete(`/api/v1/routing-rules/${id}`), 204);
}

beforeAll(async () => {
  server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open', TRUST_PROXY: '1' } });
  ({ admin, slug } = await createWorkspace(server.url));
  ({ client: agent, id: agentId } = await createAgent(admin));
  key = await createApiKey(admin);
  ({ admin: other } = await createWorkspace(server.url, undefined, 'signup'));
  returns = expectStatus(await admin.post('/api/v1/departments', { name: 'Returns', email: 'returns@shop.example', member_ids: [agentId] }), 201).id;
  billing = expectStatus(await admin.post('/api/v1/departments', { name: 'Billing' }), 201).id;
  marketplace = expectStatus(await admin.post('/api/v1/departments', { name: 'Marketplace desk' }), 201).id;
  damage = expectStatus(await admin.get('/api/v1/categories'), 200).items.find((c: { name: string }) => c.name === 'Damage').id;
  acme = expectStatus(await admin.post('/api/v1/customers', { name: 'Acme Retail' }), 201).id;
  theirDepartment = expectStatus(await other.post('/api/v1/departments', { name: 'Their desk' }), 201).id;
  theirCustomer = expectStatus(await other.post('/api/v1/customers', { name: 'Their customer' }), 201).id;
});
afterAll(async () => {
  await server?.close();
});

describe('routing rules (admin)', () => {
  it('an admin adds rules after the others; null lists match anything; duplicates count once; agents and API keys read them', async () => {
    const first = await addRule({
      name: 'Refunds',
      channels: ['email', 'web', 'email'],
      sources: ['Website', 'website'],
      category_ids: [damage],
      customer_ids: [acme, acme],
      subject_keywords: ['refund', 'REFUND', 'money back'],
      department_id: billing,
    });
    expect(first).toMatchObject({
      channels: ['email', 'web'],
      sources: ['website'],
      category_ids: [damage],
      customer_ids: [acme],
      subject_keywords: ['refund', 'money back'],
      department_id: billing,
      is_active: true,
    });
    const second = await addRule({ name: 'Everything else', department_id: returns });
    expect(second).toMatchObject({ channels: null, sources: null, category_ids: null, customer_ids: null, subject_keywords: null });
    expect(second.position).toBeGreaterThan(first.position);
    expect(expectStatus(await agent.get(`/api/v1/routing-rules/${first.id}`), 200)).toEqual(first);
    expect(await ids(key)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('changes a rule: lists back to any, another department, inactive; a change to nothing is 400', async () => {
    const r = await addRule({ name: 'Changing', channels: ['phone'], department_id: returns });
    const changed = expectStatus<RoutingRule>(await admin.patch(`/api/v1/routing-rules/${r.id}`, { channels: null, department_id: billing, is_active: false }), 200);
    expect(changed).toMatchObject({ channels: null, department_id: billing, is_active: false, position: r.position });
    expect(fieldsOf(await admin.patch(`/api/v1/routing-rules/${r.id}`, {}))).toEqual(['body']);
  });

  it('bad lists, keywords without a word, a missing department and unknown fields are 400 at the field', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ channels: ['fax'] }, ['body.channels.0']],
      [{ channels: [] }, ['body.channels']],
      [{ sources: ['e bay'] }, ['body.sources.0']],
      [{ subject_keywords: ['ok', '!!!'] }, ['body.subject_keywords.1']],
      [{ subject_keywords: ['x'.repeat(101)] }, ['body.subject_keywords.0']],
      [{ category_ids: ['abc'] }, ['body.category_ids.0']],
      [{ department_id: undefined }, ['body.department_id']],
      [{ colour: 'gold' }, ['body.colour']],
    ];
    for (const [body, fields] of cases) {
      const res = await admin.post('/api/v1/routing-rules', { name: 'Bad', department_id: returns, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res), JSON.stringify(body)).toEqual(fields);
    }
    expect(fieldsOf(await admin.post('/api/v1/routing-rules', { department_id: returns }))).toEqual(['body.name']);
  });

  it("departments, categories and customers that are not the workspace's (another's too) are 400 at their place, and nothing is written", async () => {
    const before = await ids();
    const res = await admin.post('/api/v1/routing-rules', { name: 'Foreign', department_id: theirDepartment, category_ids: [damage, 987654], customer_ids: [acme, theirCustomer] });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.department_id', 'body.category_ids.1', 'body.customer_ids.1']);
    const mine = await addRule({ name: 'Mine', department_id: returns });
    expect(fieldsOf(await admin.patch(`/api/v1/routing-rules/${mine.id}`, { department_id: 987654 }))).toEqual(['body.department_id']);
    expect(await ids()).toEqual([...before, mine.id]);
  });

  it('a name taken in the workspace (in any case) is 409 at the name; another workspace may use it', async () => {
    const r = await addRule({ name: 'Gold customers', department_id: returns });
    const taken = await admin.post('/api/v1/routing-rules', { name: 'GOLD customers', department_id: returns });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken)).toEqual(['body.name']);
    expectStatus(await admin.patch(`/api/v1/routing-rules/${r.id}`, { name: 'Gold customers' }), 200);
    const silver = await addRule({ name: 'Silver customers', department_id: returns });
    expect(fieldsOf(await admin.patch(`/api/v1/routing-rules/${silver.id}`, { name: 'gold customers' }))).toEqual(['body.name']);
    expectStatus(await other.post('/api/v1/routing-rules', { name: 'Gold customers', department_id: theirDepartment }), 201);
  });

  it('PUT order sets the order they are tried in; every id once, or 400 naming the problem', async () => {
    const current = await ids();
    const reversed = [...current].reverse();
    const res = expectStatus(await put(admin, '/api/v1/routing-rules/order', { ids: reversed }), 200);
    expect(res.items.map((r: RoutingRule) => r.id)).toEqual(reversed);
    expect(res.items.map((r: RoutingRule) => r.position)).toEqual(reversed.map((_, i) => i));
    expect(fieldsOf(await put(admin, '/api/v1/routing-rules/order', { ids: reversed.slice(1) }))).toEqual(['body.ids']);
    expect(fieldsOf(await put(admin, '/api/v1/routing-rules/order', { ids: [...reversed, reversed[0]] }))).toEqual([`body.ids.${reversed.length}`]);
    const theirs = expectStatus<RoutingRule>(await other.post('/api/v1/routing-rules', { name: 'Their order', department_id: theirDepartment }), 201);
    expect(fieldsOf(await put(admin, '/api/v1/routing-rules/order', { ids: [...reversed, theirs.id] }))).toEqual([`body.ids.${reversed.length}`]);
    expect(await ids()).toEqual(reversed);
  });

  it('agents and API keys may not change rules (403)', async () => {
    const r = await addRule({ name: 'Read only', department_id: returns });
    for (const client of [agent, key]) {
      expect((await client.post('/api/v1/routing-rules', { name: 'Mine', department_id: returns })).status).toBe(403);
      expect((await client.patch(`/api/v1/routing-rules/${r.id}`, { is_active: false })).status).toBe(403);
      expect((await client.delete(`/api/v1/routing-rules/${r.id}`)).status).toBe(403);
      expect((await put(client, '/api/v1/routing-rules/order', { ids: await ids() })).status).toBe(403);
    }
    expect(expectStatus(await admin.get(`/api/v1/routing-rules/${r.id}`), 200).is_active).toBe(true);
  });

  it("another workspace's rule is 404 to read, change or delete; deleting one's own works once", async () => {
    const theirs = expectStatus<RoutingRule>(await other.post('/api/v1/routing-rules', { name: 'Hidden', department_id: theirDepartment }), 201);
    expect((await admin.get(`/api/v1/routing-rules/${theirs.id}`)).status).toBe(404);
    expect((await admin.patch(`/api/v1/routing-rules/${theirs.id}`, { is_active: false })).status).toBe(404);
    expect((await admin.delete(`/api/v1/routing-rules/${theirs.id}`)).status).toBe(404);
    expect(expectStatus(await other.get(`/api/v1/routing-rules/${theirs.id}`), 200).is_active).toBe(true);
    const mine = await addRule({ name: 'Short lived', department_id: returns });
    expect((await admin.delete(`/api/v1/routing-rules/${mine.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/routing-rules/${mine.id}`)).status).toBe(404);
  });
});

describe('routing new tickets', () => {
  it('a ticket created without a department goes to the first active matching rule; the created event names the department and the rule; the department hears of it', async () => {
    await clearRules();
    await addRule({ name: 'Off', subject_keywords: ['refund'], department_id: marketplace, is_active: false });
    const refunds = await addRule({ name: 'Refunds', subject_keywords: ['refund', 'money back'], department_id: billing });
    await addRule({ name: 'Broken things', subject_keywords: ['broken', 'cracked'], department_id: returns });
    const email = 'routed.customer@example.com';
    const ticket = expectStatus<Ticket>(await admin.post('/api/v1/tickets', buildTicket({ subject: 'I want my MONEY back!', customer: { name: 'Rina', email } })), 201);
    expect(ticket.department).toEqual({ id: billing, name: 'Billing' });
    expect((await createdEvent(admin, ticket.number)).after).toMatchObject({ department: 'Billing', routed_by: { id: refunds.id, name: 'Refunds' } });

    const cracked = expectStatus<Ticket>(await admin.post('/api/v1/tickets', buildTicket({ subject: 'Réfund? No: the jug arrived CRACKED' })), 201);
    expect(cracked.department?.name).toBe('Billing');
    const jug = expectStatus<Ticket>(await admin.post('/api/v1/tickets', buildTicket({ subject: 'The jug arrived cracked' })), 201);
    expect(jug.department?.name).toBe('Returns');
    // The department's members and address hear of a routed ticket as of any new one.
    const notices = expectStatus(await agent.get('/api/v1/notifications?limit=100'), 200).items as Array<{ kind: string; ticket: { number: string } }>;
    expect(notices.filter((n) => n.ticket.number === jug.number).map((n) => n.kind)).toEqual(['new_ticket']);
    expect((await mailsTo(server, 'returns@shop.example', 'department_new_ticket')).length).toBeGreaterThan(0);
    expect(await mailsTo(server, email, 'ticket_created')).toHaveLength(1);
  });

  it('a department given with the ticket wins over the rules, and nothing is said of routing', async () => {
    await clearRules();
    await addRule({ name: 'All to billing', department_id: billing });
    const ticket = expectStatus<Ticket>(await admin.post('/api/v1/tickets', buildTicket({ department: 'Returns' })), 201);
    expect(ticket.department?.name).toBe('Returns');
    const after = (await createdEvent(admin, ticket.number)).after ?? {};
    expect(after.department).toBe('Returns');
    expect(after).not.toHaveProperty('routed_by');
  });

  it('rules match by channel and source (API), category, and the customer the customer user belongs to; order decides between matches', async () => {
    await clearRules();
    const ebay = await addRule({ name: 'eBay', channels: ['marketplace'], sources: ['ebay'], department_id: marketplace });
    const damaged = await addRule({ name: 'Damage', category_ids: [damage], department_id: returns });
    const acmeRule = await addRule({ name: 'Acme', customer_ids: [acme], department_id: billing });
    const acmeUser = expectStatus(await admin.post('/api/v1/customer-users', { name: 'Ana Acme', email: 'ana@acme.example', customer_id: acme }), 201).id;

    const fromEbay = expectStatus<Ticket>(await key.post('/api/v1/tickets', buildTicket({ channel: 'marketplace', source: 'eBay', category: undefined })), 201);
    expect(fromEbay.department?.name).toBe('Marketplace desk');
    expect((await createdEvent(key, fromEbay.number)).after?.routed_by).toEqual({ id: ebay.id, name: 'eBay' });
    const fromAmazon = expectStatus<Ticket>(await key.post('/api/v1/tickets', buildTicket({ channel: 'marketplace', source: 'amazon', category: undefined })), 201);
    expect(fromAmazon.department).toBeNull();

    const acmeDamage = expectStatus<Ticket>(await agent.post('/api/v1/tickets', buildTicket({ customer: undefined, customer_user_id: acmeUser })), 201);
    expect(acmeDamage.department?.name).toBe('Returns');
    expectStatus(await put(admin, '/api/v1/routing-rules/order', { ids: [acmeRule.id, damaged.id, ebay.id] }), 200);
    const acmeAgain = expectStatus<Ticket>(await agent.post('/api/v1/tickets', buildTicket({ customer: undefined, customer_user_id: acmeUser })), 201);
    expect(acmeAgain.department?.name).toBe('Billing');
    expect((await createdEvent(agent, acmeAgain.number)).after?.routed_by).toEqual({ id: acmeRule.id, name: 'Acme' });
  });

  it('a request from the portal form is routed too (channel web, source website)', async () => {
    await clearRules();
    const web = await addRule({ name: 'Website', channels: ['web'], sources: ['website'], department_id: returns });
    const res = expectStatus(await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { name: 'Wati', email: 'wati.routed@example.com', description: 'The parcel never came' }, { 'x-forwarded-for': '10.9.0.1' }), 201);
    const ticket = expectStatus<Ticket>(await admin.get(`/api/v1/tickets/${res.number}`), 200);
    expect(ticket.department?.name).toBe('Returns');
    expect((await createdEvent(admin, ticket.number)).after?.routed_by).toEqual({ id: web.id, name: 'Website' });
  });

  it('with no matching rule the ticket has no department, and a deleted rule routes nothing any more', async () => {
    await clearRules();
    const only = await addRule({ name: 'Only phone', channels: ['phone'], department_id: billing });
    const mail = expectStatus<Ticket>(await admin.post('/api/v1/tickets', buildTicket({ channel: 'email' })), 201);
    expect(mail.department).toBeNull();
    expect((await createdEvent(admin, mail.number)).after).toMatchObject({ department: null });
    expectStatus(await admin.delete(`/api/v1/routing-rules/${only.id}`), 204);
    const phone = expectStatus<Ticket>(await admin.post('/api/v1/tickets', buildTicket({ channel: 'phone' })), 201);
    expect(phone.department).toBeNull();
  });

  it("another workspace's rules never route this workspace's tickets", async () => {
    await clearRules();
    expectStatus(await other.post('/api/v1/routing-rules', { name: 'Catch all', department_id: theirDepartment }), 201);
    const ticket = expectStatus<Ticket>(await admin.post('/api/v1/tickets', buildTicket()), 201);
    expect(ticket.department).toBeNull();
  });
});
