import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Status, Ticket, TicketEvent } from '../../contract/tickets.ts';
import type { ApiClient, ApiResponse } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { createManualClock } from '../platform/clock.ts';

const clock = createManualClock(new Date('2026-05-04T10:00:00.000Z'));
let server: TestServer;
let admin: ApiClient;
let agent: { client: ApiClient; id: number };
let integration: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ clock });
  ({ admin } = await createWorkspace(server.url));
  agent = await createAgent(admin, { name: 'Agent Lina' });
  integration = await createApiKey(admin);
});
afterAll(async () => {
  await server?.close();
});

// DESIGN.md §2 "Lifecycle", written out independently of lifecycle.ts.
const statuses: Status[] = ['new', 'open', 'pending', 'resolved', 'closed'];
const designMoves: Record<Status, Status[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};
const eventOf = (from: Status, to: Status) =>
  ({ open: from === 'new' ? 'opened' : from === 'pending' ? 'resumed' : 'reopened', pending: 'held', resolved: 'resolved', closed: 'closed', new: '' })[to];

const hold = { to: 'pending', reason: 'Waiting for the courier report', waiting_on: 'third_party' } as const;
/** The body that makes a legal move valid (a hold needs its reason). */
const bodyFor = (to: Status): Record<string, unknown> => (to === 'pending' ? { ...hold } : { to });

const move = (number: string, body: Record<string, unknown>, client: ApiClient = agent.client, headers: Record<string, string> = {}): Promise<ApiResponse<Ticket>> =>
  client.post<Ticket>(`/api/v1/tickets/${number}/transitions`, body, headers);
const getTicket = async (number: string) => (await admin.get<Ticket>(`/api/v1/tickets/${number}`)).body;
const history = async (number: string) => (await admin.get<{ items: TicketEvent[] }>(`/api/v1/tickets/${number}/history?limit=200`)).body.items;

/** A fresh ticket brought to `status` by agent moves. */
async function ticketIn(status: Status): Promise<Ticket> {
  const t = await createTicket(admin);
  const path: Status[] = { new: [], open: ['open'], pending: ['pending'], resolved: ['resolved'], closed: ['resolved', 'closed'] }[status] as Status[];
  let current = t;
  for (const to of path) {
    const res = await move(t.number, bodyFor(to));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    current = res.body;
  }
  expect(current.status).toBe(status);
  return current;
}

describe('every move of the lifecycle through the API', () => {
  for (const from of statuses) {
    for (const to of statuses) {
      const allowed = designMoves[from].includes(to);
      it(`${from} → ${to} is ${allowed ? 'done and recorded' : 'refused with 409 naming the allowed moves'}`, async () => {
        const t = await ticketIn(from);
        const eventsBefore = await history(t.number);
        const res = await move(t.number, bodyFor(to));
        if (allowed) {
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.status).toBe(to);
          expect(res.body.version).toBe(t.version + 1);
          const events = await history(t.number);
          expect(events).toHaveLength(eventsBefore.length + 1);
          const last = events[events.length - 1];
          expect(last.type).toBe(eventOf(from, to));
          expect(last.actor).toEqual({ kind: 'agent', id: agent.id, name: 'Agent Lina' });
          expect(last.before).toMatchObject({ status: from });
          expect(last.after).toMatchObject({ status: to });
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(409);
          const error = (res.body as unknown as { error: { code: string; message: string; details: { allowed: Status[]; from: Status; to: Status } } }).error;
          expect(error.code).toBe('illegal_transition');
          expect([...error.details.allowed].sort()).toEqual([...designMoves[from]].sort());
          expect(error.details).toMatchObject({ from, to });
          for (const a of designMoves[from]) expect(error.message).toContain(a);
          const after = await getTicket(t.number);
          expect(after.status).toBe(from);
          expect(after.version).toBe(t.version);
          expect(await history(t.number)).toEqual(eventsBefore);
        }
      });
    }
  }
});

describe('putting on hold', () => {
  it('needs a reason and what it waits on (400), and a reminder time in the future (400)', async () => {
    const t = await ticketIn('open');
    const refusals = [
      { to: 'pending', waiting_on: 'customer' },
      { to: 'pending', reason: 'Waiting', },
      { to: 'pending', reason: '   ', waiting_on: 'customer' },
      { to: 'pending', reason: 'Waiting', waiting_on: 'the moon' },
      { to: 'pending', reason: 'Waiting', waiting_on: 'customer', pending_until: new Date(clock.now().getTime() - 60_000).toISOString() },
      { to: 'pending', reason: 'Waiting', waiting_on: 'customer', pending_until: clock.now().toISOString() },
      { to: 'pending', reason: 'Waiting', waiting_on: 'customer', pending_until: 'tomorrow' },
    ];
    for (const body of refusals) {
      const res = await move(t.number, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body as unknown as { error: { code: string } }).error.code).toBe('validation_error');
    }
    const unchanged = await getTicket(t.number);
    expect(unchanged.status).toBe('open');
    expect(unchanged.version).toBe(t.version);
  });

  it('records the reason, what it waits on and the reminder; resuming clears them', async () => {
    const t = await ticketIn('open');
    const until = new Date(clock.now().getTime() + 2 * 86_400_000).toISOString();
    const held = await move(t.number, { to: 'pending', reason: 'Asked for a photo', waiting_on: 'customer', pending_until: until });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'pending', pending_reason: 'Asked for a photo', waiting_on: 'customer', pending_until: until });
    const heldEvent = (await history(t.number)).at(-1);
    expect(heldEvent).toMatchObject({ type: 'held', before: { status: 'open' }, after: { status: 'pending', pending_reason: 'Asked for a photo', waiting_on: 'customer', pending_until: until } });

    const resumed = await move(t.number, { to: 'open' });
    expect(resumed.body).toMatchObject({ status: 'open', pending_reason: null, waiting_on: null, pending_until: null });
    const resumedEvent = (await history(t.number)).at(-1);
    expect(resumedEvent).toMatchObject({ type: 'resumed', before: { status: 'pending', pending_reason: 'Asked for a photo', waiting_on: 'customer' }, after: { status: 'open', pending_reason: null, waiting_on: null } });
  });
});

describe('resolving, closing and reopening', () => {
  it('resolve records resolved_by = the agent id, the time and the resolution', async () => {
    const t = await ticketIn('open');
    clock.advance(1_000);
    const res = await move(t.number, { to: 'resolved', resolution: 'Replacement sent' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'resolved', resolved_by: String(agent.id), resolution: 'Replacement sent', resolved_at: clock.now().toISOString() });
    expect((await history(t.number)).at(-1)).toMatchObject({ type: 'resolved', after: { status: 'resolved', resolved_by: String(agent.id), resolution: 'Replacement sent' } });
  });

  it('resolving a held ticket clears the hold', async () => {
    const t = await ticketIn('pending');
    const res = await move(t.number, { to: 'resolved' });
    expect(res.body).toMatchObject({ status: 'resolved', pending_reason: null, waiting_on: null, pending_until: null });
  });

  it('reopening a resolved ticket clears the resolution and is recorded as reopened', async () => {
    const t = await ticketIn('open');
    await move(t.number, { to: 'resolved', resolution: 'Done' });
    const res = await move(t.number, { to: 'open' });
    expect(res.body).toMatchObject({ status: 'open', resolved_by: null, resolution: null, resolved_at: null });
    expect((await history(t.number)).at(-1)).toMatchObject({ type: 'reopened', before: { status: 'resolved', resolved_by: String(agent.id), resolution: 'Done' }, after: { status: 'open', resolved_by: null } });
  });

  it('closing a resolved ticket is a manual close; an agent may reopen a closed ticket', async () => {
    const t = await ticketIn('resolved');
    const closed = await move(t.number, { to: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', close_reason: 'manual', closed_at: clock.now().toISOString() });
    const reopened = await move(t.number, { to: 'open' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', close_reason: null, closed_at: null });
    expect((await history(t.number)).at(-1)).toMatchObject({ type: 'reopened', before: { status: 'closed', close_reason: 'manual' }, after: { status: 'open', close_reason: null } });
  });

  it('an integration may not reopen a closed ticket (agents only)', async () => {
    const t = await ticketIn('closed');
    const res = await move(t.number, { to: 'open' }, integration);
    expect(res.status).toBe(409);
    expect((await getTicket(t.number)).status).toBe('closed');
  });

  it('a new ticket is closed only as rejected', async () => {
    const byDefault = await ticketIn('new');
    expect((await move(byDefault.number, { to: 'closed' })).body).toMatchObject({ status: 'closed', close_reason: 'rejected' });
    const explicit = await ticketIn('new');
    expect((await move(explicit.number, { to: 'closed', close_reason: 'rejected' })).body.close_reason).toBe('rejected');
    const manual = await ticketIn('new');
    const res = await move(manual.number, { to: 'closed', close_reason: 'manual' });
    expect(res.status).toBe(400);
    expect((await getTicket(manual.number)).status).toBe('new');
    expect((await move(manual.number, { to: 'closed', close_reason: 'auto' })).status).toBe(400);
  });

  it('nobody but the system closes with close_reason auto', async () => {
    const t = await ticketIn('resolved');
    expect((await move(t.number, { to: 'closed', close_reason: 'auto' })).status).toBe(400);
    expect((await move(t.number, { to: 'closed', close_reason: 'auto' }, integration)).status).toBe(400);
    expect((await getTicket(t.number)).status).toBe('resolved');
  });
});

describe('transition requests', () => {
  it('honour If-Match: stale is 412 and moves nothing, fresh moves and bumps the version', async () => {
    const t = await ticketIn('new');
    await admin.patch(`/api/v1/tickets/${t.number}`, { priority: 'high' });
    const stale = await move(t.number, { to: 'open' }, agent.client, { 'if-match': `"${t.version}"` });
    expect(stale.status).toBe(412);
    expect((stale.body as unknown as { error: { code: string } }).error.code).toBe('precondition_failed');
    const current = await getTicket(t.number);
    expect(current.status).toBe('new');
    const fresh = await move(t.number, { to: 'open' }, agent.client, { 'if-match': `"${current.version}"` });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(current.version + 1);
    expect(fresh.headers.get('etag')).toBe(`"${current.version + 1}"`);
  });

  it('refuses unknown targets, unknown fields and unknown tickets', async () => {
    const t = await ticketIn('new');
    expect((await move(t.number, { to: 'archived' })).status).toBe(400);
    expect((await move(t.number, {})).status).toBe(400);
    expect((await move(t.number, { to: 'open', note: 'x' })).status).toBe(400);
    expect((await move('19990001', { to: 'open' })).status).toBe(404);
    expect((await server.anonymous().post(`/api/v1/tickets/${t.number}/transitions`, { to: 'open' })).status).toBe(401);
  });

  it('random sequences of moves follow the lifecycle table, one event and one version per move', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...statuses), { minLength: 1, maxLength: 8 }), async (targets) => {
        const t = await createTicket(admin);
        let status: Status = 'new';
        let moves = 0;
        for (const to of targets) {
          const res = await move(t.number, bodyFor(to));
          const legal = designMoves[status].includes(to);
          expect(res.status, `${status} → ${to}`).toBe(legal ? 200 : 409);
          if (legal) {
            status = to;
            moves += 1;
          }
        }
        const final = await getTicket(t.number);
        expect(final.status).toBe(status);
        expect(final.version).toBe(1 + moves);
        const events = await history(t.number);
        expect(events.map((e) => e.type).slice(1)).toHaveLength(moves);
        // The chain of before/after statuses is unbroken.
        let at: Status = 'new';
        for (const e of events.slice(1)) {
          expect(e.before?.status).toBe(at);
          at = e.after?.status as Status;
        }
        expect(at).toBe(status);
      }),
      { numRuns: 8 },
    );
  });
});
