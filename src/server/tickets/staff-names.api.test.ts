import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

describe('names on tickets come from the cached name book', () => {
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    ({ admin } = await createWorkspace(server.url));
  });
  afterAll(() => server.close());

  it('shows a renamed category, department and agent on the next read', async () => {
    const department = (await admin.post('/api/v1/departments', { name: 'Returns' })).body;
    const agent = await createAgent(admin, { name: 'Rina' });
    const ticket = await createTicket(admin, { category: 'Damage', department: department.id, assignee: agent.id });
    expect(ticket.category.name).toBe('Damage');
    expect(ticket.department).toEqual({ id: department.id, name: 'Returns' });
    expect(ticket.assignee).toEqual({ id: agent.id, name: 'Rina' });

    const categories = (await admin.get('/api/v1/categories')).body.items as { id: number; name: string }[];
    const damage = categories.find((c) => c.name === 'Damage') as { id: number };
    expect((await admin.patch(`/api/v1/categories/${damage.id}`, { name: 'Breakage' })).status).toBe(200);
    expect((await admin.patch(`/api/v1/departments/${department.id}`, { name: 'Returns & Refunds' })).status).toBe(200);
    expect((await admin.patch(`/api/v1/agents/${agent.id}`, { name: 'Rina Wijaya' })).status).toBe(200);

    const read = (await admin.get(`/api/v1/tickets/${ticket.number}`)).body;
    expect(read.category).toEqual({ id: damage.id, name: 'Breakage' });
    expect(read.department).toEqual({ id: department.id, name: 'Returns & Refunds' });
    expect(read.assignee).toEqual({ id: agent.id, name: 'Rina Wijaya' });
    const listed = (await admin.get(`/api/v1/tickets?number=${ticket.number}`)).body.items[0];
    expect(listed.assignee.name).toBe('Rina Wijaya');
  });

  it('names a department made by another process without waiting for the cache to expire', async () => {
    const ticket = await createTicket(admin, { category: 'Delivery' });
    // Written behind the server's back, as another process would.
    const orgId = (await admin.get('/api/v1/auth/me')).body.workspace.id;
    const row = await server.deps.db
      .insertInto('departments')
      .values({ org_id: orgId, name: 'Logistics', email: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const moved = await admin.patch(`/api/v1/tickets/${ticket.number}`, { department: row.id });
    expect(moved.status).toBe(200);
    expect(moved.body.department).toEqual({ id: row.id, name: 'Logistics' });
  });
});
