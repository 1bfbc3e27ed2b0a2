import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from '../../../test/helpers/client.ts';
import { PASSWORD, createAgent, createWorkspace } from '../../../test/helpers/factories.ts';
import { LINK_TRIES } from './agent-links.ts';
import { mailsTo } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

const tokenIn = (text: string) => /\/set-password#([A-Za-z0-9_-]{43})/.exec(text)?.[1];

function expectError(res: ApiResponse, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
}

describe('agent invitations and password resets', () => {
  let server: TestServer;
  let admin: ApiClient;
  let other: ApiClient;

  const lastToken = async (address: string, template: string) => {
    const mails = await mailsTo(server, address, template);
    const token = tokenIn(mails[mails.length - 1]?.text_body ?? '');
    if (!token) throw new Error(`no link mailed to ${address}`);
    return token;
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
    admin = (await createWorkspace(server.url)).admin;
    other = (await createWorkspace(server.url, undefined, 'signup')).admin;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('invites an agent by email: no password until they follow the one-time link, which signs them in', async () => {
    const res = await admin.post('/api/v1/agents/invitations', { name: 'Sari Invited', email: 'sari.invited@example.com', role: 'agent' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'invited', is_active: true, invitation_expires_at: expect.any(String), open_tickets: 0 });
    const hours = (Date.parse(res.body.invitation_expires_at) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(7 * 24 - 1);
    expect(JSON.stringify(res.body)).not.toMatch(/token|set-password/);

    const mails = await mailsTo(server, 'sari.invited@example.com', 'agent_invitation');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('invited');
    const token = tokenIn(mails[0].text_body)!;
    // Nobody can sign in as the invited agent meanwhile, whatever they type.
    expectError(await server.anonymous().post('/api/v1/auth/login', { email: 'sari.invited@example.com', password: '' + PASSWORD }), 401, 'unauthorized');

    const info = await server.anonymous().post('/api/v1/auth/agent-link', { token });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ purpose: 'invitation', name: 'Sari Invited', email: 'sari.invited@example.com' });

    const weak = await server.anonymous().post('/api/v1/auth/agent-link/accept', { token, password: 'short' });
    expectError(weak, 400, 'validation_error');
    const sari = new ApiClient(server.url);
    const accepted = await sari.post('/api/v1/auth/agent-link/accept', { token, password: PASSWORD });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.agent.email).toBe('sari.invited@example.com');
    expect((await sari.get('/api/v1/auth/me')).status).toBe(200);
    expect((await admin.get(`/api/v1/agents/${res.body.id}`)).body).toMatchObject({ status: 'active', invitation_expires_at: null });

    // Spent: a second use, or reading it, finds nothing.
    expectError(await server.anonymous().post('/api/v1/auth/agent-link/accept', { token, password: 'another-password-1' }), 404, 'not_found');
    expectError(await server.anonymous().post('/api/v1/auth/agent-link', { token }), 404, 'not_found');
    expect((await server.anonymous().post('/api/v1/auth/login', { email: 'sari.invited@example.com', password: PASSWORD })).status).toBe(200);
  });

  it('sends a new invitation that retires the old link; refuses one once accepted', async () => {
    const invited = (await admin.post('/api/v1/agents/invitations', { name: 'Tono Late', email: 'tono.late@example.com' })).body;
    const first = await lastToken('tono.late@example.com', 'agent_invitation');
    const again = await admin.post(`/api/v1/agents/${invited.id}/invitation`);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ agent_id: invited.id, sent_to: 'tono.late@example.com', outbox_id: expect.any(Number) });
    const second = await lastToken('tono.late@example.com', 'agent_invitation');
    expect(second).not.toBe(first);
    expectError(await server.anonymous().post('/api/v1/auth/agent-link', { token: first }), 404, 'not_found');
    expect((await server.anonymous().post('/api/v1/auth/agent-link/accept', { token: second, password: PASSWORD })).status).toBe(200);
    const refused = await admin.post(`/api/v1/agents/${invited.id}/invitation`);
    expectError(refused, 409, 'conflict');
    expect(refused.body.error.message).toContain('password reset');
  });

  it('resets a password by mail, never showing it; the old password keeps working until the new one is chosen, then every session ends', async () => {
    const agent = await createAgent(admin, { name: 'Rina Reset' });
    const sent = await admin.post(`/api/v1/agents/${agent.id}/password-reset`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(JSON.stringify(sent.body)).not.toMatch(/token|set-password|password_hash/);
    const token = await lastToken(agent.email, 'password_reset');
    expect((await agent.client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await server.anonymous().post('/api/v1/auth/agent-link', { token })).body.purpose).toBe('password_reset');

    const fresh = new ApiClient(server.url);
    expect((await fresh.post('/api/v1/auth/agent-link/accept', { token, password: 'a-brand-new-password' })).status).toBe(200);
    expectError(await agent.client.get('/api/v1/auth/me'), 401, 'unauthorized');
    expectError(await server.anonymous().post('/api/v1/auth/login', { email: agent.email, password: PASSWORD }), 401, 'unauthorized');
    expect((await server.anonymous().post('/api/v1/auth/login', { email: agent.email, password: 'a-brand-new-password' })).status).toBe(200);
  });

  it('refuses links for deactivated agents, resets for agents still invited, and expired or malformed tokens', async () => {
    const agent = await createAgent(admin, { name: 'Dedi Gone' });
    await admin.post(`/api/v1/agents/${agent.id}/password-reset`);
    const token = await lastToken(agent.email, 'password_reset');
    expect((await admin.patch(`/api/v1/agents/${agent.id}`, { is_active: false })).status).toBe(200);
    expectError(await server.anonymous().post('/api/v1/auth/agent-link/accept', { token, password: PASSWORD }), 404, 'not_found');
    // Reactivating revives no link mailed before.
    expect((await admin.patch(`/api/v1/agents/${agent.id}`, { is_active: true })).status).toBe(200);
    expectError(await server.anonymous().post('/api/v1/auth/agent-link/accept', { token, password: PASSWORD }), 404, 'not_found');
    expect((await admin.patch(`/api/v1/agents/${agent.id}`, { is_active: false })).status).toBe(200);
    expectError(await admin.post(`/api/v1/agents/${agent.id}/password-reset`), 409, 'conflict');

    const invited = (await admin.post('/api/v1/agents/invitations', { name: 'Eka New', email: 'eka.new@example.com' })).body;
    expectError(await admin.post(`/api/v1/agents/${invited.id}/password-reset`), 409, 'conflict');

    await server.deps.db.updateTable('agent_links').set({ expires_at: new Date(Date.now() - 1000) }).where('agent_id', '=', invited.id).execute();
    const expired = await lastToken('eka.new@example.com', 'agent_invitation');
    expectError(await server.anonymous().post('/api/v1/auth/agent-link/accept', { token: expired, password: PASSWORD }), 404, 'not_found');
    expectError(await server.anonymous().post('/api/v1/auth/agent-link', { token: 'not-a-token' }), 404, 'not_found');
    expectError(await server.anonymous().post('/api/v1/auth/agent-link', {}), 400, 'validation_error');
  });

  it('refuses a duplicate invitation with 409, an invalid one with 400, agents and other workspaces with 403/404, and writes nothing', async () => {
    const agent = await createAgent(admin, { name: 'Plain Agent' });
    const before = (await admin.get('/api/v1/agents')).body.items;
    expectError(await admin.post('/api/v1/agents/invitations', { name: 'Sari Again', email: 'SARI.invited@example.com' }), 409, 'conflict');
    const invalid = await admin.post('/api/v1/agents/invitations', { name: '', email: 'nope' });
    expectError(invalid, 400, 'validation_error');
    expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.email', 'body.name']);
    expectError(await agent.client.post('/api/v1/agents/invitations', { name: 'Sneaky', email: 'sneaky@example.com' }), 403, 'forbidden');
    expectError(await agent.client.post(`/api/v1/agents/${agent.id}/password-reset`), 403, 'forbidden');
    expectError(await other.post(`/api/v1/agents/${agent.id}/password-reset`), 404, 'not_found');
    expect((await admin.get('/api/v1/agents')).body.items).toEqual(before);
    expect(await mailsTo(server, 'sneaky@example.com')).toHaveLength(0);
  });

  it('spends an invitation once an admin sets the password directly', async () => {
    const invited = (await admin.post('/api/v1/agents/invitations', { name: 'Set Directly', email: 'set.directly@example.com' })).body;
    const token = await lastToken('set.directly@example.com', 'agent_invitation');
    expect((await admin.patch(`/api/v1/agents/${invited.id}`, { password: PASSWORD })).body.status).toBe('active');
    expectError(await server.anonymous().post('/api/v1/auth/agent-link/accept', { token, password: 'someone-else-1234' }), 404, 'not_found');
    expect((await server.anonymous().post('/api/v1/auth/login', { email: 'set.directly@example.com', password: PASSWORD })).status).toBe(200);
  });

  it('does not count an invited admin as the admin who keeps the workspace administered', async () => {
    const ws = await createWorkspace(server.url, undefined, 'signup');
    const me = (await ws.admin.get('/api/v1/auth/me')).body.agent;
    expect((await ws.admin.post('/api/v1/agents/invitations', { name: 'Future Admin', email: 'future.admin@example.com', role: 'admin' })).status).toBe(201);
    expectError(await ws.admin.patch(`/api/v1/agents/${me.id}`, { role: 'agent' }), 409, 'conflict');
  });

  // Last: it spends this address's tries.
  it('answers 429 once an address has tried too many links, without reading the token', async () => {
    let res: ApiResponse | undefined;
    for (let i = 0; i < LINK_TRIES.max + 1; i++) res = await server.anonymous().post('/api/v1/auth/agent-link', { token: 'x'.repeat(43) });
    expectError(res!, 429, 'rate_limited');
  });
});
