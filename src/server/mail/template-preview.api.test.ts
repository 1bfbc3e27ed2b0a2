import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createWorkspace } from '../../../test/helpers/factories.ts';
import { mailsTo } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { mailTemplates } from './mail-request.ts';

describe('mail template preview and test mail', () => {
  let server: TestServer;
  let admin: ApiClient;
  let adminEmail: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_URL: 'https://care.example.com' } });
    ({ admin, adminEmail } = await createWorkspace(server.url));
    await admin.patch('/api/v1/settings', { name: 'Toko Preview', ticket_number_prefix: 'CS-', ticket_number_padding: 4 });
  });
  afterAll(() => server?.close());

  it('renders every template in every language with a sample ticket, no variable left blank', async () => {
    for (const template of mailTemplates) {
      for (const language of ['en', 'id']) {
        const res = await admin.post(`/api/v1/mail-templates/${template}/${language}/preview`, {});
        expect(res.status, `${template}/${language}: ${JSON.stringify(res.body)}`).toBe(200);
        expect(res.body.text, `${template}/${language}`).not.toMatch(/\{\{|\}\}/);
        expect(res.body.html).toContain('<html');
        expect(res.body.subject.length).toBeGreaterThan(0);
      }
    }
  });

  it("renders a draft with the workspace's name and number format, escaping HTML", async () => {
    const res = await admin.post('/api/v1/mail-templates/ticket_created/en/preview', {
      subject: 'Got #{{ticket.number}} <b>',
      body: 'Dear {{recipient.name}}, {{workspace.name}} has {{ticket.subject}}.\n\n{{link}}',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.subject).toBe('Got #CS-0042 <b>');
    expect(res.body.text).toContain('Dear Sari Wijaya, Toko Preview has Shoes arrived damaged.');
    expect(res.body.text).toContain('https://care.example.com/portal');
    expect(res.body.html).not.toContain('<b>');
    // The stored wording did not change.
    const stored = (await admin.get('/api/v1/mail-templates')).body.items.find((t: { template: string; language: string }) => t.template === 'ticket_created' && t.language === 'en');
    expect(stored.customised).toBe(false);
  });

  it('refuses a draft naming an unknown variable at the field, as saving does', async () => {
    const res = await admin.post('/api/v1/mail-templates/ticket_created/en/preview', { body: 'Hi {{customer.name}}' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: 'body.body', rule: 'unknown_variable' });
    expect((await admin.post('/api/v1/mail-templates/ticket_created/en/test', { subject: '{{#x}}' })).status).toBe(400);
    expect((await admin.post('/api/v1/mail-templates/nope/en/preview', {})).status).toBe(400);
  });

  it("mails the sample to the admin through the outbox, marked [Test], in the draft's wording", async () => {
    const res = await admin.post('/api/v1/mail-templates/agent_invitation/id/test', { subject: 'Undangan {{workspace.name}}' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.to_address).toBe(adminEmail);
    const [mail] = await mailsTo(server, adminEmail, 'agent_invitation');
    expect(mail).toMatchObject({ id: res.body.outbox_id, subject: '[Test] Undangan Toko Preview', language: 'id' });
    expect(mail.text_body).toContain('Ada Admin mengundang Anda');
    expect((await admin.get(`/api/v1/outbox/${res.body.outbox_id}`)).status).toBe(200);
  });

  it('answers 403 to agents and writes nothing', async () => {
    const agent = await createAgent(admin);
    expect((await agent.client.post('/api/v1/mail-templates/ticket_created/en/preview', {})).status).toBe(403);
    expect((await agent.client.post('/api/v1/mail-templates/ticket_created/en/test', {})).status).toBe(403);
    expect(await mailsTo(server, agent.email)).toEqual([]);
  });
});
