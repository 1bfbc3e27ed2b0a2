import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { openEventStream, type EventStream } from '../../../test/helpers/events.ts';
import { createAgent, createApiKey, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { TicketActor } from '../platform/actor.ts';
import { addMessage } from '../tickets/messages.service.ts';
import { transitionTicket } from '../tickets/transitions.service.ts';

interface Agent {
  client: ApiClient;
  id: number;
}

const inbox = async (agent: Agent, query = '') => {
  const res = await agent.client.get(`/api/v1/notifications${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: { id: number; kind: string; ticket: { number: string; subject: string }; actor_name: string; read_at: string | null }[]; next_cursor: string | null; unread_count: number };
};
const kindsFor = async (agent: Agent, number: string) => (await inbox(agent)).items.filter((n) => n.ticket.number === number).map((n) => n.kind);

/** Waits for the agent's stream to say their notifications changed, skipping ticket events. */
async function notified(stream: EventStream, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const event = await stream.next(Math.max(0, deadline - Date.now()));
    if (event === null) return false;
    if (event.type === 'notifications') return true;
  }
}

describe('agent notifications (GET /api/v1/notifications, the bell)', () => {
  let server: TestServer;
  let admin: ApiClient;
  let orgId: number;
  let ana: Agent;
  let ben: Agent;
  let cleo: Agent;
  let returnsId: number;

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
    ({ admin, orgId } = await createWorkspace(server.url));
    ana = await createAgent(admin, { name: 'Ana Returns' });
    ben = await createAgent(admin, { name: 'Ben Returns' });
    cleo = await createAgent(admin, { name: 'Cleo Billing' });
    const dept = await admin.post('/api/v1/departments', { name: 'Returns', member_ids: [ana.id, ben.id] });
    expect(dept.status, JSON.stringify(dept.body)).toBe(201);
    returnsId = dept.body.id;
  });
  afterAll(() => server.close());

  it("tells the department's members of a new ticket, live, and nobody else", async () => {
    const anaStream = await openEventStream(ana.client);
    const cleoStream = await openEventStream(cleo.client);
    try {
      const ticket = await createTicket(admin, { subject: 'Kettle leaks', department: 'Returns' });
      expect(await notified(anaStream)).toBe(true);
      const [first] = (await inbox(ana)).items;
      expect(first).toMatchObject({ kind: 'new_ticket', ticket: { number: ticket.number, subject: 'Kettle leaks' }, actor_name: 'Ada Admin', read_at: null });
      expect(await kindsFor(ben, ticket.number)).toEqual(['new_ticket']);
      expect(await kindsFor(cleo, ticket.number)).toEqual([]);
      expect(await notified(cleoStream, 400)).toBe(false);
    } finally {
      anaStream.close();
      cleoStream.close();
    }
  });

  it('tells an agent of an assignment by someone else, once even when also a member, and never the one who did it', async () => {
    const ticket = await createTicket(ben.client, { department: 'Returns', assignee: ana.id });
    expect(await kindsFor(ana, ticket.number)).toEqual(['assigned']);
    expect(await kindsFor(ben, ticket.number)).toEqual([]);

    const other = await createTicket(cleo.client, { subject: 'No department' });
    expect((await ben.client.patch(`/api/v1/tickets/${other.number}`, { assignee: cleo.id })).status).toBe(200);
    expect(await kindsFor(cleo, other.number)).toEqual(['assigned']);
    expect((await ben.client.patch(`/api/v1/tickets/${other.number}`, { assignee: ben.id })).status).toBe(200);
    expect(await kindsFor(ben, other.number)).toEqual([]);
    expect((await ben.client.patch(`/api/v1/tickets/${other.number}`, { assignee: null })).status).toBe(200);
    expect(await kindsFor(cleo, other.number)).toEqual(['assigned']);
  });

  it("tells the owner what the customer did, or the department while nobody owns the ticket", async () => {
    const ticket = await createTicket(admin, { department: 'Returns' });
    const customer: TicketActor = { kind: 'customer', orgId, customerUserId: ticket.customer_user.id, name: 'Budi Santoso' };
    await addMessage(server.deps, customer, ticket.number, { body: 'Any news?', visibility: 'public' });
    expect(await kindsFor(ana, ticket.number)).toEqual(['customer_note', 'new_ticket']);
    expect(await kindsFor(ben, ticket.number)).toEqual(['customer_note', 'new_ticket']);

    expect((await admin.patch(`/api/v1/tickets/${ticket.number}`, { assignee: ana.id })).status).toBe(200);
    await transitionTicket(server.deps, customer, ticket.number, { to: 'resolved', resolution: 'Sorted it myself' });
    await transitionTicket(server.deps, customer, ticket.number, { to: 'open' });
    expect(await kindsFor(ana, ticket.number)).toEqual(['customer_reopened', 'customer_resolved', 'assigned', 'customer_note', 'new_ticket']);
    expect(await kindsFor(ben, ticket.number)).toEqual(['customer_note', 'new_ticket']);
    const [latest] = (await inbox(ana)).items;
    expect(latest.actor_name).toBe('Budi Santoso');
  });

  it('does not tell a deactivated agent', async () => {
    const dana = await createAgent(admin, { name: 'Dana Leaving' });
    expect((await admin.patch(`/api/v1/departments/${returnsId}`, { member_ids: [ana.id, ben.id, dana.id] })).status).toBe(200);
    expect((await admin.patch(`/api/v1/agents/${dana.id}`, { is_active: false })).status).toBe(200);
    const ticket = await createTicket(admin, { department: 'Returns' });
    expect(await kindsFor(ben, ticket.number)).toEqual(['new_ticket']);
    const count = await server.deps.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('agent_id', '=', dana.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('pages newest first, filters unread, and counts all unread', async () => {
    const eve = await createAgent(admin, { name: 'Eve Pager' });
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const t = await createTicket(admin, { subject: `Page ${i}`, assignee: eve.id });
      numbers.push(t.number);
    }
    const first = await inbox(eve, '?limit=2');
    expect(first.items.map((n) => n.ticket.number)).toEqual([numbers[2], numbers[1]]);
    expect(first.unread_count).toBe(3);
    const second = await inbox(eve, `?limit=2&cursor=${first.next_cursor}`);
    expect(second.items.map((n) => n.ticket.number)).toEqual([numbers[0]]);
    expect(second.next_cursor).toBeNull();

    const read = await eve.client.post(`/api/v1/notifications/${first.items[0].id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.read_at).not.toBeNull();
    // Marking again keeps the first time it was read.
    expect((await eve.client.post(`/api/v1/notifications/${first.items[0].id}/read`, {})).body.read_at).toBe(read.body.read_at);
    const unread = await inbox(eve, '?unread=true');
    expect(unread.items.map((n) => n.ticket.number)).toEqual([numbers[1], numbers[0]]);
    expect(unread.unread_count).toBe(2);
  });

  it('marks all read up to what the agent saw, so a later arrival stays unread, and tells their other tabs', async () => {
    const fay = await createAgent(admin, { name: 'Fay Tabs' });
    await createTicket(admin, { assignee: fay.id });
    const seen = (await inbox(fay)).items[0].id;
    const late = await createTicket(admin, { subject: 'Arrived while reading', assignee: fay.id });
    const otherTab = await openEventStream(fay.client);
    try {
      const res = await fay.client.post('/api/v1/notifications/read-all', { up_to: seen });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ updated: 1, unread_count: 1 });
      expect(await notified(otherTab)).toBe(true);
      const after = await inbox(fay, '?unread=true');
      expect(after.items.map((n) => n.ticket.number)).toEqual([late.number]);
      expect((await fay.client.post('/api/v1/notifications/read-all', {})).body).toEqual({ updated: 1, unread_count: 0 });
    } finally {
      otherTab.close();
    }
  });

  it("keeps each agent's notifications their own: another's id is 404, in this workspace or another", async () => {
    const ticket = await createTicket(admin, { department: 'Returns' });
    const anas = (await inbox(ana)).items.find((n) => n.ticket.number === ticket.number);
    expect(anas).toBeDefined();
    const byCleo = await cleo.client.post(`/api/v1/notifications/${anas?.id}/read`, {});
    expect(byCleo.status).toBe(404);
    expect(byCleo.body.error.code).toBe('not_found');
    const { admin: stranger } = await createWorkspace(server.url, undefined, 'signup');
    expect((await stranger.post(`/api/v1/notifications/${anas?.id}/read`, {})).status).toBe(404);
    expect((await stranger.get('/api/v1/notifications')).body).toEqual({ items: [], next_cursor: null, unread_count: 0 });
    expect((await stranger.post('/api/v1/notifications/read-all', {})).body).toEqual({ updated: 0, unread_count: 0 });
    expect((await inbox(ana)).items.find((n) => n.id === anas?.id)?.read_at).toBeNull();
  });

  it('refuses bad input with 400 naming the field, API keys with 403 and strangers with 401', async () => {
    for (const query of ['?limit=0', '?limit=101', '?unread=maybe', '?cursor=%%%', '?colour=red']) {
      const res = await ana.client.get(`/api/v1/notifications${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe('validation_error');
    }
    const badUpTo = await ana.client.post('/api/v1/notifications/read-all', { up_to: -3 });
    expect(badUpTo.status).toBe(400);
    expect(JSON.stringify(badUpTo.body.error.details)).toContain('up_to');
    expect((await ana.client.post('/api/v1/notifications/abc/read', {})).status).toBe(400);
    const key = await createApiKey(admin);
    expect((await key.get('/api/v1/notifications')).status).toBe(403);
    expect((await server.anonymous().get('/api/v1/notifications')).status).toBe(401);
    expect((await server.anonymous().post('/api/v1/notifications/read-all', {})).status).toBe(401);
  });
});
