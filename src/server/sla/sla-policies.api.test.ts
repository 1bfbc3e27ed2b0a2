import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../../contract/sla.ts';
import type { ApiClient, ApiResponse } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let admin: ApiClient;
let agent: ApiClient;
let key: ApiClient;
let other: ApiClient;
let returns: number;
let damage: number;
let theirDepartment: number;
let theirCalendar: number;

const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
function expectStatus<T = any>(res: ApiResponse<T>, status: number): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const fieldsOf = (res: ApiResponse) => (res.body.error.details as Array<{ field: string }>).map((d) => d.field);
const ids = async (client = admin) => expectStatus(await client.get('/api/v1/sla-policies'), 200).items.map((p: SlaPolicy) => p.id);

beforeAll(async () => {
  server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
  ({ admin } = await createWorkspace(server.url));
  agent = (await createAgent(admin)).client;
  key = await createApiKey(admin);
  ({ admin: other } = await createWorkspace(server.url, undefined, 'signup'));
  returns = expectStatus(await admin.post('/api/v1/departments', { name: 'Returns' }), 201).id;
  damage = expectStatus(await admin.get('/api/v1/categories'), 200).items.find((c: { name: string }) => c.name === 'Damage').id;
  theirDepartment = expectStatus(await other.post('/api/v1/departments', { name: 'Their desk' }), 201).id;
  theirCalendar = expectStatus(await other.post('/api/v1/calendars', { name: 'Theirs', time_zone: 'UTC', always_open: true }), 201).id;
});
afterAll(async () => {
  await server?.close();
});

describe('SLA policies', () => {
  it('an admin adds a policy after the others; null lists match anything; duplicates in a list count once', async () => {
    const calendar = expectStatus(await admin.post('/api/v1/calendars', { name: 'Office', time_zone: 'Asia/Jakarta', hours: { mon: [{ start: '09:00', end: '18:00' }] } }), 201).id;
    const first = expectStatus<SlaPolicy>(
      await admin.post('/api/v1/sla-policies', {
        name: 'VIP returns',
        priorities: ['urgent', 'high', 'urgent'],
        department_ids: [returns],
        channels: ['email', 'web'],
        category_ids: [damage],
        first_response_seconds: 900,
        next_response_seconds: 1800,
        resolution_seconds: 14_400,
        warning_percent: 75,
        calendar_id: calendar,
      }),
      201,
    );
    expect(first).toMatchObject({ priorities: ['urgent', 'high'], department_ids: [returns], channels: ['email', 'web'], category_ids: [damage], first_response_seconds: 900, warning_percent: 75, calendar_id: calendar, is_active: true });
    const second = expectStatus<SlaPolicy>(await admin.post('/api/v1/sla-policies', { name: 'Everything else', resolution_seconds: 86_400 }), 201);
    expect(second).toMatchObject({ priorities: null, department_ids: null, channels: null, category_ids: null, first_response_seconds: null, calendar_id: null });
    expect(second.position).toBeGreaterThan(first.position);
    expect(expectStatus(await agent.get(`/api/v1/sla-policies/${first.id}`), 200)).toEqual(first);
    expect(await ids(key)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('changes a policy: targets, lists back to any, inactive; a change to nothing is 400', async () => {
    const p = expectStatus<SlaPolicy>(await admin.post('/api/v1/sla-policies', { name: 'Changing', priorities: ['low'], first_response_seconds: 600 }), 201);
    const changed = expectStatus<SlaPolicy>(await admin.patch(`/api/v1/sla-policies/${p.id}`, { priorities: null, first_response_seconds: null, resolution_seconds: 3600, is_active: false }), 200);
    expect(changed).toMatchObject({ priorities: null, first_response_seconds: null, resolution_seconds: 3600, is_active: false, position: p.position });
    expect((await admin.patch(`/api/v1/sla-policies/${p.id}`, {})).status).toBe(400);
  });

  it('targets ≤ 0, a warning outside 1–99, unknown lists values and unknown fields are 400 at the field', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ first_response_seconds: 0 }, ['body.first_response_seconds']],
      [{ next_response_seconds: -60 }, ['body.next_response_seconds']],
      [{ resolution_seconds: 1.5 }, ['body.resolution_seconds']],
      [{ warning_percent: 100 }, ['body.warning_percent']],
      [{ priorities: ['critical'] }, ['body.priorities.0']],
      [{ channels: [] }, ['body.channels']],
      [{ colour: 'gold' }, ['body.colour']],
    ];
    for (const [body, fields] of cases) {
      const res = await admin.post('/api/v1/sla-policies', { name: 'Bad', ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res), JSON.stringify(body)).toEqual(fields);
    }
    expect((await admin.post('/api/v1/sla-policies', { first_response_seconds: 60 })).status).toBe(400);
  });

  it("departments, categories and calendars that are not the workspace's (another's too) are 400 at their place, and nothing is written", async () => {
    const before = await ids();
    const res = await admin.post('/api/v1/sla-policies', { name: 'Foreign', department_ids: [returns, theirDepartment], category_ids: [987654], first_response_seconds: 60 });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.department_ids.1', 'body.category_ids.0']);
    const calendar = await admin.post('/api/v1/sla-policies', { name: 'Foreign', calendar_id: theirCalendar, first_response_seconds: 60 });
    expect(calendar.status).toBe(400);
    expect(fieldsOf(calendar)).toEqual(['body.calendar_id']);
    const p = expectStatus<SlaPolicy>(await admin.post('/api/v1/sla-policies', { name: 'Mine', first_response_seconds: 60 }), 201);
    expect(fieldsOf(await admin.patch(`/api/v1/sla-policies/${p.id}`, { department_ids: [theirDepartment] }))).toEqual(['body.department_ids.0']);
    expect(await ids()).toEqual([...before, p.id]);
  });

  it('a name taken in the workspace (in any case) is 409 at the name; another workspace may use it', async () => {
    const p = expectStatus<SlaPolicy>(await admin.post('/api/v1/sla-policies', { name: 'Gold', first_response_seconds: 60 }), 201);
    const taken = await admin.post('/api/v1/sla-policies', { name: 'gold', first_response_seconds: 60 });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken)).toEqual(['body.name']);
    const renamed = await admin.patch(`/api/v1/sla-policies/${p.id}`, { name: 'Gold' });
    expect(renamed.status).toBe(200);
    const other1 = expectStatus<SlaPolicy>(await admin.post('/api/v1/sla-policies', { name: 'Silver', first_response_seconds: 60 }), 201);
    expect(fieldsOf(await admin.patch(`/api/v1/sla-policies/${other1.id}`, { name: 'GOLD' }))).toEqual(['body.name']);
    expectStatus(await other.post('/api/v1/sla-policies', { name: 'Gold', first_response_seconds: 60 }), 201);
  });

  it('PUT order sets the order they are tried in; every id once, or 400 naming the problem', async () => {
    const current = await ids();
    const reversed = [...current].reverse();
    const res = expectStatus(await put(admin, '/api/v1/sla-policies/order', { ids: reversed }), 200);
    expect(res.items.map((p: SlaPolicy) => p.id)).toEqual(reversed);
    expect(res.items.map((p: SlaPolicy) => p.position)).toEqual(reversed.map((_, i) => i));
    expect(await ids()).toEqual(reversed);
    const missing = await put(admin, '/api/v1/sla-policies/order', { ids: reversed.slice(1) });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing)).toEqual(['body.ids']);
    expect(fieldsOf(await put(admin, '/api/v1/sla-policies/order', { ids: [...reversed, reversed[0]] }))).toEqual([`body.ids.${reversed.length}`]);
    const theirs = expectStatus<SlaPolicy>(await other.post('/api/v1/sla-policies', { name: 'Their order', first_response_seconds: 60 }), 201);
    expect(fieldsOf(await put(admin, '/api/v1/sla-policies/order', { ids: [...reversed, theirs.id] }))).toEqual([`body.ids.${reversed.length}`]);
    expect(await ids()).toEqual(reversed);
  });

  it('agents and API keys read policies but may not change them (403)', async () => {
    const p = expectStatus<SlaPolicy>(await admin.post('/api/v1/sla-policies', { name: 'Read only', first_response_seconds: 60 }), 201);
    for (const client of [agent, key]) {
      expect((await client.post('/api/v1/sla-policies', { name: 'Mine', first_response_seconds: 60 })).status).toBe(403);
      expect((await client.patch(`/api/v1/sla-policies/${p.id}`, { is_active: false })).status).toBe(403);
      expect((await client.delete(`/api/v1/sla-policies/${p.id}`)).status).toBe(403);
      expect((await put(client, '/api/v1/sla-policies/order', { ids: await ids() })).status).toBe(403);
    }
    expect(expectStatus(await admin.get(`/api/v1/sla-policies/${p.id}`), 200).is_active).toBe(true);
  });

  it("another workspace's policy is 404 to read, change or delete; deleting one's own works once", async () => {
    const theirs = expectStatus<SlaPolicy>(await other.post('/api/v1/sla-policies', { name: 'Hidden', first_response_seconds: 60 }), 201);
    expect((await admin.get(`/api/v1/sla-policies/${theirs.id}`)).status).toBe(404);
    expect((await admin.patch(`/api/v1/sla-policies/${theirs.id}`, { is_active: false })).status).toBe(404);
    expect((await admin.delete(`/api/v1/sla-policies/${theirs.id}`)).status).toBe(404);
    expect(expectStatus(await other.get(`/api/v1/sla-policies/${theirs.id}`), 200).is_active).toBe(true);
    const mine = expectStatus<SlaPolicy>(await admin.post('/api/v1/sla-policies', { name: 'Short lived', first_response_seconds: 60 }), 201);
    expect((await admin.delete(`/api/v1/sla-policies/${mine.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/sla-policies/${mine.id}`)).status).toBe(404);
    expect(await ids()).not.toContain(mine.id);
  });
});
