import { channels } from '../src/contract/channels.ts';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_TTL_MS } from '../src/server/auth/authenticate.ts';
import { createManualClock } from '../src/server/platform/clock.ts';
import { ApiClient, type ApiResponse } from './helpers/client.ts';
import { PASSWORD, createAgent, createApiKey, createWorkspace } from './helpers/factories.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const unique = () => randomBytes(4).toString('hex');
const WRONG = { error: { code: 'unauthorized', message: 'Wrong email or password' } };

/** The raw Set-Cookie header for the session cookie, split into its attributes. */
function sessionCookie(res: ApiResponse): { value: string; attributes: Map<string, string> } {
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('caredesk_session='));
  expect(raw, `no session cookie in ${JSON.stringify(res.headers.getSetCookie())}`).toBeDefined();
  const [pair, ...rest] = (raw as string).split(';').map((p) => p.trim());
  const attributes = new Map(
    rest.map((p) => {
      const [k, ...v] = p.split('=');
      return [k.toLowerCase(), v.join('=')] as [string, string];
    }),
  );
  return { value: pair.slice('caredesk_session='.length), attributes };
}

const login = (server: TestServer, email: string, password: string, headers: Record<string, string> = {}) =>
  server.anonymous().request('POST', '/api/v1/auth/login', { email, password }, headers);

describe('agent sign-in, sessions and API keys (sign-up closed, the default)', () => {
  let server: TestServer;
  let ws: Awaited<ReturnType<typeof createWorkspace>>;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reports setup as needed on a fresh install, lets exactly one of three simultaneous setups win, then reports it done and refuses another with 409', async () => {
    expect((await server.anonymous().get('/api/v1/setup')).body).toEqual({ needed: true });
    const attempts = ['acme', 'rival-1', 'rival-2'].map((slug) => ({ slug, email: `admin@${slug}.test`, client: server.anonymous() }));
    const results = await Promise.all(
      attempts.map((a) => a.client.post('/api/v1/setup', { name: `Shop ${a.slug}`, slug: a.slug, admin: { name: 'Ada Admin', email: a.email, password: PASSWORD } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const winner = attempts[results.findIndex((r) => r.status === 201)];
    const setup = results[attempts.indexOf(winner)];
    expect(setup.body.workspace).toMatchObject({ slug: winner.slug, name: `Shop ${winner.slug}` });
    // Setup signs the new admin in with the same cookie as a login.
    const cookie = sessionCookie(setup);
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')?.toLowerCase()).toBe('lax');
    const me = await winner.client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.agent).toMatchObject({ email: winner.email, role: 'admin' });
    ws = { admin: winner.client, orgId: setup.body.workspace.id, slug: winner.slug, adminEmail: winner.email };
    // The losers left nothing behind: their admins cannot sign in.
    for (const loser of attempts.filter((a) => a !== winner)) expect((await login(server, loser.email, PASSWORD)).status).toBe(401);

    expect((await server.anonymous().get('/api/v1/setup')).body).toEqual({ needed: false });
    const again = await server.anonymous().post('/api/v1/setup', { name: 'Evil', slug: 'evil', admin: { name: 'Eve', email: 'eve@evil.test', password: PASSWORD } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect(again.headers.getSetCookie()).toEqual([]);
    // Nothing of the refused setup exists: its admin cannot sign in.
    expect((await login(server, 'eve@evil.test', PASSWORD)).status).toBe(401);
  });

  it('refuses sign-up of a further workspace with 403 while CAREDESK_SIGNUP is not open, and creates nothing', async () => {
    const res = await server.anonymous().post('/api/v1/workspaces', { name: 'Other', slug: 'other', admin: { name: 'Otto', email: 'otto@other.test', password: PASSWORD } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await login(server, 'otto@other.test', PASSWORD)).status).toBe(401);
  });

  it('signs in with a session cookie that is HttpOnly, SameSite=Lax, Path=/ and expires in 14 days; not Secure over plain HTTP even with X-Forwarded-Proto https when the proxy is not trusted', async () => {
    const res = await login(server, ws.adminEmail, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { value, attributes } = sessionCookie(res);
    expect(value).toMatch(new RegExp(`^${ws.orgId}\\.\\d+\\.[A-Za-z0-9_-]{43}$`));
    expect(attributes.has('httponly')).toBe(true);
    expect(attributes.get('samesite')?.toLowerCase()).toBe('lax');
    expect(attributes.get('path')).toBe('/');
    expect(attributes.has('secure')).toBe(false);
    const expires = Date.parse(attributes.get('expires') as string);
    expect(Math.abs(expires - (Date.now() + 14 * 24 * 3600_000))).toBeLessThan(60_000);
    expect(res.body).toMatchObject({ agent: { email: ws.adminEmail, role: 'admin' }, workspace: { id: ws.orgId, slug: ws.slug }, department_ids: [] });
    // The password hash never travels.
    expect(JSON.stringify(res.body)).not.toMatch(/argon|password/i);
  });

  it('treats the email case-insensitively at sign-in', async () => {
    const res = await login(server, ws.adminEmail.toUpperCase(), PASSWORD);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.agent.email).toBe(ws.adminEmail);
  });

  it('answers /auth/me with the agent, the workspace and the agent’s departments', async () => {
    const department = await ws.admin.post('/api/v1/departments', { name: 'Returns' });
    const agent = await createAgent(ws.admin, { name: 'Sari Agent', department_ids: [department.body.id] });
    const me = await agent.client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      agent: { id: agent.id, name: 'Sari Agent', email: agent.email, role: 'agent', language: null, email_notifications: false },
      workspace: { id: ws.orgId, slug: ws.slug, name: `Shop ${ws.slug}`, default_language: 'en', logo_url: null, channels_enabled: [...channels] },
      department_ids: [department.body.id],
    });
  });

  it('answers /auth/me without credentials with 401 in the error format', async () => {
    const res = await server.anonymous().get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('gives the same 401 body for an unknown email, a wrong password and a deactivated account', async () => {
    const agent = await createAgent(ws.admin);
    expect((await ws.admin.patch(`/api/v1/agents/${agent.id}`, { is_active: false })).status).toBe(200);
    const unknownEmail = await login(server, `nobody-${unique()}@acme.test`, PASSWORD);
    const wrongPassword = await login(server, ws.adminEmail, 'not-the-password');
    const deactivated = await login(server, agent.email, PASSWORD);
    for (const res of [unknownEmail, wrongPassword, deactivated]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(WRONG);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('refuses a login body without a password or with an unknown field with 400 naming the field', async () => {
    const missing = await server.anonymous().post('/api/v1/auth/login', { email: ws.adminEmail });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ field: 'body.password' })]);
    const extra = await server.anonymous().post('/api/v1/auth/login', { email: ws.adminEmail, password: PASSWORD, remember: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('remember');
  });

  it('logs out: 204, the cookie is cleared, and the old cookie gets 401 afterwards while other sessions of the agent live on', async () => {
    const agent = await createAgent(ws.admin);
    const other = new ApiClient(server.url);
    expect((await other.post('/api/v1/auth/login', { email: agent.email, password: PASSWORD })).status).toBe(200);
    const oldCookie = agent.client.cookie as string;
    const res = await agent.client.post('/api/v1/auth/logout');
    expect(res.status).toBe(204);
    const cleared = sessionCookie(res);
    expect(cleared.value).toBe('');
    const clearedAt = cleared.attributes.get('expires');
    expect(clearedAt === undefined ? Number(cleared.attributes.get('max-age')) <= 0 : Date.parse(clearedAt) <= Date.now()).toBe(true);
    const replay = await new ApiClient(server.url, { cookie: oldCookie }).get('/api/v1/auth/me');
    expect(replay.status).toBe(401);
    expect((await new ApiClient(server.url, { cookie: oldCookie }).post('/api/v1/auth/logout')).status).toBe(401);
    expect((await other.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('refuses a session cookie whose secret was altered (401)', async () => {
    const cookie = ws.admin.cookie as string;
    const tampered = cookie.slice(0, -1) + (cookie.endsWith('A') ? 'B' : 'A');
    expect((await new ApiClient(server.url, { cookie: tampered }).get('/api/v1/auth/me')).status).toBe(401);
    expect((await new ApiClient(server.url, { cookie: 'caredesk_session=garbage' }).get('/api/v1/auth/me')).status).toBe(401);
  });

  it("ends a deactivated agent's sessions at once (401), and a reactivated agent must sign in again", async () => {
    const agent = await createAgent(ws.admin);
    expect((await agent.client.get('/api/v1/tickets')).status).toBe(200);
    const off = await ws.admin.patch(`/api/v1/agents/${agent.id}`, { is_active: false });
    expect(off.status).toBe(200);
    expect(off.body.is_active).toBe(false);
    expect((await agent.client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await agent.client.get('/api/v1/tickets')).status).toBe(401);
    expect((await ws.admin.patch(`/api/v1/agents/${agent.id}`, { is_active: true })).status).toBe(200);
    expect((await agent.client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await login(server, agent.email, PASSWORD)).status).toBe(200);
  });

  it("ends an agent's sessions when an admin sets a new password; the new password signs in, the old one does not", async () => {
    const agent = await createAgent(ws.admin);
    expect((await ws.admin.patch(`/api/v1/agents/${agent.id}`, { password: 'a-brand-new-password' })).status).toBe(200);
    expect((await agent.client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await login(server, agent.email, PASSWORD)).body).toEqual(WRONG);
    expect((await login(server, agent.email, 'a-brand-new-password')).status).toBe(200);
  });

  it('accepts an API key as Bearer on workspace routes, refuses it on agent-only routes (403) and refuses it once revoked (401)', async () => {
    const created = await ws.admin.post('/api/v1/api-keys', { name: 'Shop sync' });
    expect(created.status).toBe(201);
    const key = new ApiClient(server.url, { bearer: created.body.key });
    expect((await key.get('/api/v1/tickets')).status).toBe(200);
    const me = await key.get('/api/v1/auth/me');
    expect(me.status).toBe(403);
    expect(me.body.error.code).toBe('forbidden');
    expect((await key.post('/api/v1/auth/logout')).status).toBe(403);
    expect((await ws.admin.delete(`/api/v1/api-keys/${created.body.id}`)).status).toBe(200);
    const revoked = await key.get('/api/v1/tickets');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toEqual({ code: 'unauthorized', message: 'Invalid or revoked API key' });
  });

  it('refuses a malformed Authorization header with 401, even next to a valid session cookie', async () => {
    const key = await createApiKey(ws.admin);
    const valid = key.bearer as string;
    for (const header of [
      'Basic YWRhOnNlY3JldA==',
      'Bearer',
      'Bearer ',
      'Bearer not-a-key',
      `Token ${valid}`,
      `Bearer ${valid}x`,
      `Bearer ${valid.slice(0, -1)}`,
      `Bearer ${valid.replace(/_(\d+)_/, '_99999_')}`,
      `Bearer ${valid.slice(0, -5)}AAAAA`,
    ]) {
      const res = await server.anonymous().get('/api/v1/tickets', { authorization: header });
      expect(res.status, header).toBe(401);
      expect(res.body.error.code, header).toBe('unauthorized');
      const withCookie = await new ApiClient(server.url, { cookie: ws.admin.cookie }).get('/api/v1/tickets', { authorization: header });
      expect(withCookie.status, `${header} next to a cookie`).toBe(401);
    }
    expect((await server.anonymous().get('/api/v1/tickets', { authorization: `bearer ${valid}` })).status).toBe(200);
  });

  it("keeps each agent's own language: /auth/me shows it beside the workspace's default; null follows the default again", async () => {
    const agent = await createAgent(ws.admin);
    const before = (await agent.client.get('/api/v1/auth/me')).body;
    expect([before.agent.language, before.workspace.default_language]).toEqual([null, 'en']);
    const set = await agent.client.patch('/api/v1/auth/me', { language: 'id' });
    expect(set.status).toBe(200);
    expect(set.body.agent.language).toBe('id');
    expect((await agent.client.get('/api/v1/auth/me')).body.agent.language).toBe('id');
    // Another agent, and a fresh sign-in of this one, see what is stored.
    expect((await ws.admin.get('/api/v1/auth/me')).body.agent.language).toBeNull();
    expect((await login(server, agent.email, PASSWORD)).body.agent.language).toBe('id');
    expect((await agent.client.patch('/api/v1/auth/me', { language: null })).body.agent.language).toBeNull();
  });

  it('refuses an unknown language or field with 400 naming it, an API key with 403, and changes nothing', async () => {
    const agent = await createAgent(ws.admin);
    const bad = await agent.client.patch('/api/v1/auth/me', { language: 'fr' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('body.language');
    const unknown = await agent.client.patch('/api/v1/auth/me', { language: 'id', theme: 'dark' });
    expect(unknown.status).toBe(400);
    const key = await createApiKey(ws.admin);
    expect((await key.patch('/api/v1/auth/me', { language: 'id' })).status).toBe(403);
    expect((await agent.client.get('/api/v1/auth/me')).body.agent.language).toBeNull();
  });

  it('takes a demoted admin off admin routes at once, though the session is cached', async () => {
    const other = await createAgent(ws.admin, { role: 'admin' });
    expect((await other.client.get('/api/v1/api-keys')).status).toBe(200);
    expect((await ws.admin.patch(`/api/v1/agents/${other.id}`, { role: 'agent' })).status).toBe(200);
    expect((await other.client.get('/api/v1/api-keys')).status).toBe(403);
    expect((await other.client.get('/api/v1/auth/me')).body.agent.role).toBe('agent');
  });

  it(`refuses a session and an API key revoked by another process within ${CREDENTIAL_TTL_MS} ms`, async () => {
    const agent = await createAgent(ws.admin);
    const key = await createApiKey(ws.admin);
    expect((await agent.client.get('/api/v1/tickets')).status).toBe(200);
    expect((await key.get('/api/v1/tickets')).status).toBe(200);
    // Revoked behind this server's back, as another process over the same database would.
    const orgId = (await ws.admin.get('/api/v1/auth/me')).body.workspace.id;
    const revokedAt = new Date();
    await server.deps.db.updateTable('sessions').set({ revoked_at: revokedAt }).where('org_id', '=', orgId).where('agent_id', '=', agent.id).execute();
    await server.deps.db.updateTable('api_keys').set({ revoked_at: revokedAt }).where('org_id', '=', orgId).where('id', '=', Number((key.bearer as string).split('_')[2])).execute();
    const deadline = performance.now() + CREDENTIAL_TTL_MS;
    const refused = async (client: ApiClient) => {
      for (;;) {
        const status = (await client.get('/api/v1/tickets')).status;
        if (status === 401) return performance.now();
        expect(status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    expect(await refused(agent.client)).toBeLessThanOrEqual(deadline + 250);
    expect(await refused(key)).toBeLessThanOrEqual(deadline + 250);
  });
});

describe('sign-in rate limits (clock under the test’s control)', () => {
  const clock = createManualClock(new Date());
  let server: TestServer;
  let ws: Awaited<ReturnType<typeof createWorkspace>>;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    ws = await createWorkspace(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('locks an account after 10 failed passwords in 15 minutes: 429 with Retry-After even for the right password, other accounts unaffected, open again after the window', async () => {
    const victim = await createAgent(ws.admin);
    const bystander = await createAgent(ws.admin);
    for (let i = 1; i <= 10; i += 1) {
      const res = await login(server, victim.email, `wrong-password-${i}`);
      expect(res.status, `attempt ${i}`).toBe(401);
      expect(res.body).toEqual(WRONG);
    }
    clock.advance(5 * 60_000);
    for (const [email, password] of [[victim.email, PASSWORD], [victim.email.toUpperCase(), PASSWORD], [victim.email, 'wrong-again']]) {
      const locked = await login(server, email, password);
      expect(locked.status, email).toBe(429);
      expect(locked.body.error.code).toBe('rate_limited');
      expect(locked.headers.get('retry-after')).toBe('600');
      expect(locked.headers.getSetCookie()).toEqual([]);
    }
    expect((await login(server, bystander.email, PASSWORD)).status).toBe(200);
    // The agent's existing session is not affected by the lock.
    expect((await victim.client.get('/api/v1/auth/me')).status).toBe(200);
    clock.advance(10 * 60_000 + 1000);
    expect((await login(server, victim.email, PASSWORD)).status).toBe(200);
  });

  it('limits sign-in attempts per IP to 30 in 15 minutes, whatever the accounts: the 31st gets 429 with Retry-After', async () => {
    clock.advance(16 * 60_000);
    for (let i = 1; i <= 30; i += 1) {
      const res = await login(server, `stranger-${i}-${unique()}@example.com`, 'some-password');
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    clock.advance(60_000);
    const limited = await login(server, ws.adminEmail, PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe('840');
    clock.advance(14 * 60_000 + 1000);
    expect((await login(server, ws.adminEmail, PASSWORD)).status).toBe(200);
  });

  it('ends a session when it expires after SESSION_TTL_HOURS (14 days by default)', async () => {
    clock.advance(16 * 60_000);
    const client = new ApiClient(server.url);
    expect((await client.post('/api/v1/auth/login', { email: ws.adminEmail, password: PASSWORD })).status).toBe(200);
    clock.advance(14 * 24 * 3600_000 - 60_000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    clock.advance(2 * 60_000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
  let server: TestServer;
  let ws: Awaited<ReturnType<typeof createWorkspace>>;

  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: '1' } });
    ws = await createWorkspace(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('marks the session cookie Secure when the proxy says X-Forwarded-Proto https, and not when it says http', async () => {
    const https = await login(server, ws.adminEmail, PASSWORD, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.1' });
    expect(https.status).toBe(200);
    const secure = sessionCookie(https).attributes;
    expect(secure.has('secure')).toBe(true);
    expect(secure.has('httponly')).toBe(true);
    expect(secure.get('samesite')?.toLowerCase()).toBe('lax');
    const http = await login(server, ws.adminEmail, PASSWORD, { 'x-forwarded-proto': 'http', 'x-forwarded-for': '198.51.100.1' });
    expect(sessionCookie(http).attributes.has('secure')).toBe(false);
  });

  it('counts the per-IP limit by the client address the proxy reports: one IP limited, another not', async () => {
    const limitedIp = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 1; i <= 30; i += 1) {
      expect((await login(server, `stranger-${i}-${unique()}@example.com`, 'some-password', limitedIp)).status, `attempt ${i}`).toBe(401);
    }
    const limited = await login(server, ws.adminEmail, PASSWORD, limitedIp);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    expect((await login(server, ws.adminEmail, PASSWORD, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
  });
});

describe('sign-up of further workspaces (CAREDESK_SIGNUP=open)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates a workspace with its first admin, signed in, with the seeded categories', async () => {
    const client = server.anonymous();
    const res = await client.post('/api/v1/workspaces', { name: 'Warung Sejahtera', slug: 'warung', admin: { name: 'Wati', email: 'wati@warung.test', password: PASSWORD } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ workspace: { id: expect.any(Number), slug: 'warung', name: 'Warung Sejahtera' }, admin_id: expect.any(Number) });
    const me = await client.get('/api/v1/auth/me');
    expect(me.body).toMatchObject({ agent: { id: res.body.admin_id, role: 'admin', email: 'wati@warung.test' }, workspace: { slug: 'warung' } });
    expect((await client.get('/api/v1/categories')).body.items.map((c: { name: string }) => c.name)).toEqual(['Return', 'Cancel', 'Damage', 'Delivery', 'Quality', 'Billing', 'Other']);
  });

  it('refuses a taken slug with 409 and creates nothing', async () => {
    const first = await server.anonymous().post('/api/v1/workspaces', { name: 'Toko', slug: 'toko', admin: { name: 'Tono', email: 'tono@toko.test', password: PASSWORD } });
    expect(first.status).toBe(201);
    const second = await server.anonymous().post('/api/v1/workspaces', { name: 'Toko Two', slug: 'toko', admin: { name: 'Tini', email: 'tini@toko.test', password: PASSWORD } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(second.body.error.message).toContain('toko');
    expect(second.headers.getSetCookie()).toEqual([]);
    expect((await login(server, 'tini@toko.test', PASSWORD)).status).toBe(401);
  });

  it('refuses an invalid slug with 400 naming the field', async () => {
    const res = await server.anonymous().post('/api/v1/workspaces', { name: 'Bad', slug: 'Bad Slug!', admin: { name: 'B', email: 'b@bad.test', password: PASSWORD } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'body.slug' })]);
  });

  it('asks for the workspace when one email and password belong to agents of two workspaces, and signs in to the one named', async () => {
    const email = `shared-${unique()}@example.com`;
    for (const slug of ['north', 'south']) {
      expect((await server.anonymous().post('/api/v1/workspaces', { name: slug, slug, admin: { name: 'Shared', email, password: PASSWORD } })).status).toBe(201);
    }
    const ambiguous = await login(server, email, PASSWORD);
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.details).toEqual({ workspaces: expect.arrayContaining(['north', 'south']) });
    expect(ambiguous.headers.getSetCookie()).toEqual([]);
    const south = await server.anonymous().post('/api/v1/auth/login', { email, password: PASSWORD, workspace: 'south' });
    expect(south.status).toBe(200);
    expect(south.body.workspace.slug).toBe('south');
    const wrongWorkspace = await server.anonymous().post('/api/v1/auth/login', { email, password: PASSWORD, workspace: 'warung' });
    expect(wrongWorkspace.body).toEqual(WRONG);
  });

  it('limits sign-ups to 10 an hour per IP, failed ones included: the 11th gets 429 with Retry-After', async () => {
    // The earlier tests of this block made 5 sign-up attempts (the invalid slug never reached the handler).
    for (let i = 6; i <= 10; i += 1) {
      const res = await server.anonymous().post('/api/v1/workspaces', { name: `Shop ${i}`, slug: `shop-${i}`, admin: { name: 'S', email: `s${i}@shop.test`, password: PASSWORD } });
      expect(res.status, `attempt ${i}: ${JSON.stringify(res.body)}`).toBe(201);
    }
    const limited = await server.anonymous().post('/api/v1/workspaces', { name: 'Shop 11', slug: 'shop-11', admin: { name: 'S', email: 's11@shop.test', password: PASSWORD } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    expect((await login(server, 's11@shop.test', PASSWORD)).status).toBe(401);
  });
});

describe('first admin from CAREDESK_ADMIN_EMAIL and CAREDESK_ADMIN_PASSWORD', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_ADMIN_EMAIL: 'boss@shop.test', CAREDESK_ADMIN_PASSWORD: 'bootstrap-password' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates the workspace `default` with that admin at start; setup is then done and refused', async () => {
    expect((await server.anonymous().get('/api/v1/setup')).body).toEqual({ needed: false });
    const client = server.anonymous();
    const res = await client.post('/api/v1/auth/login', { email: 'boss@shop.test', password: 'bootstrap-password' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.workspace).toMatchObject({ slug: 'default', name: 'Default' });
    expect(res.body.agent).toMatchObject({ email: 'boss@shop.test', role: 'admin', name: 'Administrator' });
    expect((await client.get('/api/v1/settings')).body.slug).toBe('default');
    const setup = await server.anonymous().post('/api/v1/setup', { admin: { name: 'Late', email: 'late@shop.test', password: PASSWORD } });
    expect(setup.status).toBe(409);
  });
});
