import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/helpers/client.ts';
import { openEventStream } from '../../../test/helpers/events.ts';
import { createApiKey, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { testEngine } from '../../../test/helpers/database.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { loadConfig } from '../platform/config.ts';
import { startServer } from '../server.ts';

describe('live events (GET /api/v1/events)', () => {
  let server: TestServer;
  let a: ApiClient;
  let b: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
    ({ admin: a } = await createWorkspace(server.url, 'shop-a'));
    ({ admin: b } = await createWorkspace(server.url, 'shop-b', 'signup'));
  });
  afterAll(() => server.close());

  it('refuses a caller without credentials with 401 in the error format', async () => {
    const res = await server.anonymous().get('/api/v1/events');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it("streams the workspace's ticket changes (create, change, move, message) and nothing of another workspace", async () => {
    const stream = await openEventStream(a);
    expect(stream.status).toBe(200);
    try {
      const foreign = await createTicket(b, { subject: 'Not yours' });
      const own = await createTicket(a);
      expect(await stream.next()).toEqual({ type: 'ticket', ticket_id: own.id });
      expect((await a.patch(`/api/v1/tickets/${own.number}`, { priority: 'high' })).status).toBe(200);
      expect(await stream.next()).toEqual({ type: 'ticket', ticket_id: own.id });
      expect((await a.post(`/api/v1/tickets/${own.number}/transitions`, { to: 'open' })).status).toBe(200);
      expect(await stream.next()).toEqual({ type: 'ticket', ticket_id: own.id });
      expect((await a.post(`/api/v1/tickets/${own.number}/messages`, { body: 'On it', visibility: 'public' })).status).toBe(201);
      expect(await stream.next()).toEqual({ type: 'ticket', ticket_id: own.id });
      expect((await b.patch(`/api/v1/tickets/${foreign.number}`, { priority: 'urgent' })).status).toBe(200);
      expect(await stream.next(500)).toBeNull();
    } finally {
      stream.close();
    }
  });

  it('announces a change once per transaction, and nothing for a change that was refused', async () => {
    const first = await createTicket(a);
    const second = await createTicket(a);
    const stream = await openEventStream(a);
    try {
      // The creates' own announcements may reach a loaded server's listener after the stream opened.
      for (let late = await stream.next(300); late !== null; late = await stream.next(300)) {
        expect([first.id, second.id]).toContain(late.ticket_id);
      }
      // Two fields and an assignment: one transaction, several history events, one announcement.
      const me = (await a.get('/api/v1/auth/me')).body.agent.id;
      expect((await a.patch(`/api/v1/tickets/${first.number}`, { priority: 'low', tags: ['vip'], assignee: me })).status).toBe(200);
      expect(await stream.next()).toEqual({ type: 'ticket', ticket_id: first.id });
      expect((await a.patch(`/api/v1/tickets/${first.number}`, { priority: 'high' }, { 'if-match': '"1"' })).status).toBe(412);
      expect((await a.post(`/api/v1/tickets/${first.number}/transitions`, { to: 'new' })).status).toBe(409);
      expect((await a.patch(`/api/v1/tickets/${second.number}`, { priority: 'high' })).status).toBe(200);
      expect(await stream.next()).toEqual({ type: 'ticket', ticket_id: second.id });
      expect(await stream.next(300)).toBeNull();
    } finally {
      stream.close();
    }
  });

  it('serves API keys too', async () => {
    const key = await createApiKey(a);
    const stream = await openEventStream(key);
    try {
      const created = await createTicket(key);
      expect(await stream.next()).toEqual({ type: 'ticket', ticket_id: created.id });
    } finally {
      stream.close();
    }
  });

  it.skipIf(testEngine() !== 'postgres')('carries a change made by another process over the same PostgreSQL database', async () => {
    const url = server.databaseUrl as string;
    const other = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', SMTP_INBOUND: 'false', DATABASE_URL: url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'caredesk-test-')) }), { logger: false });
    const stream = await openEventStream(a);
    try {
      const viaOther = new ApiClient(other.url, { cookie: a.cookie });
      const created = await createTicket(viaOther, { subject: 'Made next door' });
      expect(await stream.next()).toEqual({ type: 'ticket', ticket_id: created.id });
    } finally {
      stream.close();
      await other.close();
    }
  });

  it('ends open streams when the server shuts down, so it can', async () => {
    const own = await startTestServer();
    const { admin } = await createWorkspace(own.url);
    const stream = await openEventStream(admin);
    expect(stream.status).toBe(200);
    await own.close();
    await stream.ended;
  });
});
