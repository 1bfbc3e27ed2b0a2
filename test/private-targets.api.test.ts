import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/client.ts';
import { createWorkspace } from './helpers/factories.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

// Where anyone can sign up, a workspace admin must not reach the host's own network through
// webhooks or IMAP mailboxes (an SSRF and a port scan with banners); the operator may allow it.
const cases: { name: string; env: Record<string, string>; allowed: boolean }[] = [
  { name: 'open sign-up', env: { CAREDESK_SIGNUP: 'open' }, allowed: false },
  { name: 'open sign-up, allowed by the operator', env: { CAREDESK_SIGNUP: 'open', CAREDESK_ALLOW_PRIVATE_TARGETS: 'true' }, allowed: true },
  { name: 'closed sign-up (self-hosting)', env: {}, allowed: true },
  { name: 'closed sign-up, forbidden by the operator', env: { CAREDESK_ALLOW_PRIVATE_TARGETS: 'false' }, allowed: false },
];

describe.each(cases)('private targets with $name', ({ env, allowed }) => {
  let server: TestServer;
  let admin: ApiClient;
  let departmentId: number;

  beforeAll(async () => {
    server = await startTestServer({ env });
    ({ admin } = await createWorkspace(server.url));
    departmentId = (await admin.post('/api/v1/departments', { name: 'Returns' })).body.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  const connection = (host: string) => ({ host, port: 143, tls_mode: 'none', username: 'returns', password: 'secret-password' });
  const mailbox = (host: string) => ({ department_id: departmentId, ...connection(host) });

  it(allowed ? 'lets an admin point a webhook at this machine with allow_private' : 'refuses a webhook with allow_private, naming the field', async () => {
    const res = await admin.post('/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['ticket.created'], allow_private: true });
    if (allowed) expect(res.status, JSON.stringify(res.body)).toBe(201);
    else {
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ field: 'body.allow_private', message: expect.stringMatching(/CAREDESK_ALLOW_PRIVATE_TARGETS/) }]);
      expect((await admin.get('/api/v1/admin/webhooks')).body.items).toEqual([]);
    }
  });

  it(allowed ? 'lets an admin add and test an IMAP server on this machine' : 'refuses an IMAP server on this machine or a private network, naming the host', async () => {
    for (const host of ['127.0.0.1', 'localhost', '10.1.2.3']) {
      const test = await admin.post('/api/v1/admin/imap-mailboxes/test', connection(host));
      const created = await admin.post('/api/v1/admin/imap-mailboxes', { ...mailbox(host), username: `returns-${host}` });
      if (allowed && host !== '10.1.2.3') {
        expect(test.status, JSON.stringify(test.body)).toBe(200);
        expect(created.status, JSON.stringify(created.body)).toBe(201);
      } else if (!allowed) {
        for (const res of [test, created]) {
          expect(res.status, `${host}: ${JSON.stringify(res.body)}`).toBe(400);
          expect(JSON.stringify(res.body.error.details)).toContain('body.host');
        }
      }
    }
    if (!allowed) expect((await admin.get('/api/v1/admin/imap-mailboxes')).body.items).toEqual([]);
  });

  it('always refuses link-local addresses (cloud metadata)', async () => {
    const res = await admin.post('/api/v1/admin/imap-mailboxes', { ...mailbox('169.254.169.254'), tls_mode: 'implicit', port: 993 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('body.host');
  });
});
