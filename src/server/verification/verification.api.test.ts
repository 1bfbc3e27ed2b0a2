import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from '../../../test/helpers/client.ts';
import { buildTicket, createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { mailsTo } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { Ticket, TicketEvent, TicketStats } from '../../contract/tickets.ts';

let server: TestServer;
let admin: ApiClient;
let key: ApiClient;
let other: ApiClient;
let slug: string;
let clerk: Awaited<ReturnType<typeof createAgent>>;
let member: Awaited<ReturnType<typeof createAgent>>;
let returns: number;
let billing: number;
let ip = 0;

function expectStatus<T = any>(res: ApiResponse<T>, status: number): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const fieldsOf = (res: ApiResponse) => (res.body.error.details as Array<{ field: string }>).map((d) => d.field);
const historyOf = async (number: string) => expectStatus(await admin.get(`/api/v1/tickets/${number}/history`), 200).items as TicketEvent[];
const noticesOf = async (client: ApiClient, number: string) =>
  (expectStatus(await client.get('/api/v1/notifications?limit=100'), 200).items as Array<{ kind: string; ticket: { number: string } }>).filter((n) => n.ticket.number === number).map((n) => n.kind);
const inStore = async (overrides: Record<string, unknown> = {}) => {
  const email = `store-${++ip}@example.com`;
  const ticket = expectStatus<Ticket>(await clerk.client.post('/api/v1/tickets', buildTicket({ channel: 'in_store', department: 'Returns', customer: { name: 'Sari', email }, ...overrides })), 201);
  return { ticket, email };
};

beforeAll(async () => {
  server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open', TRUST_PROXY: '1' } });
  ({ admin, slug } = await createWorkspace(server.url));
  key = await createApiKey(admin);
  ({ admin: other } = await createWorkspace(server.url, undefined, 'signup'));
  clerk = await createAgent(admin, { name: 'Store clerk' });
  member = await createAgent(admin, { name: 'Returns member' });
  returns = expectStatus(await admin.post('/api/v1/departments', { name: 'Returns', email: 'returns@shop.example', member_ids: [member.id], assignment_mode: 'round_robin' }), 201).id;
  billing = expectStatus(await admin.post('/api/v1/departments', { name: 'Billing' }), 201).id;
  expectStatus(await admin.patch('/api/v1/settings', { verification_channels: ['in_store', 'web'] }), 200);
});
afterAll(async () => {
  await server?.close();
});

describe('the verification setting', () => {
  it('lists channels once each; an unknown channel is 400 at its place; only admins change it', async () => {
    expect(expectStatus(await other.get('/api/v1/settings'), 200).verification_channels).toEqual([]);
    const set = expectStatus(await other.patch('/api/v1/settings', { verification_channels: ['review', 'in_store', 'review'] }), 200);
    expect(set.verification_channels).toEqual(['review', 'in_store']);
    expect(fieldsOf(await other.patch('/api/v1/settings', { verification_channels: ['in_store', 'fax'] }))).toEqual(['body.verification_channels.1']);
    expect(expectStatus(await other.patch('/api/v1/settings', { verification_channels: [] }), 200).verification_channels).toEqual([]);
    expect((await clerk.client.patch('/api/v1/settings', { verification_channels: [] })).status).toBe(403);
    expect(expectStatus(await admin.get('/api/v1/settings'), 200).verification_channels).toEqual(['in_store', 'web']);
  });
});

describe('a ticket that waits for verification', () => {
  it('starts unverified with no department and no assignee, keeps the department asked for, and tells nobody', async () => {
    const { ticket, email } = await inStore();
    expect(ticket).toMatchObject({ verification_state: 'unverified', department: null, assignee: null, requested_department: { id: returns, name: 'Returns' }, status: 'new' });
    expect((await historyOf(ticket.number)).map((e) => [e.type, e.after])).toEqual([
      ['created', expect.objectContaining({ department: null, requested_department: 'Returns', verification_state: 'unverified' })],
    ]);
    expect(await mailsTo(server, email)).toEqual([]);
    expect(await mailsTo(server, 'returns@shop.example')).toEqual([]);
    expect(await noticesOf(member.client, ticket.number)).toEqual([]);
  });

  it('is listed and counted under verification=unverified (the "To verify" list); other channels start verified', async () => {
    const { ticket } = await inStore();
    const phone = expectStatus<Ticket>(await clerk.client.post('/api/v1/tickets', buildTicket({ channel: 'phone' })), 201);
    expect(phone.verification_state).toBe('verified');
    const list = expectStatus(await admin.get('/api/v1/tickets?verification=unverified&limit=200'), 200).items as Ticket[];
    expect(list.map((t) => t.number)).toContain(ticket.number);
    expect(list.every((t) => t.verification_state === 'unverified')).toBe(true);
    const stats = expectStatus<TicketStats>(await admin.get('/api/v1/tickets/stats?verification=unverified'), 200);
    expect(stats.new).toBe(list.length);
    expect(fieldsOf(await admin.get('/api/v1/tickets?verification=maybe'))).toEqual(['querystring.verification.0']);
  });

  it('refuses answering the customer, lifecycle moves and a department or assignee until verified (409); internal notes and other fields are fine', async () => {
    const { ticket } = await inStore();
    const reply = await clerk.client.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Thanks, we are on it', visibility: 'public' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toMatch(/verify the ticket first/);
    expectStatus(await clerk.client.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Receipt checked at the till', visibility: 'internal' }), 201);
    expect((await clerk.client.post(`/api/v1/tickets/${ticket.number}/transitions`, { to: 'open' })).status).toBe(409);
    expect((await clerk.client.patch(`/api/v1/tickets/${ticket.number}`, { department: billing })).status).toBe(409);
    expect((await clerk.client.patch(`/api/v1/tickets/${ticket.number}`, { assignee: member.id })).status).toBe(409);
    expect(expectStatus<Ticket>(await clerk.client.patch(`/api/v1/tickets/${ticket.number}`, { priority: 'high' }), 200).priority).toBe('high');
  });

  it('an assignee given with a ticket that must be verified is 400 at the field', async () => {
    const res = await clerk.client.post('/api/v1/tickets', buildTicket({ channel: 'in_store', assignee: member.id }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.assignee']);
  });
});

describe('verify', () => {
  it('allocates the ticket to the department asked for, which assigns it; the department hears of a new ticket; the customer gets the created mail with the number', async () => {
    const { ticket, email } = await inStore();
    const verified = expectStatus<Ticket>(await admin.post(`/api/v1/tickets/${ticket.number}/verify`, {}), 200);
    expect(verified).toMatchObject({ verification_state: 'verified', department: { id: returns, name: 'Returns' }, requested_department: null, assignee: { id: member.id } });
    const events = await historyOf(ticket.number);
    expect(events.slice(1).map((e) => [e.type, e.actor.kind, e.after])).toEqual([
      ['verified', 'agent', { verification_state: 'verified', department: 'Returns' }],
      ['assigned', 'system', expect.objectContaining({ assignee_id: member.id, auto: 'round_robin' })],
    ]);
    expect(await noticesOf(member.client, ticket.number)).toEqual(['assigned']);
    expect(await mailsTo(server, 'returns@shop.example', 'department_new_ticket')).toHaveLength(1);
    const mails = await mailsTo(server, email);
    expect(mails.map((m) => m.template)).toEqual(['ticket_created']);
    expect(mails[0].subject).toContain(ticket.number);
    expect((await admin.get('/api/v1/tickets?verification=unverified&limit=200')).body.items.map((t: Ticket) => t.number)).not.toContain(ticket.number);
    // Now it is a ticket like any other.
    expectStatus(await member.client.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'We have your receipt', visibility: 'public' }), 201);
  });

  it('a department chosen when verifying wins; an unknown one is refused at the field', async () => {
    const { ticket } = await inStore();
    const unknown = await admin.post(`/api/v1/tickets/${ticket.number}/verify`, { department: 987654 });
    expect(unknown.status).toBe(404);
    expect(fieldsOf(unknown)).toEqual(['body.department']);
    expect(fieldsOf(await admin.post(`/api/v1/tickets/${ticket.number}/verify`, { department: '' }))).toEqual(['body.department']);
    const verified = expectStatus<Ticket>(await key.post(`/api/v1/tickets/${ticket.number}/verify`, { department: 'billing' }), 200);
    expect(verified).toMatchObject({ department: { id: billing, name: 'Billing' }, assignee: null });
  });

  it('with no department asked for, the routing rules decide when it is verified, and the event names the rule', async () => {
    const rule = expectStatus(await admin.post('/api/v1/routing-rules', { name: 'Store refunds', channels: ['in_store'], subject_keywords: ['refund'], department_id: billing }), 201);
    const { ticket } = await inStore({ department: undefined, subject: 'Refund for a toaster' });
    expect(ticket).toMatchObject({ department: null, requested_department: { id: billing } });
    expect((await historyOf(ticket.number))[0].after).toMatchObject({ routed_by: { id: rule.id, name: 'Store refunds' } });
    expectStatus(await admin.patch(`/api/v1/routing-rules/${rule.id}`, { department_id: returns }), 200);
    // The department it asked for when it came in holds: rules changed since do not move it.
    expect(expectStatus<Ticket>(await admin.post(`/api/v1/tickets/${ticket.number}/verify`, {}), 200).department?.id).toBe(billing);

    const { ticket: later } = await inStore({ department: undefined, subject: 'Nothing to route here' });
    expect(later.requested_department).toBeNull();
    expectStatus(await admin.patch(`/api/v1/routing-rules/${rule.id}`, { subject_keywords: null }), 200);
    const verified = expectStatus<Ticket>(await admin.post(`/api/v1/tickets/${later.number}/verify`, {}), 200);
    expect(verified.department?.id).toBe(returns);
    expect((await historyOf(later.number)).find((e) => e.type === 'verified')?.after).toMatchObject({ department: 'Returns', routed_by: { id: rule.id, name: 'Store refunds' } });
    expectStatus(await admin.delete(`/api/v1/routing-rules/${rule.id}`), 204);
  });

  it('honours If-Match (412 when stale) and the ticket lock (409 for another agent)', async () => {
    const { ticket } = await inStore();
    expect((await admin.post(`/api/v1/tickets/${ticket.number}/verify`, {}, { 'if-match': `"${ticket.version + 5}"` })).status).toBe(412);
    expect((await admin.post(`/api/v1/tickets/${ticket.number}/reject`, {}, { 'if-match': `"${ticket.version + 5}"` })).status).toBe(412);
    expectStatus(await clerk.client.post(`/api/v1/tickets/${ticket.number}/lock`), 200);
    const locked = await member.client.post(`/api/v1/tickets/${ticket.number}/verify`, {});
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('locked');
    const fresh = expectStatus<Ticket>(await admin.get(`/api/v1/tickets/${ticket.number}`), 200);
    const verified = await clerk.client.post(`/api/v1/tickets/${ticket.number}/verify`, {}, { 'if-match': `"${fresh.version}"` });
    expect(expectStatus<Ticket>(verified, 200).verification_state).toBe('verified');
    expect(verified.headers.get('etag')).toBe(`"${verified.body.version}"`);
  });

  it('a ticket that is not unverified is 409 naming its state; another workspace’s ticket is 404', async () => {
    const phone = expectStatus<Ticket>(await clerk.client.post('/api/v1/tickets', buildTicket({ channel: 'phone' })), 201);
    const again = await admin.post(`/api/v1/tickets/${phone.number}/verify`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/is verified/);
    expect(again.body.error.details).toEqual({ verification_state: 'verified' });
    expect((await admin.post(`/api/v1/tickets/${phone.number}/reject`, {})).status).toBe(409);
    const { ticket } = await inStore();
    expect((await other.post(`/api/v1/tickets/${ticket.number}/verify`, {})).status).toBe(404);
    expect((await other.post(`/api/v1/tickets/${ticket.number}/reject`, {})).status).toBe(404);
  });
});

describe('reject', () => {
  it('closes the ticket as rejected with the reason for agents only; the customer hears nothing; then it can be neither verified nor rejected', async () => {
    const { ticket, email } = await inStore();
    const rejected = expectStatus<Ticket>(await admin.post(`/api/v1/tickets/${ticket.number}/reject`, { reason: 'No purchase on record' }), 200);
    expect(rejected).toMatchObject({ status: 'closed', close_reason: 'rejected', verification_state: 'rejected', department: null, assignee: null, requested_department: null });
    expect((await historyOf(ticket.number)).slice(1).map((e) => [e.type, e.after])).toEqual([
      ['closed', expect.objectContaining({ status: 'closed', close_reason: 'rejected' })],
      ['rejected', { verification_state: 'rejected', reason: 'No purchase on record' }],
    ]);
    expect(await mailsTo(server, email)).toEqual([]);
    expect(await noticesOf(member.client, ticket.number)).toEqual([]);
    const verify = await admin.post(`/api/v1/tickets/${ticket.number}/verify`, {});
    expect(verify.status).toBe(409);
    expect(verify.body.error.details).toEqual({ verification_state: 'rejected' });
    expect((await admin.post(`/api/v1/tickets/${ticket.number}/reject`, {})).status).toBe(409);
    const list = expectStatus(await admin.get('/api/v1/tickets?verification=rejected&status=closed'), 200).items as Ticket[];
    expect(list.map((t) => t.number)).toContain(ticket.number);
  });

  it('a reason longer than the limit or an unknown field is 400 at the field', async () => {
    const { ticket } = await inStore();
    expect(fieldsOf(await admin.post(`/api/v1/tickets/${ticket.number}/reject`, { reason: 'x'.repeat(2001) }))).toEqual(['body.reason']);
    expect(fieldsOf(await admin.post(`/api/v1/tickets/${ticket.number}/reject`, { why: 'spam' }))).toEqual(['body.why']);
  });
});

describe('the public web form', () => {
  it('a portal request waits for verification with its routed department; the confirmation mail comes once verified', async () => {
    const rule = expectStatus(await admin.post('/api/v1/routing-rules', { name: 'Web form', channels: ['web'], department_id: returns }), 201);
    const email = 'web.form@example.com';
    const res = expectStatus(await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { name: 'Wati', email, description: 'My parcel never came' }, { 'x-forwarded-for': '10.7.0.1' }), 201);
    const ticket = expectStatus<Ticket>(await admin.get(`/api/v1/tickets/${res.number}`), 200);
    expect(ticket).toMatchObject({ channel: 'web', verification_state: 'unverified', department: null, requested_department: { id: returns } });
    expect(await mailsTo(server, email, 'ticket_created')).toEqual([]);
    expectStatus(await admin.post(`/api/v1/tickets/${res.number}/verify`, {}), 200);
    expect(await mailsTo(server, email, 'ticket_created')).toHaveLength(1);
    expectStatus(await admin.delete(`/api/v1/routing-rules/${rule.id}`), 204);
  });
});
