import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { webhookEvents } from '../../contract/webhooks.ts';
import { createManualClock } from '../platform/clock.ts';
import { verifySignature } from './signing.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.testing.ts';
import { webhookBackoffMs } from './webhook-worker.ts';

/** Polls a condition until it holds (never a fixed sleep); answers its value. */
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

const allEvents = [...webhookEvents];

describe('signed webhooks out', () => {
  const clock = createManualClock(new Date('2026-03-02T08:00:00.000Z'));
  let server: TestServer;
  let admin: ApiClient;
  let orgId: number;
  let receiver: WebhookReceiver;
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  beforeAll(async () => {
    server = await startTestServer({ clock });
    ({ admin, orgId } = await createWorkspace(server.url));
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    // Each test registers its own endpoint; none outlives it.
    for (const w of (await admin.get('/api/v1/admin/webhooks')).body.items) await admin.delete(`/api/v1/admin/webhooks/${w.id}`);
    receiver.received.length = 0;
    receiver.answer = () => 200;
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  const register = async (body: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/v1/admin/webhooks', { url: receiver.url, events: allEvents, allow_private: true, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; secret: string };
  };
  const ofTicket = (number: string) => receiver.received.filter((r) => r.json.ticket?.number === number);
  /** Moves the clock past the next retry and lets the worker look. */
  const advance = (ms: number) => {
    clock.advance(ms);
    server.webhooks.wake();
  };
  const deliveries = async (webhookId: number) => {
    const res = await admin.get(`/api/v1/admin/webhooks/${webhookId}/deliveries?limit=200`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Array<{ id: number; event: string; status: string; attempts: number; last_status_code: number | null; last_error: string | null; ticket_number: string | null; response_excerpt: string | null }>;
  };

  it('refuses bad registrations with 400 naming the field, and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ url: 'not a url', events: ['ticket.created'] }, 'body.url'],
      [{ url: 'ftp://hooks.example.com/x', events: ['ticket.created'] }, 'body.url'],
      [{ url: 'javascript:alert(1)', events: ['ticket.created'] }, 'body.url'],
      [{ url: receiver.url, events: ['ticket.exploded'] }, 'body.events'],
      [{ url: receiver.url, events: [] }, 'body.events'],
      [{ url: receiver.url, events: ['ticket.created', 'ticket.created'] }, 'body.events'],
      // The receiver is on 127.0.0.1: refused without the admin's explicit allow_private.
      [{ url: receiver.url, events: ['ticket.created'] }, 'body.url'],
      [{ url: 'http://[::1]:9/hook', events: ['ticket.created'] }, 'body.url'],
      [{ url: 'http://169.254.169.254/latest/meta-data', events: ['ticket.created'], allow_private: true }, 'body.url'],
      [{ url: 'http://localhost:9/hook', events: ['ticket.created'] }, 'body.url'],
      [{ url: receiver.url, events: ['ticket.created'], secret: 'mine' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/admin/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
      expect(res.body.error.message, JSON.stringify(body)).toContain(field);
    }
    const loopback = await admin.post('/api/v1/admin/webhooks', { url: receiver.url, events: ['ticket.created'] });
    expect(loopback.body.error.message).toMatch(/body\.url: 127\.0\.0\.1 is a loopback address/);
    expect((await admin.get('/api/v1/admin/webhooks')).body.items).toEqual([]);
    expect(await server.deps.db.selectFrom('webhooks').select('id').where('org_id', '=', orgId).execute()).toEqual([]);
  });

  it('lets only admins manage endpoints, and shows the secret only on creation and rotation', async () => {
    const agent = await createAgent(admin);
    expect((await agent.client.get('/api/v1/admin/webhooks')).status).toBe(403);
    expect((await agent.client.post('/api/v1/admin/webhooks', { url: receiver.url, events: ['ticket.created'], allow_private: true })).status).toBe(403);
    const created = await register({ description: 'CRM sync', events: ['ticket.created'] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = (await admin.get('/api/v1/admin/webhooks')).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: created.id, url: receiver.url, description: 'CRM sync', events: ['ticket.created'], allow_private: true, enabled: true });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(JSON.stringify((await admin.get(`/api/v1/admin/webhooks/${created.id}`)).body)).not.toContain('whsec_');
    expect((await agent.client.delete(`/api/v1/admin/webhooks/${created.id}`)).status).toBe(403);
    // A PATCH that takes allow_private away from a loopback URL is refused and changes nothing.
    const refused = await admin.patch(`/api/v1/admin/webhooks/${created.id}`, { allow_private: false, description: 'changed' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('body.url');
    expect((await admin.get(`/api/v1/admin/webhooks/${created.id}`)).body).toMatchObject({ allow_private: true, description: 'CRM sync' });
    expect((await admin.get('/api/v1/admin/webhooks/987654')).status).toBe(404);
  });

  it('posts a signed JSON delivery of a new ticket, which the receiver verifies with the secret', async () => {
    const { id, secret } = await register({ events: ['ticket.created'] });
    const ticket = await createTicket(admin, { subject: 'Kettle leaks' });
    const [got] = await until('the delivery', () => ofTicket(ticket.number).length > 0 && ofTicket(ticket.number));
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['user-agent']).toMatch(/^Caredesk-Webhooks/);
    expect(got.headers['x-caredesk-event']).toBe('ticket.created');
    const signature = String(got.headers['x-caredesk-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(signature, got.body, secret, nowSeconds())).toBe(true);
    expect(verifySignature(signature, got.body.replace('Kettle', 'Kettel'), secret, nowSeconds())).toBe(false);
    expect(verifySignature(signature, got.body, 'whsec_wrong', nowSeconds())).toBe(false);
    expect(got.json).toMatchObject({
      id: Number(got.headers['x-caredesk-delivery']),
      event: 'ticket.created',
      occurred_at: clock.now().toISOString(),
      workspace: { id: orgId },
      ticket: { number: ticket.number, subject: 'Kettle leaks', status: ticket.status, priority: 'medium', channel: ticket.channel },
      change: { type: 'created' },
      actor: { kind: 'agent', name: 'Ada Admin' },
    });
    const logged = await until('delivered in the log', async () => (await deliveries(id)).find((d) => d.status === 'delivered'));
    expect(logged).toMatchObject({ event: 'ticket.created', ticket_number: ticket.number, attempts: 1, last_status_code: 200, response_excerpt: 'thanks' });
  });

  it('retries after 500s with backoff, and delivers the events of one ticket in order while another ticket goes on', async () => {
    const { id, secret } = await register();
    const first = await createTicket(admin, { subject: 'Order one' });
    let failuresLeft = 2;
    receiver.answer = ({ json }) => (json.ticket?.number === first.number && json.event === 'ticket.created' && failuresLeft-- > 0 ? 500 : 200);
    // The same transaction that writes the change queues its delivery: no event is lost or early.
    await until('the first attempt recorded', async () => (await deliveries(id)).find((d) => d.ticket_number === first.number && d.last_status_code === 500 && d.status === 'queued'));
    expect(ofTicket(first.number).map((r) => r.status)).toEqual([500]);
    expect((await admin.post(`/api/v1/tickets/${first.number}/transitions`, { to: 'open' })).status).toBe(200);
    expect((await admin.post(`/api/v1/tickets/${first.number}/messages`, { body: 'We will send a new one', visibility: 'public' })).status).toBe(201);
    const agent = await createAgent(admin);
    expect((await admin.patch(`/api/v1/tickets/${first.number}`, { assignee: agent.id })).status).toBe(200);
    const second = await createTicket(admin, { subject: 'Order two' });
    // The other ticket is not held up by the first one's failing delivery.
    await until("the other ticket's delivery", () => ofTicket(second.number).length === 1);
    expect(ofTicket(first.number)).toHaveLength(1);

    advance(webhookBackoffMs[0]);
    await until('the second attempt recorded', async () => (await deliveries(id)).find((d) => d.ticket_number === first.number && d.attempts === 2 && d.status === 'queued'));
    expect(ofTicket(first.number).map((r) => r.status)).toEqual([500, 500]);
    advance(webhookBackoffMs[1] - 1000);
    server.webhooks.wake();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ofTicket(first.number)).toHaveLength(2); // not yet due
    advance(1000);
    const arrived = await until('all events of the first ticket', () => ofTicket(first.number).length >= 6 && ofTicket(first.number));
    expect(arrived.map((r) => [r.json.event, r.status])).toEqual([
      ['ticket.created', 500],
      ['ticket.created', 500],
      ['ticket.created', 200],
      ['ticket.status_changed', 200],
      ['ticket.message_added', 200],
      ['ticket.assigned', 200],
    ]);
    // A retry is the same delivery: the same id and the same bytes, signed afresh.
    expect(new Set(arrived.slice(0, 3).map((r) => r.headers['x-caredesk-delivery'])).size).toBe(1);
    expect(new Set(arrived.slice(0, 3).map((r) => r.body)).size).toBe(1);
    // Each attempt is signed at its own time (the clock moved on since the first).
    for (const r of arrived) expect(verifySignature(String(r.headers['x-caredesk-signature']), r.body, secret, nowSeconds(), 3600)).toBe(true);
    expect(arrived[3].json.change).toEqual({ type: 'opened', before: { status: 'new' }, after: { status: 'open' } });
    expect(arrived[5].json.ticket.assignee).toMatchObject({ id: agent.id });
    const log = await until('the log', async () => {
      const rows = (await deliveries(id)).filter((d) => d.ticket_number === first.number);
      return rows.length === 4 && rows.every((d) => d.status === 'delivered') && rows;
    });
    expect(log.at(-1)).toMatchObject({ event: 'ticket.created', attempts: 3, last_status_code: 200 });
  });

  it('signs with both secrets for a day after a rotation, then with the new one only', async () => {
    const { id, secret: old } = await register({ events: ['ticket.created'] });
    const rotated = await admin.post(`/api/v1/admin/webhooks/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.secret as string;
    expect(fresh).not.toBe(old);
    expect(rotated.body.previous_secret_until).toBe(new Date(clock.now().getTime() + 24 * 3_600_000).toISOString());
    const during = await createTicket(admin);
    const [a] = await until('a delivery during the grace', () => ofTicket(during.number).length > 0 && ofTicket(during.number));
    expect(String(a.headers['x-caredesk-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifySignature(String(a.headers['x-caredesk-signature']), a.body, fresh, nowSeconds())).toBe(true);
    expect(verifySignature(String(a.headers['x-caredesk-signature']), a.body, old, nowSeconds())).toBe(true);
    clock.advance(24 * 3_600_000 + 1000);
    const after = await createTicket(admin);
    const [b] = await until('a delivery after the grace', () => ofTicket(after.number).length > 0 && ofTicket(after.number));
    expect(verifySignature(String(b.headers['x-caredesk-signature']), b.body, fresh, nowSeconds())).toBe(true);
    expect(verifySignature(String(b.headers['x-caredesk-signature']), b.body, old, nowSeconds())).toBe(false);
  });

  it('gives a delivery up after a day of retries, turns the endpoint off after three in a row and tells the admins; turned on again, a retried delivery arrives', async () => {
    const { id } = await register({ events: ['ticket.created'] });
    receiver.answer = () => 500;
    const tickets = [await createTicket(admin), await createTicket(admin), await createTicket(admin)];
    /** Waits until each delivery's attempt `n` is recorded (not only received), so the clock moves after it. */
    const recorded = (n: number) => until(`attempt ${n} of each recorded`, async () => (await deliveries(id)).filter((d) => d.attempts === n && d.status !== 'sending').length === 3);
    await recorded(1);
    for (let i = 0; i < webhookBackoffMs.length; i++) {
      advance(webhookBackoffMs[i]);
      await recorded(i + 2);
    }
    expect(receiver.received).toHaveLength(3 * (webhookBackoffMs.length + 1));
    const log = await until('three given up', async () => {
      const rows = await deliveries(id);
      return rows.length === 3 && rows.every((d) => d.status === 'failed') && rows;
    });
    expect(log.map((d) => d.attempts)).toEqual([10, 10, 10]);
    expect(log[0]).toMatchObject({ last_status_code: 500, last_error: 'answered 500', response_excerpt: 'no luck (500)' });
    const endpoint = (await admin.get(`/api/v1/admin/webhooks/${id}`)).body;
    expect(endpoint).toMatchObject({ enabled: false, consecutive_failures: 3 });
    expect(endpoint.disabled_reason).toMatch(/after 3 deliveries in a row failed/);
    const bell = (await admin.get('/api/v1/notifications')).body.items;
    expect(bell.filter((n: { kind: string }) => n.kind === 'webhook_disabled')).toHaveLength(1);

    // While off, nothing is queued or posted; a retry is refused until it is on again.
    const quiet = await createTicket(admin);
    expect((await deliveries(id)).some((d) => d.ticket_number === quiet.number)).toBe(false);
    expect((await admin.post(`/api/v1/admin/webhooks/${id}/deliveries/${log[0].id}/retry`)).status).toBe(409);
    receiver.answer = () => 200;
    const on = await admin.patch(`/api/v1/admin/webhooks/${id}`, { enabled: true });
    expect(on.body).toMatchObject({ enabled: true, consecutive_failures: 0, disabled_at: null, disabled_reason: null });
    const retried = await admin.post(`/api/v1/admin/webhooks/${id}/deliveries/${log[0].id}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0 });
    await until('the retried delivery', async () => (await deliveries(id)).find((d) => d.id === log[0].id && d.status === 'delivered'));
    expect((await admin.post(`/api/v1/admin/webhooks/${id}/deliveries/${log[0].id}/retry`)).status).toBe(409);
    expect(tickets.map((t) => t.number)).toContain(log[0].ticket_number);
  });

  it('sends a ping on request, and shows it in the log', async () => {
    const { id, secret } = await register({ events: ['ticket.assigned'] });
    const res = await admin.post(`/api/v1/admin/webhooks/${id}/test`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ event: 'ping', status: 'queued', ticket_number: null });
    const [ping] = await until('the ping', () => receiver.received.length > 0 && receiver.received);
    expect(ping.json).toMatchObject({ id: res.body.id, event: 'ping', workspace: { id: orgId }, webhook: { id, url: receiver.url } });
    expect(verifySignature(String(ping.headers['x-caredesk-signature']), ping.body, secret, nowSeconds())).toBe(true);
    await until('the ping delivered', async () => (await deliveries(id)).find((d) => d.event === 'ping' && d.status === 'delivered'));
  });

  it('refuses at delivery time an address the guard does not allow, even when the endpoint was stored without the check', async () => {
    const { id } = await register({ events: ['ticket.created'] });
    // As if DNS had moved the host to a loopback address since registration.
    await server.deps.db.updateTable('webhooks').set({ allow_private: false }).where('org_id', '=', orgId).where('id', '=', id).execute();
    const ticket = await createTicket(admin);
    const row = await until('the refused attempt', async () => (await deliveries(id)).find((d) => d.last_error !== null && d.status !== 'sending'));
    expect(row).toMatchObject({ ticket_number: ticket.number, status: 'queued', last_status_code: null });
    expect(row.last_error).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
    expect(receiver.received).toHaveLength(0);
  });

  it('pages the delivery log with a cursor, newest first', async () => {
    const { id } = await register({ events: ['ticket.created'] });
    for (let i = 0; i < 3; i++) await createTicket(admin);
    await until('three delivered', async () => (await deliveries(id)).filter((d) => d.status === 'delivered').length === 3);
    const first = await admin.get(`/api/v1/admin/webhooks/${id}/deliveries?limit=2`);
    expect(first.body.items).toHaveLength(2);
    const rest = await admin.get(`/api/v1/admin/webhooks/${id}/deliveries?limit=2&cursor=${first.body.next_cursor}`);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.next_cursor).toBeNull();
    const ids = [...first.body.items, ...rest.body.items].map((d: { id: number }) => d.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((await admin.get(`/api/v1/admin/webhooks/${id}/deliveries?status=lost`)).status).toBe(400);
    expect((await admin.get('/api/v1/admin/webhooks/987654/deliveries')).status).toBe(404);
  });

  it('maps every history event type to a webhook event the contract lists (the migration and the contract agree)', async () => {
    const expected: Record<string, string> = {
      created: 'ticket.created', updated: 'ticket.updated', locked: 'ticket.updated', unlocked: 'ticket.updated', customer_merged: 'ticket.updated',
      opened: 'ticket.status_changed', held: 'ticket.status_changed', resumed: 'ticket.status_changed', resolved: 'ticket.status_changed',
      reopened: 'ticket.status_changed', closed: 'ticket.status_changed', replied: 'ticket.message_added', note_added: 'ticket.message_added',
      assigned: 'ticket.assigned', unassigned: 'ticket.assigned', escalated: 'ticket.escalated', verified: 'ticket.verified',
      rejected: 'ticket.rejected', sla_warning: 'ticket.sla_warning', reminded: 'ticket.reminded', something_new: 'ticket.updated',
    };
    for (const [type, event] of Object.entries(expected)) {
      const { rows } = await sql<{ event: string }>`select webhook_event_name(${type}) as event`.execute(server.deps.db);
      expect(rows[0].event, type).toBe(event);
    }
    expect(new Set(Object.values(expected))).toEqual(new Set(webhookEvents));
  });
});
