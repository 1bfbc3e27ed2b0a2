import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, CustomerUser } from '../../contract/customers.ts';
import type { Ticket, TicketEvent } from '../../contract/tickets.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { signInToPortal } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let admin: ApiClient;
let slug: string;
let orgId: number;

beforeAll(async () => {
  server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
  ({ admin, slug, orgId } = await createWorkspace(server.url, 'merge-shop'));
});
afterAll(async () => {
  await server?.close();
});

const addUser = async (client: ApiClient, body: Record<string, unknown>) => {
  const res = await client.post<CustomerUser>('/api/v1/customer-users', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const merge = (client: ApiClient, id: number, into: unknown) => client.post(`/api/v1/customer-users/${id}/merge`, { into });
const portalRows = async (customerUserId: number) => ({
  links: (await server.deps.db.selectFrom('portal_links').select('id').where('org_id', '=', orgId).where('customer_user_id', '=', customerUserId).execute()).length,
  sessions: (await server.deps.db.selectFrom('portal_sessions').select('id').where('org_id', '=', orgId).where('customer_user_id', '=', customerUserId).execute()).length,
});

describe('merging two customer users', () => {
  it('moves every ticket to the kept user and their customer, with a history event on each, and deletes the merged user', async () => {
    const company = (await admin.post<Customer>('/api/v1/customers', { name: 'PT Kept', customer_code: 'KEPT' })).body;
    const twin = await addUser(admin, { name: 'Rina (old)', email: 'rina.old@merge.test' });
    const kept = await addUser(admin, { name: 'Rina Wati', email: 'rina@merge.test', customer_id: company.id });
    const tickets: Ticket[] = [];
    for (const subject of ['Parcel late', 'Wrong colour']) tickets.push(await createTicket(admin, { subject, customer: undefined, customer_user_id: twin.id }));
    const untouched = await createTicket(admin, { subject: 'Someone else', customer: undefined, customer_user_id: kept.id });

    const res = await merge(admin, twin.id, kept.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual(kept);

    for (const t of tickets) {
      const after = (await admin.get<Ticket>(`/api/v1/tickets/${t.number}`)).body;
      expect(after.customer_user?.id).toBe(kept.id);
      expect(after.customer?.id).toBe(company.id);
      expect(after.version).toBe(t.version + 1);
      const history = (await admin.get<{ items: TicketEvent[] }>(`/api/v1/tickets/${t.number}/history`)).body.items;
      const event = history.find((e) => e.type === 'customer_merged');
      expect(event).toMatchObject({
        actor: { kind: 'agent' },
        before: { customer_user_id: twin.id, customer_user: 'Rina (old)', customer_id: null },
        after: { customer_user_id: kept.id, customer_user: 'Rina Wati', customer_id: company.id },
      });
    }
    const other = (await admin.get<{ items: TicketEvent[] }>(`/api/v1/tickets/${untouched.number}/history`)).body.items;
    expect(other.map((e) => e.type)).not.toContain('customer_merged');
    expect((await admin.get(`/api/v1/customer-users/${twin.id}`)).status).toBe(404);
    const byUser = await admin.get<{ items: Ticket[] }>(`/api/v1/tickets?customer_user_id=${kept.id}`);
    expect(byUser.body.items.map((t) => t.number).sort()).toEqual([...tickets.map((t) => t.number), untouched.number].sort());
    // The merged email is free again.
    expect((await admin.post('/api/v1/customer-users', { name: 'New Rina', email: 'rina.old@merge.test' })).status).toBe(201);
  });

  it("ends the merged user's portal: their session is refused at once, their links and sessions are gone", async () => {
    const twin = await addUser(admin, { name: 'Portal Twin', email: 'portal.twin@merge.test' });
    const kept = await addUser(admin, { name: 'Portal Kept', email: 'portal.kept@merge.test' });
    const portal = await signInToPortal(server, slug, 'portal.twin@merge.test');
    expect((await portal.get(`/api/v1/portal/${slug}/me`)).status).toBe(200);
    expect(await portalRows(twin.id)).toEqual({ links: 1, sessions: 1 });
    expect((await merge(admin, twin.id, kept.id)).status).toBe(200);
    expect((await portal.get(`/api/v1/portal/${slug}/me`)).status).toBe(401);
    expect(await portalRows(twin.id)).toEqual({ links: 0, sessions: 0 });
  });

  it('is for admins only: agents and API keys get 403 and nothing moves', async () => {
    const twin = await addUser(admin, { name: 'Guarded Twin', email: 'guarded.twin@merge.test' });
    const kept = await addUser(admin, { name: 'Guarded Kept', email: 'guarded.kept@merge.test' });
    const ticket = await createTicket(admin, { customer: undefined, customer_user_id: twin.id });
    const agent = await createAgent(admin);
    for (const client of [agent.client, await createApiKey(admin)]) {
      const res = await merge(client, twin.id, kept.id);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await admin.get(`/api/v1/customer-users/${twin.id}`)).status).toBe(200);
    expect((await admin.get<Ticket>(`/api/v1/tickets/${ticket.number}`)).body.customer_user?.id).toBe(twin.id);
  });

  it('refuses a user merged into themselves (400), an unknown user or target (404), one of another workspace (404) and a bad body (400)', async () => {
    const twin = await addUser(admin, { name: 'Lonely Twin', email: 'lonely@merge.test' });
    const ticket = await createTicket(admin, { customer: undefined, customer_user_id: twin.id });
    const self = await merge(admin, twin.id, twin.id);
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('validation_error');
    expect((await merge(admin, twin.id, 999_999)).status).toBe(404);
    expect((await merge(admin, 999_999, twin.id)).status).toBe(404);
    expect((await merge(admin, twin.id, 'abc')).status).toBe(400);
    expect((await admin.post(`/api/v1/customer-users/${twin.id}/merge`, { into: twin.id + 1, also: 1 })).status).toBe(400);

    const elsewhere = await createWorkspace(server.url, 'merge-other', 'signup');
    const stranger = await addUser(elsewhere.admin, { name: 'Stranger', email: 'stranger@merge.test' });
    expect((await merge(admin, twin.id, stranger.id)).status).toBe(404);
    expect((await merge(elsewhere.admin, stranger.id, twin.id)).status).toBe(404);
    expect((await merge(elsewhere.admin, twin.id, stranger.id)).status).toBe(404);
    expect((await admin.get(`/api/v1/customer-users/${twin.id}`)).status).toBe(200);
    expect((await elsewhere.admin.get(`/api/v1/customer-users/${stranger.id}`)).status).toBe(200);
    expect((await admin.get<Ticket>(`/api/v1/tickets/${ticket.number}`)).body.customer_user?.id).toBe(twin.id);
  });

  it('keeps a change made to a ticket while the merge runs (the moved rows are locked, not overwritten)', async () => {
    const twin = await addUser(admin, { name: 'Busy Twin', email: 'busy.twin@merge.test' });
    const kept = await addUser(admin, { name: 'Busy Kept', email: 'busy.kept@merge.test' });
    const tickets: Ticket[] = [];
    for (let i = 0; i < 5; i += 1) tickets.push(await createTicket(admin, { subject: `Busy ${i}`, customer: undefined, customer_user_id: twin.id }));
    const [merged, ...patched] = await Promise.all([
      merge(admin, twin.id, kept.id),
      ...tickets.map((t) => admin.patch<Ticket>(`/api/v1/tickets/${t.number}`, { priority: 'urgent' })),
    ]);
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    for (const p of patched) expect(p.status, JSON.stringify(p.body)).toBe(200);
    for (const t of tickets) {
      const after = (await admin.get<Ticket>(`/api/v1/tickets/${t.number}`)).body;
      expect(after).toMatchObject({ priority: 'urgent', version: t.version + 2 });
      expect(after.customer_user?.id).toBe(kept.id);
    }
  });
});
