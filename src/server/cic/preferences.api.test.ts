import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardWidgets, type Preference } from '../../contract/cic.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let admin: ApiClient;
let agent: ApiClient;
let other: ApiClient;
let key: ApiClient;
const path = '/api/v1/me/preferences/cic_layout';
const put = (client: ApiClient, body: unknown) => client.request<Preference & { error?: { code: string; details: Array<{ field: string }> } }>('PUT', path, body);

beforeAll(async () => {
  server = await startTestServer();
  ({ admin } = await createWorkspace(server.url));
  agent = (await createAgent(admin)).client;
  other = (await createAgent(admin)).client;
  key = await createApiKey(admin);
});
afterAll(async () => {
  await server?.close();
});

describe("an agent's Customer Information Center layout", () => {
  it('is the default (every widget in order, none hidden, never saved) until the agent saves one', async () => {
    const res = await agent.get<Preference>(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ key: 'cic_layout', value: { order: [...dashboardWidgets], hidden: [] }, updated_at: null });
  });

  it('is saved per agent: the agent reads it back, another agent still sees the default', async () => {
    const value = { order: ['open', 'new', 'customer_users', 'escalated', 'reminder'], hidden: ['escalated'] };
    const saved = await put(agent, { value });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ key: 'cic_layout', value });
    expect(saved.body.updated_at).toEqual(expect.any(String));
    expect((await agent.get(path)).body).toEqual(saved.body);
    expect((await other.get(path)).body.updated_at).toBeNull();
    expect((await admin.get(path)).body.value).toEqual({ order: [...dashboardWidgets], hidden: [] });
    // Saving again replaces the value.
    const again = await put(agent, { value: { order: [...dashboardWidgets], hidden: ['reminder', 'new'] } });
    expect(again.status).toBe(200);
    expect((await agent.get(path)).body.value).toEqual({ order: [...dashboardWidgets], hidden: ['reminder', 'new'] });
    expect((await other.get(path)).body.updated_at).toBeNull();
  });

  it('completes a partial order with the widgets left out, in the default order', async () => {
    const res = await put(other, { value: { order: ['open', 'reminder'], hidden: [] } });
    expect(res.status).toBe(200);
    expect(res.body.value.order).toEqual(['open', 'reminder', 'customer_users', 'escalated', 'new']);
    expect((await other.get(path)).body.value.order).toEqual(['open', 'reminder', 'customer_users', 'escalated', 'new']);
  });

  it('refuses a bad layout with 400 naming the field, and keeps the saved one', async () => {
    const before = (await agent.get(path)).body;
    for (const [body, field] of [
      [{ value: { order: ['open', 'open'], hidden: [] } }, 'body.value.order'],
      [{ value: { order: ['weather'], hidden: [] } }, 'body.value.order.0'],
      [{ value: { order: [], hidden: ['new', 'new'] } }, 'body.value.hidden'],
      [{ value: { order: [] } }, 'body.value.hidden'],
      [{ value: { order: [], hidden: [], colour: 'red' } }, 'body.value.colour'],
      [{}, 'body.value'],
    ] as const) {
      const res = await put(agent, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe('validation_error');
      expect(res.body.error?.details.map((d: { field: string }) => d.field), JSON.stringify(res.body)).toContain(field);
    }
    expect((await agent.get(path)).body).toEqual(before);
  });

  it('refuses an unknown key with 400 at params.key', async () => {
    for (const res of [await agent.get('/api/v1/me/preferences/theme'), await agent.request('PUT', '/api/v1/me/preferences/theme', { value: { order: [], hidden: [] } })]) {
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('params.key');
    }
  });

  it('is for signed-in agents only: API keys get 403, anonymous callers 401', async () => {
    expect((await key.get(path)).status).toBe(403);
    expect((await put(key, { value: { order: [], hidden: [] } })).status).toBe(403);
    expect((await server.anonymous().get(path)).status).toBe(401);
  });
});
