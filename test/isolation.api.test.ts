import { channels } from '../src/contract/channels.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from './helpers/client.ts';
import { openEventStream } from './helpers/events.ts';
import { mailsTo, signInLinkMailedTo, signInToPortal } from './helpers/portal.ts';
import { PASSWORD, createAgent, createWorkspace } from './helpers/factories.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { registeredRoutes } from './helpers/routes.ts';
import { enqueueMail } from '../src/server/mail/enqueue.ts';

/*
 * Release-blocking: no request made with workspace B's credentials may read or change a row of
 * workspace A (DESIGN.md §2: "No query may cross workspaces").
 *
 * Every string that belongs to A contains the marker "zebracorn" (B's contain "quokkafish"), so a
 * leak of any A row into an answer to B shows up as the marker in the body. Every route of the
 * OpenAPI document needs an entry in `probes` below (or in `workspaceLess`): a new route without
 * a cross-workspace check fails the coverage test.
 */

const A_MARK = 'zebracorn';
const B_MARK = 'quokkafish';

/** Routes that are not inside any workspace, so there is nothing of A for B to reach. */
const workspaceLess = [
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/workspaces',
  'POST /api/v1/auth/login',
  // An agent's invitation or password-reset link, read and spent before any sign-in: the token
  // mailed to the agent is the only credential, and it is global (it names its own agent, hence
  // its workspace), so there is no "other workspace" to reach with it.
  // src/server/agents/agent-links.api.test.ts covers them.
  'POST /api/v1/auth/agent-link',
  'POST /api/v1/auth/agent-link/accept',
  'GET /api/openapi.json',
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  // The portal's open doors; "keeps the portal's open doors to their own workspace" covers the first three, the portal's own tests the request form.
  'GET /api/v1/portal/{workspace}/config',
  'POST /api/v1/portal/{workspace}/sign-in',
  'GET /portal/{workspace}/auth',
  'POST /api/v1/portal/{workspace}/requests',
];

type Role = 'admin' | 'agent' | 'key';
const roles: Role[] = ['admin', 'agent', 'key'];

interface Seeded {
  mark: string;
  orgId: number;
  slug: string;
  admin: ApiClient;
  adminId: number;
  adminEmail: string;
  agent: ApiClient;
  agentId: number;
  agentEmail: string;
  /** An agent invited by mail who has not chosen a password yet. */
  inviteeId: number;
  inviteeEmail: string;
  key: ApiClient;
  keyId: number;
  departmentId: number;
  departmentName: string;
  categoryId: number;
  categoryName: string;
  seededCategoryIds: number[];
  /** A select ticket field keyed with the marker (customer-visible, on the portal form); the first ticket holds its option. */
  fieldId: number;
  fieldKey: string;
  fieldOption: string;
  customerId: number;
  customerCode: string;
  customerUserId: number;
  customerEmail: string;
  customerPhone: string;
  inlineCustomerEmail: string;
  orderNumber: string;
  transactionRef: string;
  /** The workspace's customer user, signed in to its portal. */
  portal: ApiClient;
  tickets: Array<{ id: number; number: string; subject: string }>;
  attachmentId: number;
}

function created(res: ApiResponse, status = 201) {
  expect(res.status, `${status} expected: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

/** A workspace with an agent in a department, an invited agent, a category, a ticket field, a customer with a user, an API key, and tickets with messages. */
async function seedWorkspace(server: TestServer, via: 'setup' | 'signup', mark: string, digits: string): Promise<Seeded> {
  const ws = await createWorkspace(server.url, `${mark}-shop`, via);
  const { admin } = ws;
  const me = created(await admin.get('/api/v1/auth/me'), 200);
  const Mark = mark[0].toUpperCase() + mark.slice(1);
  const department = created(await admin.post('/api/v1/departments', { name: `${Mark} Returns Desk`, email: `${mark}.returns@example.com` }));
  const agent = await createAgent(admin, { name: `${Mark} Agent`, department_ids: [department.id] });
  const inviteeEmail = `${mark}.invitee@example.com`;
  const invitee = created(await admin.post('/api/v1/agents/invitations', { name: `${Mark} Invitee`, email: inviteeEmail }));
  const category = created(await admin.post('/api/v1/categories', { name: `${Mark} Warranty` }));
  const categories = created(await admin.get('/api/v1/categories'), 200);
  const fieldKey = `${mark}_size`;
  const fieldOption = `${mark}_large`;
  const field = created(
    await admin.post('/api/v1/ticket-fields', { key: fieldKey, type: 'select', labels: { en: `${Mark} size` }, options: [{ key: fieldOption, labels: { en: `${Mark} large` } }], customer_visible: true, on_portal_form: true }),
  );
  const customer = created(await admin.post('/api/v1/customers', { name: `${Mark} Traders`, customer_code: `${mark.toUpperCase()}-CUST` }));
  const customerEmail = `${mark}.customer@example.com`;
  const customerPhone = `+62 811 ${digits} 0001`;
  const customerUser = created(
    await admin.post('/api/v1/customer-users', { name: `${Mark} Customer`, email: customerEmail, phone: customerPhone, customer_id: customer.id }),
  );
  const keyRes = created(await admin.post('/api/v1/api-keys', { name: `${Mark} integration` }));
  const key = new ApiClient(server.url, { bearer: keyRes.key });

  const orderNumber = `ORD-${mark.toUpperCase()}-7781`;
  const transactionRef = `TXN-${mark.toUpperCase()}-5521`;
  const first = created(
    await admin.post('/api/v1/tickets', {
      subject: `${Mark} blender arrived cracked`,
      description: `The ${mark} blender jug was cracked.`,
      priority: 'high',
      category: category.id,
      department: department.id,
      assignee: agent.id,
      customer_user_id: customerUser.id,
      order_number: orderNumber,
      transaction_ref: transactionRef,
      custom_fields: { [fieldKey]: fieldOption },
    }),
  );
  // The public reply carries a file, so there is an attachment of each workspace to reach for.
  const form = new FormData();
  form.append('body', `${Mark} public reply: a new jug is on its way`);
  form.append('visibility', 'public');
  form.append('files', new Blob([`${Mark} courier receipt\n`]), `${mark}-receipt.txt`);
  const upload = await fetch(`${server.url}/api/v1/tickets/${first.number}/messages`, { method: 'POST', body: form, headers: { cookie: agent.client.cookie ?? '' } });
  expect(upload.status).toBe(201);
  const attachmentId: number = (await upload.json()).attachments[0].id;
  created(await agent.client.post(`/api/v1/tickets/${first.number}/messages`, { body: `${Mark} internal note: courier damage`, visibility: 'internal' }));
  const inlineCustomerEmail = `${mark}.walkin@example.com`;
  const second = created(
    await key.post(
      '/api/v1/tickets',
      { subject: `${Mark} toaster never delivered`, category: 'Delivery', customer: { name: `${Mark} Walkin`, email: inlineCustomerEmail } },
      { 'idempotency-key': `idempotency-key-of-${mark === A_MARK ? 'a' : 'b'}` },
    ),
  );
  created(await key.post(`/api/v1/tickets/${second.number}/messages`, { body: `${Mark} integration note`, visibility: 'internal' }));
  return {
    mark,
    orgId: ws.orgId,
    slug: ws.slug,
    admin,
    adminId: me.agent.id,
    adminEmail: ws.adminEmail,
    agent: agent.client,
    agentId: agent.id,
    agentEmail: agent.email,
    inviteeId: invitee.id,
    inviteeEmail,
    key,
    keyId: keyRes.id,
    departmentId: department.id,
    departmentName: department.name,
    categoryId: category.id,
    categoryName: category.name,
    seededCategoryIds: categories.items.map((c: { id: number }) => c.id),
    fieldId: field.id,
    fieldKey,
    fieldOption,
    customerId: customer.id,
    customerCode: customer.customer_code,
    customerUserId: customerUser.id,
    customerEmail,
    customerPhone,
    inlineCustomerEmail,
    orderNumber,
    transactionRef,
    tickets: [first, second].map((t) => ({ id: t.id, number: t.number, subject: t.subject })),
    attachmentId,
    portal: await signInToPortal(server, ws.slug, customerEmail),
  };
}

async function listAll(client: ApiClient, path: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: ApiResponse = await client.get(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
  } while (cursor);
  return items;
}

/**
 * Everything an admin of the workspace can see, with the clocks of use stripped; `skip` leaves out
 * tickets the workspace itself changes during the probes (to check that the change does not leak).
 */
async function fingerprint(admin: ApiClient, skip: number[] = []) {
  const tickets = (await listAll(admin, '/api/v1/tickets?limit=200&sort=number')).filter((t) => !skip.includes(t.id));
  const conversations = [];
  for (const t of tickets) {
    conversations.push({
      number: t.number,
      messages: await listAll(admin, `/api/v1/tickets/${t.number}/messages`),
      history: await listAll(admin, `/api/v1/tickets/${t.number}/history`),
    });
  }
  const agents = (await listAll(admin, '/api/v1/agents')).map(({ last_sign_in_at: _, ...a }) => a);
  const apiKeys = (await listAll(admin, '/api/v1/api-keys')).map(({ last_used_at: _, ...k }) => k);
  return {
    tickets,
    conversations,
    stats: (await admin.get('/api/v1/tickets/stats')).body,
    agents,
    apiKeys,
    departments: await listAll(admin, '/api/v1/departments'),
    categories: await listAll(admin, '/api/v1/categories'),
    ticketFields: await listAll(admin, '/api/v1/ticket-fields'),
    customers: await listAll(admin, '/api/v1/customers?search=**'),
    customerUsers: await listAll(admin, '/api/v1/customer-users?search=**'),
    settings: (await admin.get('/api/v1/settings')).body,
  };
}

/** Row counts of one workspace, to prove that a refused request wrote nothing. */
async function counts(admin: ApiClient) {
  const tickets = await listAll(admin, '/api/v1/tickets?limit=200');
  let messages = 0;
  let events = 0;
  for (const t of tickets) {
    messages += (await listAll(admin, `/api/v1/tickets/${t.number}/messages`)).length;
    events += (await listAll(admin, `/api/v1/tickets/${t.number}/history`)).length;
  }
  return {
    tickets: tickets.length,
    versions: tickets.map((t) => `${t.number}@${t.version}`).sort(),
    messages,
    events,
    agents: (await listAll(admin, '/api/v1/agents')).length,
    departments: (await listAll(admin, '/api/v1/departments')).map((d) => JSON.stringify(d)).sort(),
    categories: (await listAll(admin, '/api/v1/categories')).map((c) => JSON.stringify(c)).sort(),
    customers: (await listAll(admin, '/api/v1/customers?search=**')).length,
    customerUsers: (await listAll(admin, '/api/v1/customer-users?search=**')).map((u) => JSON.stringify(u)).sort(),
    apiKeys: (await listAll(admin, '/api/v1/api-keys')).map((k) => `${k.id}:${k.revoked_at}`).sort(),
  };
}

describe('workspace isolation: workspace B can neither read nor change workspace A', () => {
  let server: TestServer;
  let A: Seeded;
  let B: Seeded;
  /** A's ticket number that B does not have (A's third ticket, under a prefix only A uses). */
  let aOnlyNumber: string;
  /** The number both workspaces gave their first ticket. */
  let sharedNumber: string;
  let aFingerprint: Awaited<ReturnType<typeof fingerprint>>;
  // A ticket of A that A itself changes while B listens to its own live events.
  let aLiveTicket: { id: number; number: string };
  let liveChanges = 0;
  let aIds: { tickets: number[]; agents: number[]; departments: number[]; categories: number[]; customers: number[]; customerUsers: number[]; apiKeys: number[] };
  const callers = (): Record<Role, ApiClient> => ({ admin: B.admin, agent: B.agent, key: B.key });

  /** Nothing of A in the answer: no marker, no A email; strings the request itself sent may be echoed. */
  function expectNoLeak(res: ApiResponse, sent: string[] = []) {
    let text = JSON.stringify(res.body ?? '').toLowerCase();
    for (const s of sent) text = text.replaceAll(s.toLowerCase(), '');
    expect(text, `an answer to B carries A's data: ${JSON.stringify(res.body)}`).not.toContain(A_MARK);
    for (const email of [A.adminEmail, A.agentEmail, A.customerEmail, A.inlineCustomerEmail]) expect(text).not.toContain(email.toLowerCase());
  }

  /** B is refused: 404 for an A row; 403 first when the route needs a role B's caller lacks. */
  function expectRefused(res: ApiResponse, role: Role, needs: 'actor' | 'agent' | 'admin', sent: string[] = []) {
    const forbidden = (needs === 'admin' && role !== 'admin') || (needs === 'agent' && role === 'key');
    expect(res.status, JSON.stringify(res.body)).toBe(forbidden ? 403 : 404);
    expect(res.body.error.code).toBe(forbidden ? 'forbidden' : 'not_found');
    expectNoLeak(res, sent);
  }

  function expectOnlyB(res: ApiResponse, aIdsOfKind: number[], sent: string[] = []) {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const item of res.body.items) expect(aIdsOfKind, `A's row ${JSON.stringify(item)} listed to B`).not.toContain(item.id);
    expectNoLeak(res, sent);
  }

  /** Runs a refused write and proves that neither workspace changed. */
  async function writesNothing(work: () => Promise<void>) {
    const before = { a: await counts(A.admin), b: await counts(B.admin) };
    await work();
    expect({ a: await counts(A.admin), b: await counts(B.admin) }).toEqual(before);
  }

  beforeAll(async () => {
    // Sign-up is open (B signs up); the webhooks and IMAP servers the probes use are on this machine,
    // which an operator of such a server allows explicitly (private-targets.api.test.ts tests the rule).
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open', CAREDESK_ALLOW_PRIVATE_TARGETS: 'true' } });
    A = await seedWorkspace(server, 'setup', A_MARK, '1111');
    B = await seedWorkspace(server, 'signup', B_MARK, '2222');
    expect(A.orgId).not.toBe(B.orgId);
    // A's third ticket is numbered under a prefix that only A uses, so B can never have that number.
    created(await A.admin.patch('/api/v1/settings', { ticket_number_prefix: 'ZC-{YYYY}-' }), 200);
    const third = created(await A.agent.post('/api/v1/tickets', { subject: 'Zebracorn kettle leaks', customer_user_id: A.customerUserId, department: A.departmentId }));
    created(await A.agent.post(`/api/v1/tickets/${third.number}/transitions`, { to: 'pending', reason: 'Zebracorn: waiting for photos', waiting_on: 'customer' }), 200);
    A.tickets.push({ id: third.id, number: third.number, subject: third.subject });
    aOnlyNumber = third.number;
    sharedNumber = A.tickets[0].number;
    // A's agent holds the lock on A's first ticket.
    created(await A.agent.post(`/api/v1/tickets/${sharedNumber}/lock`), 200);
    aIds = {
      tickets: A.tickets.map((t) => t.id),
      agents: [A.adminId, A.agentId, A.inviteeId],
      departments: [A.departmentId],
      categories: A.seededCategoryIds,
      customers: [A.customerId],
      customerUsers: (await listAll(A.admin, '/api/v1/customer-users?search=**')).map((u) => u.id),
      apiKeys: [A.keyId],
    };
    aLiveTicket = created(await A.admin.post('/api/v1/tickets', { subject: 'Zebracorn live probe', customer_user_id: A.customerUserId }));
    await aChannels();
    aFingerprint = await fingerprint(A.admin, [aLiveTicket.id]);
  }, 120_000);

  // Mails of both workspaces in the outbox (queued as the notifications queue them), and A's own wording of one.
  beforeAll(async () => {
    for (const ws of [A, B]) {
      const Mark = ws.mark[0].toUpperCase() + ws.mark.slice(1);
      const [ticket] = ws.tickets;
      await server.deps.db.transaction().execute((trx) =>
        enqueueMail(trx, server.deps, {
          orgId: ws.orgId,
          template: 'agent_replied',
          language: 'en',
          to: { address: ws.customerEmail, name: `${Mark} Customer` },
          ticketId: ticket.id,
          values: { workspace: { name: `${Mark} shop` }, recipient: { name: `${Mark} Customer` }, ticket: { number: ticket.number, subject: ticket.subject }, link: 'https://care.example/t', reply: { body: `${Mark} reply by mail`, author: `${Mark} Agent` } },
        }, new Date()),
      );
    }
    created(await A.admin.request('PUT', '/api/v1/mail-templates/ticket_created/en', aTemplate), 200);
    // The worker (no SMTP_URL here) keeps every mail; wait until none is on its way.
    for (let waited = 0; ; waited += 20) {
      const rows = await server.deps.db.selectFrom('outbox').select(['org_id', 'id', 'status']).where('org_id', 'in', [A.orgId, B.orgId]).execute();
      if (rows.every((r) => r.status === 'kept')) {
        aMailIds = rows.filter((r) => r.org_id === A.orgId).map((r) => r.id);
        bMailIds = rows.filter((r) => r.org_id === B.orgId).map((r) => r.id);
        break;
      }
      if (waited > 20_000) throw new Error('the outbox worker did not keep the mails');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('gives both workspaces their own ticket sequence, so the first ticket of each is numbered alike', () => {
    expect(B.tickets[0].number).toBe(A.tickets[0].number);
    expect(B.tickets[0].id).not.toBe(A.tickets[0].id);
    expect(aOnlyNumber).toMatch(/^ZC-\d{4}-\d{4}$/);
  });

  interface Probe {
    /** What B's attempt must come to. */
    says: string;
    /** A request an anonymous caller sends: it must get 401. */
    anonymous: { path: () => string; body?: () => unknown };
    run(role: Role, client: ApiClient): Promise<void>;
  }

  const ticketFiltersAtA = (): Array<[string, string[]]> => [
    [`department=${A.departmentId}`, []],
    [`category=${A.categoryId}`, []],
    [`category=${A.seededCategoryIds.join(',')}`, []],
    [`assignee=${A.agentId}`, []],
    [`locked_by=${A.agentId}`, []],
    [`customer_user_id=${A.customerUserId}`, []],
    [`customer_id=${A.customerId}`, []],
    [`email=${encodeURIComponent(A.customerEmail)}`, [A.customerEmail]],
    [`email=${encodeURIComponent(A.inlineCustomerEmail)}`, [A.inlineCustomerEmail]],
    [`phone=${encodeURIComponent(A.customerPhone)}`, []],
    [`number=${aOnlyNumber}`, []],
    [`order_number=${A.orderNumber}`, [A.orderNumber]],
    [`transaction_ref=${A.transactionRef}`, [A.transactionRef]],
    [`q=${A_MARK}`, [A_MARK]],
    [`q=${A.orderNumber}`, [A.orderNumber]],
    [`department=${A.departmentId}&status=new,open,pending,resolved,closed,auto_closed`, []],
  ];

  /**
   * The portal's session routes. B's staff credentials are no portal session anywhere (401); B's
   * customer, signed in to B's portal, gets 401 at A's portal and 404 for A's ticket numbers at
   * B's; their own ticket under the shared number is theirs and carries nothing of A.
   */
  function portalProbes(): Record<string, Probe> {
    type Route = { method: string; path: (slug: string, number: string) => string; body?: unknown; ownOk?: number };
    const routes: Record<string, Route> = {
      'GET /api/v1/portal/{workspace}/me': { method: 'GET', path: (s) => `/api/v1/portal/${s}/me` },
      'PATCH /api/v1/portal/{workspace}/me': { method: 'PATCH', path: (s) => `/api/v1/portal/${s}/me`, body: { language: 'en' } },
      'GET /api/v1/portal/{workspace}/tickets': { method: 'GET', path: (s) => `/api/v1/portal/${s}/tickets` },
      'GET /api/v1/portal/{workspace}/tickets/{number}': { method: 'GET', path: (s, n) => `/api/v1/portal/${s}/tickets/${n}`, ownOk: 200 },
      'GET /api/v1/portal/{workspace}/tickets/{number}/notes': { method: 'GET', path: (s, n) => `/api/v1/portal/${s}/tickets/${n}/notes`, ownOk: 200 },
      'POST /api/v1/portal/{workspace}/tickets/{number}/notes': { method: 'POST', path: (s, n) => `/api/v1/portal/${s}/tickets/${n}/notes`, body: { body: 'Quokkafish portal note' } },
      'GET /api/v1/portal/{workspace}/tickets/{number}/attachments/{id}': { method: 'GET', path: (s, n) => `/api/v1/portal/${s}/tickets/${n}/attachments/${A.attachmentId}` },
      'GET /api/v1/portal/{workspace}/tickets/{number}/history': { method: 'GET', path: (s, n) => `/api/v1/portal/${s}/tickets/${n}/history`, ownOk: 200 },
      'POST /api/v1/portal/{workspace}/tickets/{number}/resolve': { method: 'POST', path: (s, n) => `/api/v1/portal/${s}/tickets/${n}/resolve`, body: {} },
      'POST /api/v1/portal/{workspace}/tickets/{number}/reopen': { method: 'POST', path: (s, n) => `/api/v1/portal/${s}/tickets/${n}/reopen` },
      'GET /api/v1/portal/{workspace}/events': { method: 'GET', path: (s) => `/api/v1/portal/${s}/events` },
      'POST /api/v1/portal/{workspace}/sign-out': { method: 'POST', path: (s) => `/api/v1/portal/${s}/sign-out` },
    };
    const unauthorized = (res: ApiResponse, what: string) => {
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(401);
      expectNoLeak(res);
    };
    return Object.fromEntries(
      Object.entries(routes).map(([operation, r]) => [
        operation,
        {
          says: "is no door to A: B's staff have no portal session (401), B's customer gets 401 at A's portal and 404 for A's tickets",
          anonymous: { path: () => r.path(A.slug, sharedNumber), body: r.body === undefined ? undefined : () => r.body },
          async run(_role: Role, c: ApiClient) {
            if (operation.endsWith('/events')) {
              unauthorized(await c.get(r.path(A.slug, sharedNumber)), 'staff');
              unauthorized(await B.portal.get(r.path(A.slug, sharedNumber)), "B's customer at A");
              return;
            }
            unauthorized(await c.request(r.method, r.path(A.slug, sharedNumber), r.body), "B's staff at A's portal");
            unauthorized(await c.request(r.method, r.path(B.slug, sharedNumber), r.body), "B's staff at B's portal");
            // Signing out B's customer would end the session the other probes use: the 401 checks suffice.
            if (operation.endsWith('/sign-out')) return;
            unauthorized(await B.portal.request(r.method, r.path(A.slug, sharedNumber), r.body), "B's customer at A's portal");
            if (!operation.includes('{number}')) return;
            const aTicket = await B.portal.request(r.method, r.path(B.slug, aOnlyNumber), r.body);
            expect(aTicket.status, JSON.stringify(aTicket.body)).toBe(404);
            expectNoLeak(aTicket);
            if (r.ownOk) {
              const own = await B.portal.request(r.method, r.path(B.slug, sharedNumber), r.body);
              expect(own.status, JSON.stringify(own.body)).toBe(r.ownOk);
              expectNoLeak(own);
            }
          },
        } satisfies Probe,
      ]),
    );
  }

  /** Mails queued in A and B (kept: this server has no SMTP_URL), and A's own wording of one mail. */
  let aMailIds: number[] = [];
  let bMailIds: number[] = [];
  const aTemplate = { subject: 'Zebracorn received #{{ticket.number}}', body: 'Zebracorn says thanks.\n\n{{link}}' };
  const aTemplateNow = async () =>
    (await A.admin.get('/api/v1/mail-templates')).body.items.find((t: { template: string; language: string }) => t.template === 'ticket_created' && t.language === 'en');

  /**
   * The outbox and the mail templates (admin only): B's admin sees and changes B's only; A's
   * mails are 404 to B, A's wording stays A's; agents and API keys get 403.
   */
  function mailProbes(): Record<string, Probe> {
    const templatePath = '/api/v1/mail-templates/ticket_created/en';
    return {
      'GET /api/v1/outbox': {
        says: "lists B's own mails to B's admin, never one of A's (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/outbox' },
        async run(role, c) {
          for (const query of ['?limit=200', '?status=kept&limit=200']) {
            const res = await c.get(`/api/v1/outbox${query}`);
            if (role !== 'admin') {
              expectRefused(res, role, 'admin');
              continue;
            }
            expectOnlyB(res, aMailIds);
            expect(res.body.items.map((m: { id: number }) => m.id)).toEqual(expect.arrayContaining(bMailIds));
          }
        },
      },
      'GET /api/v1/outbox/{id}': {
        says: "answers 404 for A's mails (403 for agents and keys); B's own mail reads",
        anonymous: { path: () => '/api/v1/outbox/1' },
        async run(role, c) {
          for (const id of aMailIds) expectRefused(await c.get(`/api/v1/outbox/${id}`), role, 'admin');
          if (role !== 'admin') return;
          const own = await c.get(`/api/v1/outbox/${bMailIds[0]}`);
          expect(own.status, JSON.stringify(own.body)).toBe(200);
          expectNoLeak(own);
        },
      },
      'POST /api/v1/outbox/{id}/retry': {
        says: "cannot send A's mail again (404; 403 for agents and keys); it stays as it was",
        anonymous: { path: () => '/api/v1/outbox/1/retry' },
        async run(role, c) {
          const before = (await A.admin.get(`/api/v1/outbox/${aMailIds[0]}`)).body;
          expect(before.status).toBe('kept');
          for (const id of aMailIds) expectRefused(await c.post(`/api/v1/outbox/${id}/retry`), role, 'admin');
          expect((await A.admin.get(`/api/v1/outbox/${aMailIds[0]}`)).body).toEqual(before);
        },
      },
      'GET /api/v1/mail-templates': {
        says: "shows B's wording, never A's (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/mail-templates' },
        async run(role, c) {
          const res = await c.get('/api/v1/mail-templates');
          if (role !== 'admin') return expectRefused(res, role, 'admin');
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.items.length).toBeGreaterThan(0);
          expectNoLeak(res);
        },
      },
      'PUT /api/v1/mail-templates/{template}/{language}': {
        says: "changes B's own wording only; A's stays A's (403 for agents and keys)",
        anonymous: { path: () => templatePath, body: () => ({ subject: 'Anon', body: 'Anon' }) },
        async run(role, c) {
          const before = await aTemplateNow();
          expect(before).toMatchObject({ customised: true, subject: aTemplate.subject });
          const res = await c.request('PUT', templatePath, { subject: 'Quokkafish got #{{ticket.number}}', body: 'Quokkafish thanks.' });
          if (role !== 'admin') expectRefused(res, role, 'admin');
          else {
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            expect(res.body.subject).toBe('Quokkafish got #{{ticket.number}}');
            expectNoLeak(res);
          }
          expect(await aTemplateNow()).toEqual(before);
        },
      },
      'DELETE /api/v1/mail-templates/{template}/{language}': {
        says: "resets B's own wording only; A's stays customised (403 for agents and keys)",
        anonymous: { path: () => templatePath },
        async run(role, c) {
          const before = await aTemplateNow();
          const res = await c.delete(templatePath);
          if (role !== 'admin') expectRefused(res, role, 'admin');
          else expect(res.status).toBe(204);
          expect(await aTemplateNow()).toEqual(before);
        },
      },
      'POST /api/v1/mail-templates/{template}/{language}/preview': {
        says: "renders B's own wording with B's name, never A's wording (403 for agents and keys)",
        anonymous: { path: () => `${templatePath}/preview`, body: () => ({}) },
        async run(role, c) {
          const before = await aTemplateNow();
          const res = await c.post(`${templatePath}/preview`, {});
          if (role !== 'admin') expectRefused(res, role, 'admin');
          else {
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            expect(res.body.text).toContain(`Shop ${B.slug}`);
            expectNoLeak(res);
            // B's draft renders as B wrote it, with B's name.
            const draft = await c.post(`${templatePath}/preview`, { subject: 'Quokkafish draft {{workspace.name}}' });
            expect(draft.body.subject).toBe(`Quokkafish draft Shop ${B.slug}`);
            expectNoLeak(draft);
          }
          expect(await aTemplateNow()).toEqual(before);
        },
      },
      'POST /api/v1/mail-templates/{template}/{language}/test': {
        says: "mails the sample to B's admin, from B's outbox, in B's wording (403 for agents and keys); nothing goes out in A",
        anonymous: { path: () => `${templatePath}/test`, body: () => ({}) },
        async run(role, c) {
          const aTests = () => server.deps.db.selectFrom('outbox').select('id').where('org_id', '=', A.orgId).where('subject', 'like', '[Test]%').execute();
          const before = await aTemplateNow();
          const res = await c.post(`${templatePath}/test`, {});
          if (role !== 'admin') expectRefused(res, role, 'admin');
          else {
            expect(res.status, JSON.stringify(res.body)).toBe(202);
            expect(res.body.to_address).toBe(B.adminEmail);
            const mail = await server.deps.db.selectFrom('outbox').select(['org_id', 'to_address', 'subject', 'text_body']).where('id', '=', res.body.outbox_id).executeTakeFirstOrThrow();
            expect(mail).toMatchObject({ org_id: B.orgId, to_address: B.adminEmail, subject: expect.stringMatching(/^\[Test\] /) });
            expect(JSON.stringify(mail).toLowerCase()).not.toContain(A_MARK);
            expect(mail.text_body).toContain(`Shop ${B.slug}`);
          }
          expect(await aTests()).toEqual([]);
          expect(await aTemplateNow()).toEqual(before);
        },
      },
    };
  }

  /** Reports count B's history only: A's tickets and events are in no figure, row or export of B's, even filtered by A's department. */
  function reportProbes(): Record<string, Probe> {
    const mine = async (c: ApiClient, path: string) => {
      const res = await c.get(path);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expectNoLeak(res);
      return res;
    };
    return {
      'GET /api/v1/reports/overview': {
        says: "counts B's tickets only; filtered by A's department, nothing",
        anonymous: { path: () => '/api/v1/reports/overview' },
        async run(_role, c) {
          const all = (await mine(c, '/api/v1/reports/overview')).body;
          const own = await server.deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', B.orgId).executeTakeFirstOrThrow();
          expect(all.totals.created).toBe(Number(own.n));
          const atA = (await mine(c, `/api/v1/reports/overview?department=${A.departmentId}`)).body;
          expect(atA.totals.created).toBe(0);
          expect(atA.backlog.total).toBe(0);
        },
      },
      'GET /api/v1/reports/overview.csv': {
        says: "exports B's figures only",
        anonymous: { path: () => '/api/v1/reports/overview.csv?table=channels' },
        async run(_role, c) {
          await mine(c, `/api/v1/reports/overview.csv?table=departments&department=${A.departmentId}`);
          expect((await mine(c, '/api/v1/reports/overview.csv?table=agents')).body).not.toContain(A.agentEmail);
        },
      },
      'GET /api/v1/reports/activity': {
        says: "lists B's events only",
        anonymous: { path: () => '/api/v1/reports/activity' },
        async run(_role, c) {
          const res = await mine(c, '/api/v1/reports/activity?limit=500');
          expect(res.body.items.length).toBeGreaterThan(0);
          expect((await mine(c, `/api/v1/reports/activity?department=${A.departmentId}`)).body.items).toEqual([]);
        },
      },
      'GET /api/v1/reports/activity.csv': {
        says: "exports B's events only",
        anonymous: { path: () => '/api/v1/reports/activity.csv' },
        async run(_role, c) {
          const res = await mine(c, '/api/v1/reports/activity.csv');
          expect(res.body.split('\n').length).toBeGreaterThan(2);
        },
      },
    };
  }

  /**
   * The background jobs serve every workspace: B's admin reads each job's last run, never the
   * error of a row of A's (403 for agents and keys).
   */
  function jobProbes(): Record<string, Probe> {
    return {
      'GET /api/v1/admin/jobs': {
        says: "lists the jobs without the error of A's failed row (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/jobs' },
        async run(role, c) {
          await server.deps.db
            .insertInto('job_runs')
            .values({ duty: 'auto_close', last_status: 'failed', last_error: `Zebracorn ticket ${aLiveTicket.number} failed`, last_error_org_id: A.orgId })
            .onConflict((oc) => oc.column('duty').doUpdateSet({ last_status: 'failed', last_error: `Zebracorn ticket ${aLiveTicket.number} failed`, last_error_org_id: A.orgId }))
            .execute();
          const res = await c.get('/api/v1/admin/jobs');
          if (role !== 'admin') return expectRefused(res, role, 'admin');
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.items.find((j: { duty: string }) => j.duty === 'auto_close')).toMatchObject({ last_status: 'failed' });
          expect(JSON.stringify(res.body)).not.toContain(aLiveTicket.number);
          expectNoLeak(res);
        },
      },
    };
  }

  /** A's webhook endpoint with a delivery (a ping to a closed port), made on first use: B's admin neither sees, changes, tests nor retries it. */
  let aWebhookSetup: Promise<{ id: number; deliveryId: number }> | undefined;
  const aWebhook = () =>
    (aWebhookSetup ??= (async () => {
      const hook = created(await A.admin.post('/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/zebracorn', description: 'Zebracorn CRM', events: ['ticket.escalated'], allow_private: true }));
      const ping = created(await A.admin.post(`/api/v1/admin/webhooks/${hook.id}/test`), 202);
      return { id: hook.id as number, deliveryId: ping.id as number };
    })());
  /** A's endpoint and its log as A's admin sees them (the worker may have tried the ping meanwhile: compared without it). */
  const aWebhookNow = async () => {
    const { id } = await aWebhook();
    const hook = created(await A.admin.get(`/api/v1/admin/webhooks/${id}`), 200);
    const log = created(await A.admin.get(`/api/v1/admin/webhooks/${id}/deliveries`), 200);
    return { hook, deliveries: log.items.map((d: { id: number; event: string }) => [d.id, d.event]) };
  };
  /** B's own endpoint, for the probes that pair it with A's ids. */
  let bWebhookSetup: Promise<number> | undefined;
  const bWebhook = () =>
    (bWebhookSetup ??= (async () => created(await B.admin.post('/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/quokkafish', events: ['ticket.escalated'], allow_private: true })).id as number)());

  function webhookProbes(): Record<string, Probe> {
    const refusedWith = (says: string, path: (id: number, deliveryId: number) => string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', body?: unknown): Probe => ({
      says,
      anonymous: { path: () => path(1, 1), body: () => body },
      async run(role, c) {
        const { id, deliveryId } = await aWebhook();
        const before = await aWebhookNow();
        expectRefused(await c.request(method, path(id, deliveryId), body), role, 'admin');
        expect(await aWebhookNow()).toEqual(before);
      },
    });
    return {
      'GET /api/v1/admin/webhooks': {
        says: "lists B's own endpoints to B's admin, never A's (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/webhooks' },
        async run(role, c) {
          const { id } = await aWebhook();
          await bWebhook();
          const res = await c.get('/api/v1/admin/webhooks');
          if (role !== 'admin') return expectRefused(res, role, 'admin');
          expectOnlyB(res, [id]);
          expect(res.body.items.length).toBeGreaterThan(0);
        },
      },
      'POST /api/v1/admin/webhooks': {
        says: "registers B's own endpoint in B (403 for agents and keys); A's endpoints stay as they were",
        anonymous: { path: () => '/api/v1/admin/webhooks', body: () => ({ url: 'http://127.0.0.1:9/x', events: ['ticket.created'], allow_private: true }) },
        async run(role, c) {
          const before = created(await A.admin.get('/api/v1/admin/webhooks'), 200);
          const res = await c.post('/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/quokkafish-new', events: ['ticket.escalated'], allow_private: true });
          if (role !== 'admin') expectRefused(res, role, 'admin');
          else {
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            expect((await B.admin.delete(`/api/v1/admin/webhooks/${res.body.id}`)).status).toBe(204);
          }
          expect(created(await A.admin.get('/api/v1/admin/webhooks'), 200)).toEqual(before);
        },
      },
      'GET /api/v1/admin/webhooks/{id}': refusedWith("answers 404 for A's endpoint (403 for agents and keys)", (id) => `/api/v1/admin/webhooks/${id}`, 'GET'),
      'PATCH /api/v1/admin/webhooks/{id}': refusedWith(
        "cannot change or turn off A's endpoint (404; 403 for agents and keys)",
        (id) => `/api/v1/admin/webhooks/${id}`,
        'PATCH',
        { description: 'Quokkafish took it', enabled: false },
      ),
      'DELETE /api/v1/admin/webhooks/{id}': refusedWith("cannot delete A's endpoint (404; 403 for agents and keys)", (id) => `/api/v1/admin/webhooks/${id}`, 'DELETE'),
      'POST /api/v1/admin/webhooks/{id}/rotate-secret': refusedWith(
        "cannot rotate A's secret, nor learn it (404; 403 for agents and keys)",
        (id) => `/api/v1/admin/webhooks/${id}/rotate-secret`,
        'POST',
      ),
      'POST /api/v1/admin/webhooks/{id}/test': refusedWith("cannot ping A's endpoint (404; 403 for agents and keys)", (id) => `/api/v1/admin/webhooks/${id}/test`, 'POST'),
      'GET /api/v1/admin/webhooks/{id}/deliveries': refusedWith("answers 404 for A's delivery log (403 for agents and keys)", (id) => `/api/v1/admin/webhooks/${id}/deliveries`, 'GET'),
      'POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/retry': {
        says: "cannot retry A's delivery, through A's endpoint id or B's own (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/webhooks/1/deliveries/1/retry' },
        async run(role, c) {
          const { id, deliveryId } = await aWebhook();
          const own = await bWebhook();
          const before = await aWebhookNow();
          for (const hookId of [id, own]) expectRefused(await c.post(`/api/v1/admin/webhooks/${hookId}/deliveries/${deliveryId}/retry`), role, 'admin');
          expect(await aWebhookNow()).toEqual(before);
        },
      },
    };
  }

  /** A mail received into A (stored as the SMTP listener stores it): B's admin neither lists nor downloads it. */
  let aInboundId: number | null = null;
  async function aInbound(): Promise<number> {
    if (aInboundId !== null) return aInboundId;
    const raw = Buffer.from(`From: ${A.customerEmail}\r\nTo: care@a.example\r\nSubject: ${A_MARK} inbound\r\nMessage-ID: <zebracorn.inbound@a.example>\r\n\r\n${A_MARK} body\r\n`);
    const row = await server.deps.db
      .insertInto('inbound_mails')
      .values({ org_id: A.orgId, message_id: '<zebracorn.inbound@a.example>', mail_from: A.customerEmail, rcpt_to: ['care@a.example'], raw, size_bytes: raw.length, received_at: new Date(), outcome: 'ignored', kind: 'mail', reason: `${A_MARK} reason` })
      .returning('id')
      .executeTakeFirstOrThrow();
    aInboundId = row.id;
    return row.id;
  }

  /** A mail read into A's live ticket (as the reader records it): no one of B downloads it through any ticket number. */
  let aTicketMailId: number | null = null;
  async function aTicketMail(): Promise<number> {
    if (aTicketMailId !== null) return aTicketMailId;
    const raw = Buffer.from(`From: ${A.customerEmail}\r\nTo: care@a.example\r\nSubject: ${A_MARK} reply\r\nMessage-ID: <zebracorn.reply@a.example>\r\n\r\n${A_MARK} reply body\r\n`);
    const row = await server.deps.db
      .insertInto('inbound_mails')
      .values({ org_id: A.orgId, message_id: '<zebracorn.reply@a.example>', mail_from: A.customerEmail, rcpt_to: ['care@a.example'], raw, size_bytes: raw.length, received_at: new Date(), outcome: 'added_to_ticket', kind: 'mail', reason: 'a reply', ticket_id: aLiveTicket.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    aTicketMailId = row.id;
    return row.id;
  }

  /** A's channel intake, made on first use: its own marketplace source, review rules, a review ticket and an order ticket. */
  let aChannelSetup: Promise<{ review: any; order: any }> | undefined;
  const aChannels = () =>
    (aChannelSetup ??= (async () => {
      created(await A.admin.post('/api/v1/channels/sources', { channel: 'marketplace', key: 'zebracorn-mart', label: 'Zebracorn Mart' }));
      created(await A.admin.request('PUT', '/api/v1/channels/review-rules', { max_rating: 2, keywords: ['zebracorn'], locations: [{ location: 'Harbour Mall', department: A.departmentId }] }), 200);
      const review = created(await A.admin.post('/api/v1/channels/reviews', { platform: 'google', external_id: 'shared-review-1', location: 'Harbour Mall', rating: 1, text: 'Zebracorn soup was cold' }));
      const order = created(await A.admin.post('/api/v1/channels/orders', { source: 'zebracorn-mart', order_number: 'ZC-ORDER-1', external_id: 'shared-issue-1', customer: { name: 'Zebracorn Buyer', email: A.customerEmail }, message: 'Zebracorn box dented', items: [{ name: 'Zebracorn lamp', quantity: 1 }] }));
      return { review, order };
    })());
  const aChannelsNow = async () => ({
    sources: created(await A.admin.get('/api/v1/channels/sources?include_retired=true'), 200),
    rules: created(await A.admin.get('/api/v1/channels/review-rules'), 200),
    tickets: await Promise.all(A.tickets.map(async (t) => created(await A.admin.get(`/api/v1/tickets/${t.number}`), 200))),
    review: created(await A.admin.get(`/api/v1/tickets/${(await aChannels()).review.ticket.number}`), 200),
    order: created(await A.admin.get(`/api/v1/tickets/${(await aChannels()).order.number}`), 200),
  });

  function channelProbes(): Record<string, Probe> {
    return {
      'POST /api/v1/channels/reviews': {
        says: "a review with A's platform and external id is B's own new review; A's review and ticket stay as they were",
        anonymous: { path: () => '/api/v1/channels/reviews', body: () => ({ platform: 'google', external_id: 'x', rating: 1 }) },
        async run(role, c) {
          await aChannels();
          const before = await aChannelsNow();
          // The same platform, id and location as A's review: B's rules know no Harbour Mall, so no department.
          const res = await c.post('/api/v1/channels/reviews', { platform: 'google', external_id: 'shared-review-1', location: 'Harbour Mall', rating: 1, text: `Quokkafish edit ${role}` });
          expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
          expect(res.body.ticket.department).toBeNull();
          expect(res.body.ticket.number).not.toBe(before.review.number);
          expectNoLeak(res);
          expect(await aChannelsNow()).toEqual(before);
        },
      },
      'POST /api/v1/channels/orders': {
        says: "an issue with A's external id is B's own ticket; A's source and category are unknown to B (400/404)",
        anonymous: { path: () => '/api/v1/channels/orders', body: () => ({ source: 'ebay', order_number: '1', customer: { name: 'x', email: 'x@example.com' } }) },
        async run(role, c) {
          await aChannels();
          const before = await aChannelsNow();
          const customer = { name: 'Quokkafish Buyer', email: `quokkafish.buyer.${role}@example.com` };
          const res = await c.post('/api/v1/channels/orders', { source: 'ebay', order_number: `QF-${role}`, external_id: 'shared-issue-1', customer, message: 'Quokkafish parcel late' });
          expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
          expect(res.body.number).not.toBe(before.order.number);
          expectNoLeak(res);
          const source = await c.post('/api/v1/channels/orders', { source: 'zebracorn-mart', order_number: 'QF-2', customer, message: 'x' });
          expect(source.status).toBe(400);
          expectNoLeak(source, ['zebracorn-mart']);
          expectRefused(await c.post('/api/v1/channels/orders', { source: 'ebay', order_number: 'QF-3', customer, category: A.categoryId }), role, 'actor');
          expect(await aChannelsNow()).toEqual(before);
        },
      },
      'GET /api/v1/channels/sources': {
        says: "lists B's sources only",
        anonymous: { path: () => '/api/v1/channels/sources' },
        async run(_role, c) {
          await aChannels();
          const res = await c.get('/api/v1/channels/sources?include_retired=true');
          expect(res.status).toBe(200);
          expect(res.body.items.map((s: { key: string }) => s.key)).not.toContain('zebracorn-mart');
          expectNoLeak(res);
        },
      },
      'POST /api/v1/channels/sources': {
        says: "adds to B only (admin); A's list stays as it was",
        anonymous: { path: () => '/api/v1/channels/sources', body: () => ({ channel: 'marketplace', key: 'anon', label: 'Anon' }) },
        async run(role, c) {
          await aChannels();
          const before = await aChannelsNow();
          const res = await c.post('/api/v1/channels/sources', { channel: 'marketplace', key: `quokkafish-${role}`, label: `Quokkafish ${role}` });
          if (role !== 'admin') expectRefused(res, role, 'admin');
          else expect(res.status, JSON.stringify(res.body)).toBe(201);
          expect(await aChannelsNow()).toEqual(before);
        },
      },
      'PATCH /api/v1/channels/sources/{channel}/{key}': {
        says: "cannot rename or retire A's source (404, nothing written)",
        anonymous: { path: () => '/api/v1/channels/sources/marketplace/ebay', body: () => ({ label: 'Anon' }) },
        async run(role, c) {
          await aChannels();
          const before = await aChannelsNow();
          expectRefused(await c.patch('/api/v1/channels/sources/marketplace/zebracorn-mart', { label: 'Hijacked', retired: true }), role, 'admin', ['zebracorn-mart']);
          expect(await aChannelsNow()).toEqual(before);
        },
      },
      'GET /api/v1/channels/review-rules': {
        says: "shows B's rules, never A's keywords or locations",
        anonymous: { path: () => '/api/v1/channels/review-rules' },
        async run(_role, c) {
          await aChannels();
          const res = await c.get('/api/v1/channels/review-rules');
          expect(res.status).toBe(200);
          expectNoLeak(res);
        },
      },
      'PUT /api/v1/channels/review-rules': {
        says: "cannot send B's reviews to A's department (404) and never touches A's rules",
        anonymous: { path: () => '/api/v1/channels/review-rules', body: () => ({ max_rating: 1, keywords: [], locations: [] }) },
        async run(role, c) {
          await aChannels();
          const before = await aChannelsNow();
          expectRefused(await c.request('PUT', '/api/v1/channels/review-rules', { max_rating: 1, keywords: [], locations: [{ location: 'Quokkafish', department: A.departmentId }] }), role, 'admin');
          expect(await aChannelsNow()).toEqual(before);
        },
      },
    };
  }

  function inboundProbes(): Record<string, Probe> {
    return {
      'GET /api/v1/tickets/{number}/mails/{id}/raw': {
        says: "can never download A's mail read into a ticket: its id under A's ticket number or any of B's is 404",
        anonymous: { path: () => `/api/v1/tickets/${aLiveTicket.number}/mails/1/raw` },
        async run(role, c) {
          const id = await aTicketMail();
          expectRefused(await c.get(`/api/v1/tickets/${aLiveTicket.number}/mails/${id}/raw`), role, 'actor');
          for (const t of B.tickets) expectRefused(await c.get(`/api/v1/tickets/${t.number}/mails/${id}/raw`), role, 'actor');
        },
      },
      'GET /api/v1/admin/inbound-mails': {
        says: "lists none of A's received mails (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/inbound-mails' },
        async run(role, c) {
          await aInbound();
          const res = await c.get('/api/v1/admin/inbound-mails?limit=200');
          if (role !== 'admin') return expectRefused(res, role, 'admin');
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expectNoLeak(res);
        },
      },
      'GET /api/v1/admin/inbound-mails/{id}/raw': {
        says: "answers 404 for A's received mail (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/inbound-mails/1/raw' },
        async run(role, c) {
          expectRefused(await c.get(`/api/v1/admin/inbound-mails/${await aInbound()}/raw`), role, 'admin');
        },
      },
    };
  }

  /** A's IMAP mailbox (made on first use; no poller runs here): B's admin neither sees, tests, changes nor deletes it. */
  let aImapId: number | null = null;
  async function aImap(): Promise<number> {
    if (aImapId !== null) return aImapId;
    const res = created(await A.admin.post('/api/v1/admin/imap-mailboxes', { department_id: A.departmentId, host: '127.0.0.1', port: 9, tls_mode: 'none', username: `${A_MARK}-imap`, password: `${A_MARK}-imap-secret` }));
    aImapId = res.id as number;
    return aImapId;
  }
  const aImapNow = async () => created(await A.admin.get(`/api/v1/admin/imap-mailboxes/${await aImap()}`), 200);

  function imapProbes(): Record<string, Probe> {
    const settings = { host: '127.0.0.1', port: 9, tls_mode: 'none', username: `${B_MARK}-imap`, password: `${B_MARK}-imap-secret` };
    return {
      'GET /api/v1/admin/imap-mailboxes': {
        says: "lists none of A's IMAP mailboxes (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/imap-mailboxes' },
        async run(role, c) {
          const id = await aImap();
          const res = await c.get('/api/v1/admin/imap-mailboxes');
          if (role !== 'admin') return expectRefused(res, role, 'admin');
          expectOnlyB(res, [id]);
        },
      },
      'POST /api/v1/admin/imap-mailboxes': {
        says: "cannot add a mailbox to A's department (400 naming body.department_id; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/imap-mailboxes', body: () => ({ department_id: 1, ...settings }) },
        async run(role, c) {
          const before = (await A.admin.get('/api/v1/admin/imap-mailboxes')).body.items;
          expectUnknownReference(await c.post('/api/v1/admin/imap-mailboxes', { department_id: A.departmentId, ...settings }), role, 'body.department_id');
          expect((await A.admin.get('/api/v1/admin/imap-mailboxes')).body.items).toEqual(before);
        },
      },
      'POST /api/v1/admin/imap-mailboxes/test': {
        says: "tests only the settings B sends, nothing of A's in the answer (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/imap-mailboxes/test', body: () => settings },
        async run(role, c) {
          const res = await c.post('/api/v1/admin/imap-mailboxes/test', settings);
          if (role !== 'admin') return expectRefused(res, role, 'admin');
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.ok).toBe(false);
          expectNoLeak(res);
        },
      },
      'GET /api/v1/admin/imap-mailboxes/{id}': {
        says: "answers 404 for A's IMAP mailbox (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/imap-mailboxes/1' },
        async run(role, c) {
          expectRefused(await c.get(`/api/v1/admin/imap-mailboxes/${await aImap()}`), role, 'admin');
        },
      },
      'PATCH /api/v1/admin/imap-mailboxes/{id}': {
        says: "cannot change A's IMAP mailbox (404; 403 for agents and keys); it stays as it was",
        anonymous: { path: () => '/api/v1/admin/imap-mailboxes/1', body: () => ({ enabled: false }) },
        async run(role, c) {
          const before = await aImapNow();
          expectRefused(await c.patch(`/api/v1/admin/imap-mailboxes/${before.id}`, { enabled: false, host: 'quokkafish.example', tls_mode: 'implicit' }), role, 'admin', ['quokkafish.example']);
          expect(await aImapNow()).toEqual(before);
        },
      },
      'DELETE /api/v1/admin/imap-mailboxes/{id}': {
        says: "cannot delete A's IMAP mailbox (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/imap-mailboxes/1' },
        async run(role, c) {
          const before = await aImapNow();
          expectRefused(await c.delete(`/api/v1/admin/imap-mailboxes/${before.id}`), role, 'admin');
          expect(await aImapNow()).toEqual(before);
        },
      },
      'POST /api/v1/admin/imap-mailboxes/{id}/test': {
        says: "cannot test A's IMAP mailbox with A's password (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/imap-mailboxes/1/test' },
        async run(role, c) {
          expectRefused(await c.post(`/api/v1/admin/imap-mailboxes/${await aImap()}/test`), role, 'admin');
        },
      },
    };
  }

  /** A's service levels, made on first use: a calendar that is A's default and its department's, and a policy counting in it. */
  let aSlaSetup: Promise<{ calendar: Record<string, unknown>; policy: Record<string, unknown> }> | undefined;
  const aSla = () =>
    (aSlaSetup ??= (async () => {
      const calendar = created(await A.admin.post('/api/v1/calendars', { name: 'Zebracorn office', time_zone: 'Europe/Berlin', hours: { mon: [{ start: '08:00', end: '17:00' }] }, holidays: [{ date: '2026-12-25', name: 'Zebracorn day' }] }));
      created(await A.admin.request('PUT', '/api/v1/calendars/default', { calendar_id: calendar.id }), 200);
      created(await A.admin.request('PUT', `/api/v1/departments/${A.departmentId}/calendar`, { calendar_id: calendar.id }), 200);
      // Inactive: A's tickets keep the due times they have, whatever the probes do.
      const policy = created(await A.admin.post('/api/v1/sla-policies', { name: 'Zebracorn gold', department_ids: [A.departmentId], first_response_seconds: 3600, calendar_id: calendar.id, is_active: false }));
      created(await A.admin.request('PUT', `/api/v1/departments/${A.departmentId}/escalation-levels`, { levels: [{ delay_seconds: 0, notify_agent_ids: [A.adminId] }] }), 200);
      return { calendar: created(await A.admin.get(`/api/v1/calendars/${calendar.id}`), 200), policy };
    })());
  /** A's calendars and policies, as A's admin sees them. */
  const aSlaNow = async () => ({
    calendars: await listAll(A.admin, '/api/v1/calendars'),
    defaultCalendar: created(await A.admin.get('/api/v1/calendars/default'), 200),
    policies: await listAll(A.admin, '/api/v1/sla-policies'),
    escalationLevels: created(await A.admin.get(`/api/v1/departments/${A.departmentId}/escalation-levels`), 200),
  });
  /** Runs B's attempt and proves that A's service levels did not change. */
  async function slaUnchanged(work: () => Promise<void>) {
    await aSla();
    const before = await aSlaNow();
    await work();
    expect(await aSlaNow()).toEqual(before);
  }
  /** A 400 naming the field, or 403 for callers that are not admins; nothing of A in it. */
  function expectUnknownReference(res: ApiResponse, role: Role, field: string) {
    if (role !== 'admin') return expectRefused(res, role, 'admin');
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expectNoLeak(res);
  }

  /**
   * Business calendars and SLA policies (changes: admin only): A's are 404 to B, named in B's
   * bodies they are unknown (400), and B's lists and defaults show B's only.
   */
  function slaProbes(): Record<string, Probe> {
    const office = { name: 'Quokkafish office', time_zone: 'Asia/Jakarta', hours: { mon: [{ start: '09:00', end: '17:00' }] } };
    const aCalendarId = async () => (await aSla()).calendar.id as number;
    const aPolicyId = async () => (await aSla()).policy.id as number;
    return {
      'GET /api/v1/calendars': {
        says: "lists B's calendars only",
        anonymous: { path: () => '/api/v1/calendars' },
        async run(_role, c) {
          expectOnlyB(await c.get('/api/v1/calendars'), [await aCalendarId()]);
        },
      },
      'POST /api/v1/calendars': {
        says: 'adds to B only (admin; 403 for agents and keys)',
        anonymous: { path: () => '/api/v1/calendars', body: () => office },
        async run(role, c) {
          await slaUnchanged(async () => {
            const res = await c.post('/api/v1/calendars', { ...office, name: `${office.name} ${role}` });
            if (role !== 'admin') return expectRefused(res, role, 'admin');
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            expect(res.body.used_by).toEqual({ workspace_default: false, departments: [], sla_policies: [] });
          });
        },
      },
      'GET /api/v1/calendars/default': {
        says: "shows B's default, never A's calendar",
        anonymous: { path: () => '/api/v1/calendars/default' },
        async run(_role, c) {
          const res = await c.get('/api/v1/calendars/default');
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.calendar_id).not.toBe(await aCalendarId());
          expectNoLeak(res);
        },
      },
      'PUT /api/v1/calendars/default': {
        says: "cannot make A's calendar B's default (400; 403 for agents and keys); A's default stays",
        anonymous: { path: () => '/api/v1/calendars/default', body: () => ({ calendar_id: null }) },
        async run(role, c) {
          await slaUnchanged(async () => expectUnknownReference(await c.request('PUT', '/api/v1/calendars/default', { calendar_id: await aCalendarId() }), role, 'body.calendar_id'));
        },
      },
      'GET /api/v1/calendars/{id}': {
        says: "answers 404 for A's calendar",
        anonymous: { path: () => '/api/v1/calendars/1' },
        async run(role, c) {
          expectRefused(await c.get(`/api/v1/calendars/${await aCalendarId()}`), role, 'actor');
        },
      },
      'PUT /api/v1/calendars/{id}': {
        says: "cannot replace A's calendar (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/calendars/1', body: () => office },
        async run(role, c) {
          await slaUnchanged(async () => expectRefused(await c.request('PUT', `/api/v1/calendars/${await aCalendarId()}`, { ...office, always_open: true }), role, 'admin'));
        },
      },
      'DELETE /api/v1/calendars/{id}': {
        says: "cannot delete A's calendar nor learn what uses it (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/calendars/1' },
        async run(role, c) {
          await slaUnchanged(async () => expectRefused(await c.delete(`/api/v1/calendars/${await aCalendarId()}`), role, 'admin'));
        },
      },
      'POST /api/v1/calendars/{id}/holidays/import': {
        says: "cannot add holidays to A's calendar (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/calendars/1/holidays/import', body: () => ({ holidays: ['2026-05-01'] }) },
        async run(role, c) {
          await slaUnchanged(async () =>
            expectRefused(await c.post(`/api/v1/calendars/${await aCalendarId()}/holidays/import`, { holidays: ['2026-05-01'], replace: true }), role, 'admin'),
          );
        },
      },
      'PUT /api/v1/departments/{id}/calendar': {
        says: "cannot set the calendar of A's department (404), nor give B's department A's calendar (400); 403 for agents and keys",
        anonymous: { path: () => `/api/v1/departments/${B.departmentId}/calendar`, body: () => ({ calendar_id: null }) },
        async run(role, c) {
          await slaUnchanged(async () => {
            expectRefused(await c.request('PUT', `/api/v1/departments/${A.departmentId}/calendar`, { calendar_id: null }), role, 'admin');
            expectUnknownReference(await c.request('PUT', `/api/v1/departments/${B.departmentId}/calendar`, { calendar_id: await aCalendarId() }), role, 'body.calendar_id');
          });
        },
      },
      'GET /api/v1/sla-policies': {
        says: "lists B's policies only",
        anonymous: { path: () => '/api/v1/sla-policies' },
        async run(_role, c) {
          expectOnlyB(await c.get('/api/v1/sla-policies'), [await aPolicyId()]);
        },
      },
      'POST /api/v1/sla-policies': {
        says: "refuses A's department, category and calendar as unknown (400; 403 for agents and keys) and writes nothing",
        anonymous: { path: () => '/api/v1/sla-policies', body: () => ({ name: 'Anon', first_response_seconds: 60 }) },
        async run(role, c) {
          await slaUnchanged(async () => {
            const before = await listAll(B.admin, '/api/v1/sla-policies');
            const body = { name: `Quokkafish policy ${role}`, first_response_seconds: 60 };
            expectUnknownReference(await c.post('/api/v1/sla-policies', { ...body, department_ids: [A.departmentId] }), role, 'body.department_ids.0');
            expectUnknownReference(await c.post('/api/v1/sla-policies', { ...body, category_ids: [A.categoryId] }), role, 'body.category_ids.0');
            expectUnknownReference(await c.post('/api/v1/sla-policies', { ...body, calendar_id: await aCalendarId() }), role, 'body.calendar_id');
            expect(await listAll(B.admin, '/api/v1/sla-policies')).toEqual(before);
          });
        },
      },
      'PUT /api/v1/sla-policies/order': {
        says: "cannot order A's policies into B's (400; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/sla-policies/order', body: () => ({ ids: [] }) },
        async run(role, c) {
          await slaUnchanged(async () => {
            const own = (await listAll(B.admin, '/api/v1/sla-policies')).map((p) => p.id);
            expectUnknownReference(await c.request('PUT', '/api/v1/sla-policies/order', { ids: [...own, await aPolicyId()] }), role, `body.ids.${own.length}`);
          });
        },
      },
      'GET /api/v1/sla-policies/{id}': {
        says: "answers 404 for A's policy",
        anonymous: { path: () => '/api/v1/sla-policies/1' },
        async run(role, c) {
          expectRefused(await c.get(`/api/v1/sla-policies/${await aPolicyId()}`), role, 'actor');
        },
      },
      'PATCH /api/v1/sla-policies/{id}': {
        says: "cannot change A's policy (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/sla-policies/1', body: () => ({ is_active: true }) },
        async run(role, c) {
          await slaUnchanged(async () => expectRefused(await c.patch(`/api/v1/sla-policies/${await aPolicyId()}`, { is_active: true, first_response_seconds: 1 }), role, 'admin'));
        },
      },
      'DELETE /api/v1/sla-policies/{id}': {
        says: "cannot delete A's policy (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/sla-policies/1' },
        async run(role, c) {
          await slaUnchanged(async () => expectRefused(await c.delete(`/api/v1/sla-policies/${await aPolicyId()}`), role, 'admin'));
        },
      },
      'GET /api/v1/departments/{id}/escalation-levels': {
        says: "answers 404 for A's department; B's own names nothing of A",
        anonymous: { path: () => `/api/v1/departments/${B.departmentId}/escalation-levels` },
        async run(role, c) {
          await aSla();
          expectRefused(await c.get(`/api/v1/departments/${A.departmentId}/escalation-levels`), role, 'actor');
          const own = await c.get(`/api/v1/departments/${B.departmentId}/escalation-levels`);
          expect(own.status, JSON.stringify(own.body)).toBe(200);
          expectNoLeak(own);
        },
      },
      'PUT /api/v1/departments/{id}/escalation-levels': {
        says: "cannot replace A's levels (404), nor name A's agents or departments in B's (400); 403 for agents and keys",
        anonymous: { path: () => `/api/v1/departments/${B.departmentId}/escalation-levels`, body: () => ({ levels: [] }) },
        async run(role, c) {
          await slaUnchanged(async () => {
            const path = (id: number) => `/api/v1/departments/${id}/escalation-levels`;
            expectRefused(await c.request('PUT', path(A.departmentId), { levels: [] }), role, 'admin');
            expectUnknownReference(await c.request('PUT', path(B.departmentId), { levels: [{ delay_seconds: 0, notify_agent_ids: [A.adminId] }] }), role, 'body.levels.0.notify_agent_ids.0');
            expectUnknownReference(await c.request('PUT', path(B.departmentId), { levels: [{ delay_seconds: 0, reassign_department_id: A.departmentId }] }), role, 'body.levels.0.reassign_department_id');
            expectUnknownReference(await c.request('PUT', path(B.departmentId), { levels: [{ delay_seconds: 0, reassign_agent_id: A.agentId }] }), role, 'body.levels.0.reassign_agent_id');
          });
        },
      },
      'GET /api/v1/tickets/{number}/sla': {
        says: "answers 404 for A's ticket; the shared number gives B's own ticket",
        anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/sla` },
        async run(role, c) {
          expectRefused(await c.get(`/api/v1/tickets/${aOnlyNumber}/sla`), role, 'actor');
          const own = await c.get(`/api/v1/tickets/${sharedNumber}/sla`);
          expect(own.status, JSON.stringify(own.body)).toBe(200);
          expectNoLeak(own);
        },
      },
    };
  }

  /** A's routing rule, made on first use: A's department, category and customer. */
  let aRuleSetup: Promise<Record<string, unknown>> | undefined;
  const aRule = () =>
    (aRuleSetup ??= (async () =>
      created(await A.admin.post('/api/v1/routing-rules', { name: 'Zebracorn warranty', category_ids: [A.categoryId], customer_ids: [A.customerId], subject_keywords: ['zebracorn'], department_id: A.departmentId })))());
  async function rulesUnchanged(work: () => Promise<void>) {
    await aRule();
    const before = await listAll(A.admin, '/api/v1/routing-rules');
    await work();
    expect(await listAll(A.admin, '/api/v1/routing-rules')).toEqual(before);
  }
  /** B's own ticket waiting for verification (B verifies in-store tickets from the first use on). */
  let bUnverifiedSetup: Promise<string> | undefined;
  const bUnverified = () =>
    (bUnverifiedSetup ??= (async () => {
      created(await B.admin.patch('/api/v1/settings', { verification_channels: ['in_store'] }), 200);
      return created(await B.admin.post('/api/v1/tickets', { subject: 'Quokkafish till receipt', channel: 'in_store', department: B.departmentId, customer_user_id: B.customerUserId })).number as string;
    })());

  /**
   * Routing rules (changes: admin only), verification and availability: A's rules are 404 to B and
   * unknown in B's bodies (400); A's tickets cannot be verified or rejected by B (404); an agent's
   * availability is their own.
   */
  function routingProbes(): Record<string, Probe> {
    const aRuleId = async () => (await aRule()).id as number;
    return {
      'GET /api/v1/routing-rules': {
        says: "lists B's rules only",
        anonymous: { path: () => '/api/v1/routing-rules' },
        async run(_role, c) {
          expectOnlyB(await c.get('/api/v1/routing-rules'), [await aRuleId()]);
        },
      },
      'POST /api/v1/routing-rules': {
        says: "refuses A's department, category and customer as unknown (400; 403 for agents and keys) and writes nothing",
        anonymous: { path: () => '/api/v1/routing-rules', body: () => ({ name: 'Anon', department_id: 1 }) },
        async run(role, c) {
          await rulesUnchanged(async () => {
            const before = await listAll(B.admin, '/api/v1/routing-rules');
            const body = { name: `Quokkafish rule ${role}`, department_id: B.departmentId };
            expectUnknownReference(await c.post('/api/v1/routing-rules', { ...body, department_id: A.departmentId }), role, 'body.department_id');
            expectUnknownReference(await c.post('/api/v1/routing-rules', { ...body, category_ids: [A.categoryId] }), role, 'body.category_ids.0');
            expectUnknownReference(await c.post('/api/v1/routing-rules', { ...body, customer_ids: [A.customerId] }), role, 'body.customer_ids.0');
            expect(await listAll(B.admin, '/api/v1/routing-rules')).toEqual(before);
          });
        },
      },
      'PUT /api/v1/routing-rules/order': {
        says: "cannot order A's rules into B's (400; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/routing-rules/order', body: () => ({ ids: [] }) },
        async run(role, c) {
          await rulesUnchanged(async () => {
            const own = (await listAll(B.admin, '/api/v1/routing-rules')).map((r) => r.id);
            expectUnknownReference(await c.request('PUT', '/api/v1/routing-rules/order', { ids: [...own, await aRuleId()] }), role, `body.ids.${own.length}`);
          });
        },
      },
      'GET /api/v1/routing-rules/{id}': {
        says: "answers 404 for A's rule",
        anonymous: { path: () => '/api/v1/routing-rules/1' },
        async run(role, c) {
          expectRefused(await c.get(`/api/v1/routing-rules/${await aRuleId()}`), role, 'actor');
        },
      },
      'PATCH /api/v1/routing-rules/{id}': {
        says: "cannot change A's rule (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/routing-rules/1', body: () => ({ is_active: false }) },
        async run(role, c) {
          await rulesUnchanged(async () => expectRefused(await c.patch(`/api/v1/routing-rules/${await aRuleId()}`, { is_active: false, department_id: B.departmentId }), role, 'admin'));
        },
      },
      'DELETE /api/v1/routing-rules/{id}': {
        says: "cannot delete A's rule (404; 403 for agents and keys)",
        anonymous: { path: () => '/api/v1/routing-rules/1' },
        async run(role, c) {
          await rulesUnchanged(async () => expectRefused(await c.delete(`/api/v1/routing-rules/${await aRuleId()}`), role, 'admin'));
        },
      },
      'POST /api/v1/tickets/{number}/verify': {
        says: "answers 404 for A's ticket, and for A's department when verifying B's own (nothing written); B's verified ticket under the shared number is 409",
        anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/verify`, body: () => ({}) },
        async run(role, c) {
          const number = await bUnverified();
          await writesNothing(async () => {
            expectRefused(await c.post(`/api/v1/tickets/${aOnlyNumber}/verify`, {}), role, 'actor');
            const foreign = await c.post(`/api/v1/tickets/${number}/verify`, { department: A.departmentId });
            expectRefused(foreign, role, 'actor');
            expect(foreign.body.error.details).toEqual([expect.objectContaining({ field: 'body.department' })]);
            const own = await c.post(`/api/v1/tickets/${sharedNumber}/verify`, {});
            expect(own.status, JSON.stringify(own.body)).toBe(409);
            expectNoLeak(own);
          });
        },
      },
      'POST /api/v1/tickets/{number}/reject': {
        says: "cannot reject A's ticket (404, nothing written)",
        anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/reject`, body: () => ({}) },
        async run(role, c) {
          await writesNothing(async () => {
            expectRefused(await c.post(`/api/v1/tickets/${aOnlyNumber}/reject`, { reason: 'Hijacked' }), role, 'actor');
          });
        },
      },
      'GET /api/v1/me/availability': {
        says: "reads the caller's own availability (403 for API keys)",
        anonymous: { path: () => '/api/v1/me/availability' },
        async run(role, c) {
          const res = await c.get('/api/v1/me/availability');
          if (role === 'key') return expectRefused(res, role, 'agent');
          expect(created(res, 200)).toEqual({ accepting_tickets: true });
        },
      },
      'PUT /api/v1/me/availability': {
        says: "changes the caller's own availability only; A's agents keep accepting tickets (403 for API keys)",
        anonymous: { path: () => '/api/v1/me/availability', body: () => ({ accepting_tickets: false }) },
        async run(role, c) {
          const res = await c.request('PUT', '/api/v1/me/availability', { accepting_tickets: false });
          if (role === 'key') expectRefused(res, role, 'agent');
          else {
            expect(created(res, 200)).toEqual({ accepting_tickets: false });
            created(await c.request('PUT', '/api/v1/me/availability', { accepting_tickets: true }), 200);
          }
          for (const a of [A.agent, A.admin]) expect(created(await a.get('/api/v1/me/availability'), 200)).toEqual({ accepting_tickets: true });
        },
      },
    };
  }

  /** A's agent's own layout: hides three widgets, which no caller of B does. */
  const aLayout = { order: ['open', 'new', 'reminder', 'escalated', 'customer_users'], hidden: ['customer_users', 'reminder', 'escalated'] };

  /** The dashboards and their widgets: A's customers and customer users are 404 to B; B's own show B's tickets only. */
  function dashboardProbes(): Record<string, Probe> {
    const widgets = ['reminder', 'escalated', 'new', 'open'];
    const aSubjects = (kind: 'customers' | 'customer-users') => (kind === 'customers' ? aIds.customers : aIds.customerUsers);
    const own = (kind: 'customers' | 'customer-users') => (kind === 'customers' ? B.customerId : B.customerUserId);
    const probesOf = (kind: 'customers' | 'customer-users'): Record<string, Probe> => ({
      [`GET /api/v1/${kind}/{id}/dashboard`]: {
        says: `answers 404 for A's ${kind}; B's own dashboard counts and lists nothing of A`,
        anonymous: { path: () => `/api/v1/${kind}/${own(kind)}/dashboard` },
        async run(role, c) {
          for (const id of aSubjects(kind)) expectRefused(await c.get(`/api/v1/${kind}/${id}/dashboard`), role, 'actor');
          const res = await c.get(`/api/v1/${kind}/${own(kind)}/dashboard`);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.status_counts.new + res.body.status_counts.open).toBeGreaterThan(0);
          for (const u of res.body.customer_users) expect(aIds.customerUsers).not.toContain(u.id);
          expectNoLeak(res);
        },
      },
      [`GET /api/v1/${kind}/{id}/dashboard/{widget}`]: {
        says: `answers 404 for A's ${kind} in every widget; B's own widgets show B's tickets only`,
        anonymous: { path: () => `/api/v1/${kind}/${own(kind)}/dashboard/new` },
        async run(role, c) {
          for (const widget of widgets) {
            for (const id of aSubjects(kind)) expectRefused(await c.get(`/api/v1/${kind}/${id}/dashboard/${widget}`), role, 'actor');
            for (const filter of role === 'key' ? ['all'] : ['all', 'my_locked', 'my_departments']) {
              const res = await c.get(`/api/v1/${kind}/${own(kind)}/dashboard/${widget}?filter=${filter}`);
              expect(res.status, JSON.stringify(res.body)).toBe(200);
              for (const t of res.body.items) expect(aIds.tickets).not.toContain(t.id);
              expectNoLeak(res);
            }
          }
          const mine = await c.get(`/api/v1/${kind}/${own(kind)}/dashboard/new`);
          expect(mine.body.items.map((t: { id: number }) => t.id)).toContain(B.tickets[0].id);
        },
      },
    });
    return { ...probesOf('customers'), ...probesOf('customer-users') };
  }

  /** A's agent links (invitations, resets) and the mails that carried them; B's refused attempts leave them all as they are. */
  const aLinksNow = async () => ({
    links: await server.deps.db.selectFrom('agent_links').select(['id', 'agent_id', 'purpose', 'token_hash', 'expires_at', 'used_at']).where('org_id', '=', A.orgId).orderBy('id').execute(),
    mails: await server.deps.db
      .selectFrom('outbox')
      .select(['id', 'org_id', 'to_address'])
      .where((eb) => eb.or([eb('org_id', '=', A.orgId), eb('to_address', 'in', [A.adminEmail, A.agentEmail, A.inviteeEmail])]))
      .where('template', 'in', ['agent_invitation', 'password_reset'])
      .orderBy('id')
      .execute(),
  });

  /**
   * Invitations and password resets (admin only): B cannot invite into A's department, nor send
   * any of A's agents a link; A's agents are 404 to B whatever their state (a 409 "invited" or
   * "accepted" would tell B about them), and A's links stay as they were.
   */
  function agentLinkProbes(): Record<string, Probe> {
    const linkRoute = (path: 'invitation' | 'password-reset', own: () => { id: number; email: string }): Probe => ({
      says: `cannot send any of A's agents ${path === 'invitation' ? 'an invitation' : 'a password reset'} (404 whatever their state; 403 for agents and keys); A's links stay as they were`,
      anonymous: { path: () => `/api/v1/agents/${B.agentId}/${path}` },
      async run(role, c) {
        const before = await aLinksNow();
        for (const id of [A.inviteeId, A.agentId, A.adminId]) expectRefused(await c.post(`/api/v1/agents/${id}/${path}`), role, 'admin');
        expect(await aLinksNow()).toEqual(before);
        expect((await A.agent.get('/api/v1/auth/me')).status).toBe(200);
        if (role !== 'admin') return;
        // B's own agent gets B's link, mailed from B.
        const sent = created(await c.post(`/api/v1/agents/${own().id}/${path}`));
        expect(sent).toMatchObject({ agent_id: own().id, sent_to: own().email });
        const mail = await server.deps.db.selectFrom('outbox').select(['org_id', 'to_address']).where('id', '=', sent.outbox_id).executeTakeFirstOrThrow();
        expect(mail).toEqual({ org_id: B.orgId, to_address: own().email });
        expectNoLeak({ status: 201, body: sent, headers: new Headers() });
      },
    });
    return {
      'POST /api/v1/agents/invitations': {
        says: "refuses A's department ids with 404, writes and mails nothing (403 for agents and keys); B's own invitation stays in B",
        anonymous: { path: () => '/api/v1/agents/invitations', body: () => ({ name: 'Anon', email: 'anon.invitee@example.com' }) },
        async run(role, c) {
          const email = `quokkafish.invitee.${role}@example.com`;
          const before = await aLinksNow();
          await writesNothing(async () => {
            expectRefused(await c.post('/api/v1/agents/invitations', { name: 'Quokkafish Intruder', email, department_ids: [A.departmentId] }), role, 'admin');
          });
          expect(await mailsTo(server, email)).toEqual([]);
          expect(await aLinksNow()).toEqual(before);
          if (role !== 'admin') return;
          const own = created(await c.post('/api/v1/agents/invitations', { name: 'Quokkafish Newcomer', email, department_ids: [B.departmentId] }));
          expect(own).toMatchObject({ status: 'invited', department_ids: [B.departmentId] });
          expect(aIds.agents).not.toContain(own.id);
          expect((await server.deps.db.selectFrom('agent_links').select('org_id').where('agent_id', '=', own.id).execute()).map((l) => l.org_id)).toEqual([B.orgId]);
          expect(await aLinksNow()).toEqual(before);
        },
      },
      'POST /api/v1/agents/{id}/invitation': linkRoute('invitation', () => ({ id: B.inviteeId, email: B.inviteeEmail })),
      'POST /api/v1/agents/{id}/password-reset': linkRoute('password-reset', () => ({ id: B.agentId, email: B.agentEmail })),
    };
  }

  /** A's ticket fields as A's admin sees them. */
  const aFieldsNow = async () => listAll(A.admin, '/api/v1/ticket-fields');
  async function fieldsUnchanged(work: () => Promise<void>) {
    const before = await aFieldsNow();
    await work();
    expect(await aFieldsNow()).toEqual(before);
  }

  /**
   * Ticket fields (definitions: admin only): A's field is 404 to B, unknown in B's orders (400),
   * its key is free in B (no 409 that would reveal it), and B's lists show B's fields only.
   */
  function ticketFieldProbes(): Record<string, Probe> {
    return {
      'GET /api/v1/ticket-fields': {
        says: "lists B's fields only",
        anonymous: { path: () => '/api/v1/ticket-fields' },
        async run(_role, c) {
          const res = await c.get('/api/v1/ticket-fields');
          expectOnlyB(res, [A.fieldId]);
          expect(res.body.items.map((f: { key: string }) => f.key)).toContain(B.fieldKey);
        },
      },
      'POST /api/v1/ticket-fields': {
        says: "defines B's own field, even under A's key, which B cannot tell is taken (403 for agents and keys); A's fields stay as they were",
        anonymous: { path: () => '/api/v1/ticket-fields', body: () => ({ type: 'text', labels: { en: 'Anon' } }) },
        async run(role, c) {
          await fieldsUnchanged(async () => {
            const res = await c.post('/api/v1/ticket-fields', { key: A.fieldKey, type: 'text', labels: { en: `Quokkafish copy ${role}` } });
            if (role !== 'admin') return expectRefused(res, role, 'admin', [A.fieldKey]);
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            expect(res.body.id).not.toBe(A.fieldId);
            expectNoLeak(res, [A.fieldKey]);
            expect((await B.admin.delete(`/api/v1/ticket-fields/${res.body.id}`)).status).toBe(204);
          });
        },
      },
      'PUT /api/v1/ticket-fields/order': {
        says: "cannot order A's field into B's (400; 403 for agents and keys); nothing moves in A or B",
        anonymous: { path: () => '/api/v1/ticket-fields/order', body: () => ({ ids: [] }) },
        async run(role, c) {
          await fieldsUnchanged(async () => {
            const own = (await listAll(B.admin, '/api/v1/ticket-fields')).map((f) => f.id);
            const bBefore = await listAll(B.admin, '/api/v1/ticket-fields');
            expectUnknownReference(await c.request('PUT', '/api/v1/ticket-fields/order', { ids: [...own, A.fieldId] }), role, `body.ids.${own.length}`);
            expectUnknownReference(await c.request('PUT', '/api/v1/ticket-fields/order', { ids: [A.fieldId] }), role, 'body.ids.0');
            expect(await listAll(B.admin, '/api/v1/ticket-fields')).toEqual(bBefore);
          });
        },
      },
      'GET /api/v1/ticket-fields/{id}': {
        says: "answers 404 for A's field; B's own reads",
        anonymous: { path: () => `/api/v1/ticket-fields/${B.fieldId}` },
        async run(role, c) {
          expectRefused(await c.get(`/api/v1/ticket-fields/${A.fieldId}`), role, 'actor');
          const own = await c.get(`/api/v1/ticket-fields/${B.fieldId}`);
          expect(own.status, JSON.stringify(own.body)).toBe(200);
          expect(own.body.key).toBe(B.fieldKey);
          expectNoLeak(own);
        },
      },
      'PATCH /api/v1/ticket-fields/{id}': {
        says: "cannot relabel, retire or change the options of A's field (404; 403 for agents and keys)",
        anonymous: { path: () => `/api/v1/ticket-fields/${B.fieldId}`, body: () => ({ required: true }) },
        async run(role, c) {
          await fieldsUnchanged(async () => {
            expectRefused(await c.patch(`/api/v1/ticket-fields/${A.fieldId}`, { labels: { en: 'Hijacked' }, retired: true }), role, 'admin');
            expectRefused(await c.patch(`/api/v1/ticket-fields/${A.fieldId}`, { options: [{ labels: { en: 'Quokkafish only' } }] }), role, 'admin');
          });
        },
      },
      'DELETE /api/v1/ticket-fields/{id}': {
        says: "cannot delete A's field nor learn that A's tickets hold it (404, not 409; 403 for agents and keys)",
        anonymous: { path: () => `/api/v1/ticket-fields/${B.fieldId}` },
        async run(role, c) {
          await fieldsUnchanged(async () => expectRefused(await c.delete(`/api/v1/ticket-fields/${A.fieldId}`), role, 'admin'));
          expect(created(await A.admin.get(`/api/v1/tickets/${sharedNumber}`), 200).custom_fields).toEqual({ [A.fieldKey]: A.fieldOption });
        },
      },
    };
  }

  /**
   * The audit log (admin only): B's admin reads B's own changes, never an entry of A's, and no
   * before/after of A's objects.
   */
  function auditProbes(): Record<string, Probe> {
    return {
      'GET /api/v1/admin/audit-log': {
        says: "lists B's own admin changes only, by B's admins, nothing of A in any before or after (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/audit-log' },
        async run(role, c) {
          const res = await c.get('/api/v1/admin/audit-log?limit=200');
          if (role !== 'admin') return expectRefused(res, role, 'admin');
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          const entries = await listAll(c, '/api/v1/admin/audit-log?limit=20');
          const ofField = (items: any[], id: number) => items.some((e) => e.entity === 'ticket_field' && e.entity_id === String(id));
          // A's log holds A's field, so its absence from B's means something.
          expect(ofField(await listAll(A.admin, '/api/v1/admin/audit-log?limit=100'), A.fieldId)).toBe(true);
          expect(ofField(entries, B.fieldId)).toBe(true);
          expect(ofField(entries, A.fieldId)).toBe(false);
          for (const e of entries) expect(aIds.agents, JSON.stringify(e)).not.toContain(e.actor.id);
          for (const [entity, ids] of [['agent', aIds.agents], ['department', aIds.departments], ['category', aIds.categories], ['api_key', aIds.apiKeys]] as const) {
            expect(entries.filter((e) => e.entity === entity && (ids as readonly number[]).map(String).includes(e.entity_id)), entity).toEqual([]);
          }
          // B's admin defined a field under A's key (the ticket-field probe): that key is B's own request echoed.
          expectNoLeak({ status: 200, body: entries, headers: new Headers() }, [A.fieldKey]);
          const fields = await c.get('/api/v1/admin/audit-log?entity=ticket_field&limit=200');
          expect(fields.status).toBe(200);
          expect(fields.body.items.length).toBeGreaterThan(0);
          for (const e of fields.body.items) expect(e.entity).toBe('ticket_field');
          expect(ofField(fields.body.items, A.fieldId)).toBe(false);
        },
      },
    };
  }

  /** B's outbox and webhook deliveries by status, as the system page counts them. */
  async function queueCounts(orgId: number | null) {
    const by = async (table: 'outbox' | 'webhook_deliveries', statuses: string[]) => {
      const rows = await server.deps.db
        .selectFrom(table)
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .$if(orgId !== null, (q) => q.where('org_id', '=', orgId as number))
        .groupBy('status')
        .execute();
      return Object.fromEntries(statuses.map((st) => [st, Number(rows.find((r) => r.status === st)?.n ?? 0)]));
    };
    return { outbox: await by('outbox', ['queued', 'sending', 'failed', 'kept']), webhook_deliveries: await by('webhook_deliveries', ['queued', 'failed']) };
  }

  /** The system page (admin only): facts of the server, and of B's own queues only. */
  function systemProbes(): Record<string, Probe> {
    return {
      'GET /api/v1/admin/system': {
        says: "counts B's own mails and webhook deliveries only, never A's (403 for agents and keys)",
        anonymous: { path: () => '/api/v1/admin/system' },
        async run(role, c) {
          const first = await c.get('/api/v1/admin/system');
          if (role !== 'admin') return expectRefused(first, role, 'admin');
          // The outbox worker moves mails on meanwhile: compare with B's rows when they held still around the request.
          for (let tries = 0; ; tries += 1) {
            const before = await queueCounts(B.orgId);
            const res = await c.get('/api/v1/admin/system');
            const after = await queueCounts(B.orgId);
            if (JSON.stringify(before) !== JSON.stringify(after) && tries < 50) {
              await new Promise((resolve) => setTimeout(resolve, 50));
              continue;
            }
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            expect({ outbox: res.body.outbox, webhook_deliveries: res.body.webhook_deliveries }).toEqual(after);
            expectNoLeak(res);
            break;
          }
          // A's kept mails are in the whole server's figure, so B's figure is not that one.
          expect(aMailIds.length).toBeGreaterThan(0);
          expect((await queueCounts(null)).outbox.kept).toBeGreaterThan((await queueCounts(B.orgId)).outbox.kept);
        },
      },
      'POST /api/v1/admin/system/maintenance': {
        says: "runs the database's maintenance and answers nothing of A (403 for agents and keys; 409 on PostgreSQL, which vacuums by itself)",
        anonymous: { path: () => '/api/v1/admin/system/maintenance' },
        async run(role, c) {
          const res = await c.post('/api/v1/admin/system/maintenance');
          if (role !== 'admin') return expectRefused(res, role, 'admin');
          expect(res.status, JSON.stringify(res.body)).toBe(server.deps.database.engine === 'pglite' ? 200 : 409);
          expectNoLeak(res);
        },
      },
    };
  }

  const probes: Record<string, Probe> = {
    'GET /api/v1/auth/me': {
      says: 'describes B, never A',
      anonymous: { path: () => '/api/v1/auth/me' },
      async run(role, c) {
        const res = await c.get('/api/v1/auth/me');
        if (role === 'key') return expectRefused(res, role, 'agent');
        expect(res.status).toBe(200);
        expect(res.body.workspace).toEqual({ id: B.orgId, slug: B.slug, name: `Shop ${B.slug}`, default_language: 'en', logo_url: null, channels_enabled: [...channels] });
        expect(res.body.agent.id).toBe(role === 'admin' ? B.adminId : B.agentId);
        expectNoLeak(res);
      },
    },
    'PATCH /api/v1/auth/me': {
      says: "changes only the caller's own language, in B",
      anonymous: { path: () => '/api/v1/auth/me', body: () => ({ language: 'id' }) },
      async run(role, c) {
        const res = await c.patch('/api/v1/auth/me', { language: 'id' });
        if (role === 'key') return expectRefused(res, role, 'agent');
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.agent).toMatchObject({ id: role === 'admin' ? B.adminId : B.agentId, language: 'id' });
        expect(res.body.workspace.id).toBe(B.orgId);
        expectNoLeak(res);
        const a = await A.admin.get('/api/v1/auth/me');
        expect(a.body.agent.language).toBeNull();
        expect((await c.patch('/api/v1/auth/me', { language: null })).body.agent.language).toBeNull();
      },
    },
    'POST /api/v1/auth/logout': {
      says: "ends only B's own session; a cookie re-labelled with A's workspace is refused and A stays signed in",
      anonymous: { path: () => '/api/v1/auth/logout' },
      async run(role, c) {
        if (role === 'key') return expectRefused(await c.post('/api/v1/auth/logout'), role, 'agent');
        const fresh = new ApiClient(server.url);
        const login = await fresh.post('/api/v1/auth/login', { email: role === 'admin' ? B.adminEmail : B.agentEmail, password: PASSWORD });
        expect(login.status, JSON.stringify(login.body)).toBe(200);
        const [, id, secret] = (fresh.cookie as string).replace('caredesk_session=', '').split('.');
        const forged = new ApiClient(server.url, { cookie: `caredesk_session=${A.orgId}.${id}.${secret}` });
        const refused = await forged.post('/api/v1/auth/logout');
        expect(refused.status).toBe(401);
        expect((await fresh.post('/api/v1/auth/logout')).status).toBe(204);
        expect((await new ApiClient(server.url, { cookie: `caredesk_session=${B.orgId}.${id}.${secret}` }).get('/api/v1/auth/me')).status).toBe(401);
        expect((await c.get('/api/v1/auth/me')).status).toBe(200);
        const aAdmin = await A.admin.get('/api/v1/auth/me');
        expect(aAdmin.status).toBe(200);
        expect(aAdmin.body.workspace.id).toBe(A.orgId);
        expect((await A.agent.get('/api/v1/auth/me')).status).toBe(200);
      },
    },
    'GET /api/v1/settings': {
      says: "shows B's settings to B's admin",
      anonymous: { path: () => '/api/v1/settings' },
      async run(role, c) {
        const res = await c.get('/api/v1/settings');
        if (role !== 'admin') return expectRefused(res, role, 'admin');
        expect(res.status).toBe(200);
        expect(res.body.slug).toBe(B.slug);
        expectNoLeak(res);
      },
    },
    'PATCH /api/v1/settings': {
      says: "changes B's settings only",
      anonymous: { path: () => '/api/v1/settings', body: () => ({ sender_name: 'Anonymous' }) },
      async run(role, c) {
        const aBefore = (await A.admin.get('/api/v1/settings')).body;
        const res = await c.patch('/api/v1/settings', { sender_name: `Quokkafish care ${role}`, time_zone: 'Asia/Jakarta' });
        if (role !== 'admin') expectRefused(res, role, 'admin');
        else {
          expect(res.status).toBe(200);
          expect(res.body.slug).toBe(B.slug);
          expectNoLeak(res);
        }
        expect((await A.admin.get('/api/v1/settings')).body).toEqual(aBefore);
      },
    },
    'GET /api/v1/agents': {
      says: "lists only B's agents",
      anonymous: { path: () => '/api/v1/agents' },
      async run(_role, c) {
        const res = await c.get('/api/v1/agents');
        expectOnlyB(res, aIds.agents);
        expect(res.body.items.map((a: { id: number }) => a.id)).toEqual(expect.arrayContaining([B.adminId, B.agentId]));
      },
    },
    'POST /api/v1/agents': {
      says: "refuses A's department ids with 404 and writes nothing",
      anonymous: { path: () => '/api/v1/agents', body: () => ({ name: 'Anon', email: 'anon@example.com', password: PASSWORD }) },
      async run(role, c) {
        await writesNothing(async () => {
          const res = await c.post('/api/v1/agents', { name: 'Quokkafish Intruder', email: `intruder-${role}@example.com`, password: PASSWORD, department_ids: [A.departmentId] });
          expectRefused(res, role, 'admin');
        });
      },
    },
    'GET /api/v1/agents/{id}': {
      says: "answers 404 for A's agents",
      anonymous: { path: () => `/api/v1/agents/${B.agentId}` },
      async run(role, c) {
        for (const id of [A.adminId, A.agentId, A.inviteeId]) expectRefused(await c.get(`/api/v1/agents/${id}`), role, 'actor');
      },
    },
    'PATCH /api/v1/agents/{id}': {
      says: "cannot rename, demote or deactivate A's agents (404) and writes nothing",
      anonymous: { path: () => `/api/v1/agents/${B.agentId}`, body: () => ({ name: 'Anon' }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.patch(`/api/v1/agents/${A.agentId}`, { name: 'Hijacked', is_active: false }), role, 'admin');
          expectRefused(await c.patch(`/api/v1/agents/${A.adminId}`, { role: 'agent' }), role, 'admin');
          expectRefused(await c.patch(`/api/v1/agents/${A.adminId}`, { password: 'hijacked-password-1' }), role, 'admin');
        });
        expect((await A.agent.get('/api/v1/auth/me')).status).toBe(200);
        expect((await A.admin.get('/api/v1/auth/me')).body.agent.role).toBe('admin');
      },
    },
    'GET /api/v1/departments': {
      says: "lists only B's departments",
      anonymous: { path: () => '/api/v1/departments' },
      async run(_role, c) {
        const res = await c.get('/api/v1/departments');
        expectOnlyB(res, aIds.departments);
        expect(res.body.items.map((d: { id: number }) => d.id)).toContain(B.departmentId);
        for (const d of res.body.items) for (const m of d.member_ids) expect(aIds.agents).not.toContain(m);
      },
    },
    'POST /api/v1/departments': {
      says: "refuses A's agents as members with 404 and writes nothing",
      anonymous: { path: () => '/api/v1/departments', body: () => ({ name: 'Anon desk' }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.post('/api/v1/departments', { name: `Quokkafish desk ${role}`, member_ids: [A.agentId] }), role, 'admin');
          expectRefused(await c.post('/api/v1/departments', { name: `Quokkafish desk ${role}`, member_ids: [B.agentId, A.adminId] }), role, 'admin');
        });
      },
    },
    'GET /api/v1/departments/{id}': {
      says: "answers 404 for A's department",
      anonymous: { path: () => `/api/v1/departments/${B.departmentId}` },
      async run(role, c) {
        expectRefused(await c.get(`/api/v1/departments/${A.departmentId}`), role, 'actor');
      },
    },
    'PATCH /api/v1/departments/{id}': {
      says: "cannot change A's department, nor put A's agents into B's (404, nothing written)",
      anonymous: { path: () => `/api/v1/departments/${B.departmentId}`, body: () => ({ name: 'Anon' }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.patch(`/api/v1/departments/${A.departmentId}`, { name: 'Hijacked desk', member_ids: [B.agentId] }), role, 'admin');
          expectRefused(await c.patch(`/api/v1/departments/${A.departmentId}`, { member_ids: [] }), role, 'admin');
          expectRefused(await c.patch(`/api/v1/departments/${B.departmentId}`, { name: 'Quokkafish renamed', member_ids: [A.agentId] }), role, 'admin');
        });
      },
    },
    'DELETE /api/v1/departments/{id}': {
      says: "cannot delete A's department nor learn what uses it (404; 403 for agents and keys)",
      anonymous: { path: () => `/api/v1/departments/${B.departmentId}` },
      async run(role, c) {
        await writesNothing(async () => expectRefused(await c.delete(`/api/v1/departments/${A.departmentId}`), role, 'admin'));
      },
    },
    'GET /api/v1/categories': {
      says: "lists only B's categories",
      anonymous: { path: () => '/api/v1/categories' },
      async run(_role, c) {
        const res = await c.get('/api/v1/categories');
        expectOnlyB(res, [...aIds.categories]);
        expect(res.body.items.map((x: { id: number }) => x.id)).toContain(B.categoryId);
      },
    },
    'POST /api/v1/categories': {
      says: "adds to B only (admin); A's categories stay as they were",
      anonymous: { path: () => '/api/v1/categories', body: () => ({ name: 'Anon' }) },
      async run(role, c) {
        const aBefore = await listAll(A.admin, '/api/v1/categories');
        const res = await c.post('/api/v1/categories', { name: `Quokkafish Extra ${role}` });
        if (role !== 'admin') expectRefused(res, role, 'admin');
        else {
          expect(res.status).toBe(201);
          expect((await listAll(B.admin, '/api/v1/categories')).map((x) => x.id)).toContain(res.body.id);
        }
        expect(await listAll(A.admin, '/api/v1/categories')).toEqual(aBefore);
      },
    },
    'PATCH /api/v1/categories/{id}': {
      says: "cannot rename or retire A's categories (404, nothing written)",
      anonymous: { path: () => `/api/v1/categories/${B.categoryId}`, body: () => ({ name: 'Anon' }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.patch(`/api/v1/categories/${A.categoryId}`, { name: 'Hijacked', retired: true }), role, 'admin');
          expectRefused(await c.patch(`/api/v1/categories/${A.seededCategoryIds[0]}`, { retired: true }), role, 'admin');
        });
      },
    },
    'PUT /api/v1/categories/order': {
      says: "cannot order A's categories into B's (400; 403 for agents and keys); nothing moves in A or B",
      anonymous: { path: () => '/api/v1/categories/order', body: () => ({ ids: [] }) },
      async run(role, c) {
        const aBefore = await listAll(A.admin, '/api/v1/categories');
        const own = (await listAll(B.admin, '/api/v1/categories')).map((x) => x.id);
        await writesNothing(async () => {
          expectUnknownReference(await c.request('PUT', '/api/v1/categories/order', { ids: [...own, A.categoryId] }), role, `body.ids.${own.length}`);
          expectUnknownReference(await c.request('PUT', '/api/v1/categories/order', { ids: A.seededCategoryIds }), role, 'body.ids.0');
        });
        if (role === 'admin') {
          // B's own order, as it is, is taken; the answer lists B's categories only.
          const res = await c.request('PUT', '/api/v1/categories/order', { ids: own });
          expectOnlyB(res, aIds.categories);
          expect(res.body.items.map((x: { id: number }) => x.id)).toEqual(own);
        }
        expect(await listAll(A.admin, '/api/v1/categories')).toEqual(aBefore);
      },
    },
    'GET /api/v1/api-keys': {
      says: "lists only B's API keys (admin)",
      anonymous: { path: () => '/api/v1/api-keys' },
      async run(role, c) {
        const res = await c.get('/api/v1/api-keys');
        if (role !== 'admin') return expectRefused(res, role, 'admin');
        expectOnlyB(res, aIds.apiKeys);
        expect(res.body.items.map((k: { id: number }) => k.id)).toContain(B.keyId);
      },
    },
    'POST /api/v1/api-keys': {
      says: 'makes a key of B (admin) that reaches B only',
      anonymous: { path: () => '/api/v1/api-keys', body: () => ({ name: 'Anon' }) },
      async run(role, c) {
        const res = await c.post('/api/v1/api-keys', { name: `Quokkafish key ${role}` });
        if (role !== 'admin') return expectRefused(res, role, 'admin');
        expect(res.status).toBe(201);
        expect(res.body.key.startsWith(`cdk_${B.orgId}_`)).toBe(true);
        const fresh = new ApiClient(server.url, { bearer: res.body.key });
        const t = await fresh.get(`/api/v1/tickets/${sharedNumber}`);
        expect(t.status).toBe(200);
        expect(t.body.id).toBe(B.tickets[0].id);
        expectRefused(await fresh.get(`/api/v1/tickets/${aOnlyNumber}`), 'key', 'actor');
      },
    },
    'DELETE /api/v1/api-keys/{id}': {
      says: "cannot revoke A's key (404); A's key keeps working",
      anonymous: { path: () => `/api/v1/api-keys/${B.keyId}` },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.delete(`/api/v1/api-keys/${A.keyId}`), role, 'admin');
        });
        const stillWorks = await A.key.get(`/api/v1/tickets/${sharedNumber}`);
        expect(stillWorks.status).toBe(200);
        expect(stillWorks.body.id).toBe(A.tickets[0].id);
      },
    },
    'PATCH /api/v1/api-keys/{id}': {
      says: "cannot rename A's key or narrow its scopes (404; 403 for agents and keys); A's key keeps every scope",
      anonymous: { path: () => `/api/v1/api-keys/${B.keyId}`, body: () => ({ name: 'Anon' }) },
      async run(role, c) {
        const aKeys = async () => (await listAll(A.admin, '/api/v1/api-keys')).map(({ last_used_at: _, ...k }) => k);
        const before = await aKeys();
        expect(before.find((k) => k.id === A.keyId)?.scopes).toEqual(['read', 'write', 'channels']);
        await writesNothing(async () => {
          expectRefused(await c.patch(`/api/v1/api-keys/${A.keyId}`, { name: 'Quokkafish took it', scopes: ['read'] }), role, 'admin');
          expectRefused(await c.patch(`/api/v1/api-keys/${A.keyId}`, { scopes: ['channels'] }), role, 'admin');
        });
        expect(await aKeys()).toEqual(before);
        // A's key still may write: its change is checked (400 for a ticket without a subject), not refused for want of a scope (403).
        const write = await A.key.post('/api/v1/tickets', {});
        expect(write.status, JSON.stringify(write.body)).toBe(400);
        if (role !== 'admin') return;
        const own = await c.patch(`/api/v1/api-keys/${B.keyId}`, { name: 'Quokkafish integration' });
        expect(own.status, JSON.stringify(own.body)).toBe(200);
        expect(own.body).toMatchObject({ id: B.keyId, scopes: ['read', 'write', 'channels'] });
        expectNoLeak(own);
      },
    },
    'GET /api/v1/customers': {
      says: "lists and finds only B's customers",
      anonymous: { path: () => '/api/v1/customers?search=**' },
      async run(_role, c) {
        for (const query of ['', '?search=**', '?search=*Traders*']) {
          const res = await c.get(`/api/v1/customers${query}`);
          expectOnlyB(res, aIds.customers);
          expect(res.body.items.map((x: { id: number }) => x.id)).toContain(B.customerId);
        }
        for (const search of [`*${A_MARK}*`, A.customerCode, `${A.customerCode.slice(0, 4)}*`]) {
          const res = await c.get(`/api/v1/customers?search=${encodeURIComponent(search)}`);
          expect(res.status).toBe(200);
          expect(res.body.items).toEqual([]);
        }
      },
    },
    'POST /api/v1/customers': {
      says: "adds a customer to B only; A's customers stay as they were",
      anonymous: { path: () => '/api/v1/customers', body: () => ({ name: 'Anon' }) },
      async run(role, c) {
        const aBefore = await listAll(A.admin, '/api/v1/customers?search=**');
        const res = await c.post('/api/v1/customers', { name: `Quokkafish Buyers ${role}` });
        expect(res.status).toBe(201);
        expect(aIds.customers).not.toContain(res.body.id);
        expect((await listAll(B.admin, '/api/v1/customers?search=**')).map((x) => x.id)).toContain(res.body.id);
        expect(await listAll(A.admin, '/api/v1/customers?search=**')).toEqual(aBefore);
      },
    },
    'GET /api/v1/customers/{id}': {
      says: "answers 404 for A's customer",
      anonymous: { path: () => `/api/v1/customers/${A.customerId}` },
      async run(role, c) {
        expectRefused(await c.get(`/api/v1/customers/${A.customerId}`), role, 'actor');
        const own = await c.get(`/api/v1/customers/${B.customerId}`);
        expect(own.status).toBe(200);
        expectNoLeak(own);
      },
    },
    'PATCH /api/v1/customers/{id}': {
      says: "cannot change A's customer, nor take A's customer id for B's (404 / 409, nothing written in A)",
      anonymous: { path: () => `/api/v1/customers/${A.customerId}`, body: () => ({ notes: 'anon' }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.patch(`/api/v1/customers/${A.customerId}`, { notes: 'Quokkafish was here' }), role, 'actor');
        });
        // Customer ids are per workspace: B may use the same one as A.
        const same = await c.patch(`/api/v1/customers/${B.customerId}`, { customer_code: A.customerCode });
        expect(same.status, JSON.stringify(same.body)).toBe(200);
        expect((await A.admin.get(`/api/v1/customers/${A.customerId}`)).body.notes).toBeNull();
        created(await c.patch(`/api/v1/customers/${B.customerId}`, { customer_code: B.customerCode }), 200);
      },
    },
    'GET /api/v1/customer-users': {
      says: "lists and finds only B's customer users (search by A's email, phone or name finds nothing)",
      anonymous: { path: () => '/api/v1/customer-users?search=**' },
      async run(_role, c) {
        for (const query of ['', '?search=**', '?search=*customer*']) {
          const res = await c.get(`/api/v1/customer-users${query}`);
          expectOnlyB(res, aIds.customerUsers);
          expect(res.body.items.map((x: { id: number }) => x.id)).toContain(B.customerUserId);
        }
        for (const search of [A.customerEmail, A.inlineCustomerEmail, `*${A_MARK}*`, '+62 811 1111*', '*1111*']) {
          const res = await c.get(`/api/v1/customer-users?search=${encodeURIComponent(search)}`);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.items).toEqual([]);
        }
      },
    },
    'POST /api/v1/customer-users': {
      says: "refuses A's customer as the company with 404 and writes nothing",
      anonymous: { path: () => '/api/v1/customer-users', body: () => ({ name: 'Anon', email: 'anon@example.com' }) },
      async run(role, c) {
        await writesNothing(async () => {
          const res = await c.post('/api/v1/customer-users', { name: 'Quokkafish Person', email: `quokkafish.person.${role}@example.com`, customer_id: A.customerId });
          expectRefused(res, role, 'actor');
        });
      },
    },
    'GET /api/v1/customer-users/{id}': {
      says: "answers 404 for A's customer users",
      anonymous: { path: () => `/api/v1/customer-users/${B.customerUserId}` },
      async run(role, c) {
        for (const id of aIds.customerUsers) expectRefused(await c.get(`/api/v1/customer-users/${id}`), role, 'actor');
      },
    },
    'POST /api/v1/customer-users/import': {
      says: "imports into B only: A's customer code is unknown (422, nothing written); A's customer emails are free in B",
      anonymous: { path: () => '/api/v1/customer-users/import', body: () => 'name,email\nAnon,anon@example.com\n' },
      async run(role, c) {
        const csv = { 'content-type': 'text/csv' };
        await writesNothing(async () => {
          const res = await c.request('POST', '/api/v1/customer-users/import', `name,email,customer_id\nQuokkafish Import,quokkafish.import.${role}@example.com,${A.customerCode}\n`, csv);
          expect(res.status, JSON.stringify(res.body)).toBe(422);
          expect(res.body.error.details).toEqual([expect.objectContaining({ line: 2, field: 'customer_id' })]);
          expectNoLeak(res, [A.customerCode]);
          const dry = await c.request('POST', '/api/v1/customer-users/import?dry_run=true', `name,email\nQuokkafish Same Email,${A.customerEmail}\n`, csv);
          expect(dry.status, JSON.stringify(dry.body)).toBe(200);
          expect(dry.body).toEqual({ dry_run: true, imported: 1, skipped: 0, errors: [] });
        });
      },
    },
    'GET /api/v1/customer-users/export': {
      says: "exports B's customer users and none of A's",
      anonymous: { path: () => '/api/v1/customer-users/export' },
      async run(_role, c) {
        const res = await c.get('/api/v1/customer-users/export');
        expect(res.status).toBe(200);
        expect(res.body).toContain(B.customerEmail);
        expectNoLeak(res);
      },
    },
    'POST /api/v1/customer-users/{id}/merge': {
      says: "cannot merge A's customer user into B's nor B's into A's (404 for B's admin, 403 for the others; nothing written)",
      anonymous: { path: () => `/api/v1/customer-users/${B.customerUserId}/merge`, body: () => ({ into: A.customerUserId }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.post(`/api/v1/customer-users/${A.customerUserId}/merge`, { into: B.customerUserId }), role, 'admin');
          expectRefused(await c.post(`/api/v1/customer-users/${B.customerUserId}/merge`, { into: A.customerUserId }), role, 'admin');
        });
      },
    },
    'PATCH /api/v1/customer-users/{id}': {
      says: "cannot change A's customer users nor attach B's to A's customer (404, nothing written)",
      anonymous: { path: () => `/api/v1/customer-users/${B.customerUserId}`, body: () => ({ name: 'Anon' }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.patch(`/api/v1/customer-users/${A.customerUserId}`, { name: 'Hijacked', email: `hijacked-${role}@example.com` }), role, 'actor');
          expectRefused(await c.patch(`/api/v1/customer-users/${B.customerUserId}`, { customer_id: A.customerId }), role, 'actor');
        });
      },
    },
    'GET /api/v1/cic/search': {
      says: "finds only B's customers and customer users (A's names, codes, emails and phones find nothing)",
      anonymous: { path: () => '/api/v1/cic/search?search=**' },
      async run(_role, c) {
        for (const search of ['**', '*customer*', '*traders*']) {
          const res = await c.get(`/api/v1/cic/search?search=${encodeURIComponent(search)}&limit=200`);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          for (const hit of res.body.items) expect(hit.kind === 'customer' ? aIds.customers : aIds.customerUsers, JSON.stringify(hit)).not.toContain(hit.id);
          expect(res.body.items.map((h: { kind: string; id: number }) => `${h.kind}:${h.id}`)).toEqual(
            expect.arrayContaining(search === '*traders*' ? [`customer:${B.customerId}`] : search === '**' ? [`customer:${B.customerId}`, `customer_user:${B.customerUserId}`] : [`customer_user:${B.customerUserId}`]),
          );
          expectNoLeak(res);
        }
        for (const search of [A.customerEmail, A.inlineCustomerEmail, `*${A_MARK}*`, A.customerCode, `${A.customerCode.slice(0, 4)}*`, '+62 811 1111*', '*1111*']) {
          const res = await c.get(`/api/v1/cic/search?search=${encodeURIComponent(search)}`);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.items).toEqual([]);
        }
      },
    },
    ...dashboardProbes(),
    'GET /api/v1/me/preferences/{key}': {
      says: "reads the caller's own layout, never the one A's agent saved (403 for API keys)",
      anonymous: { path: () => '/api/v1/me/preferences/cic_layout' },
      async run(role, c) {
        created(await A.agent.request('PUT', '/api/v1/me/preferences/cic_layout', { value: aLayout }), 200);
        const res = await c.get('/api/v1/me/preferences/cic_layout');
        if (role === 'key') return expectRefused(res, role, 'agent');
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.value.hidden).not.toEqual(aLayout.hidden);
      },
    },
    'PUT /api/v1/me/preferences/{key}': {
      says: "saves the caller's own layout; A's agent's stays as it was (403 for API keys)",
      anonymous: { path: () => '/api/v1/me/preferences/cic_layout', body: () => ({ value: { order: [], hidden: [] } }) },
      async run(role, c) {
        created(await A.agent.request('PUT', '/api/v1/me/preferences/cic_layout', { value: aLayout }), 200);
        const before = created(await A.agent.get('/api/v1/me/preferences/cic_layout'), 200);
        const res = await c.request('PUT', '/api/v1/me/preferences/cic_layout', { value: { order: ['new'], hidden: ['open'] } });
        if (role === 'key') expectRefused(res, role, 'agent');
        else expect(created(res, 200).value.hidden).toEqual(['open']);
        expect(created(await A.agent.get('/api/v1/me/preferences/cic_layout'), 200)).toEqual(before);
      },
    },
    'POST /api/v1/tickets': {
      says: "refuses A's category, department, assignee and customer user with 404 and writes nothing; A's Idempotency-Key means nothing in B",
      anonymous: { path: () => '/api/v1/tickets', body: () => ({ subject: 'Anon' }) },
      async run(role, c) {
        const base = { subject: `Quokkafish ${role} complaint`, customer_user_id: B.customerUserId };
        await writesNothing(async () => {
          for (const [body, sent] of [
            [{ ...base, category: A.categoryId }, []],
            [{ ...base, category: A.categoryName }, [A.categoryName]],
            [{ ...base, department: A.departmentId }, []],
            [{ ...base, department: A.departmentName }, [A.departmentName]],
            [{ ...base, assignee: A.agentId }, []],
            [{ ...base, assignee: A.adminId }, []],
            [{ subject: base.subject, customer_user_id: A.customerUserId }, []],
            [{ subject: base.subject, category: A.categoryId, customer: { name: 'Quokkafish New', email: `quokkafish.new.${role}@example.com` } }, []],
          ] as Array<[Record<string, unknown>, string[]]>) {
            expectRefused(await c.post('/api/v1/tickets', body), role, 'actor', sent);
          }
          // A's ticket field is no field of B's: 400 at the key, without A's label or options.
          const foreignField = await c.post('/api/v1/tickets', { ...base, custom_fields: { [A.fieldKey]: A.fieldOption } });
          expect(foreignField.status, JSON.stringify(foreignField.body)).toBe(400);
          expect(foreignField.body.error.details.map((d: { field: string }) => d.field)).toEqual([`body.custom_fields.${A.fieldKey}`]);
          expectNoLeak(foreignField, [A.fieldKey, A.fieldOption]);
        });
        // A used this Idempotency-Key; in B it is unused: a new ticket of B, not A's answer and not a 422.
        const res = await c.post('/api/v1/tickets', { subject: 'Quokkafish idempotent complaint', customer_user_id: B.customerUserId }, { 'idempotency-key': 'idempotency-key-of-a' });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(aIds.tickets).not.toContain(res.body.id);
        expect(res.body.subject).toBe('Quokkafish idempotent complaint');
        expectNoLeak(res);
      },
    },
    'GET /api/v1/tickets': {
      says: "lists only B's tickets; every filter pointing at A's rows finds nothing; the shared number finds B's ticket",
      anonymous: { path: () => '/api/v1/tickets' },
      async run(role, c) {
        const all = await c.get('/api/v1/tickets?limit=200');
        expectOnlyB(all, aIds.tickets);
        expect(all.body.items.map((t: { id: number }) => t.id)).toEqual(expect.arrayContaining(B.tickets.map((t) => t.id)));
        for (const [filter, sent] of ticketFiltersAtA()) {
          const res = await c.get(`/api/v1/tickets?${filter}`);
          expect(res.status, `${filter}: ${JSON.stringify(res.body)}`).toBe(200);
          expect(res.body.items, filter).toEqual([]);
          expectNoLeak(res, sent);
        }
        // A's ticket field is unknown in B (400 at the filter); B's own field finds B's ticket.
        const byAField = await c.get(`/api/v1/tickets?field=${A.fieldKey}:${A.fieldOption}`);
        expect(byAField.status, JSON.stringify(byAField.body)).toBe(400);
        expect(byAField.body.error.details.map((d: { field: string }) => d.field)).toEqual(['querystring.field.0']);
        expectNoLeak(byAField, [A.fieldKey, A.fieldOption]);
        const byBField = await c.get(`/api/v1/tickets?field=${B.fieldKey}:${B.fieldOption}`);
        expect(byBField.body.items.map((t: { id: number }) => t.id)).toEqual([B.tickets[0].id]);
        const byNumber = await c.get(`/api/v1/tickets?number=${sharedNumber}`);
        expect(byNumber.status).toBe(200);
        expect(byNumber.body.items.map((t: { id: number }) => t.id)).toEqual([B.tickets[0].id]);
        const byText = await c.get(`/api/v1/tickets?q=blender`);
        expect(byText.body.items.map((t: { id: number }) => t.id)).toEqual([B.tickets[0].id]);
        const bySort = await c.get('/api/v1/tickets?sort=number&limit=200');
        expectOnlyB(bySort, aIds.tickets);
        if (role !== 'key') {
          const mine = await c.get('/api/v1/tickets?my_departments=true');
          expectOnlyB(mine, aIds.tickets);
        }
      },
    },
    'GET /api/v1/tickets/stats': {
      says: "counts only B's tickets; filters pointing at A's rows count zero",
      anonymous: { path: () => '/api/v1/tickets/stats' },
      async run(_role, c) {
        const total = await c.get('/api/v1/tickets/stats');
        expect(total.status).toBe(200);
        const bTickets = await listAll(B.admin, '/api/v1/tickets?limit=200');
        expect(total.body.total).toBe(bTickets.length);
        expect(total.body.pending).toBe(bTickets.filter((t) => t.status === 'pending').length);
        const byStatus = await c.get('/api/v1/tickets/stats?status=new,pending');
        expect(byStatus.body.pending).toBe(bTickets.filter((t) => t.status === 'pending').length);
        for (const [filter] of ticketFiltersAtA()) {
          const res = await c.get(`/api/v1/tickets/stats?${filter}`);
          expect(res.status, `${filter}: ${JSON.stringify(res.body)}`).toBe(200);
          expect(res.body, filter).toEqual({ new: 0, open: 0, pending: 0, overdue: 0, resolved: 0, closed: 0, auto_closed: 0, total: 0 });
        }
        const byNumber = await c.get(`/api/v1/tickets/stats?number=${sharedNumber}`);
        expect(byNumber.body.total).toBe(1);
        const byAField = await c.get(`/api/v1/tickets/stats?field=${A.fieldKey}:${A.fieldOption}`);
        expect(byAField.status, JSON.stringify(byAField.body)).toBe(400);
        expectNoLeak(byAField, [A.fieldKey, A.fieldOption]);
        expect((await c.get(`/api/v1/tickets/stats?field=${B.fieldKey}:${B.fieldOption}`)).body.total).toBe(1);
      },
    },
    'GET /api/v1/tickets/{number}': {
      says: "answers 404 for A's number; the number both have gives B's ticket",
      anonymous: { path: () => `/api/v1/tickets/${sharedNumber}` },
      async run(role, c) {
        expectRefused(await c.get(`/api/v1/tickets/${aOnlyNumber}`), role, 'actor');
        const shared = await c.get(`/api/v1/tickets/${sharedNumber}`);
        expect(shared.status).toBe(200);
        expect(shared.body.id).toBe(B.tickets[0].id);
        expect(shared.body.subject).toBe(B.tickets[0].subject);
        expectNoLeak(shared);
      },
    },
    'PATCH /api/v1/tickets/{number}': {
      says: "cannot change A's ticket; B's ticket with the shared number refuses A's category, department and assignee (404, nothing written)",
      anonymous: { path: () => `/api/v1/tickets/${sharedNumber}`, body: () => ({ priority: 'low' }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.patch(`/api/v1/tickets/${aOnlyNumber}`, { priority: 'urgent', subject: 'Hijacked' }), role, 'actor');
          expectRefused(await c.patch(`/api/v1/tickets/${sharedNumber}`, { category: A.categoryId }), role, 'actor');
          expectRefused(await c.patch(`/api/v1/tickets/${sharedNumber}`, { category: A.categoryName }), role, 'actor', [A.categoryName]);
          expectRefused(await c.patch(`/api/v1/tickets/${sharedNumber}`, { department: A.departmentId }), role, 'actor');
          expectRefused(await c.patch(`/api/v1/tickets/${sharedNumber}`, { assignee: A.agentId }), role, 'actor');
          expectRefused(await c.patch(`/api/v1/tickets/${sharedNumber}`, { priority: 'urgent', assignee: A.adminId }), role, 'actor');
        });
      },
    },
    'POST /api/v1/tickets/{number}/transitions': {
      says: "cannot move A's ticket (404, nothing written)",
      anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/transitions`, body: () => ({ to: 'open' }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.post(`/api/v1/tickets/${aOnlyNumber}/transitions`, { to: 'open' }), role, 'actor');
          expectRefused(await c.post(`/api/v1/tickets/${aOnlyNumber}/transitions`, { to: 'resolved', resolution: 'Hijacked' }), role, 'actor');
        });
      },
    },
    'POST /api/v1/tickets/{number}/lock': {
      says: "cannot lock A's ticket (404; API keys never lock: 403)",
      anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/lock` },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.post(`/api/v1/tickets/${aOnlyNumber}/lock`), role, 'agent');
        });
      },
    },
    'POST /api/v1/tickets/{number}/unlock': {
      says: "cannot release the lock A's agent holds (404; API keys never lock: 403)",
      anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/unlock` },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.post(`/api/v1/tickets/${aOnlyNumber}/unlock`), role, 'agent');
        });
        const aTicket = await A.admin.get(`/api/v1/tickets/${sharedNumber}`);
        expect(aTicket.body.locked_by?.id).toBe(A.agentId);
      },
    },
    'POST /api/v1/tickets/{number}/messages': {
      says: "cannot reply to or annotate A's ticket (404, nothing written)",
      anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/messages`, body: () => ({ body: 'Anon' }) },
      async run(role, c) {
        await writesNothing(async () => {
          expectRefused(await c.post(`/api/v1/tickets/${aOnlyNumber}/messages`, { body: 'Hijacked reply', visibility: 'public' }), role, 'actor');
          expectRefused(await c.post(`/api/v1/tickets/${aOnlyNumber}/messages`, { body: 'Hijacked note', visibility: 'internal' }), role, 'actor');
        });
      },
    },
    'GET /api/v1/tickets/{number}/messages': {
      says: "answers 404 for A's ticket; the shared number gives B's conversation only",
      anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/messages` },
      async run(role, c) {
        expectRefused(await c.get(`/api/v1/tickets/${aOnlyNumber}/messages`), role, 'actor');
        const shared = await c.get(`/api/v1/tickets/${sharedNumber}/messages`);
        expect(shared.status).toBe(200);
        expect(shared.body.items.map((m: { body: string }) => m.body)).toEqual([
          'Quokkafish public reply: a new jug is on its way',
          'Quokkafish internal note: courier damage',
        ]);
        expectNoLeak(shared);
      },
    },
    'GET /api/v1/tickets/{number}/attachments/{id}': {
      says: "can never download A's file: A's attachment id under A's or B's ticket numbers is 404; B's own file is served",
      anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/attachments/${A.attachmentId}` },
      async run(role, c) {
        expectRefused(await c.get(`/api/v1/tickets/${aOnlyNumber}/attachments/${A.attachmentId}`), role, 'actor');
        for (const t of B.tickets) expectRefused(await c.get(`/api/v1/tickets/${t.number}/attachments/${A.attachmentId}`), role, 'actor');
        const own = await c.get(`/api/v1/tickets/${sharedNumber}/attachments/${B.attachmentId}`);
        expect(own.status).toBe(200);
        expect(own.body).toBe('Quokkafish courier receipt\n');
        expectNoLeak(own);
      },
    },
    'GET /api/v1/events': {
      says: "streams B's ticket changes and never one of A's",
      anonymous: { path: () => '/api/v1/events' },
      async run(_role, c) {
        const stream = await openEventStream(c);
        expect(stream.status).toBe(200);
        try {
          // A's change first: had it leaked, it would arrive before B's own.
          created(await A.admin.patch(`/api/v1/tickets/${aLiveTicket.number}`, { tags: [`${A_MARK}-${++liveChanges}`] }), 200);
          created(await B.admin.patch(`/api/v1/tickets/${B.tickets[0].number}`, { tags: [`${B_MARK}-${++liveChanges}`] }), 200);
          const event = await stream.next();
          expect(event).toEqual({ type: 'ticket', ticket_id: B.tickets[0].id });
          expect(await stream.next(200)).toBeNull();
        } finally {
          stream.close();
        }
      },
    },
    'GET /api/v1/notifications': {
      says: "lists the caller's own notifications, never one of A's",
      anonymous: { path: () => '/api/v1/notifications' },
      async run(role, c) {
        const res = await c.get('/api/v1/notifications');
        if (role === 'key') return expectRefused(res, role, 'agent');
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const own = B.tickets.map((t) => t.id);
        for (const n of res.body.items) expect(own).toContain(n.ticket.id);
        // B's agent was assigned B's first ticket: their inbox is not empty, so the check means something.
        if (role === 'agent') expect(res.body.items.length).toBeGreaterThan(0);
        expectNoLeak(res);
      },
    },
    'POST /api/v1/notifications/{id}/read': {
      says: "cannot mark A's notification read (404); it stays unread",
      anonymous: { path: () => '/api/v1/notifications/1/read' },
      async run(role, c) {
        const [aNotice] = (await A.agent.get('/api/v1/notifications')).body.items;
        expect(aNotice.read_at).toBeNull();
        expectRefused(await c.post(`/api/v1/notifications/${aNotice.id}/read`, {}), role, 'agent');
        expect((await A.agent.get('/api/v1/notifications')).body.items[0]).toEqual(aNotice);
      },
    },
    'POST /api/v1/notifications/read-all': {
      says: "marks B's caller's own notifications only; A's stay unread",
      anonymous: { path: () => '/api/v1/notifications/read-all' },
      async run(role, c) {
        const before = (await A.agent.get('/api/v1/notifications')).body.unread_count;
        expect(before).toBeGreaterThan(0);
        const res = await c.post('/api/v1/notifications/read-all', {});
        if (role === 'key') return expectRefused(res, role, 'agent');
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.unread_count).toBe(0);
        expect((await A.agent.get('/api/v1/notifications')).body.unread_count).toBe(before);
      },
    },
    ...agentLinkProbes(),
    ...ticketFieldProbes(),
    ...auditProbes(),
    ...systemProbes(),
    ...portalProbes(),
    ...mailProbes(),
    ...slaProbes(),
    ...jobProbes(),
    ...reportProbes(),
    ...inboundProbes(),
    ...imapProbes(),
    ...webhookProbes(),
    ...channelProbes(),
    ...routingProbes(),
    'GET /api/v1/tickets/{number}/history': {
      says: "answers 404 for A's ticket; the shared number gives B's history only",
      anonymous: { path: () => `/api/v1/tickets/${sharedNumber}/history` },
      async run(role, c) {
        expectRefused(await c.get(`/api/v1/tickets/${aOnlyNumber}/history`), role, 'actor');
        const shared = await c.get(`/api/v1/tickets/${sharedNumber}/history`);
        expect(shared.status).toBe(200);
        expect(shared.body.items.length).toBeGreaterThan(0);
        for (const e of shared.body.items) if (e.actor.kind === 'agent') expect([B.adminId, B.agentId]).toContain(e.actor.id);
        expectNoLeak(shared);
      },
    },
  };

  it('has a cross-workspace probe for every route of the OpenAPI document, and every workspace-less route is listed by name', async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body;
    const operations = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const unprobed = operations.filter((op) => !(op in probes) && !workspaceLess.includes(op));
    expect(unprobed, 'routes without a cross-workspace probe: add one to `probes`').toEqual([]);
    const stale = [...Object.keys(probes), ...workspaceLess].filter((op) => !operations.includes(op));
    expect(stale, 'probes for routes the OpenAPI document no longer has').toEqual([]);
  });

  it('has every /api route of the running server in the OpenAPI document (none hidden from the probes)', async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body;
    const documented = new Set(Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const registered = registeredRoutes(server.app.printRoutes({ commonPrefix: false })).filter(
      (r) => !r.startsWith('HEAD ') && / \/api\//.test(r) && !/ \/api\/docs(\/|$)/.test(r),
    );
    expect(registered.length).toBeGreaterThan(20);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
  });

  describe.each(roles)("with B's %s", (role) => {
    for (const [operation, probe] of Object.entries(probes)) {
      it(`${operation}: ${probe.says}`, async () => {
        await probe.run(role, callers()[role]);
      });
    }
  });

  it("keeps the portal's open doors to their own workspace: config, sign-in links and the link itself", async () => {
    const config = created(await server.anonymous().get(`/api/v1/portal/${B.slug}/config`), 200);
    expect(config.workspace).toEqual({ slug: B.slug, name: `Shop ${B.slug}` });
    expect(config.fields.map((f: { key: string }) => f.key)).toEqual([B.fieldKey]);
    expectNoLeak({ status: 200, body: config, headers: new Headers() });
    // B's customer asks A's portal for a link: A has no such customer user, so nothing is sent.
    const before = await server.deps.db.selectFrom('outbox').select('id').where('to_address', '=', B.customerEmail).execute();
    expect(created(await server.anonymous().post(`/api/v1/portal/${A.slug}/sign-in`, { email: B.customerEmail }), 202).message).toBeTruthy();
    await new Promise((r) => setTimeout(r, 200));
    const after = await server.deps.db.selectFrom('outbox').select('id').where('to_address', '=', B.customerEmail).execute();
    expect(after.length).toBe(before.length);
    // A link of B's, opened at A's portal, opens nothing; B's own portal still takes it.
    const links = (await mailsTo(server, B.customerEmail, 'sign_in_link')).length;
    created(await server.anonymous().post(`/api/v1/portal/${B.slug}/sign-in`, { email: B.customerEmail }), 202);
    const link = new URL(await signInLinkMailedTo(server, B.customerEmail, links + 1));
    const atA = await server.anonymous().get(`/portal/${A.slug}/auth${link.search}`);
    expect(atA.headers.get('location')).toBe(`/portal/${A.slug}/link-expired`);
    expect(atA.headers.getSetCookie()).toEqual([]);
    expect((await server.anonymous().get(`/portal/${B.slug}/auth${link.search}`)).headers.get('location')).toBe(`/portal/${B.slug}`);
  });

  it('answers 401 without credentials on every workspace route', async () => {
    const anonymous = server.anonymous();
    for (const [operation, probe] of Object.entries(probes)) {
      const method = operation.split(' ')[0];
      const body = probe.anonymous.body?.() ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
      const res = await anonymous.request(method, probe.anonymous.path(), body);
      expect(res.status, `${operation}: ${JSON.stringify(res.body)}`).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it("refuses B's session cookie or API key re-labelled with A's workspace id (401)", async () => {
    const [, sessionId, secret] = (B.admin.cookie as string).replace('caredesk_session=', '').split('.');
    const forgedSession = new ApiClient(server.url, { cookie: `caredesk_session=${A.orgId}.${sessionId}.${secret}` });
    for (const path of ['/api/v1/auth/me', `/api/v1/tickets/${sharedNumber}`, '/api/v1/tickets']) {
      const res = await forgedSession.get(path);
      expect(res.status, path).toBe(401);
      expectNoLeak(res);
    }
    const [, , keyId, keySecret] = /^(cdk)_(\d+)_(\d+)_(.+)$/.exec(B.key.bearer as string)!.slice(1);
    const forgedKey = new ApiClient(server.url, { bearer: `cdk_${A.orgId}_${keyId}_${keySecret}` });
    const res = await forgedKey.get(`/api/v1/tickets/${sharedNumber}`);
    expect(res.status).toBe(401);
    expectNoLeak(res);
    // A's key id with B's secret is no better.
    const aKeyId = /^cdk_\d+_(\d+)_/.exec(A.key.bearer as string)![1];
    const mixed = await new ApiClient(server.url, { bearer: `cdk_${A.orgId}_${aKeyId}_${keySecret}` }).get('/api/v1/tickets');
    expect(mixed.status).toBe(401);
  });

  it("does not reveal A's names through conflicts: B may use A's agent email, department and category names, customer code and customer emails", async () => {
    const agent = await B.admin.post('/api/v1/agents', { name: 'Same email in B', email: A.agentEmail, password: 'another-password-b' });
    expect(agent.status, JSON.stringify(agent.body)).toBe(201);
    expect(aIds.agents).not.toContain(agent.body.id);
    const department = await B.admin.post('/api/v1/departments', { name: A.departmentName });
    expect(department.status, JSON.stringify(department.body)).toBe(201);
    const category = await B.admin.post('/api/v1/categories', { name: A.categoryName });
    expect(category.status, JSON.stringify(category.body)).toBe(201);
    const customer = await B.admin.post('/api/v1/customers', { name: 'Other traders', customer_code: A.customerCode });
    expect(customer.status, JSON.stringify(customer.body)).toBe(201);
    const customerUser = await B.admin.post('/api/v1/customer-users', { name: 'Other person', email: A.inlineCustomerEmail });
    expect(customerUser.status, JSON.stringify(customerUser.body)).toBe(201);
    expect(aIds.customerUsers).not.toContain(customerUser.body.id);
    // An inline customer with the email of A's customer becomes a customer user of B, never A's.
    for (const c of [B.admin, B.agent, B.key]) {
      const inline = await c.post('/api/v1/tickets', { subject: 'Quokkafish inline customer', customer: { name: 'Same Email Person', email: A.customerEmail } });
      expect(inline.status, JSON.stringify(inline.body)).toBe(201);
      expect(aIds.customerUsers).not.toContain(inline.body.customer_user.id);
      expect(inline.body.customer_user.name).toBe('Same Email Person');
      expect(inline.body.customer).toBeNull();
    }
    // A's agent still signs in with A's password and lands in A.
    const login = await new ApiClient(server.url).post('/api/v1/auth/login', { email: A.agentEmail, password: PASSWORD });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect(login.body.workspace.id).toBe(A.orgId);
  });

  it("leaves every row of A exactly as it was after all of B's attempts", async () => {
    expect(await fingerprint(A.admin, [aLiveTicket.id])).toEqual(aFingerprint);
  });
});
