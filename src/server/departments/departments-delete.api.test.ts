import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

describe('deleting a department (admin): refused with 409 naming what uses it', () => {
  let server: TestServer;
  let admin: ApiClient;
  let agent: { client: ApiClient; id: number };

  beforeAll(async () => {
    server = await startTestServer();
    ({ admin } = await createWorkspace(server.url));
    agent = await createAgent(admin, { name: 'Dina Agent' });
  });
  afterAll(() => server?.close());

  const addDepartment = async (name: string, memberIds: number[] = []) => {
    const res = await admin.post('/api/v1/departments', { name, member_ids: memberIds });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const departmentNames = async () => ((await admin.get('/api/v1/departments')).body.items as { name: string }[]).map((d) => d.name);

  it('deletes an unused department with its members and its own escalation levels', async () => {
    const id = await addDepartment('Pop-up store', [agent.id]);
    expect((await admin.request('PUT', `/api/v1/departments/${id}/escalation-levels`, { levels: [{ delay_seconds: 0, notify_agent_ids: [agent.id] }] })).status).toBe(200);
    const res = await admin.delete(`/api/v1/departments/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect(await departmentNames()).not.toContain('Pop-up store');
    expect((await admin.get(`/api/v1/departments/${id}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/agents/${agent.id}`)).body.department_ids).not.toContain(id);
    expect((await admin.delete(`/api/v1/departments/${id}`)).status).toBe(404);
  });

  it('refuses a department with tickets, SLA policies, routing rules or another department’s levels naming it, and deletes nothing', async () => {
    const returns = await addDepartment('Returns desk', [agent.id]);
    const billing = await addDepartment('Billing desk');
    await createTicket(admin, { department: returns, subject: 'Refund missing' });
    expect((await admin.post('/api/v1/sla-policies', { name: 'Returns gold', department_ids: [returns], first_response_seconds: 600 })).status).toBe(201);
    expect((await admin.post('/api/v1/routing-rules', { name: 'Refunds', subject_keywords: ['refund'], department_id: returns })).status).toBe(201);
    expect((await admin.request('PUT', `/api/v1/departments/${billing}/escalation-levels`, { levels: [{ delay_seconds: 0, reassign_department_id: returns }] })).status).toBe(200);

    const res = await admin.delete(`/api/v1/departments/${returns}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'The department "Returns desk" is used by 1 ticket; SLA policy "Returns gold"; routing rule "Refunds"; escalation level 1 of "Billing desk"; move those elsewhere first',
    );
    expect(res.body.error.details.used_by).toMatchObject({
      tickets: 1,
      sla_policies: [{ name: 'Returns gold' }],
      routing_rules: [{ name: 'Refunds' }],
      escalation_levels: [{ department: { id: billing, name: 'Billing desk' }, level: 1 }],
    });
    expect(await departmentNames()).toContain('Returns desk');
    expect((await admin.get(`/api/v1/departments/${returns}`)).body.member_ids).toEqual([agent.id]);
  });

  it('refuses a department that receives mail through an IMAP mailbox or gets a location’s reviews, naming them, and keeps both', async () => {
    const outlet = await addDepartment('Outlet desk');
    const mailbox = await admin.post('/api/v1/admin/imap-mailboxes', { department_id: outlet, host: '127.0.0.1', tls_mode: 'none', username: 'outlet', password: 'imap-secret', enabled: false });
    expect(mailbox.status, JSON.stringify(mailbox.body)).toBe(201);
    expect((await admin.request('PUT', '/api/v1/channels/review-rules', { max_rating: 3, keywords: [], locations: [{ location: 'Kemang', department: outlet }] })).status).toBe(200);

    const res = await admin.delete(`/api/v1/departments/${outlet}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('The department "Outlet desk" is used by IMAP mailbox "outlet@127.0.0.1"; the review rule of "Kemang"; move those elsewhere first');
    expect(res.body.error.details.used_by).toMatchObject({ imap_mailboxes: [{ id: mailbox.body.id, name: 'outlet@127.0.0.1' }], review_locations: ['Kemang'] });
    expect((await admin.get(`/api/v1/admin/imap-mailboxes/${mailbox.body.id}`)).status).toBe(200);
    expect((await admin.get('/api/v1/channels/review-rules')).body.locations).toEqual([{ location: 'Kemang', department: { id: outlet, name: 'Outlet desk' } }]);

    // Moved elsewhere, the department goes.
    expect((await admin.delete(`/api/v1/admin/imap-mailboxes/${mailbox.body.id}`)).status).toBe(204);
    expect((await admin.request('PUT', '/api/v1/channels/review-rules', { max_rating: 3, keywords: [], locations: [] })).status).toBe(200);
    expect((await admin.delete(`/api/v1/departments/${outlet}`)).status).toBe(204);
  });

  it('is for admins only, and 404 for an unknown department (another workspace’s: test/isolation)', async () => {
    const id = await addDepartment('Kiosk');
    expect((await agent.client.delete(`/api/v1/departments/${id}`)).status).toBe(403);
    expect((await admin.delete('/api/v1/departments/987654')).status).toBe(404);
    expect((await admin.delete('/api/v1/departments/abc')).status).toBe(400);
    expect(await departmentNames()).toContain('Kiosk');
  });
});
