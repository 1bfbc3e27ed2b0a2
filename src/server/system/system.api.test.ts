import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createWorkspace } from '../../../test/helpers/factories.ts';
import { testEngine } from '../../../test/helpers/database.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

describe('system health (admin)', () => {
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
    ({ admin } = await createWorkspace(server.url));
  });
  afterAll(() => server?.close());

  it("reports the version, the database and this workspace's queues", async () => {
    const res = await admin.get('/api/v1/admin/system');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(res.body.node_version).toBe(process.versions.node);
    expect(res.body.database.engine).toBe(testEngine() === 'pglite' ? 'pglite' : 'postgresql');
    expect(res.body.database.size_bytes).toBeGreaterThan(1_000_000);
    expect(res.body.database.server_version).toMatch(/^\d+/);
    expect(res.body.outbox).toEqual({ queued: expect.any(Number), sending: expect.any(Number), failed: 0, kept: expect.any(Number) });
    expect(res.body.webhook_deliveries).toEqual({ queued: 0, failed: 0 });
  });

  it.runIf(testEngine() === 'pglite')('vacuums the embedded database on demand and shows when', async () => {
    const res = await admin.post('/api/v1/admin/system/maintenance');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ms).toBeGreaterThanOrEqual(0);
    expect(Date.parse(res.body.last_vacuum_at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await admin.get('/api/v1/admin/system')).body.database.last_vacuum_at).toBe(res.body.last_vacuum_at);
    // Once a minute for the whole server.
    expect((await admin.post('/api/v1/admin/system/maintenance')).status).toBe(429);
  });

  it.runIf(testEngine() === 'postgres')('leaves vacuuming PostgreSQL to autovacuum (409)', async () => {
    const res = await admin.post('/api/v1/admin/system/maintenance');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('autovacuum');
  });

  it("keeps the size of a database several workspaces share from each workspace's admins", async () => {
    const other = (await createWorkspace(server.url, undefined, 'signup')).admin;
    expect((await other.get('/api/v1/admin/system')).body.database.size_bytes).toBeNull();
    expect((await admin.get('/api/v1/admin/system')).body.database.size_bytes).toBeNull();
  });

  it('answers 403 to agents', async () => {
    const agent = await createAgent(admin);
    expect((await agent.client.get('/api/v1/admin/system')).status).toBe(403);
    expect((await agent.client.post('/api/v1/admin/system/maintenance')).status).toBe(403);
  });
});
