import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

describe('audit log of admin changes', () => {
  let server: TestServer;
  let admin: ApiClient;
  let other: ApiClient;
  let agent: Awaited<ReturnType<typeof createAgent>>;

  const entries = async (client: ApiClient, query = '') => {
    const res = await client.get(`/api/v1/admin/audit-log${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as { actor: { name: string }; action: string; entity: string; entity_id: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open', CAREDESK_ALLOW_PRIVATE_TARGETS: 'true' } });
    admin = (await createWorkspace(server.url)).admin;
    other = (await createWorkspace(server.url, undefined, 'signup')).admin;
    agent = await createAgent(admin, { name: 'Plain Agent' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records who changed what, with the fields before and after', async () => {
    const department = (await admin.post('/api/v1/departments', { name: 'Returns' })).body;
    await admin.patch(`/api/v1/departments/${department.id}`, { name: 'Refunds', email: 'refunds@example.com' });
    await admin.patch('/api/v1/settings', { name: 'Audited Shop', auto_close_after_seconds: 3600 });
    const [settings, changed, created] = await entries(admin);
    expect(settings).toMatchObject({ action: 'changed', entity: 'settings', entity_id: null, actor: { name: 'Ada Admin' }, before: { auto_close_after_seconds: expect.any(Number) }, after: { name: 'Audited Shop', auto_close_after_seconds: 3600 } });
    expect(changed).toEqual(expect.objectContaining({ action: 'changed', entity: 'department', entity_id: String(department.id), before: { name: 'Returns', email: null }, after: { name: 'Refunds', email: 'refunds@example.com' } }));
    expect(created).toMatchObject({ action: 'created', entity: 'department', entity_id: String(department.id), before: null, after: { name: 'Returns' } });
  });

  it('never logs a secret: the API key itself, webhook signing secrets, passwords', async () => {
    const key = await admin.post('/api/v1/api-keys', { name: 'Shop sync', scopes: ['read'] });
    const hook = await admin.post('/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['ticket.created'], allow_private: true });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    await admin.post(`/api/v1/admin/webhooks/${hook.body.id}/rotate-secret`);
    const renamed = await createAgent(admin, { name: 'Password Changer' });
    await admin.patch(`/api/v1/agents/${renamed.id}`, { password: 'another-long-password' });
    const log = JSON.stringify(await entries(admin));
    expect(log).not.toContain(key.body.key);
    expect(log).not.toContain(hook.body.secret);
    expect(log).not.toContain('another-long-password');
    const [passwordChange] = await entries(admin, '?entity=agent');
    expect(passwordChange).toMatchObject({ entity_id: String(renamed.id), before: { password: '[hidden]' }, after: { password: '[changed]' } });
    const [rotated] = await entries(admin, '?entity=webhook');
    expect(rotated.action).toBe('rotate-secret');
    const [keyEntry] = await entries(admin, '?entity=api_key');
    expect(keyEntry.after).toMatchObject({ name: 'Shop sync', scopes: ['read'], key: '[hidden]' });
  });

  it('shows the old value where the changed object has no address of its own to read (a category)', async () => {
    const category = (await admin.post('/api/v1/categories', { name: 'Refnd' })).body;
    await admin.patch(`/api/v1/categories/${category.id}`, { name: 'Refund' });
    const [renamed] = await entries(admin, '?entity=category');
    expect(renamed).toMatchObject({ action: 'changed', entity_id: String(category.id), before: { name: 'Refnd' }, after: { name: 'Refund' } });
    const key = (await admin.post('/api/v1/api-keys', { name: 'Same name' })).body;
    const count = (await entries(admin, '?entity=api_key')).length;
    await admin.patch(`/api/v1/api-keys/${key.id}`, { name: 'Same name' });
    expect((await entries(admin, '?entity=api_key')).length).toBe(count);
  });

  it("shows a mail template's wording before and after", async () => {
    await admin.request('PUT', '/api/v1/mail-templates/ticket_created/en', { subject: 'Got it: #{{ticket.number}}', body: 'Thanks.\n\n{{link}}' });
    const [saved] = await entries(admin, '?entity=mail_template');
    expect(saved).toMatchObject({ action: 'changed', entity_id: 'ticket_created/en', before: { subject: 'We received your request #{{ticket.number}}', customised: false }, after: { subject: 'Got it: #{{ticket.number}}', customised: true } });
    await admin.delete('/api/v1/mail-templates/ticket_created/en');
    const [reset] = await entries(admin, '?entity=mail_template');
    expect(reset).toMatchObject({ action: 'deleted', before: { subject: 'Got it: #{{ticket.number}}' }, after: null });
  });

  it('logs nothing for a refused change or one that changed nothing', async () => {
    const before = (await entries(admin)).length;
    expect((await admin.post('/api/v1/departments', { name: 'Refunds' })).status).toBe(409);
    expect((await agent.client.patch('/api/v1/settings', { name: 'Agent was here' })).status).toBe(403);
    await admin.patch('/api/v1/settings', { name: 'Audited Shop' });
    expect((await entries(admin)).length).toBe(before);
  });

  it('pages newest first, filters by what changed, and shows each workspace only its own', async () => {
    for (const name of ['One', 'Two', 'Three']) await admin.post('/api/v1/categories', { name: `Audit ${name}` });
    const first = await admin.get('/api/v1/admin/audit-log?entity=category&limit=2');
    expect(first.body.items.map((e: { after: { name: string } }) => e.after.name)).toEqual(['Audit Three', 'Audit Two']);
    const second = await admin.get(`/api/v1/admin/audit-log?entity=category&limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.items[0].after.name).toBe('Audit One');
    expect(JSON.stringify(await entries(other))).not.toMatch(/Audit One|Refunds|Shop sync/);
    expect((await agent.client.get('/api/v1/admin/audit-log')).status).toBe(403);
    expect((await admin.get('/api/v1/admin/audit-log?cursor=nope')).status).toBe(400);
  });
});
