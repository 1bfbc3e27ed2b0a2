import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { testEngine } from '../../../test/helpers/database.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { createManualClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { startServer } from '../server.ts';
import { enqueueMail } from './enqueue.ts';
import type { MailRequest } from './mail-request.ts';
import { startOutboxWorker } from './outbox-worker.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.testing.ts';

/** Polls a condition until it holds (never a fixed sleep); answers its value. */
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let counter = 0;
const uniqueAddress = (tag: string) => `${tag}-${++counter}-${process.pid}@customer.example`;

/** A mail as the notifications would queue it (tests queue directly: enqueueMail is the seam they call). */
function request(orgId: number, to: string, overrides: Partial<MailRequest> = {}): MailRequest {
  return {
    orgId,
    template: 'ticket_created',
    language: 'en',
    to: { address: to, name: 'Sari Wulandari' },
    ticketId: null,
    values: { workspace: { name: 'Toko Budi' }, recipient: { name: 'Sari Wulandari' }, ticket: { number: '20260042', subject: 'Blender arrived cracked' }, link: 'https://care.toko.example/portal/x' },
    ...overrides,
  };
}

async function enqueue(server: TestServer, mail: MailRequest, now: Date): Promise<void> {
  await server.deps.db.transaction().execute((trx) => enqueueMail(trx, server.deps, mail, now));
}

/** The outbox row of the one mail sent to `address`, through the admin API. */
async function rowOf(admin: ApiClient, address: string) {
  const res = await admin.get('/api/v1/outbox?limit=200');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const rows = res.body.items.filter((r: { to_address: string }) => r.to_address === address);
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0] as { id: number; status: string; attempts: number; next_attempt_at: string; last_error: string | null; message_id: string; sent_at: string | null } | undefined;
}

const receivedBy = (sink: SmtpSink, address: string) => sink.received.filter((r) => r.envelopeTo.includes(address));

describe('the outbox delivers over SMTP', () => {
  const start = new Date('2026-03-02T08:00:00.000Z');
  const clock = createManualClock(start);
  let smtp: SmtpSink;
  let server: TestServer;
  let admin: ApiClient;
  let orgId: number;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer({ clock, env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://care.toko.example' } });
    ({ admin, orgId } = await createWorkspace(server.url));
    expect((await admin.patch('/api/v1/settings', { name: 'Toko Budi', sender_name: 'Toko Budi Care', sender_email: 'care@toko.example' })).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('sends a queued mail with its sender, recipient, subject, Message-ID, thread and auto-reply headers, as text and HTML', async () => {
    const ticket = await createTicket(admin, { subject: 'Blender arrived cracked' });
    const to = uniqueAddress('sari');
    await enqueue(server, request(orgId, to, { ticketId: ticket.id, values: { ...request(orgId, to).values, ticket: { number: ticket.number, subject: 'Blender <b>arrived</b> cracked' } } }), clock.now());
    const [received] = await until('the mail', () => receivedBy(smtp, to).length > 0 && receivedBy(smtp, to));
    const { mail } = received;
    expect(received.envelopeFrom).toBe('care@toko.example');
    expect(mail.from?.value).toEqual([{ name: 'Toko Budi Care', address: 'care@toko.example' }]);
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value).toEqual([{ name: 'Sari Wulandari', address: to }]);
    expect(mail.subject).toBe(`We received your request #${ticket.number}`);
    expect(mail.messageId).toMatch(new RegExp(`^<[0-9a-f]{24}\\.t${ticket.id}@toko\\.example>$`));
    // The thread's root names the ticket, signed with the workspace's secret.
    const root = mail.inReplyTo as string;
    expect(root).toMatch(new RegExp(`^<ticket\\.${orgId}\\.${ticket.id}\\.[A-Za-z0-9_-]{16}@toko\\.example>$`));
    expect(mail.references).toBe(root);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect(mail.text).toContain(`Request #${ticket.number}: Blender <b>arrived</b> cracked`);
    expect(mail.html).toContain(`Request #${ticket.number}: Blender &lt;b&gt;arrived&lt;&#x2F;b&gt; cracked`);
    expect(mail.html).toContain('>Go to dashboard</a>');

    const row = await until('the row marked sent', async () => (await rowOf(admin, to))?.status === 'sent' && rowOf(admin, to));
    expect(row).toMatchObject({ attempts: 1, last_error: null, message_id: mail.messageId, sent_at: clock.now().toISOString(), ticket_number: ticket.number });
  });

  it("sends a customer mail about a ticket from its department's address, under the workspace's sender name", async () => {
    const ticket = await createTicket(admin);
    const to = uniqueAddress('dept');
    await enqueue(server, request(orgId, to, { ticketId: ticket.id, fromAddress: 'returns@toko.example' }), clock.now());
    const [received] = await until('the mail', () => receivedBy(smtp, to).length > 0 && receivedBy(smtp, to));
    expect(received.mail.from?.value).toEqual([{ name: 'Toko Budi Care', address: 'returns@toko.example' }]);
    expect(received.envelopeFrom).toBe('returns@toko.example');
  });

  it('threads every mail of a ticket under the same root, each with its own Message-ID', async () => {
    const ticket = await createTicket(admin);
    const to = uniqueAddress('thread');
    await enqueue(server, request(orgId, to, { ticketId: ticket.id, template: 'ticket_opened' }), clock.now());
    await enqueue(server, request(orgId, to, { ticketId: ticket.id, template: 'ticket_resolved', values: { ...request(orgId, to).values, ready_for_collection: true } }), clock.now());
    const mails = await until('both mails', () => receivedBy(smtp, to).length === 2 && receivedBy(smtp, to).map((r) => r.mail));
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(2);
    expect(mails[0].references).toMatch(new RegExp(`^<ticket\\.${orgId}\\.${ticket.id}\\.[A-Za-z0-9_-]{16}@toko\\.example>$`));
    expect(mails[1].references).toBe(mails[0].references);
    expect(mails.map((m) => m.subject).sort()).toEqual([`Your product is ready to collect #20260042`, `We are working on your request #20260042`].sort());
  });

  it('sends nothing for a transaction that rolled back', async () => {
    const lost = uniqueAddress('rolled-back');
    const kept = uniqueAddress('committed');
    await expect(
      server.deps.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, server.deps, request(orgId, lost), clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await enqueue(server, request(orgId, kept), clock.now());
    await until('the committed mail', () => receivedBy(smtp, kept).length === 1);
    expect(receivedBy(smtp, lost)).toEqual([]);
    expect(await rowOf(admin, lost)).toBeUndefined();
  });

  it('retries a mail the server refuses, after a growing pause, showing the error in the outbox; then delivers it', async () => {
    const to = uniqueAddress('busy');
    smtp.refused.add(to);
    const queuedAt = clock.now();
    await enqueue(server, request(orgId, to), queuedAt);
    const failed = await until('the first attempt', async () => {
      const row = await rowOf(admin, to);
      return row?.attempts === 1 && row.status === 'queued' && row.last_error !== null && row;
    });
    expect(failed.last_error).toMatch(/450/);
    expect(failed.next_attempt_at).toBe(new Date(queuedAt.getTime() + 30_000).toISOString());
    const listed = await admin.get('/api/v1/outbox?status=queued');
    expect(listed.body.items.map((r: { to_address: string }) => r.to_address)).toContain(to);

    // Not due yet: a mail queued after it goes out, and it is not tried again.
    clock.advance(29_000);
    const marker = uniqueAddress('marker');
    await enqueue(server, request(orgId, marker), clock.now());
    await until('the marker', () => receivedBy(smtp, marker).length === 1);
    expect((await rowOf(admin, to))?.attempts).toBe(1);

    // Still refused at the second attempt: the pause grows to 2 minutes.
    clock.advance(2_000);
    server.outbox.wake();
    const second = await until('the second attempt', async () => {
      const row = await rowOf(admin, to);
      return row?.attempts === 2 && row.status === 'queued' && row;
    });
    expect(second.next_attempt_at).toBe(new Date(clock.now().getTime() + 120_000).toISOString());

    smtp.refused.delete(to);
    clock.advance(120_000);
    server.outbox.wake();
    await until('delivery', () => receivedBy(smtp, to).length === 1);
    expect(await until('sent', async () => (await rowOf(admin, to))?.status === 'sent' && rowOf(admin, to))).toMatchObject({ attempts: 3, last_error: null });
  });

  it('gives up after 8 attempts (failed, with the error), and an admin can send it again', async () => {
    const to = uniqueAddress('gone');
    smtp.refused.add(to);
    await enqueue(server, request(orgId, to), clock.now());
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      // A claim counts the attempt at once; wait until its outcome is written too.
      await until(`attempt ${attempt}`, async () => {
        const row = await rowOf(admin, to);
        return row?.attempts === attempt && row.status !== 'sending';
      });
      clock.advance(13 * 3_600_000);
      server.outbox.wake();
    }
    const failed = await until('failed', async () => (await rowOf(admin, to))?.status === 'failed' && rowOf(admin, to));
    expect(failed.last_error).toMatch(/450/);
    expect((await admin.get('/api/v1/outbox?status=failed')).body.items.map((r: { id: number }) => r.id)).toContain(failed.id);

    smtp.refused.delete(to);
    const retried = await admin.post(`/api/v1/outbox/${failed.id}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    // Due now with a fresh count (the worker, woken by the retry, may have claimed it already).
    expect(retried.body).toMatchObject({ id: failed.id, next_attempt_at: clock.now().toISOString() });
    expect(retried.body.attempts).toBeLessThanOrEqual(1);
    await until('delivery after the retry', () => receivedBy(smtp, to).length === 1);
    await until('sent', async () => (await rowOf(admin, to))?.status === 'sent');
    const again = await admin.post(`/api/v1/outbox/${failed.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('sent');
  });

  it('loses nothing while the mail server is down, and delivers once it is back', async () => {
    await smtp.close();
    const to = [uniqueAddress('down'), uniqueAddress('down')];
    for (const address of to) await enqueue(server, request(orgId, address), clock.now());
    for (const address of to) {
      const row = await until('a failed attempt', async () => {
        const r = await rowOf(admin, address);
        return r?.attempts === 1 && r.status === 'queued' && r;
      });
      expect(row.last_error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    }
    const port = smtp.port;
    const earlier = smtp.received;
    smtp = await startSmtpSink(port);
    smtp.received.push(...earlier);
    clock.advance(31_000);
    server.outbox.wake();
    for (const address of to) await until('delivery', () => receivedBy(smtp, address).length === 1);
  });

  it('wakes a worker as soon as the queuing transaction commits, without waiting for its poll', async () => {
    // A worker polling once an hour, with a clock half an hour ahead: only the NOTIFY can bring it this mail.
    const own = await startSmtpSink();
    const ahead = createManualClock(new Date(clock.now().getTime() + 1_800_000));
    const worker = await startOutboxWorker(
      { ...server.deps, clock: ahead, config: loadConfig({ SMTP_URL: own.url, DATA_DIR: server.deps.config.DATA_DIR }) },
      { log: silent, pollMs: 3_600_000 },
    );
    try {
      const to = uniqueAddress('notified');
      await enqueue(server, request(orgId, to), ahead.now());
      await until('the notified worker', () => receivedBy(own, to).length === 1);
    } finally {
      await worker.stop();
      await own.close();
    }
  });

  it('lets a worker that stopped mid-batch leave its mails to another once the lease expires: each arrives, none more than twice', async () => {
    // A worker with its own clock an hour ahead claims mails queued for then; the server's own
    // worker, an hour behind, does not see them yet. Its mail server takes 3 mails and then
    // stalls: the worker cannot know whether those were kept.
    const stalling = await startSmtpSink();
    stalling.stallFrom = 3;
    const ahead = createManualClock(new Date(clock.now().getTime() + 3_600_000));
    const queuedAt = ahead.now();
    const to = Array.from({ length: 30 }, () => uniqueAddress('lease'));
    await server.deps.db.transaction().execute(async (trx) => {
      for (const address of to) await enqueueMail(trx, server.deps, request(orgId, address), queuedAt);
    });
    const crashing = await startOutboxWorker(
      { ...server.deps, clock: ahead, config: loadConfig({ SMTP_URL: stalling.url, DATA_DIR: server.deps.config.DATA_DIR }) },
      { log: silent, stopGraceMs: 50, concurrency: 5, batchSize: 20 },
    );
    try {
      await until('5 stalled sends', () => stalling.stalled === 5);
    } finally {
      await crashing.stop();
      await stalling.close();
    }
    const statuses = await Promise.all(to.map((address) => rowOf(admin, address)));
    expect(statuses.filter((r) => r?.status === 'sent')).toHaveLength(3);
    expect(statuses.filter((r) => r?.status === 'sending')).toHaveLength(5);
    expect(statuses.filter((r) => r?.status === 'queued')).toHaveLength(22);

    // The lease (60 s) expires; the server's worker takes over.
    clock.set(new Date(queuedAt.getTime() + 61_000));
    server.outbox.wake();
    await until('every mail', () => to.every((address) => receivedBy(smtp, address).length + receivedBy(stalling, address).length >= 1));
    const counts = new Map<string, number>();
    for (const id of [...stalling.messageIds(), ...smtp.messageIds()]) counts.set(id, (counts.get(id) ?? 0) + 1);
    const ids = await Promise.all(to.map(async (address) => (await rowOf(admin, address))?.message_id as string));
    expect(ids.every((id) => (counts.get(id) ?? 0) >= 1 && (counts.get(id) ?? 0) <= 2)).toBe(true);
    // Exactly the 5 whose fate was unknown arrived twice, recognisable by their Message-ID.
    expect(ids.filter((id) => counts.get(id) === 2)).toHaveLength(5);
    await until('all sent', async () => (await Promise.all(to.map((a) => rowOf(admin, a)))).every((r) => r?.status === 'sent'));
  });
});

describe('two processes over one PostgreSQL database', () => {
  it.skipIf(testEngine() !== 'postgres')('deliver each of 200 mails exactly once', async () => {
    const smtp = await startSmtpSink();
    const server = await startTestServer({ env: { SMTP_URL: smtp.url } });
    const other = await startServer(
      loadConfig({ PORT: '0', LOG_LEVEL: 'silent', SMTP_INBOUND: 'false', DATABASE_URL: server.databaseUrl as string, SMTP_URL: smtp.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'caredesk-test-')) }),
      { logger: false },
    );
    try {
      const { orgId } = await createWorkspace(server.url);
      const to = Array.from({ length: 200 }, () => uniqueAddress('many'));
      await server.deps.db.transaction().execute(async (trx) => {
        for (const address of to) await enqueueMail(trx, server.deps, request(orgId, address), new Date());
      });
      await until('200 mails', () => to.every((address) => receivedBy(smtp, address).length >= 1), 60_000);
      const ids = to.flatMap((address) => receivedBy(smtp, address).map((r) => r.mail.messageId));
      expect(ids).toHaveLength(200);
      expect(new Set(ids).size).toBe(200);
    } finally {
      await other.close();
      await server.close();
      await smtp.close();
    }
  });
});

describe('the dev outbox (no SMTP_URL)', () => {
  let server: TestServer;
  let admin: ApiClient;
  let orgId: number;

  beforeAll(async () => {
    server = await startTestServer();
    ({ admin, orgId } = await createWorkspace(server.url));
  });
  afterAll(() => server?.close());

  it('keeps every mail, readable with its text and HTML through the API', async () => {
    const to = uniqueAddress('dev');
    await enqueue(server, request(orgId, to, { template: 'sign_in_link', values: { workspace: { name: 'Toko Budi' }, recipient: { name: 'Sari' }, link: 'http://localhost:3000/portal/x/auth?token=abc', expires_minutes: 15 } }), new Date());
    const row = await until('kept', async () => (await rowOf(admin, to))?.status === 'kept' && rowOf(admin, to));
    expect(row).toMatchObject({ attempts: 1, sent_at: null, last_error: null });
    const detail = await admin.get(`/api/v1/outbox/${row.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: row.id, template: 'sign_in_link', to_address: to, subject: 'Your sign-in link for Toko Budi', status: 'kept', in_reply_to: null, references: [] });
    expect(detail.body.message_id).toMatch(/@caredesk\.localhost>$/);
    expect(detail.body.text_body).toContain('http://localhost:3000/portal/x/auth?token=abc');
    expect(detail.body.text_body).toContain('expires in 15 minutes');
    expect(detail.body.html_body).toContain('>Sign in</a>');
  });

  it("logs each kept mail's recipient, subject and text, so a sign-in link can be followed from the console", async () => {
    const lines: Array<{ obj: Record<string, unknown>; msg: string }> = [];
    const log = { ...silent, info: (obj: Record<string, unknown>, msg: string) => lines.push({ obj, msg }) };
    const ahead = new Date(Date.now() + 3_600_000);
    const worker = await startOutboxWorker({ ...server.deps, clock: createManualClock(ahead) }, { log: log as never, pollMs: 3_600_000 });
    try {
      const to = uniqueAddress('logged');
      await enqueue(server, request(orgId, to, { template: 'sign_in_link', values: { workspace: { name: 'Toko Budi' }, recipient: { name: 'Sari' }, link: 'http://localhost:3000/portal/x/auth?token=xyz', expires_minutes: 15 } }), ahead);
      const line = await until('the log line', () => lines.find((l) => l.obj.to === to));
      expect(line.msg).toMatch(/dev outbox/);
      expect(line.obj.subject).toBe('Your sign-in link for Toko Budi');
      expect(line.obj.text).toContain('http://localhost:3000/portal/x/auth?token=xyz');
    } finally {
      await worker.stop();
    }
  });

  it('queues a kept mail again on retry (it is kept again), and answers 404 for an unknown id', async () => {
    const to = uniqueAddress('dev-retry');
    await enqueue(server, request(orgId, to), new Date());
    const row = await until('kept', async () => (await rowOf(admin, to))?.status === 'kept' && rowOf(admin, to));
    const retried = await admin.post(`/api/v1/outbox/${row.id}/retry`);
    expect(retried.status).toBe(200);
    expect(['queued', 'sending', 'kept']).toContain(retried.body.status);
    await until('kept again', async () => (await rowOf(admin, to))?.status === 'kept');
    expect((await admin.post('/api/v1/outbox/987654/retry')).status).toBe(404);
    expect((await admin.get('/api/v1/outbox/987654')).status).toBe(404);
  });

  it('pages newest first and filters by status', async () => {
    const to = [uniqueAddress('page'), uniqueAddress('page'), uniqueAddress('page')];
    for (const address of to) await enqueue(server, request(orgId, address), new Date());
    await until('kept', async () => (await Promise.all(to.map((a) => rowOf(admin, a)))).every((r) => r?.status === 'kept'));
    const first = await admin.get('/api/v1/outbox?limit=2&status=kept');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items.map((r: { to_address: string }) => r.to_address)).toEqual([to[2], to[1]]);
    const second = await admin.get(`/api/v1/outbox?limit=2&status=kept&cursor=${first.body.next_cursor}`);
    expect(second.body.items[0].to_address).toBe(to[0]);
    expect((await admin.get('/api/v1/outbox?status=sent')).body.items).toEqual([]);
    expect((await admin.get('/api/v1/outbox?status=lost')).status).toBe(400);
  });

  it('is for admins only: agents get 403, callers without credentials 401', async () => {
    const agent = await createAgent(admin);
    for (const path of ['/api/v1/outbox', '/api/v1/outbox/1']) {
      expect((await agent.client.get(path)).status).toBe(403);
      expect((await server.anonymous().get(path)).status).toBe(401);
    }
    expect((await agent.client.post('/api/v1/outbox/1/retry')).status).toBe(403);
  });
});
