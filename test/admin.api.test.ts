import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from './helpers/client.ts';
import { PASSWORD, createAgent, createApiKey, createTicket, createWorkspace } from './helpers/factories.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

function expectError(res: ApiResponse, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
}

/** A 400 whose details name the field. */
function expectInvalidField(res: ApiResponse, field: string) {
  expectError(res, 400, 'validation_error');
  expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
}

describe('workspace administration', () => {
  let server: TestServer;
  let admin: ApiClient;
  let adminId: number;
  let orgId: number;
  let agent: Awaited<ReturnType<typeof createAgent>>;
  let key: ApiClient;

  const list = async (path: string) => {
    const res = await admin.get(path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items;
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
    const ws = await createWorkspace(server.url);
    admin = ws.admin;
    orgId = ws.orgId;
    adminId = (await admin.get('/api/v1/auth/me')).body.agent.id;
    agent = await createAgent(admin, { name: 'Nina Agent' });
    key = await createApiKey(admin);
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('admin-only routes', () => {
    const adminRoutes = (): Array<[string, string, unknown?]> => [
      ['POST', '/api/v1/agents', { name: 'Sneaky', email: 'sneaky@example.com', password: PASSWORD }],
      ['POST', '/api/v1/agents/invitations', { name: 'Sneaky', email: 'sneaky.invite@example.com', role: 'admin' }],
      ['POST', `/api/v1/agents/${adminId}/password-reset`],
      ['POST', `/api/v1/agents/${agent.id}/invitation`],
      ['PATCH', `/api/v1/agents/${adminId}`, { role: 'agent' }],
      ['PATCH', `/api/v1/agents/${agent.id}`, { role: 'admin' }],
      ['PATCH', `/api/v1/agents/${agent.id}`, { department_ids: [] }],
      ['POST', '/api/v1/departments', { name: 'Sneaky desk' }],
      ['POST', '/api/v1/categories', { name: 'Sneaky' }],
      ['PATCH', '/api/v1/categories/1', { retired: true }],
      ['PUT', '/api/v1/categories/order', { ids: [] }],
      ['GET', '/api/v1/api-keys'],
      ['POST', '/api/v1/api-keys', { name: 'Sneaky key' }],
      ['PATCH', '/api/v1/api-keys/1', { name: 'Sneaky key', scopes: ['read', 'write', 'channels'] }],
      ['DELETE', '/api/v1/api-keys/1'],
      ['GET', '/api/v1/settings'],
      ['PATCH', '/api/v1/settings', { name: 'Sneaky shop' }],
    ];

    async function snapshot() {
      return {
        agents: await list('/api/v1/agents'),
        departments: await list('/api/v1/departments'),
        categories: await list('/api/v1/categories'),
        apiKeys: (await list('/api/v1/api-keys')).map(({ last_used_at: _, ...k }: Record<string, unknown>) => k),
        settings: (await admin.get('/api/v1/settings')).body,
      };
    }

    it('answers 403 to an agent without the admin role on every admin route, and writes nothing', async () => {
      const before = await snapshot();
      for (const [method, path, body] of adminRoutes()) {
        const res = await agent.client.request(method, path, body ?? (method === 'POST' ? {} : undefined));
        expectError(res, 403, 'forbidden');
        expect(res.body.error.message, `${method} ${path}`).toContain('admin');
      }
      const department = (await admin.post('/api/v1/departments', { name: 'Agent-proof desk' })).body;
      expectError(await agent.client.patch(`/api/v1/departments/${department.id}`, { name: 'Renamed by agent', member_ids: [agent.id] }), 403, 'forbidden');
      const after = await snapshot();
      expect(after.departments.filter((d: { id: number }) => d.id !== department.id)).toEqual(before.departments);
      expect(after.departments.find((d: { id: number }) => d.id === department.id)).toMatchObject({ name: 'Agent-proof desk', member_ids: [] });
      expect({ ...after, departments: before.departments }).toEqual(before);
    });

    it('answers 403 to an API key on every admin route, and writes nothing', async () => {
      const before = await snapshot();
      for (const [method, path, body] of adminRoutes()) {
        const res = await key.request(method, path, body ?? (method === 'POST' ? {} : undefined));
        expectError(res, 403, 'forbidden');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('lets agents and API keys read agents, departments and categories (needed to fill ticket forms)', async () => {
      for (const client of [agent.client, key]) {
        for (const path of ['/api/v1/agents', '/api/v1/departments', '/api/v1/categories', `/api/v1/agents/${adminId}`]) {
          expect((await client.get(path)).status, path).toBe(200);
        }
      }
    });
  });

  describe('agents', () => {
    it('adds an agent with the default role, no departments and no sign-in yet; lists and shows it', async () => {
      const res = await admin.post('/api/v1/agents', { name: '  Budi Agent  ', email: 'budi.agent@example.com', password: PASSWORD });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        name: 'Budi Agent',
        email: 'budi.agent@example.com',
        role: 'agent',
        is_active: true,
        status: 'active',
        invitation_expires_at: null,
        open_tickets: 0,
        department_ids: [],
        accepting_tickets: true,
        last_sign_in_at: null,
        created_at: expect.any(String),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password|argon/i);
      expect((await admin.get(`/api/v1/agents/${res.body.id}`)).body).toEqual(res.body);
      expect((await list('/api/v1/agents')).map((a: { id: number }) => a.id)).toContain(res.body.id);
      const login = await server.anonymous().post('/api/v1/auth/login', { email: 'budi.agent@example.com', password: PASSWORD });
      expect(login.status).toBe(200);
      expect((await admin.get(`/api/v1/agents/${res.body.id}`)).body.last_sign_in_at).not.toBeNull();
    });

    it('refuses a second agent with the same email, in any letter case, with 409 and writes nothing', async () => {
      const before = await list('/api/v1/agents');
      const res = await admin.post('/api/v1/agents', { name: 'Budi Again', email: 'BUDI.Agent@example.com', password: PASSWORD });
      expectError(res, 409, 'conflict');
      expect(res.body.error.message).toContain('BUDI.Agent@example.com');
      expect(await list('/api/v1/agents')).toEqual(before);
    });

    it('refuses an invalid agent with 400 naming each bad field, and an unknown department with 404; both write nothing', async () => {
      const before = await list('/api/v1/agents');
      const invalid = await admin.post('/api/v1/agents', { name: '', email: 'not-an-email', password: 'short', role: 'owner', nickname: 'x' });
      expectError(invalid, 400, 'validation_error');
      expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.email', 'body.name', 'body.nickname', 'body.password', 'body.role']);
      // Each issue names the rule it broke and its bounds, so the app words it in the agent's language.
      const byField = Object.fromEntries(invalid.body.error.details.map((d: { field: string }) => [d.field, d]));
      expect(byField['body.name']).toMatchObject({ rule: 'too_small', origin: 'string', minimum: 1 });
      expect(byField['body.email']).toMatchObject({ rule: 'invalid_format', format: 'email' });
      expect(byField['body.password']).toMatchObject({ rule: 'too_small', origin: 'string', minimum: 10 });
      expect(byField['body.role']).toMatchObject({ rule: 'invalid_value' });
      expect(byField['body.nickname']).toMatchObject({ rule: 'unknown_field', message: 'unknown field' });
      const unknownDepartment = await admin.post('/api/v1/agents', { name: 'Dina', email: 'dina@example.com', password: PASSWORD, department_ids: [987654] });
      expectError(unknownDepartment, 404, 'not_found');
      expect(unknownDepartment.body.error.details).toEqual({ department_ids: [987654] });
      expect(await list('/api/v1/agents')).toEqual(before);
      expect((await server.anonymous().post('/api/v1/auth/login', { email: 'dina@example.com', password: PASSWORD })).status).toBe(401);
    });

    it('answers 404 for an unknown agent id and 400 for an id that is not a positive number', async () => {
      expectError(await admin.get('/api/v1/agents/987654'), 404, 'not_found');
      expectError(await admin.patch('/api/v1/agents/987654', { name: 'Ghost' }), 404, 'not_found');
      expectInvalidField(await admin.get('/api/v1/agents/abc'), 'params.id');
      expectInvalidField(await admin.get('/api/v1/agents/0'), 'params.id');
    });

    it('makes an agent admin and back; the role takes effect on the running session', async () => {
      const promoted = await admin.patch(`/api/v1/agents/${agent.id}`, { role: 'admin' });
      expect(promoted.status).toBe(200);
      expect(promoted.body.role).toBe('admin');
      expect((await agent.client.get('/api/v1/auth/me')).body.agent.role).toBe('admin');
      expect((await agent.client.get('/api/v1/settings')).status).toBe(200);
      const demoted = await admin.patch(`/api/v1/agents/${agent.id}`, { role: 'agent' });
      expect(demoted.body.role).toBe('agent');
      expectError(await agent.client.get('/api/v1/settings'), 403, 'forbidden');
    });

    it('renames an agent and refuses an unknown field with 400 naming it, changing nothing', async () => {
      const renamed = await admin.patch(`/api/v1/agents/${agent.id}`, { name: 'Nina Putri' });
      expect(renamed.body.name).toBe('Nina Putri');
      const before = (await admin.get(`/api/v1/agents/${agent.id}`)).body;
      expectInvalidField(await admin.patch(`/api/v1/agents/${agent.id}`, { name: 'Changed', email: 'new@example.com' }), 'body.email');
      expect((await admin.get(`/api/v1/agents/${agent.id}`)).body).toEqual(before);
    });

    it('refuses to demote or deactivate the last active admin with 409, and writes nothing', async () => {
      for (const change of [{ role: 'agent' }, { is_active: false }, { role: 'agent', is_active: false }, { name: 'Renamed', is_active: false }]) {
        const res = await admin.patch(`/api/v1/agents/${adminId}`, change);
        expectError(res, 409, 'conflict');
        expect(res.body.error.message).toContain('last active admin');
      }
      expect((await admin.get(`/api/v1/agents/${adminId}`)).body).toMatchObject({ role: 'admin', is_active: true, name: 'Ada Admin' });
      expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
    });

    it('counts only active admins: a deactivated second admin does not let the last active one step down', async () => {
      const second = await createAgent(admin, { role: 'admin' });
      expect((await admin.patch(`/api/v1/agents/${second.id}`, { is_active: false })).status).toBe(200);
      expectError(await admin.patch(`/api/v1/agents/${adminId}`, { role: 'agent' }), 409, 'conflict');
      // Reactivated, the second admin lets the first one be demoted — and then is the last one.
      expect((await admin.patch(`/api/v1/agents/${second.id}`, { is_active: true })).status).toBe(200);
      const secondClient = new ApiClient(server.url);
      expect((await secondClient.post('/api/v1/auth/login', { email: second.email, password: PASSWORD })).status).toBe(200);
      expect((await secondClient.patch(`/api/v1/agents/${adminId}`, { role: 'agent' })).body.role).toBe('agent');
      expectError(await secondClient.patch(`/api/v1/agents/${second.id}`, { role: 'agent' }), 409, 'conflict');
      expect((await secondClient.patch(`/api/v1/agents/${adminId}`, { role: 'admin' })).body.role).toBe('admin');
    });

    it('never leaves the workspace without an active admin when its two admins demote each other at the same moment', async () => {
      // A workspace of its own, so that a failure here cannot take the admin away from the other tests.
      const ws = await createWorkspace(server.url, undefined, 'signup');
      const firstId = (await ws.admin.get('/api/v1/auth/me')).body.agent.id;
      const second = await createAgent(ws.admin, { role: 'admin' });
      for (let round = 0; round < 10; round += 1) {
        const [a, b] = await Promise.all([
          ws.admin.patch(`/api/v1/agents/${second.id}`, { role: 'agent' }),
          second.client.patch(`/api/v1/agents/${firstId}`, { role: 'agent' }),
        ]);
        const agents = (await ws.admin.get('/api/v1/agents')).body.items;
        const admins = agents.filter((x: { role: string; is_active: boolean }) => x.role === 'admin' && x.is_active);
        expect(admins.length, `round ${round}: both demotions answered ${a.status} / ${b.status}`).toBe(1);
        // One demotion wins; the other is refused: 409 (last admin) or 403 (its sender was demoted first).
        expect([a.status, b.status].filter((st) => st === 200), `round ${round}: ${a.status} / ${b.status}`).toHaveLength(1);
        expect([403, 409]).toContain(a.status === 200 ? b.status : a.status);
        // Restore two admins for the next round, from the side that is still admin.
        const [survivor, demoted] = a.status === 200 ? [ws.admin, second.id] : [second.client, firstId];
        expect((await survivor.patch(`/api/v1/agents/${demoted}`, { role: 'admin' })).status).toBe(200);
      }
    });

    it('sets an agent\'s departments (PATCH department_ids), replacing the earlier ones; an unknown department is 404 and changes nothing', async () => {
      const desk = (await admin.post('/api/v1/departments', { name: 'Showroom' })).body;
      const other = (await admin.post('/api/v1/departments', { name: 'Warehouse' })).body;
      const mover = await createAgent(admin, { department_ids: [other.id] });
      const moved = await admin.patch(`/api/v1/agents/${mover.id}`, { department_ids: [desk.id, desk.id] });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.department_ids).toEqual([desk.id]);
      expect((await mover.client.get('/api/v1/auth/me')).body.department_ids).toEqual([desk.id]);
      expect((await admin.get(`/api/v1/departments/${desk.id}`)).body.member_ids).toEqual([mover.id]);
      expect((await admin.get(`/api/v1/departments/${other.id}`)).body.member_ids).toEqual([]);
      const before = (await admin.get(`/api/v1/agents/${mover.id}`)).body;
      const refused = await admin.patch(`/api/v1/agents/${mover.id}`, { name: 'Renamed mover', department_ids: [other.id, 987654] });
      expectError(refused, 404, 'not_found');
      expect((await admin.get(`/api/v1/agents/${mover.id}`)).body).toEqual(before);
      expect((await admin.patch(`/api/v1/agents/${mover.id}`, { department_ids: [] })).body.department_ids).toEqual([]);
    });

    it("ends a deactivated agent's sessions and refuses them as assignee of a ticket (400), writing nothing", async () => {
      const leaving = await createAgent(admin);
      // Their open tickets are counted, so whoever deactivates them sees what to reassign.
      await createTicket(admin, { assignee: leaving.id });
      expect((await admin.get(`/api/v1/agents/${leaving.id}`)).body).toMatchObject({ status: 'active', open_tickets: 1 });
      const off = await admin.patch(`/api/v1/agents/${leaving.id}`, { is_active: false });
      expect(off.body).toMatchObject({ is_active: false, status: 'deactivated', invitation_expires_at: null, open_tickets: 1 });
      expect((await leaving.client.get('/api/v1/auth/me')).status).toBe(401);
      const before = (await admin.get('/api/v1/tickets/stats')).body;
      expectInvalidField(await admin.post('/api/v1/tickets', { subject: 'For a leaver', assignee: leaving.id }), 'body.assignee');
      expect((await admin.get('/api/v1/tickets/stats')).body).toEqual(before);
      // Still listed, flagged inactive, so old tickets keep their names.
      expect((await list('/api/v1/agents')).find((a: { id: number }) => a.id === leaving.id)).toMatchObject({ is_active: false, status: 'deactivated' });
    });
  });

  describe('departments', () => {
    it('adds a department with members; the members see it in /auth/me department_ids and in their agent record', async () => {
      const res = await admin.post('/api/v1/departments', { name: 'Complaints', email: 'complaints@shop.test', member_ids: [agent.id, adminId, agent.id] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toEqual({ id: expect.any(Number), name: 'Complaints', email: 'complaints@shop.test', member_ids: [adminId, agent.id].sort((a, b) => a - b), assignment_mode: 'manual', created_at: expect.any(String) });
      expect((await agent.client.get('/api/v1/auth/me')).body.department_ids).toContain(res.body.id);
      expect((await admin.get('/api/v1/auth/me')).body.department_ids).toContain(res.body.id);
      expect((await admin.get(`/api/v1/agents/${agent.id}`)).body.department_ids).toContain(res.body.id);
      expect((await admin.get(`/api/v1/departments/${res.body.id}`)).body).toEqual(res.body);
    });

    it('refuses an unknown member id with 404 naming it, and writes nothing', async () => {
      const before = await list('/api/v1/departments');
      const res = await admin.post('/api/v1/departments', { name: 'Ghost desk', member_ids: [agent.id, 987654] });
      expectError(res, 404, 'not_found');
      expect(res.body.error.details).toEqual({ member_ids: [987654] });
      expect(await list('/api/v1/departments')).toEqual(before);
    });

    it('replaces the members on change; /auth/me follows; an unknown member refuses the whole change (404) and keeps name and members', async () => {
      const department = (await admin.post('/api/v1/departments', { name: 'Logistics', member_ids: [agent.id] })).body;
      const changed = await admin.patch(`/api/v1/departments/${department.id}`, { member_ids: [adminId] });
      expect(changed.status).toBe(200);
      expect(changed.body.member_ids).toEqual([adminId]);
      expect((await agent.client.get('/api/v1/auth/me')).body.department_ids).not.toContain(department.id);
      expect((await admin.get('/api/v1/auth/me')).body.department_ids).toContain(department.id);
      const refused = await admin.patch(`/api/v1/departments/${department.id}`, { name: 'Renamed', member_ids: [agent.id, 987654] });
      expectError(refused, 404, 'not_found');
      expect((await admin.get(`/api/v1/departments/${department.id}`)).body).toEqual(changed.body);
      const renamed = await admin.patch(`/api/v1/departments/${department.id}`, { name: 'Logistics & Delivery', email: null });
      expect(renamed.body).toMatchObject({ name: 'Logistics & Delivery', email: null, member_ids: [adminId] });
    });

    it('refuses a second department with the same name, in any letter case, with 409, on create and on rename', async () => {
      await admin.post('/api/v1/departments', { name: 'Billing Desk' });
      const before = await list('/api/v1/departments');
      expectError(await admin.post('/api/v1/departments', { name: 'billing desk' }), 409, 'conflict');
      const other = before.find((d: { name: string }) => d.name === 'Complaints');
      expectError(await admin.patch(`/api/v1/departments/${other.id}`, { name: 'BILLING DESK' }), 409, 'conflict');
      expect(await list('/api/v1/departments')).toEqual(before);
    });

    it('answers 404 for an unknown department on read and change, and 400 for a bad email', async () => {
      expectError(await admin.get('/api/v1/departments/987654'), 404, 'not_found');
      expectError(await admin.patch('/api/v1/departments/987654', { name: 'Ghost' }), 404, 'not_found');
      const before = await list('/api/v1/departments');
      expectInvalidField(await admin.post('/api/v1/departments', { name: 'Mailless', email: 'not-an-email' }), 'body.email');
      expect(await list('/api/v1/departments')).toEqual(before);
    });
  });

  describe('categories', () => {
    it('seeds Return, Cancel, Damage, Delivery, Quality, Billing and Other, in that order', async () => {
      const items = await list('/api/v1/categories');
      expect(items.map((c: { name: string }) => c.name)).toEqual(['Return', 'Cancel', 'Damage', 'Delivery', 'Quality', 'Billing', 'Other']);
      expect(items.map((c: { position: number }) => c.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(items.every((c: { retired: boolean }) => c.retired === false)).toBe(true);
    });

    it('adds a category at the end, refuses a duplicate name in any letter case with 409, and writes nothing then', async () => {
      const res = await admin.post('/api/v1/categories', { name: 'Warranty' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(Number), name: 'Warranty', position: 7, retired: false });
      const before = await list('/api/v1/categories');
      expect(before.at(-1)).toEqual(res.body);
      expectError(await admin.post('/api/v1/categories', { name: 'WARRANTY' }), 409, 'conflict');
      expectError(await admin.post('/api/v1/categories', { name: 'damage' }), 409, 'conflict');
      expectInvalidField(await admin.post('/api/v1/categories', { name: '   ' }), 'body.name');
      expect(await list('/api/v1/categories')).toEqual(before);
    });

    it('renames a category; its tickets show the new name; renaming onto another name is 409', async () => {
      const category = (await admin.post('/api/v1/categories', { name: 'Refnd' })).body;
      const ticket = await createTicket(admin, { category: category.id });
      const renamed = await admin.patch(`/api/v1/categories/${category.id}`, { name: 'Refund' });
      expect(renamed.body).toMatchObject({ id: category.id, name: 'Refund' });
      expect((await admin.get(`/api/v1/tickets/${ticket.number}`)).body.category).toEqual({ id: category.id, name: 'Refund' });
      expectError(await admin.patch(`/api/v1/categories/${category.id}`, { name: 'Other' }), 409, 'conflict');
      expect((await list('/api/v1/categories')).find((c: { id: number }) => c.id === category.id).name).toBe('Refund');
    });

    it('retires a category: still listed and kept on old tickets, refused (400) for new tickets and ticket changes, usable again once restored', async () => {
      const category = (await admin.post('/api/v1/categories', { name: 'Recall' })).body;
      const old = await createTicket(admin, { category: 'Recall' });
      const retired = await admin.patch(`/api/v1/categories/${category.id}`, { retired: true });
      expect(retired.body).toMatchObject({ id: category.id, retired: true });
      expect((await list('/api/v1/categories')).find((c: { id: number }) => c.id === category.id)).toMatchObject({ retired: true });
      expect((await admin.get(`/api/v1/tickets/${old.number}`)).body.category).toEqual({ id: category.id, name: 'Recall' });

      const before = (await admin.get('/api/v1/tickets/stats')).body;
      for (const value of [category.id, 'Recall', 'recall']) {
        const res = await admin.post('/api/v1/tickets', { subject: 'A recalled kettle', category: value });
        expectInvalidField(res, 'body.category');
        expect(res.body.error.message).toContain('retired');
      }
      expect((await admin.get('/api/v1/tickets/stats')).body).toEqual(before);
      const other = await createTicket(admin, { category: 'Other' });
      expectInvalidField(await admin.patch(`/api/v1/tickets/${other.number}`, { category: category.id }), 'body.category');
      expect((await admin.get(`/api/v1/tickets/${other.number}`)).body).toMatchObject({ version: other.version, category: { name: 'Other' } });
      // A change of another field leaves the retired category on the old ticket.
      expect((await admin.patch(`/api/v1/tickets/${old.number}`, { priority: 'high' })).body.category).toEqual({ id: category.id, name: 'Recall' });

      expect((await admin.patch(`/api/v1/categories/${category.id}`, { retired: false })).body.retired).toBe(false);
      expect((await admin.post('/api/v1/tickets', { subject: 'Recall again', category: 'Recall' })).status).toBe(201);
    });

    it('moves a category by position, and answers 404 for an unknown category', async () => {
      const category = (await admin.post('/api/v1/categories', { name: 'Gift card' })).body;
      const moved = await admin.patch(`/api/v1/categories/${category.id}`, { position: 0 });
      expect(moved.body.position).toBe(0);
      const names = (await list('/api/v1/categories')).map((c: { name: string }) => c.name);
      expect(names.indexOf('Gift card')).toBeLessThan(names.indexOf('Cancel'));
      expectError(await admin.patch('/api/v1/categories/987654', { name: 'Ghost' }), 404, 'not_found');
      expectInvalidField(await admin.patch(`/api/v1/categories/${category.id}`, { colour: 'red' }), 'body.colour');
    });
  });

  describe('API keys', () => {
    it('shows a new key once: the create answer carries it, the list never does', async () => {
      const res = await admin.post('/api/v1/api-keys', { name: 'Marketplace sync' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        name: 'Marketplace sync',
        prefix: expect.any(String),
        scopes: ['read', 'write', 'channels'],
        created_at: expect.any(String),
        last_used_at: null,
        revoked_at: null,
        key: expect.stringMatching(new RegExp(`^cdk_${orgId}_${res.body.id}_[A-Za-z0-9_-]{43}$`)),
      });
      expect(res.body.key.startsWith(res.body.prefix)).toBe(true);
      const secret = res.body.key.split('_').slice(3).join('_');
      expect(res.body.prefix).not.toContain(secret.slice(8));
      const listed = await admin.get('/api/v1/api-keys');
      const entry = listed.body.items.find((k: { id: number }) => k.id === res.body.id);
      expect(entry).toEqual({ id: res.body.id, name: 'Marketplace sync', prefix: res.body.prefix, scopes: ['read', 'write', 'channels'], created_at: res.body.created_at, last_used_at: null, revoked_at: null });
      expect(JSON.stringify(listed.body)).not.toContain(secret);
      expect(JSON.stringify(listed.body)).not.toContain(res.body.key);
    });

    it('records when a key was last used', async () => {
      const created = (await admin.post('/api/v1/api-keys', { name: 'Loyalty POS' })).body;
      expect((await new ApiClient(server.url, { bearer: created.key }).get('/api/v1/tickets')).status).toBe(200);
      const entry = (await list('/api/v1/api-keys')).find((k: { id: number }) => k.id === created.id);
      expect(entry.last_used_at).not.toBeNull();
    });

    it('revokes a key: the key stops working (401), the list flags it, a second revoke is 404', async () => {
      const created = (await admin.post('/api/v1/api-keys', { name: 'Old review feed' })).body;
      const client = new ApiClient(server.url, { bearer: created.key });
      expect((await client.get('/api/v1/tickets')).status).toBe(200);
      const revoked = await admin.delete(`/api/v1/api-keys/${created.id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ id: created.id, revoked_at: expect.any(String) });
      expect(revoked.body.key).toBeUndefined();
      expectError(await client.get('/api/v1/tickets'), 401, 'unauthorized');
      expect((await list('/api/v1/api-keys')).find((k: { id: number }) => k.id === created.id).revoked_at).toBe(revoked.body.revoked_at);
      expectError(await admin.delete(`/api/v1/api-keys/${created.id}`), 404, 'not_found');
      expectError(await admin.delete('/api/v1/api-keys/987654'), 404, 'not_found');
    });

    it('refuses a key without a name, with unknown fields, an unknown scope or no scope (400), writing nothing', async () => {
      const before = await list('/api/v1/api-keys');
      expectInvalidField(await admin.post('/api/v1/api-keys', {}), 'body.name');
      expectInvalidField(await admin.post('/api/v1/api-keys', { name: 'Expiring', expires_at: '2030-01-01T00:00:00Z' }), 'body.expires_at');
      expectInvalidField(await admin.post('/api/v1/api-keys', { name: 'Scoped', scopes: ['tickets'] }), 'body.scopes.0');
      expectInvalidField(await admin.post('/api/v1/api-keys', { name: 'Scopeless', scopes: [] }), 'body.scopes');
      expect((await list('/api/v1/api-keys')).map((k: { id: number }) => k.id)).toEqual(before.map((k: { id: number }) => k.id));
    });

    it("enforces a key's scopes: read is GET, write every other change, channels the review and order intake; a key without the scope gets 403 naming it, and nothing is written", async () => {
      const reader = await admin.post('/api/v1/api-keys', { name: 'Read only', scopes: ['read'] });
      expect(reader.status, JSON.stringify(reader.body)).toBe(201);
      expect(reader.body.scopes).toEqual(['read']);
      const readOnly = new ApiClient(server.url, { bearer: reader.body.key });
      expect((await readOnly.get('/api/v1/tickets')).status).toBe(200);
      const stats = (await admin.get('/api/v1/tickets/stats')).body;
      const write = await readOnly.post('/api/v1/tickets', { subject: 'Written with a read-only key' });
      expectError(write, 403, 'forbidden');
      expect(write.body.error.message).toContain('"write" scope');
      const intake = await readOnly.post('/api/v1/channels/reviews', { platform: 'google', external_id: 'scope-review-1', rating: 1, text: 'Cold' });
      expectError(intake, 403, 'forbidden');
      expect(intake.body.error.message).toContain('"channels" scope');
      expect((await admin.get('/api/v1/tickets/stats')).body).toEqual(stats);

      // Intake only: reviews come in, but the key reads nothing and changes nothing else.
      const feed = new ApiClient(server.url, { bearer: (await admin.post('/api/v1/api-keys', { name: 'Review feed', scopes: ['channels'] })).body.key });
      const review = await feed.post('/api/v1/channels/reviews', { platform: 'google', external_id: 'scope-review-2', rating: 1, text: 'Cold soup' });
      expect(review.status, JSON.stringify(review.body)).toBe(201);
      const read = await feed.get(`/api/v1/tickets/${review.body.ticket.number}`);
      expectError(read, 403, 'forbidden');
      expect(read.body.error.message).toContain('"read" scope');
      expectError(await feed.patch(`/api/v1/tickets/${review.body.ticket.number}`, { priority: 'urgent' }), 403, 'forbidden');
      expect((await admin.get(`/api/v1/tickets/${review.body.ticket.number}`)).body.priority).not.toBe('urgent');
    });

    it("changes a key's name and scopes (PATCH); the very next request of the key follows the new scopes", async () => {
      const created = (await admin.post('/api/v1/api-keys', { name: 'Shop sync' })).body;
      const client = new ApiClient(server.url, { bearer: created.key });
      expect((await client.post('/api/v1/customers', { name: 'Scoped Customer Ltd' })).status).toBe(201);
      const narrowed = await admin.patch(`/api/v1/api-keys/${created.id}`, { scopes: ['read'] });
      expect(narrowed.status, JSON.stringify(narrowed.body)).toBe(200);
      expect(narrowed.body).toEqual({ id: created.id, name: 'Shop sync', prefix: created.prefix, scopes: ['read'], created_at: created.created_at, last_used_at: expect.any(String), revoked_at: null });
      expect(narrowed.body.key).toBeUndefined();
      expectError(await client.post('/api/v1/customers', { name: 'Refused Customer Ltd' }), 403, 'forbidden');
      expect((await client.get('/api/v1/customers?search=refused*')).body.items).toEqual([]);
      // Scopes come back in their fixed order, whatever order they were sent in.
      const widened = await admin.patch(`/api/v1/api-keys/${created.id}`, { name: 'Shop sync v2', scopes: ['channels', 'write', 'read'] });
      expect(widened.body).toMatchObject({ name: 'Shop sync v2', scopes: ['read', 'write', 'channels'] });
      expect((await client.post('/api/v1/customers', { name: 'Allowed Again Ltd' })).status).toBe(201);
      const renamed = await admin.patch(`/api/v1/api-keys/${created.id}`, { name: 'Shop sync v3' });
      expect(renamed.body).toMatchObject({ name: 'Shop sync v3', scopes: ['read', 'write', 'channels'] });
      expect((await list('/api/v1/api-keys')).find((k: { id: number }) => k.id === created.id)).toMatchObject({ name: 'Shop sync v3', scopes: ['read', 'write', 'channels'] });
    });

    it("refuses an empty change, no scope or an unknown one (400), and a revoked, unknown or other workspace's key (404); writes nothing", async () => {
      const created = (await admin.post('/api/v1/api-keys', { name: 'Fragile' })).body;
      const revoked = (await admin.post('/api/v1/api-keys', { name: 'Gone' })).body;
      expect((await admin.delete(`/api/v1/api-keys/${revoked.id}`)).status).toBe(200);
      const before = await list('/api/v1/api-keys');
      expectError(await admin.patch(`/api/v1/api-keys/${created.id}`, {}), 400, 'validation_error');
      expectInvalidField(await admin.patch(`/api/v1/api-keys/${created.id}`, { scopes: [] }), 'body.scopes');
      expectInvalidField(await admin.patch(`/api/v1/api-keys/${created.id}`, { scopes: ['admin'] }), 'body.scopes.0');
      expectInvalidField(await admin.patch(`/api/v1/api-keys/${created.id}`, { name: '' }), 'body.name');
      expectInvalidField(await admin.patch(`/api/v1/api-keys/${created.id}`, { prefix: 'cdk_1_1' }), 'body.prefix');
      expectError(await admin.patch(`/api/v1/api-keys/${revoked.id}`, { name: 'Back from the dead', scopes: ['read'] }), 404, 'not_found');
      expectError(await admin.patch('/api/v1/api-keys/987654', { name: 'Ghost' }), 404, 'not_found');
      expectInvalidField(await admin.patch('/api/v1/api-keys/abc', { name: 'Ghost' }), 'params.id');
      const elsewhere = await createWorkspace(server.url, undefined, 'signup');
      expectError(await elsewhere.admin.patch(`/api/v1/api-keys/${created.id}`, { name: 'Taken over', scopes: ['read'] }), 404, 'not_found');
      expect(await list('/api/v1/api-keys')).toEqual(before);
      expectError(await new ApiClient(server.url, { bearer: revoked.key }).get('/api/v1/tickets'), 401, 'unauthorized');
    });
  });

  describe('settings', () => {
    it('reads the defaults: UTC, English, auto-close after 7 days, numbers as {YYYY} plus 4 digits', async () => {
      const res = await admin.get('/api/v1/settings');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        time_zone: 'UTC',
        default_language: 'en',
        public_url: null,
        auto_close_after_seconds: 7 * 24 * 3600,
        ticket_number_prefix: '{YYYY}',
        ticket_number_padding: 4,
        sender_name: null,
        sender_email: null,
      });
    });

    it('changes settings and reads them back; auto-close 0 turns it off', async () => {
      const changes = {
        name: 'Toko Makmur',
        time_zone: 'Asia/Jakarta',
        default_language: 'id',
        public_url: 'https://care.toko.test',
        auto_close_after_seconds: 0,
        sender_name: 'Toko Makmur Care',
        sender_email: 'care@toko.test',
      };
      const res = await admin.patch('/api/v1/settings', changes);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject(changes);
      expect((await admin.get('/api/v1/settings')).body).toEqual(res.body);
      expect((await admin.get('/api/v1/auth/me')).body.workspace.name).toBe('Toko Makmur');
    });

    it('numbers new tickets with a changed prefix and padding', async () => {
      expect((await admin.patch('/api/v1/settings', { ticket_number_prefix: 'TM-{YYYY}-', ticket_number_padding: 6 })).status).toBe(200);
      const ticket = await createTicket(admin);
      expect(ticket.number).toMatch(/^TM-\d{4}-\d{6}$/);
      expect((await admin.get(`/api/v1/tickets/${ticket.number}`)).status).toBe(200);
      expect((await admin.patch('/api/v1/settings', { ticket_number_prefix: '{YYYY}', ticket_number_padding: 4 })).status).toBe(200);
    });

    it('refuses bad values with 400 naming the field, and changes nothing', async () => {
      const before = (await admin.get('/api/v1/settings')).body;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ time_zone: 'Mars/Olympus_Mons' }, 'body.time_zone'],
        [{ time_zone: 'Asia/Jakarta', color: 'blue' }, 'body.color'],
        [{ slug: 'new-slug' }, 'body.slug'],
        [{ default_language: 'fr' }, 'body.default_language'],
        [{ public_url: 'ftp://care.toko.test' }, 'body.public_url'],
        [{ auto_close_after_seconds: -1 }, 'body.auto_close_after_seconds'],
        [{ auto_close_after_seconds: 1.5 }, 'body.auto_close_after_seconds'],
        [{ ticket_number_prefix: 'T M' }, 'body.ticket_number_prefix'],
        [{ ticket_number_padding: 0 }, 'body.ticket_number_padding'],
        [{ sender_email: 'nobody' }, 'body.sender_email'],
        [{ name: '   ' }, 'body.name'],
      ];
      for (const [body, field] of cases) expectInvalidField(await admin.patch('/api/v1/settings', body), field);
      expect((await admin.get('/api/v1/settings')).body).toEqual(before);
    });

    it('refuses a UTC offset such as +07:00 as time zone (400): Node reads it as UTC+7 but PostgreSQL as POSIX UTC-7, so day filters would shift by 14 hours', async () => {
      const before = (await admin.get('/api/v1/settings')).body;
      for (const tz of ['+07:00', '-03:00']) expectInvalidField(await admin.patch('/api/v1/settings', { time_zone: tz }), 'body.time_zone');
      expect((await admin.get('/api/v1/settings')).body).toEqual(before);
    });
  });
});
