import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/helpers/client.ts';
import { openEventStream } from '../../../test/helpers/events.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { mailsTo as mailsToAddress, openLink, signInLinkMailedTo, signInToPortal } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

const PUBLIC_URL = 'https://care.example.com';

/** Real time, movable forward: links and sessions expire without the test sleeping. */
const shiftedClock = () => {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) };
};

describe('customer portal API', () => {
  let server: TestServer;
  const clock = shiftedClock();
  let admin: ApiClient;
  let slug: string;
  let orgId: number;
  let agent: { client: ApiClient; id: number };
  let budi: { id: number; email: string };
  let sari: { id: number; email: string };
  let ip = 0;

  /** Each test sends from its own address, as rate limits count per IP. */
  const fromNewIp = () => ({ 'x-forwarded-for': `10.0.0.${++ip}` });

  const mailsTo = (address: string, template?: string) => mailsToAddress(server, address, template);
  const linkMailedTo = (address: string, count = 1) => signInLinkMailedTo(server, address, count);
  const open = (link: string) => openLink(server, link);
  const signIn = (email: string) => signInToPortal(server, slug, email, fromNewIp());

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { PUBLIC_URL, TRUST_PROXY: '1', CAREDESK_SIGNUP: 'open' } });
    ({ admin, slug, orgId } = await createWorkspace(server.url));
    agent = await createAgent(admin, { name: 'Rina Agent' });
    const made = async (name: string, email: string) => (await admin.post('/api/v1/customer-users', { name, email })).body.id as number;
    budi = { id: await made('Budi Santoso', 'budi@example.com'), email: 'budi@example.com' };
    sari = { id: await made('Sari Dewi', 'sari@example.com'), email: 'sari@example.com' };
  });
  afterAll(() => server.close());

  describe('sign-in links', () => {
    it('answers a known and an unknown address alike, and mails only the registered customer user', async () => {
      const known = await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: 'BUDI@example.com' }, fromNewIp());
      const unknown = await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: 'nobody@example.com' }, fromNewIp());
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      await linkMailedTo(budi.email);
      expect(await mailsTo('nobody@example.com')).toEqual([]);
    });

    it('builds the link from the configured public URL, never from Host or X-Forwarded-Host', async () => {
      const res = await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: sari.email }, { ...fromNewIp(), 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' });
      expect(res.status).toBe(202);
      const link = await linkMailedTo(sari.email);
      expect(link.startsWith(`${PUBLIC_URL}/portal/${slug}/auth?token=`)).toBe(true);
      // 256 bits, stored only as a hash.
      const token = new URL(link).searchParams.get('token') as string;
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
      const stored = await server.deps.db.selectFrom('portal_links').select('token_hash').where('org_id', '=', orgId).execute();
      expect(stored.map((s) => s.token_hash)).not.toContain(token);
    });

    it('opens one session per link: the landing sets an HttpOnly cookie with no referrer, a second click finds the link used', async () => {
      const link = await (async () => {
        await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: budi.email }, fromNewIp());
        return linkMailedTo(budi.email, 2);
      })();
      const first = await open(link);
      expect(first.status).toBe(303);
      expect(first.location).toBe(`/portal/${slug}`);
      expect(first.headers.get('referrer-policy')).toBe('no-referrer');
      const cookie = first.headers.getSetCookie().find((c) => c.startsWith('caredesk_portal='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect((await first.customer.get(`/api/v1/portal/${slug}/me`)).body).toEqual({ name: 'Budi Santoso', email: budi.email, language: 'en' });
      const again = await open(link);
      expect(again.location).toBe(`/portal/${slug}/link-expired`);
      expect(again.customer.cookie).toBeNull();
    });

    it('turns fifty parallel clicks of one link into exactly one session', async () => {
      await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: sari.email }, fromNewIp());
      const link = await linkMailedTo(sari.email, 2);
      const before = await server.deps.db.selectFrom('portal_sessions').select('id').where('customer_user_id', '=', sari.id).execute();
      const results = await Promise.all(Array.from({ length: 50 }, () => open(link)));
      expect(results.filter((r) => r.location === `/portal/${slug}`)).toHaveLength(1);
      expect(results.filter((r) => r.location === `/portal/${slug}/link-expired`)).toHaveLength(49);
      const after = await server.deps.db.selectFrom('portal_sessions').select('id').where('customer_user_id', '=', sari.id).execute();
      expect(after.length - before.length).toBe(1);
    });

    it('refuses an expired, tampered, malformed or other workspace’s token with the link-expired page and no session', async () => {
      const { admin: other, slug: otherSlug } = await createWorkspace(server.url, undefined, 'signup');
      expect((await other.post('/api/v1/customer-users', { name: 'Budi Elsewhere', email: budi.email })).status).toBe(201);
      await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: budi.email }, fromNewIp());
      const link = await linkMailedTo(budi.email, 3);
      const token = new URL(link).searchParams.get('token') as string;
      const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      for (const path of [`/portal/${otherSlug}/auth?token=${token}`, `/portal/${slug}/auth?token=${tampered}`, `/portal/${slug}/auth?token=short`, `/portal/${slug}/auth`]) {
        const res = await open(`${server.url}${path}`);
        expect(res.location, path).toMatch(/\/link-expired$/);
        expect(res.customer.cookie, path).toBeNull();
      }
      clock.advance(16 * 60_000);
      const late = await open(link);
      expect(late.location).toBe(`/portal/${slug}/link-expired`);
      expect(late.customer.cookie).toBeNull();
    });

    it('sends nothing for the sixth request in 15 minutes, per address and per IP, and says when to retry', async () => {
      const email = 'flood@example.com';
      expect((await admin.post('/api/v1/customer-users', { name: 'Flood', email })).status).toBe(201);
      for (let i = 0; i < 5; i += 1) expect((await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email }, fromNewIp())).status).toBe(202);
      const sixth = await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email }, fromNewIp());
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
      await linkMailedTo(email, 5);
      const sameIp = fromNewIp();
      for (let i = 0; i < 5; i += 1) expect((await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: `x${i}@example.com` }, sameIp)).status).toBe(202);
      expect((await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: 'x9@example.com' }, sameIp)).status).toBe(429);
    });

    it('refuses bad input with 400 naming the field and an unknown workspace with 404', async () => {
      const bad = await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email: 'not-an-email' }, fromNewIp());
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('body.email');
      expect((await server.anonymous().post('/api/v1/portal/no-such-shop/sign-in', { email: budi.email }, fromNewIp())).status).toBe(404);
    });
  });

  describe('a signed-in customer', () => {
    let portal: ApiClient;
    let own: { id: number; number: string };
    let others: { id: number; number: string };

    beforeAll(async () => {
      own = await createTicket(admin, { subject: 'Kettle leaks', customer_user_id: budi.id, customer: undefined, department: undefined });
      others = await createTicket(admin, { subject: 'Sari’s toaster', customer_user_id: sari.id, customer: undefined });
      expect((await agent.client.post(`/api/v1/tickets/${own.number}/messages`, { body: 'We are sending a new kettle', visibility: 'public' })).status).toBe(201);
      expect((await agent.client.post(`/api/v1/tickets/${own.number}/messages`, { body: 'SECRET-INTERNAL courier blamed', visibility: 'internal' })).status).toBe(201);
      portal = await signIn(budi.email);
    });

    it('sees only their own tickets, and nothing internal or agent-only', async () => {
      const list = await portal.get(`/api/v1/portal/${slug}/tickets`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((t: { number: string }) => t.number)).toContain(own.number);
      expect(list.body.items.map((t: { number: string }) => t.number)).not.toContain(others.number);
      const detail = await portal.get(`/api/v1/portal/${slug}/tickets/${own.number}`);
      expect(detail.body).toMatchObject({ number: own.number, subject: 'Kettle leaks', status: 'new', can_resolve: true, can_reopen: false });
      for (const field of ['tags', 'custom_fields', 'locked_by', 'reporter', 'customer_user', 'id', 'version']) expect(detail.body, field).not.toHaveProperty(field);
      const notes = await portal.get(`/api/v1/portal/${slug}/tickets/${own.number}/notes`);
      expect(notes.body.items.map((n: { body: string }) => n.body)).toEqual(['We are sending a new kettle']);
      expect(notes.body.items[0].author).toEqual({ kind: 'agent', name: 'Rina Agent' });
      const history = await portal.get(`/api/v1/portal/${slug}/tickets/${own.number}/history`);
      expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['created', 'replied']);
      for (const res of [list, detail, notes, history]) expect(JSON.stringify(res.body)).not.toContain('SECRET-INTERNAL');
    });

    it("answers 404 on every ticket route for another customer's ticket", async () => {
      const base = `/api/v1/portal/${slug}/tickets/${others.number}`;
      for (const [method, path, body] of [
        ['GET', base],
        ['GET', `${base}/notes`],
        ['POST', `${base}/notes`, { body: 'let me in' }],
        ['GET', `${base}/history`],
        ['POST', `${base}/resolve`, {}],
        ['POST', `${base}/reopen`, {}],
        ['GET', `${base}/attachments/1`],
      ] as const) {
        const res = await portal.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain('toaster');
      }
      expect((await admin.get(`/api/v1/tickets/${others.number}/messages`)).body.items).toEqual([]);
    });

    it("streams the customer's own ticket changes live, and nothing of another customer's", async () => {
      const stream = await openEventStream(portal, `/api/v1/portal/${slug}/events`);
      expect(stream.status).toBe(200);
      try {
        expect((await admin.patch(`/api/v1/tickets/${others.number}`, { priority: 'high' })).status).toBe(200);
        expect((await agent.client.post(`/api/v1/tickets/${own.number}/messages`, { body: 'Courier booked', visibility: 'public' })).status).toBe(201);
        expect(await stream.next()).toEqual({ type: 'ticket', ticket_id: own.id });
        expect(await stream.next(300)).toBeNull();
      } finally {
        stream.close();
      }
      expect((await server.anonymous().get(`/api/v1/portal/${slug}/events`)).status).toBe(401);
    });

    it('writes a note with a picture that the agent sees, and downloads it back; an internal file stays out of reach', async () => {
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      const form = new FormData();
      form.append('body', 'Here is the photo of the leak');
      form.append('files', new Blob([png], { type: 'image/png' }), 'leak.png');
      const res = await fetch(`${server.url}/api/v1/portal/${slug}/tickets/${own.number}/notes`, { method: 'POST', body: form, headers: { cookie: portal.cookie ?? '' } });
      expect(res.status).toBe(201);
      const note = await res.json();
      expect(note).toMatchObject({ body: 'Here is the photo of the leak', author: { kind: 'customer', name: 'Budi Santoso' } });
      const file = await portal.get(note.attachments[0].url);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
      const seen = (await agent.client.get(`/api/v1/tickets/${own.number}/messages`)).body.items.at(-1);
      expect(seen).toMatchObject({ kind: 'note', visibility: 'public', author: { kind: 'customer', id: budi.id }, body: 'Here is the photo of the leak' });

      const internal = new FormData();
      internal.append('body', 'internal scan');
      internal.append('visibility', 'internal');
      internal.append('files', new Blob(['scan\n']), 'scan.txt');
      const up = await fetch(`${server.url}/api/v1/tickets/${own.number}/messages`, { method: 'POST', body: internal, headers: { cookie: agent.client.cookie ?? '' } });
      const internalId = (await up.json()).attachments[0].id;
      expect((await portal.get(`/api/v1/portal/${slug}/tickets/${own.number}/attachments/${internalId}`)).status).toBe(404);
    });

    it('resolves the ticket as the customer, tells the assignee, and may reopen it while it is resolved but not once closed', async () => {
      expect((await admin.patch(`/api/v1/tickets/${own.number}`, { assignee: agent.id })).status).toBe(200);
      const resolved = await portal.post(`/api/v1/portal/${slug}/tickets/${own.number}/resolve`, { resolution: 'The new kettle works' });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', resolved_by: 'customer', can_reopen: true, can_resolve: false });
      const history = (await portal.get(`/api/v1/portal/${slug}/tickets/${own.number}/history`)).body.items;
      expect(history.at(-1)).toMatchObject({ type: 'resolved', actor: { kind: 'customer', name: 'Customer' } });
      const kinds = (await agent.client.get('/api/v1/notifications')).body.items.map((n: { kind: string }) => n.kind);
      expect(kinds).toContain('customer_resolved');
      expect((await portal.post(`/api/v1/portal/${slug}/tickets/${own.number}/resolve`, {})).status).toBe(409);

      const reopened = await portal.post(`/api/v1/portal/${slug}/tickets/${own.number}/reopen`, {});
      expect(reopened.body).toMatchObject({ status: 'open', can_reopen: false });
      expect((await agent.client.get('/api/v1/notifications')).body.items[0].kind).toBe('customer_reopened');
      expect((await admin.post(`/api/v1/tickets/${own.number}/transitions`, { to: 'resolved', resolution: 'Kettle replaced' })).status).toBe(200);
      expect((await admin.post(`/api/v1/tickets/${own.number}/transitions`, { to: 'closed' })).status).toBe(200);
      const refused = await portal.post(`/api/v1/portal/${slug}/tickets/${own.number}/reopen`, {});
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('illegal_transition');
      const late = await portal.post(`/api/v1/portal/${slug}/tickets/${own.number}/notes`, { body: 'One more thing' });
      expect(late.status).toBe(409);
      expect(late.body.error.message).toContain('submit a new request');
    });

    it('a note on a ticket waiting on the customer puts it back in the team’s hands', async () => {
      const waiting = await createTicket(admin, { subject: 'Which colour?', customer_user_id: budi.id, customer: undefined });
      await admin.post(`/api/v1/tickets/${waiting.number}/transitions`, { to: 'open' });
      await admin.post(`/api/v1/tickets/${waiting.number}/transitions`, { to: 'pending', reason: 'Asked which colour', waiting_on: 'customer' });
      expect((await portal.post(`/api/v1/portal/${slug}/tickets/${waiting.number}/notes`, { body: 'Red, please' })).status).toBe(201);
      expect((await admin.get(`/api/v1/tickets/${waiting.number}`)).body.status).toBe('open');
    });

    it('changes their language, signs out, and a changed email ends every session of the old address', async () => {
      expect((await portal.patch(`/api/v1/portal/${slug}/me`, { language: 'id' })).body.language).toBe('id');
      const second = await signIn(budi.email);
      expect((await second.post(`/api/v1/portal/${slug}/sign-out`)).status).toBe(204);
      expect((await second.get(`/api/v1/portal/${slug}/me`)).status).toBe(401);
      expect((await portal.get(`/api/v1/portal/${slug}/me`)).status).toBe(200);
      expect((await admin.patch(`/api/v1/customer-users/${budi.id}`, { email: 'budi.new@example.com' })).status).toBe(200);
      const gone = await portal.get(`/api/v1/portal/${slug}/tickets`);
      expect(gone.status).toBe(401);
      expect(gone.body.error.code).toBe('unauthorized');
    });
  });

  describe('the request form', () => {
    it('creates a web ticket for a new customer, mails its number, and folds a second request minutes later into it', async () => {
      const headers = fromNewIp();
      const first = await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { name: 'Wati', email: 'wati@example.com', description: 'My order never came.\nOrder 5521', order_number: 'ORD-5521' }, headers);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body.folded).toBe(false);
      const ticket = (await admin.get(`/api/v1/tickets/${first.body.number}`)).body;
      expect(ticket).toMatchObject({ channel: 'web', subject: 'My order never came.', order_number: 'ORD-5521', customer_user: { name: 'Wati', email: 'wati@example.com' } });
      const created = await mailsTo('wati@example.com', 'ticket_created');
      expect(created).toHaveLength(1);
      expect(created[0].text_body).toContain(first.body.number);
      const second = await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { name: 'Wati', email: 'wati@example.com', description: 'Still nothing!' }, headers);
      expect(second.body).toEqual({ number: first.body.number, folded: true });
      expect((await admin.get(`/api/v1/tickets/${first.body.number}/messages`)).body.items.map((m: { body: string }) => m.body)).toEqual(['Still nothing!']);
    });

    it("files a signed-in customer's request under them without retyping, and never under another workspace's customer of the same address", async () => {
      const { admin: other, slug: otherSlug } = await createWorkspace(server.url, undefined, 'signup');
      const theirs = (await other.post('/api/v1/customer-users', { name: 'Sari Elsewhere', email: sari.email })).body.id;
      const portal = await signIn(sari.email);
      const res = await portal.post(`/api/v1/portal/${slug}/requests`, { description: 'The lid of my rice cooker cracked' }, fromNewIp());
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const ticket = (await admin.get(`/api/v1/tickets/${res.body.number}`)).body;
      expect(ticket.customer_user).toMatchObject({ id: sari.id, name: 'Sari Dewi' });
      // Sari's session is this workspace's: at the other portal she is a stranger who must give her name.
      const there = await portal.post(`/api/v1/portal/${otherSlug}/requests`, { description: 'Hello' }, fromNewIp());
      expect(there.status).toBe(400);
      expect((await other.get(`/api/v1/tickets?customer_user_id=${theirs}`)).body.items).toEqual([]);
    });

    it('refuses a filled honeypot, a missing address and a flood, each with a clear error, and writes nothing', async () => {
      const count = async () => Number((await admin.get('/api/v1/tickets/stats')).body.total);
      const before = await count();
      const bot = await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { name: 'Bot', email: 'bot@example.com', description: 'buy now', website: 'http://spam.example' }, fromNewIp());
      expect(bot.status).toBe(400);
      expect(bot.body.error.details[0].field).toBe('body.website');
      const nameless = await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { description: 'who am I' }, fromNewIp());
      expect(nameless.status).toBe(400);
      expect(nameless.body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.name', 'body.email']);
      expect(await count()).toBe(before);
      const flood = fromNewIp();
      const answers = [];
      for (let i = 0; i < 11; i += 1) answers.push((await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { name: `P${i}`, email: `p${i}@example.com`, description: 'hello' }, flood)).status);
      expect(answers.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(answers[10]).toBe(429);
    });
  });

  describe('what the customer is told', () => {
    it('mails the customer each step in their language with a link to the ticket in the portal, and says nothing of internal notes', async () => {
      const email = 'ani@example.com';
      const id = (await admin.post('/api/v1/customer-users', { name: 'Ani', email, language: 'id' })).body.id;
      const ticket = await createTicket(admin, { subject: 'Blender retak', customer_user_id: id, customer: undefined });
      await admin.post(`/api/v1/tickets/${ticket.number}/transitions`, { to: 'open' });
      await admin.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Kami kirim pengganti', visibility: 'public' });
      await admin.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'internal only', visibility: 'internal' });
      await admin.post(`/api/v1/tickets/${ticket.number}/transitions`, { to: 'pending', reason: 'Menunggu kurir', waiting_on: 'third_party' });
      await admin.post(`/api/v1/tickets/${ticket.number}/transitions`, { to: 'resolved', resolution: 'Siap diambil di toko', resolution_kind: 'collect' });
      const mails = await mailsTo(email);
      expect(mails.map((m) => m.template)).toEqual(['ticket_created', 'ticket_opened', 'agent_replied', 'ticket_held', 'ticket_resolved']);
      expect(mails.every((m) => m.language === 'id')).toBe(true);
      expect(mails[0].text_body).toContain(`${PUBLIC_URL}/portal/${slug}/tickets/${ticket.number}?email=ani%40example.com`);
      expect(mails[2].text_body).toContain('Kami kirim pengganti');
      expect(mails[3].text_body).toContain('Menunggu kurir');
      expect(mails.map((m) => m.text_body).join('\n')).not.toContain('internal only');
      // Each mail its own Message-ID, all in the ticket's one thread.
      expect(new Set(mails.map((m) => m.message_id)).size).toBe(mails.length);
      expect(new Set(mails.map((m) => m.references[0])).size).toBe(1);
    });

    it("tells a department's address of a new ticket and an agent by mail when they asked for it", async () => {
      const dept = (await admin.post('/api/v1/departments', { name: 'Returns desk', email: 'returns@shop.example', member_ids: [agent.id] })).body;
      expect((await agent.client.patch('/api/v1/auth/me', { email_notifications: true })).body.agent.email_notifications).toBe(true);
      const ticket = await createTicket(admin, { department: dept.id });
      const toDept = await mailsTo('returns@shop.example', 'department_new_ticket');
      expect(toDept).toHaveLength(1);
      expect(toDept[0].text_body).toContain(ticket.number);
      const agentEmail = (await agent.client.get('/api/v1/auth/me')).body.agent.email;
      const toAgent = await mailsTo(agentEmail, 'agent_notification');
      expect(toAgent.at(-1)?.text_body).toContain(`${PUBLIC_URL}/tickets/${ticket.number}`);
    });
  });
});

describe('the request form with a CAPTCHA configured', () => {
  let server: TestServer;
  let verifier: Server;
  const asked: URLSearchParams[] = [];

  beforeAll(async () => {
    // The provider's siteverify endpoint, as Turnstile, hCaptcha and reCAPTCHA answer it.
    verifier = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        asked.push(form);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ success: form.get('secret') === 'shh' && form.get('response') === 'solved' }));
      });
    });
    await new Promise<void>((resolve) => verifier.listen(0, '127.0.0.1', resolve));
    const port = (verifier.address() as AddressInfo).port;
    server = await startTestServer({ env: { CAPTCHA_VERIFY_URL: `http://127.0.0.1:${port}/siteverify`, CAPTCHA_SECRET: 'shh', CAPTCHA_SITE_KEY: 'site-key-1', CAPTCHA_PROVIDER: 'hcaptcha' } });
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => verifier.close(resolve));
  });

  it('tells the portal which widget to show, and takes a request only with a solved CAPTCHA', async () => {
    const { slug } = await createWorkspace(server.url);
    expect((await server.anonymous().get(`/api/v1/portal/${slug}/config`)).body.captcha).toEqual({ provider: 'hcaptcha', site_key: 'site-key-1' });
    const request = { name: 'Wati', email: 'wati@example.com', description: 'Parcel lost' };
    for (const token of [undefined, 'wrong']) {
      const refused = await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { ...request, captcha_token: token });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].field).toBe('body.captcha_token');
    }
    const taken = await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { ...request, captcha_token: 'solved' });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(asked.at(-1)?.get('remoteip')).toBe('127.0.0.1');
  });
});
