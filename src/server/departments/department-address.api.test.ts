import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

describe('department names and mail addresses', () => {
  let server: TestServer;
  let admin: ApiClient;
  let other: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
    admin = (await createWorkspace(server.url)).admin;
    other = (await createWorkspace(server.url, undefined, 'signup')).admin;
  });
  afterAll(() => server?.close());

  it('answers a taken name with 409 at the name', async () => {
    expect((await admin.post('/api/v1/departments', { name: 'Returns', email: 'returns@shop.example' })).status).toBe(201);
    const res = await admin.post('/api/v1/departments', { name: 'Returns' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([{ field: 'body.name', message: 'this name is taken' }]);
  });

  it('gives an address to one department of the whole server, in any letter case, at create and change; nothing is written', async () => {
    const before = (await admin.get('/api/v1/departments')).body.items;
    const same = await admin.post('/api/v1/departments', { name: 'Refunds', email: 'RETURNS@shop.example' });
    expect(same.status).toBe(409);
    expect(same.body.error.details).toEqual([{ field: 'body.email', message: 'this address belongs to another department' }]);
    expect(same.body.error.message).toContain('"Returns"');
    const elsewhere = await other.post('/api/v1/departments', { name: 'Their returns', email: 'returns@shop.example' });
    expect(elsewhere.status).toBe(409);
    // Another workspace's department is not named.
    expect(elsewhere.body.error.message).not.toContain('Returns"');
    const billing = (await admin.post('/api/v1/departments', { name: 'Billing' })).body;
    expect((await admin.patch(`/api/v1/departments/${billing.id}`, { email: 'returns@shop.example' })).status).toBe(409);
    expect((await admin.get('/api/v1/departments')).body.items.filter((d: { id: number }) => d.id !== billing.id)).toEqual(before);
    // A department keeps its own address when saved again.
    const returns = before.find((d: { name: string }) => d.name === 'Returns');
    expect((await admin.patch(`/api/v1/departments/${returns.id}`, { email: 'Returns@shop.example', name: 'Returns' })).status).toBe(200);
  });
});
