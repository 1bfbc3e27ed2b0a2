import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { enqueueMail } from './enqueue.ts';
import { mailTemplates } from './mail-request.ts';

describe('mail templates (GET/PUT/DELETE /api/v1/mail-templates)', () => {
  let server: TestServer;
  let admin: ApiClient;
  let orgId: number;

  beforeAll(async () => {
    server = await startTestServer();
    ({ admin, orgId } = await createWorkspace(server.url));
  });
  afterAll(() => server?.close());

  /** The subject of the mail queued now for ticket_created in `language`. */
  async function queuedSubject(language: 'en' | 'id', name: string): Promise<string> {
    await server.deps.db.transaction().execute((trx) =>
      enqueueMail(trx, server.deps, {
        orgId,
        template: 'ticket_created',
        language,
        to: { address: 'sari@customer.example', name },
        ticketId: null,
        values: { workspace: { name: 'Toko Budi' }, recipient: { name }, ticket: { number: '20260042', subject: 'Cracked <jug>' }, link: 'https://care.example/x' },
      }, new Date()),
    );
    const rows = await server.deps.db.selectFrom('outbox').select(['subject', 'text_body', 'html_body']).where('org_id', '=', orgId).orderBy('id', 'desc').limit(1).execute();
    return `${rows[0].subject}\n${rows[0].text_body}\n${rows[0].html_body}`;
  }

  it('lists every template in every language with its built-in wording and its variables', async () => {
    const res = await admin.get('/api/v1/mail-templates');
    expect(res.status).toBe(200);
    expect(res.body.next_cursor).toBeNull();
    expect(res.body.items).toHaveLength(mailTemplates.length * 2);
    const created = res.body.items.find((t: { template: string; language: string }) => t.template === 'ticket_created' && t.language === 'id');
    expect(created).toMatchObject({ customised: false, updated_at: null, subject: 'Kami telah menerima permintaan Anda #{{ticket.number}}' });
    expect(created.variables).toEqual(expect.arrayContaining(['ticket.number', 'ticket.subject', 'link', 'recipient.name', 'workspace.name']));
  });

  it("stores an admin's wording, which the next mail of that template and language uses (values escaped in its HTML)", async () => {
    const put = await admin.request('PUT', '/api/v1/mail-templates/ticket_created/en', {
      subject: 'Thanks, {{recipient.name}}: ticket {{ticket.number}}',
      body: 'We got "{{ticket.subject}}".\n\n{{link}}',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ template: 'ticket_created', language: 'en', customised: true, subject: 'Thanks, {{recipient.name}}: ticket {{ticket.number}}' });
    expect(put.body.updated_at).toEqual(expect.any(String));
    const mail = await queuedSubject('en', 'Sari');
    expect(mail).toContain('Thanks, Sari: ticket 20260042\nWe got "Cracked <jug>".');
    expect(mail).toContain('We got &quot;Cracked &lt;jug&gt;&quot;.');
    // The other language keeps the built-in wording.
    expect(await queuedSubject('id', 'Sari')).toContain('Kami telah menerima permintaan Anda #20260042');
  });

  it('refuses a template naming an unknown variable with 400, naming it, and keeps the stored one', async () => {
    const res = await admin.request('PUT', '/api/v1/mail-templates/ticket_created/en', { subject: 'Hi {{customer.name}}', body: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.message).toContain('{{customer.name}}');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'body.subject', rule: 'unknown_variable', variable: 'customer.name' })]);
    const broken = await admin.request('PUT', '/api/v1/mail-templates/ticket_created/en', { subject: 'ok', body: '{{#ticket}}unclosed' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details[0]).toMatchObject({ field: 'body.body', rule: 'template_syntax' });
    const listed = (await admin.get('/api/v1/mail-templates')).body.items.find((t: { template: string; language: string }) => t.template === 'ticket_created' && t.language === 'en');
    expect(listed.subject).toBe('Thanks, {{recipient.name}}: ticket {{ticket.number}}');
  });

  it('refuses unknown templates and languages, empty wording and unknown fields (400)', async () => {
    expect((await admin.request('PUT', '/api/v1/mail-templates/welcome/en', { subject: 's', body: 'b' })).status).toBe(400);
    expect((await admin.request('PUT', '/api/v1/mail-templates/ticket_created/fr', { subject: 's', body: 'b' })).status).toBe(400);
    expect((await admin.request('PUT', '/api/v1/mail-templates/ticket_created/en', { subject: ' ', body: 'b' })).status).toBe(400);
    expect((await admin.request('PUT', '/api/v1/mail-templates/ticket_created/en', { subject: 's', body: 'b', html: '<b>' })).status).toBe(400);
  });

  it('goes back to the built-in wording on DELETE (204, also when there was nothing to remove)', async () => {
    expect((await admin.delete('/api/v1/mail-templates/ticket_created/en')).status).toBe(204);
    expect((await admin.delete('/api/v1/mail-templates/ticket_created/en')).status).toBe(204);
    expect(await queuedSubject('en', 'Sari')).toContain('We received your request #20260042');
    const listed = (await admin.get('/api/v1/mail-templates')).body.items.find((t: { template: string; language: string }) => t.template === 'ticket_created' && t.language === 'en');
    expect(listed).toMatchObject({ customised: false, updated_at: null });
  });

  it('is for admins only: agents get 403, callers without credentials 401', async () => {
    const agent = await createAgent(admin);
    expect((await agent.client.get('/api/v1/mail-templates')).status).toBe(403);
    expect((await agent.client.request('PUT', '/api/v1/mail-templates/ticket_created/en', { subject: 's', body: 'b' })).status).toBe(403);
    expect((await agent.client.delete('/api/v1/mail-templates/ticket_created/en')).status).toBe(403);
    expect((await server.anonymous().get('/api/v1/mail-templates')).status).toBe(401);
    expect((await server.anonymous().request('PUT', '/api/v1/mail-templates/ticket_created/en', { subject: 's', body: 'b' })).status).toBe(401);
  });
});
