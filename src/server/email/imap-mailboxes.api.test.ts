import { createServer, type AddressInfo } from 'node:net';
import type { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { testEngine } from '../../../test/helpers/database.ts';
import { hasDovecot, startDovecot, type Dovecot } from '../../../test/helpers/dovecot.ts';
import { createAgent, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { startImapPoller, type ImapPoller } from './imap-poller.ts';

let sequence = 0;
const newId = () => `<imap${Date.now()}.${++sequence}@customer.example>`;
const mail = (subject: string, messageId = newId(), from = 'Rina Customer <rina@customer.example>') =>
  Buffer.from([`From: ${from}`, 'To: sales@shop.example', `Subject: ${subject}`, `Message-ID: ${messageId}`, 'Date: Mon, 2 Mar 2026 10:00:00 +0000', '', `${subject}: please help.`, ''].join('\r\n'));

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(hasDovecot())('IMAP mailboxes read into tickets, against a real Dovecot', () => {
  let dovecot: Dovecot;
  let server: TestServer;
  let admin: ApiClient;
  let orgId: number;
  let sales: { id: number };
  /** A client of the sales account, as another mail program would be: it appends and looks at flags. */
  let other: ImapFlow;
  let mailboxId: number;
  /** The server's poller, or the one that took its place when a test restarted it. */
  let poller: ImapPoller;
  const waitingId = newId();
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const startPoller = () => startImapPoller(server.deps, { log: quiet, intervalMs: 600_000, onStored: () => void server.sweeper.sweepNow() });

  const passwords = { sales: 'sales-imap-secret', billing: 'billing-imap-secret' };
  const settings = (user: keyof typeof passwords, overrides: Record<string, unknown> = {}) => ({ host: '127.0.0.1', port: dovecot.port, tls_mode: 'none', username: user, password: passwords[user], ...overrides });

  beforeAll(async () => {
    dovecot = await startDovecot(passwords);
    // Ten minutes between polls: anything read sooner came by IDLE.
    server = await startTestServer({
      env: { IMAP_POLL: 'true', IMAP_POLL_INTERVAL_MS: '600000', IMAP_CONNECT_TIMEOUT_MS: '3000', SMTP_INBOUND: 'true', SMTP_INBOUND_PORT: '0', SMTP_INBOUND_RATE_PER_MINUTE: '10000', SMTP_INBOUND_MAX_BYTES: '20000' },
    });
    ({ admin, orgId } = await createWorkspace(server.url));
    const dept = await admin.post('/api/v1/departments', { name: 'Sales', email: 'sales@shop.example' });
    expect(dept.status, JSON.stringify(dept.body)).toBe(201);
    sales = dept.body;
    other = await dovecot.client('sales');
    poller = server.imap as ImapPoller;
  });
  afterAll(async () => {
    await other?.logout().catch(() => undefined);
    await poller?.stop();
    await server?.close();
    await dovecot?.stop();
  });

  const append = async (raw: Buffer, flags: string[] = []) => {
    const appended = await other.append('INBOX', raw, flags);
    if (!appended || !appended.uid) throw new Error('APPEND gave no UID');
    return appended.uid;
  };
  const flagsOf = async (uid: number): Promise<Set<string>> => {
    const lock = await other.getMailboxLock('INBOX');
    try {
      const message = await other.fetchOne(String(uid), { uid: true, flags: true }, { uid: true });
      return message && message.flags ? message.flags : new Set();
    } finally {
      lock.release();
    }
  };
  const inbound = (messageId: string) => server.deps.db.selectFrom('inbound_mails').select(['ticket_id', 'department_id', 'outcome']).where('org_id', '=', orgId).where('message_id', '=', messageId).execute();
  const ticketOf = async (messageId: string) =>
    waitFor(`a ticket for ${messageId}`, async () => {
      const [row] = await inbound(messageId);
      if (!row?.ticket_id) return null;
      const { number } = await server.deps.db.selectFrom('tickets').select('number').where('org_id', '=', orgId).where('id', '=', row.ticket_id).executeTakeFirstOrThrow();
      return (await admin.get(`/api/v1/tickets/${number}`)).body;
    });
  const ticketCount = async () => Number((await server.deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);
  const markUnread = async (uid: number) => {
    const lock = await other.getMailboxLock('INBOX');
    try {
      await other.messageFlagsRemove(String(uid), ['\\Seen'], { uid: true });
    } finally {
      lock.release();
    }
  };
  const seen = (uid: number) => waitFor(`UID ${uid} \\Seen`, async () => (await flagsOf(uid)).has('\\Seen'));

  it('refuses bad settings with 400 naming the field, and stores nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...settings('sales'), host: 'not a host!' }, 'body.host'],
      [{ ...settings('sales'), port: 70000 }, 'body.port'],
      [{ ...settings('sales'), port: 0 }, 'body.port'],
      [{ ...settings('sales'), tls_mode: 'ssl' }, 'body.tls_mode'],
      [{ ...settings('sales'), host: 'imap.example.com' }, 'body.tls_mode'],
      [{ ...settings('sales'), username: '' }, 'body.username'],
      [{ ...settings('sales'), password: undefined }, 'body.password'],
      [{ ...settings('sales'), department_id: 999_999 }, 'body.department_id'],
      [{ ...settings('sales'), department_id: sales.id, surprise: true }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/admin/imap-mailboxes', { department_id: sales.id, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(JSON.stringify(res.body.error), JSON.stringify(body)).toContain(field);
    }
    expect((await admin.get('/api/v1/admin/imap-mailboxes')).body.items).toEqual([]);
    const agent = await createAgent(admin);
    expect((await agent.client.get('/api/v1/admin/imap-mailboxes')).status).toBe(403);
  });

  it("tests settings before saving: the server's greeting, capabilities and counts, or its answer to a wrong password", async () => {
    await append(mail('Already waiting', waitingId));
    const good = await admin.post('/api/v1/admin/imap-mailboxes/test', settings('sales'));
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body).toMatchObject({ ok: true, stage: 'done', idle: true, error: null, message_count: 1, unseen_count: 1 });
    expect(good.body.greeting).toMatch(/Dovecot/);
    expect(good.body.capabilities.map((c: string) => c.toUpperCase())).toEqual(expect.arrayContaining(['IMAP4REV1', 'IDLE']));
    // Testing reads nothing and marks nothing.
    expect(await ticketCount()).toBe(0);

    const wrong = await admin.post('/api/v1/admin/imap-mailboxes/test', settings('sales', { password: 'not-the-password' }));
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatchObject({ ok: false, stage: 'login', message_count: null });
    expect(wrong.body.error).toMatch(/AUTHENTICATIONFAILED|Authentication failed/);
    expect(wrong.body.greeting).toMatch(/Dovecot/);

    const folder = await admin.post('/api/v1/admin/imap-mailboxes/test', settings('sales', { folder: 'No/Such/Folder' }));
    expect(folder.body).toMatchObject({ ok: false, stage: 'folder' });
    expect(folder.body.error).toBeTruthy();

    const closed = await admin.post('/api/v1/admin/imap-mailboxes/test', settings('sales', { port: 1 }));
    expect(closed.body).toMatchObject({ ok: false, stage: 'connect', greeting: null });
    expect(closed.body.error).toMatch(/ECONNREFUSED|refused/i);

    // A server that takes the connection and never says a word: the test gives up after IMAP_CONNECT_TIMEOUT_MS.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const mute = await admin.post('/api/v1/admin/imap-mailboxes/test', settings('sales', { port: (silent.address() as AddressInfo).port }));
      expect(mute.body).toMatchObject({ ok: false, stage: 'connect', greeting: null });
      expect(mute.body.error).toBeTruthy();
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      silent.close();
    }
  });

  it("reads the unread messages into tickets of the mailbox's department, marks them \\Seen, leaves read ones alone, and never answers the password", async () => {
    const readBefore = mail('Read by a person already');
    const readUid = await append(readBefore, ['\\Seen']);
    const created = await admin.post('/api/v1/admin/imap-mailboxes', { department_id: sales.id, ...settings('sales') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    mailboxId = created.body.id;
    expect(created.body).toMatchObject({ department: { id: sales.id, name: 'Sales' }, host: '127.0.0.1', port: dovecot.port, tls_mode: 'none', username: 'sales', folder: 'INBOX', enabled: true });
    expect(JSON.stringify(created.body)).not.toContain(passwords.sales);
    expect(created.body).not.toHaveProperty('password');

    const waiting = readUid - 1;
    const ticket = await ticketOf(waitingId);
    expect(ticket).toMatchObject({ subject: 'Already waiting', channel: 'email', department: { id: sales.id } });
    expect(ticket.customer_user).toMatchObject({ email: 'rina@customer.example' });
    await seen(waiting);
    expect(await ticketCount()).toBe(1);
    expect((await flagsOf(readUid)).has('\\Seen')).toBe(true);
    const [mailboxNow] = (await admin.get('/api/v1/admin/imap-mailboxes')).body.items;
    expect(mailboxNow).toMatchObject({ id: mailboxId, last_error: null, last_uid: waiting });
    expect(mailboxNow.last_polled_at).toBeTruthy();
    expect(JSON.stringify((await admin.get(`/api/v1/admin/imap-mailboxes/${mailboxId}`)).body)).not.toContain(passwords.sales);
  });

  it('picks up a message that arrives while the poller is in IDLE, without waiting for the polling interval', async () => {
    const started = Date.now();
    const messageId = newId();
    const uid = await append(mail('Arrived during IDLE', messageId));
    const ticket = await ticketOf(messageId);
    expect(ticket.subject).toBe('Arrived during IDLE');
    await seen(uid);
    // The interval is ten minutes.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('marks a message \\Seen only after the transaction that stores it commits', async () => {
    const messageId = newId();
    // Another transaction holds the mailbox's row: the poller's transaction (which records the UID) waits for it.
    const trx = await server.deps.db.startTransaction().execute();
    let uid = 0;
    try {
      await trx.selectFrom('imap_mailboxes').select('id').where('org_id', '=', orgId).where('id', '=', mailboxId).forUpdate().execute();
      uid = await append(mail('Waits for the commit', messageId));
      // The poller has fetched the message and is waiting to commit its store.
      if (testEngine() === 'postgres') {
        await waitFor('the poller waiting on the lock', async () => {
          const [row] = await server.deps.database.withRawClient((c) => c.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%imap_mailboxes%'`));
          return row.n > 0;
        });
      } else {
        await waitFor('the poller waiting for the database', async () => server.deps.database.queueDepth() > 0);
      }
      // Dovecot tells an IDLE session within a second; the poller then fetches and tries to store.
      await new Promise((r) => setTimeout(r, 2000));
      expect((await flagsOf(uid)).has('\\Seen')).toBe(false);
      expect(await trx.selectFrom('inbound_mails').select('id').where('message_id', '=', messageId).execute()).toEqual([]);
    } finally {
      await trx.commit().execute();
    }
    await seen(uid);
    expect((await ticketOf(messageId)).subject).toBe('Waits for the commit');
  });

  it('reads no message twice: not on a new poll, not when a person marks it unread, not after a restart, nor after a crash before \\Seen', async () => {
    const before = await ticketCount();
    const messageId = newId();
    const uid = await append(mail('Read exactly once', messageId));
    await ticketOf(messageId);
    await seen(uid);
    await poller.pollNow();
    await poller.pollNow();
    expect(await ticketCount()).toBe(before + 1);

    // A person marks it unread again in their mail program.
    await markUnread(uid);
    await poller.pollNow();
    expect(await ticketCount()).toBe(before + 1);

    // A crash after the commit but before \Seen: the stored UID is still to be marked.
    await poller.stop();
    await server.deps.db.updateTable('imap_mailboxes').set({ seen_pending_uids: [uid] }).where('org_id', '=', orgId).where('id', '=', mailboxId).execute();
    poller = await startPoller();
    await seen(uid);
    await poller.pollNow();
    expect(await ticketCount()).toBe(before + 1);
    const row = await server.deps.db.selectFrom('imap_mailboxes').select('seen_pending_uids').where('org_id', '=', orgId).where('id', '=', mailboxId).executeTakeFirstOrThrow();
    expect(row.seen_pending_uids).toEqual([]);
    // The restarted poller reads new mail too.
    const next = newId();
    await append(mail('After the restart', next));
    expect((await ticketOf(next)).subject).toBe('After the restart');
  });

  it('makes one ticket of a mail delivered by SMTP that is also in the IMAP mailbox', async () => {
    const messageId = newId();
    const raw = mail('Sent both ways', messageId);
    const info = await nodemailer.createTransport({ host: '127.0.0.1', port: server.smtp?.port, secure: false, ignoreTLS: true }).sendMail({ envelope: { from: 'rina@customer.example', to: ['sales@shop.example'] }, raw });
    expect(info.response).toMatch(/^250 /);
    const bySmtp = await ticketOf(messageId);
    const before = await ticketCount();
    const uid = await append(raw);
    await seen(uid);
    await server.sweeper.sweepNow();
    expect(await inbound(messageId)).toHaveLength(1);
    expect(await ticketCount()).toBe(before);
    expect(await ticketOf(messageId)).toMatchObject({ id: bySmtp.id, department: { id: sales.id } });
  });

  it('leaves a message over SMTP_INBOUND_MAX_BYTES unread in the folder and tells the admin, then reads the next one', async () => {
    const big = newId();
    const bigUid = await append(Buffer.concat([mail('Far too big', big), Buffer.from('x'.repeat(30_000) + '\r\n')]));
    const told = await waitFor('the size problem', async () => {
      const m = (await admin.get(`/api/v1/admin/imap-mailboxes/${mailboxId}`)).body;
      return m.last_error ? m : null;
    });
    expect(told.last_error).toContain(`UID ${bigUid}`);
    expect(told.last_uid).toBe(bigUid);
    expect((await flagsOf(bigUid)).has('\\Seen')).toBe(false);
    expect(await inbound(big)).toEqual([]);
    const next = newId();
    await append(mail('Small again', next));
    expect((await ticketOf(next)).subject).toBe('Small again');
    expect((await admin.get(`/api/v1/admin/imap-mailboxes/${mailboxId}`)).body.last_error).toBeNull();
  });

  it("records the server's answer when polling fails, for admins, and reads again once the settings are fixed", async () => {
    const broken = await admin.patch(`/api/v1/admin/imap-mailboxes/${mailboxId}`, { password: 'changed-wrongly' });
    expect(broken.status, JSON.stringify(broken.body)).toBe(200);
    const failed = await waitFor('the poll error', async () => {
      const m = (await admin.get(`/api/v1/admin/imap-mailboxes/${mailboxId}`)).body;
      return m.last_error ? m : null;
    });
    expect(failed.last_error).toMatch(/AUTHENTICATIONFAILED|Authentication failed/);
    expect(failed.last_error_at).toBeTruthy();
    expect((await admin.post(`/api/v1/admin/imap-mailboxes/${mailboxId}/test`)).body).toMatchObject({ ok: false, stage: 'login' });

    const messageId = newId();
    const uid = await append(mail('Waited for the fix', messageId));
    const fixed = await admin.patch(`/api/v1/admin/imap-mailboxes/${mailboxId}`, { password: passwords.sales });
    expect(fixed.status).toBe(200);
    expect((await ticketOf(messageId)).subject).toBe('Waited for the fix');
    await seen(uid);
    const healthy = (await admin.get(`/api/v1/admin/imap-mailboxes/${mailboxId}`)).body;
    expect(healthy).toMatchObject({ last_error: null, last_error_at: null });
    expect((await admin.post(`/api/v1/admin/imap-mailboxes/${mailboxId}/test`)).body).toMatchObject({ ok: true, stage: 'done' });
  });

  it('changes, turns off and deletes a mailbox: another account is read from its unread messages on, a turned-off one is not read', async () => {
    const billing = await dovecot.client('billing');
    try {
      const early = newId();
      await billing.append('INBOX', mail('For billing', early));
      const moved = await admin.patch(`/api/v1/admin/imap-mailboxes/${mailboxId}`, { username: 'billing', password: passwords.billing, enabled: false });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body).toMatchObject({ username: 'billing', enabled: false, last_uid: 0 });
      await poller.pollNow();
      expect(await inbound(early)).toEqual([]);
      expect((await admin.patch(`/api/v1/admin/imap-mailboxes/${mailboxId}`, { enabled: true })).status).toBe(200);
      expect((await ticketOf(early)).subject).toBe('For billing');
      expect((await admin.patch(`/api/v1/admin/imap-mailboxes/${mailboxId}`, { department_id: 999_999 })).status).toBe(400);
      expect((await admin.patch('/api/v1/admin/imap-mailboxes/999999', { enabled: false })).status).toBe(404);
      expect((await admin.delete(`/api/v1/admin/imap-mailboxes/${mailboxId}`)).status).toBe(204);
      expect((await admin.get(`/api/v1/admin/imap-mailboxes/${mailboxId}`)).status).toBe(404);
      expect((await admin.delete(`/api/v1/admin/imap-mailboxes/${mailboxId}`)).status).toBe(404);
    } finally {
      await billing.logout().catch(() => undefined);
    }
  });
});
