/**
 * A merge against what else happens to the merged customer user at that moment: tickets created
 * for them, changes to them, their portal. Each either happens before the merge (and is carried
 * over) or after it (and is refused cleanly); none fails on the foreign key with a 500.
 * The held-up merge needs a second connection, so that part runs on PostgreSQL only; PGlite has
 * one connection and runs every transaction after the other.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerUser } from '../../contract/customers.ts';
import type { Ticket } from '../../contract/tickets.ts';
import type { ApiClient, ApiResponse } from '../../../test/helpers/client.ts';
import { testEngine } from '../../../test/helpers/database.ts';
import { buildTicket, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { openLink, signInLinkMailedTo, signInToPortal } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let admin: ApiClient;
let slug: string;
let orgId: number;

beforeAll(async () => {
  server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
  ({ admin, slug, orgId } = await createWorkspace(server.url, 'merge-race'));
});
afterAll(async () => {
  await server?.close();
});

const addUser = async (name: string, email: string) => {
  const res = await admin.post<CustomerUser>('/api/v1/customer-users', { name, email });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const merge = (id: number, into: number) => admin.post<CustomerUser>(`/api/v1/customer-users/${id}/merge`, { into });
const createFor = (customerUserId: number) => admin.post<Ticket>('/api/v1/tickets', buildTicket({ customer: undefined, customer_user_id: customerUserId }));
const createInline = (name: string, email: string) => admin.post<Ticket>('/api/v1/tickets', buildTicket({ customer: { name, email } }));
const ticketsOf = async (customerUserId: number) =>
  (await server.deps.db.selectFrom('tickets').select('id').where('org_id', '=', orgId).where('customer_user_id', '=', customerUserId).execute()).length;
const customerUserOf = async (number: string) => (await admin.get<Ticket>(`/api/v1/tickets/${number}`)).body.customer_user?.id;

/** A create for a merged-away customer user: 404, naming the merge as the likely reason. */
const expectMergedAway = (res: ApiResponse, id: number) => {
  expect(res.status, JSON.stringify(res.body)).toBe(404);
  expect(res.body.error).toMatchObject({ code: 'not_found', details: [{ field: 'body.customer_user_id' }] });
  expect(res.body.error.message).toBe(`Unknown customer user: ${id} (merged into another customer user, or not of this workspace)`);
};

describe('a merge while tickets are created for the merged customer user', () => {
  it('moves each ticket created before it and refuses each one after it with 404; none fails, none is left behind', async () => {
    const twin = await addUser('Race Twin', 'race.twin@merge.test');
    const kept = await addUser('Race Kept', 'race.kept@merge.test');
    // Enough tickets that the merge takes a while to move them.
    for (let i = 0; i < 20; i += 1) await createTicket(admin, { subject: `Old ${i}`, customer: undefined, customer_user_id: twin.id });
    let merging = true;
    const created: ApiResponse<Ticket>[] = [];
    const inline: ApiResponse<Ticket>[] = [];
    const patched: ApiResponse<CustomerUser>[] = [];
    const keepCreating = async () => {
      while (merging) created.push(await createFor(twin.id));
    };
    const keepCreatingInline = async () => {
      while (merging) inline.push(await createInline('Race Twin', 'race.twin@merge.test'));
    };
    const keepPatching = async () => {
      for (let i = 0; merging; i += 1) patched.push(await admin.patch<CustomerUser>(`/api/v1/customer-users/${twin.id}`, { loyalty_id: `RACE-${i}` }));
    };
    const racers = [keepCreating(), keepCreating(), keepCreating(), keepCreating(), keepCreatingInline(), keepPatching()];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const merged = await merge(twin.id, kept.id);
    merging = false;
    await Promise.all(racers);
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);

    for (const res of created) {
      if (res.status === 201) expect(await customerUserOf(res.body.number)).toBe(kept.id);
      else expectMergedAway(res, twin.id);
    }
    // By address: matched to the twin before the merge (and moved), or to a new customer user with the address now free.
    for (const res of inline) {
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(await customerUserOf(res.body.number)).not.toBe(twin.id);
    }
    for (const res of patched) expect([200, 404], JSON.stringify(res.body)).toContain(res.status);
    expect(await ticketsOf(twin.id)).toBe(0);
    expect(await ticketsOf(kept.id)).toBe(20 + created.filter((r) => r.status === 201).length + inline.filter((r) => r.body.customer_user?.id === twin.id).length);
    expect((await admin.get(`/api/v1/customer-users/${twin.id}`)).status).toBe(404);
    expectMergedAway(await createFor(twin.id), twin.id);
  });

  it("ends the merged user's portal cleanly: every request of their session answers 401, none 500", async () => {
    const twin = await addUser('Portal Race Twin', 'portal.race.twin@merge.test');
    const kept = await addUser('Portal Race Kept', 'portal.race.kept@merge.test');
    const ticket = await createTicket(admin, { customer: undefined, customer_user_id: twin.id });
    const portal = await signInToPortal(server, slug, 'portal.race.twin@merge.test');
    expect((await portal.get(`/api/v1/portal/${slug}/tickets/${ticket.number}`)).status).toBe(200);
    expect((await merge(twin.id, kept.id)).status).toBe(200);
    const base = `/api/v1/portal/${slug}`;
    for (const res of [
      await portal.get(`${base}/me`),
      await portal.patch(`${base}/me`, { language: 'id' }),
      await portal.get(`${base}/tickets`),
      await portal.get(`${base}/tickets/${ticket.number}`),
      await portal.post(`${base}/tickets/${ticket.number}/notes`, { body: 'Still there?' }),
      await portal.post(`${base}/tickets/${ticket.number}/resolve`, {}),
      await portal.get(`${base}/events`),
    ]) {
      expect(res.status, JSON.stringify(res.body)).toBe(401);
    }
    // The request form without a session is the public one: it needs a name and an address.
    expect((await portal.post(`${base}/requests`, { description: 'Hello?' })).status).toBe(400);
  });
});

describe.skipIf(testEngine() !== 'postgres')('a merge held up half-way (PostgreSQL)', () => {
  let side: pg.Client;
  beforeAll(async () => {
    side = new pg.Client({ connectionString: server.databaseUrl ?? undefined });
    await side.connect();
  });
  afterAll(async () => {
    await side?.end();
  });

  /** Waits until `count` of the server's statements wait for a lock. */
  const lockWaiters = async (count: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      // The side connection is inside its transaction, which would otherwise see one snapshot of the activity.
      await side.query('select pg_stat_clear_snapshot()');
      const { rows } = await side.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
      if (rows[0].n >= count) return;
      if (Date.now() > deadline) {
        const activity = await side.query("select wait_event_type, left(query, 80) as query from pg_stat_activity where datname = current_database() and state = 'active'");
        throw new Error(`${rows[0].n} of ${count} statements wait for a lock: ${JSON.stringify(activity.rows)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('makes creates, a change and a sign-in link sent meanwhile wait for it, then refuses them cleanly (404, 404, link expired)', async () => {
    const twin = await addUser('Held Twin', 'held.twin@merge.test');
    const kept = await addUser('Held Kept', 'held.kept@merge.test');
    const old = await createTicket(admin, { customer: undefined, customer_user_id: twin.id });
    const portal = await signInToPortal(server, slug, 'held.twin@merge.test');
    expect((await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: 'held.twin@merge.test' })).status).toBe(202);
    const link = await signInLinkMailedTo(server, 'held.twin@merge.test', 2);

    // Another transaction holds the twin's ticket: the merge locks both users, then waits for it.
    await side.query('begin');
    await side.query('select id from tickets where org_id = $1 and customer_user_id = $2 for update', [orgId, twin.id]);
    let waiting = 0;
    /** Sends the request and waits until it waits for a lock too (the answer comes wrapped: awaiting it would wait for the end). */
    const blocked = async <T>(request: () => Promise<T>): Promise<{ answer: Promise<T> }> => {
      const answer = request();
      await lockWaiters((waiting += 1));
      return { answer };
    };
    const merged = (await blocked(() => merge(twin.id, kept.id))).answer;
    const byId = [(await blocked(() => createFor(twin.id))).answer, (await blocked(() => createFor(twin.id))).answer];
    const byAddress = (await blocked(() => createInline('Held Twin', 'held.twin@merge.test'))).answer;
    const patched = (await blocked(() => admin.patch<CustomerUser>(`/api/v1/customer-users/${twin.id}`, { name: 'Held Twin (renamed)' }))).answer;
    const requested = (await blocked(() => portal.post(`/api/v1/portal/${slug}/requests`, { description: 'Where is my parcel?' }))).answer;
    const opened = (await blocked(() => openLink(server, link))).answer;
    await side.query('rollback');

    expect((await merged).status).toBe(200);
    for (const res of await Promise.all(byId)) expectMergedAway(res, twin.id);
    // Matched by address again after the merge: the address is free, so a new customer user holds it.
    const inline = await byAddress;
    expect(inline.status, JSON.stringify(inline.body)).toBe(201);
    expect([twin.id, kept.id]).not.toContain(inline.body.customer_user?.id);
    expect((await patched).status).toBe(404);
    expectMergedAway(await requested, twin.id);
    expect(await opened).toMatchObject({ status: 303, location: `/portal/${slug}/link-expired` });
    expect(await customerUserOf(old.number)).toBe(kept.id);
    expect(await ticketsOf(twin.id)).toBe(0);
    expect((await portal.get(`/api/v1/portal/${slug}/me`)).status).toBe(401);
  });
});
