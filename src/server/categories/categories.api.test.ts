import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

describe('categories: order, names, retiring', () => {
  let server: TestServer;
  let admin: ApiClient;
  const ids = async () => ((await admin.get('/api/v1/categories')).body.items as { id: number }[]).map((c) => c.id);

  beforeAll(async () => {
    server = await startTestServer();
    ({ admin } = await createWorkspace(server.url));
  });
  afterAll(() => server?.close());

  it('sets the whole order in one request; a partial or repeated list is refused at its index and changes nothing', async () => {
    const order = (await ids()).reverse();
    const res = await admin.request('PUT', '/api/v1/categories/order', { ids: order });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((c: { id: number }) => c.id)).toEqual(order);
    const repeated = await admin.request('PUT', '/api/v1/categories/order', { ids: [order[0], ...order.slice(0, -1)] });
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.details.map((d: { field: string }) => d.field)).toContain('body.ids.1');
    expect(await ids()).toEqual(order);
    const agent = await createAgent(admin);
    expect((await agent.client.request('PUT', '/api/v1/categories/order', { ids: order })).status).toBe(403);
  });

  it('answers a taken name with 409 at the name, and keeps the day a category was retired', async () => {
    const taken = await admin.post('/api/v1/categories', { name: 'billing' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual([{ field: 'body.name', message: 'this name is taken' }]);
    const [first] = await ids();
    await admin.patch(`/api/v1/categories/${first}`, { retired: true });
    const retiredAt = async () => (await server.deps.db.selectFrom('categories').select('retired_at').where('id', '=', first).executeTakeFirstOrThrow()).retired_at;
    const when = await retiredAt();
    expect(when).not.toBeNull();
    await admin.patch(`/api/v1/categories/${first}`, { retired: true });
    expect(await retiredAt()).toEqual(when);
  });
});
