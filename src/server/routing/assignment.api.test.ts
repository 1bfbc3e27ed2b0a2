import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from '../../../test/helpers/client.ts';
import { buildTicket, createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { Agent, Department } from '../../contract/admin.ts';
import type { Ticket, TicketEvent } from '../../contract/tickets.ts';

let server: TestServer;
let admin: ApiClient;
let key: ApiClient;

const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
function expectStatus<T = any>(res: ApiResponse<T>, status: number): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const fieldsOf = (res: ApiResponse) => (res.body.error.details as Array<{ field: string }>).map((d) => d.field);
const historyOf = async (number: string) => expectStatus(await admin.get(`/api/v1/tickets/${number}/history`), 200).items as TicketEvent[];
const create = async (department: number, overrides: Record<string, unknown> = {}) =>
  expectStatus<Ticket>(await admin.post('/api/v1/tickets', buildTicket({ department, ...overrides })), 201);
const noticesOf = async (client: ApiClient, number: string) =>
  (expectStatus(await client.get('/api/v1/notifications?limit=100'), 200).items as Array<{ kind: string; actor_name: string; ticket: { number: string } }>).filter((n) => n.ticket.number === number);

/** A department with `n` fresh members, in the given mode. */
async function team(name: string, mode: string, n: number) {
  const members = [];
  for (let i = 0; i < n; i += 1) members.push(await createAgent(admin, { name: `${name} agent ${i + 1}` }));
  const department = expectStatus<Department>(await admin.post('/api/v1/departments', { name, member_ids: members.map((m) => m.id), assignment_mode: mode }), 201);
  return { id: department.id, members: members.sort((a, b) => a.id - b.id) };
}

beforeAll(async () => {
  server = await startTestServer();
  ({ admin } = await createWorkspace(server.url));
  key = await createApiKey(admin);
});
afterAll(async () => {
  await server?.close();
});

describe('assignment mode and availability', () => {
  it('departments are manual unless set; POST and PATCH set the mode; an unknown mode is 400 at the field', async () => {
    const plain = expectStatus<Department>(await admin.post('/api/v1/departments', { name: 'Plain' }), 201);
    expect(plain.assignment_mode).toBe('manual');
    const changed = expectStatus<Department>(await admin.patch(`/api/v1/departments/${plain.id}`, { assignment_mode: 'least_loaded' }), 200);
    expect(changed.assignment_mode).toBe('least_loaded');
    expect(expectStatus<Department>(await admin.get(`/api/v1/departments/${plain.id}`), 200).assignment_mode).toBe('least_loaded');
    expect(fieldsOf(await admin.patch(`/api/v1/departments/${plain.id}`, { assignment_mode: 'random' }))).toEqual(['body.assignment_mode']);
    expect(fieldsOf(await admin.post('/api/v1/departments', { name: 'Odd', assignment_mode: 'lottery' }))).toEqual(['body.assignment_mode']);
  });

  it('an agent sets their own availability; an admin sets anyone’s; the agent shows it; API keys have no availability', async () => {
    const a = await createAgent(admin);
    expect(expectStatus(await a.client.get('/api/v1/me/availability'), 200)).toEqual({ accepting_tickets: true });
    expect(expectStatus(await put(a.client, '/api/v1/me/availability', { accepting_tickets: false }), 200)).toEqual({ accepting_tickets: false });
    expect(expectStatus<Agent>(await admin.get(`/api/v1/agents/${a.id}`), 200).accepting_tickets).toBe(false);
    expect(expectStatus<Agent>(await admin.patch(`/api/v1/agents/${a.id}`, { accepting_tickets: true }), 200).accepting_tickets).toBe(true);
    expect(expectStatus(await a.client.get('/api/v1/me/availability'), 200)).toEqual({ accepting_tickets: true });
    expect(fieldsOf(await put(a.client, '/api/v1/me/availability', { accepting_tickets: 'no' }))).toEqual(['body.accepting_tickets']);
    expect((await put(key, '/api/v1/me/availability', { accepting_tickets: false })).status).toBe(403);
    expect((await a.client.patch(`/api/v1/agents/${a.id}`, { accepting_tickets: false })).status).toBe(403);
  });
});

describe('automatic assignment', () => {
  it('round robin takes the active, accepting members in turn; the System assigns, the assignee hears "assigned" and the others "new ticket"', async () => {
    const { id, members } = await team('Round desk', 'round_robin', 4);
    const [a, b, c, d] = members;
    expectStatus(await put(c.client, '/api/v1/me/availability', { accepting_tickets: false }), 200);
    expectStatus(await admin.patch(`/api/v1/agents/${d.id}`, { is_active: false }), 200);
    const tickets = [];
    for (let i = 0; i < 4; i += 1) tickets.push(await create(id));
    expect(tickets.map((t) => t.assignee?.id)).toEqual([a.id, b.id, a.id, b.id]);

    const events = await historyOf(tickets[0].number);
    expect(events.map((e) => e.type)).toEqual(['created', 'assigned']);
    expect(events[0].after).toMatchObject({ department: 'Round desk', assignee: null });
    expect(events[1]).toMatchObject({ actor: { kind: 'system', id: null, name: 'System' }, before: { assignee_id: null }, after: { assignee_id: a.id, assignee: 'Round desk agent 1', auto: 'round_robin' } });
    expect((await noticesOf(a.client, tickets[0].number)).map((n) => n.kind)).toEqual(['assigned']);
    expect((await noticesOf(b.client, tickets[0].number)).map((n) => n.kind)).toEqual(['new_ticket']);
    expect(await noticesOf(c.client, tickets[0].number)).toHaveLength(1);
  });

  it('a member back from leave rejoins the turn after the last one picked', async () => {
    const { id, members } = await team('Turn desk', 'round_robin', 3);
    const [a, b, c] = members;
    expectStatus(await put(b.client, '/api/v1/me/availability', { accepting_tickets: false }), 200);
    expect((await create(id)).assignee?.id).toBe(a.id);
    expect((await create(id)).assignee?.id).toBe(c.id);
    expectStatus(await put(b.client, '/api/v1/me/availability', { accepting_tickets: true }), 200);
    expect((await create(id)).assignee?.id).toBe(a.id);
    expect((await create(id)).assignee?.id).toBe(b.id);
  });

  it('least loaded takes the member with the fewest new, open and pending tickets; ties go to who was picked longest ago', async () => {
    const { id, members } = await team('Load desk', 'least_loaded', 3);
    const [a, b, c] = members;
    // a carries two active tickets, b one resolved (which no longer counts), c none.
    const manual = expectStatus<Department>(await admin.post('/api/v1/departments', { name: 'Elsewhere' }), 201).id;
    await create(manual, { assignee: a.id });
    await create(manual, { assignee: a.id });
    const done = await create(manual, { assignee: b.id });
    expectStatus(await admin.post(`/api/v1/tickets/${done.number}/transitions`, { to: 'resolved', resolution: 'Sorted' }), 200);

    const first = await create(id);
    expect(first.assignee?.id).toBe(b.id);
    expect((await historyOf(first.number)).at(-1)?.after).toMatchObject({ auto: 'least_loaded' });
    // b and c both carry one now: c was never picked, so c goes first.
    expect((await create(id)).assignee?.id).toBe(c.id);
    expect((await create(id)).assignee?.id).toBe(b.id);
    expect((await create(id)).assignee?.id).toBe(c.id);
    expect((await create(id)).assignee?.id).toBe(a.id);
  });

  it('an assignee given with the ticket, a manual department, or nobody eligible leave the choice alone', async () => {
    const { id, members } = await team('Given desk', 'round_robin', 2);
    const given = await create(id, { assignee: members[1].id });
    expect(given.assignee?.id).toBe(members[1].id);
    expect((await historyOf(given.number)).map((e) => e.type)).toEqual(['created']);

    const manual = await team('Manual desk', 'manual', 2);
    expect((await create(manual.id)).assignee).toBeNull();

    const away = await team('Away desk', 'least_loaded', 1);
    expectStatus(await put(away.members[0].client, '/api/v1/me/availability', { accepting_tickets: false }), 200);
    const nobody = await create(away.id);
    expect(nobody.assignee).toBeNull();
    expect((await historyOf(nobody.number)).map((e) => e.type)).toEqual(['created']);
  });

  it('concurrent creates take turns: 3 members × 4 tickets at once, each member gets 4', async () => {
    const { id, members } = await team('Rush desk', 'round_robin', 3);
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => key.post('/api/v1/tickets', buildTicket({ department: id, subject: `Rush ${i}` }))));
    const counts = new Map<number, number>();
    for (const res of created) {
      const assignee = expectStatus<Ticket>(res, 201).assignee?.id as number;
      counts.set(assignee, (counts.get(assignee) ?? 0) + 1);
    }
    expect([...counts.entries()].sort(([x], [y]) => x - y)).toEqual(members.map((m) => [m.id, 4]));
  });

  it('concurrent creates spread by load: 3 idle members × 3 tickets at once, each member gets 3', async () => {
    const { id, members } = await team('Load rush', 'least_loaded', 3);
    const created = await Promise.all(Array.from({ length: 9 }, (_, i) => key.post('/api/v1/tickets', buildTicket({ department: id, subject: `Load ${i}` }))));
    const counts = new Map<number, number>();
    for (const res of created) {
      const assignee = expectStatus<Ticket>(res, 201).assignee?.id as number;
      counts.set(assignee, (counts.get(assignee) ?? 0) + 1);
    }
    expect([...counts.entries()].sort(([x], [y]) => x - y)).toEqual(members.map((m) => [m.id, 3]));
  });

  it('a routed ticket is assigned by the department the rule picked', async () => {
    const { id, members } = await team('Routed desk', 'round_robin', 1);
    expectStatus(await admin.post('/api/v1/routing-rules', { name: 'Kettles', subject_keywords: ['kettle'], department_id: id }), 201);
    const ticket = expectStatus<Ticket>(await admin.post('/api/v1/tickets', buildTicket({ subject: 'My kettle leaks' })), 201);
    expect(ticket.department?.id).toBe(id);
    expect(ticket.assignee?.id).toBe(members[0].id);
  });
});
