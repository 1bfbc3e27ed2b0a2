import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createApiKey, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { deliveryReport } from '../../../test/helpers/delivery-report.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { CicDashboard } from '../../contract/cic.ts';
import type { Message, Ticket } from '../../contract/tickets.ts';

let sequence = 0;
const newId = () => `<flag${Date.now()}.${++sequence}@customer.example>`;
const mailHead = (messageId: string, subject: string, extra: string[] = []) => [
  'From: Rina Customer <rina@customer.example>',
  'To: support@shop.example',
  `Subject: ${subject}`,
  `Message-ID: ${messageId}`,
  'MIME-Version: 1.0',
  ...extra,
];

describe('what agents see of a mail: its original, an unreadable flag, and bounces', () => {
  let server: TestServer;
  let admin: ApiClient;
  let orgId: number;

  beforeAll(async () => {
    server = await startTestServer({ env: { SMTP_INBOUND: 'true', SMTP_INBOUND_PORT: '0', SMTP_INBOUND_RATE_PER_MINUTE: '10000', CAREDESK_SIGNUP: 'open' } });
    ({ admin, orgId } = await createWorkspace(server.url));
    expect((await admin.post('/api/v1/departments', { name: 'Support', email: 'support@shop.example' })).status).toBe(201);
  });
  afterAll(() => server?.close());

  /** Sends raw bytes over SMTP and reads them in; answers the ticket the mail went to. */
  async function sendRaw(raw: Buffer | string, messageId: string): Promise<Ticket> {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtp?.port, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({ envelope: { from: 'rina@customer.example', to: 'support@shop.example' }, raw });
    expect(info.response).toMatch(/^250 /);
    await server.sweeper.sweepNow();
    const row = await server.deps.db.selectFrom('inbound_mails').select('ticket_id').where('org_id', '=', orgId).where('message_id', '=', messageId).executeTakeFirstOrThrow();
    const t = await server.deps.db.selectFrom('tickets').select('number').where('org_id', '=', orgId).where('id', '=', row.ticket_id as number).executeTakeFirstOrThrow();
    return (await admin.get(`/api/v1/tickets/${t.number}`)).body;
  }
  const messagesOf = async (number: string): Promise<Message[]> => (await admin.get(`/api/v1/tickets/${number}/messages`)).body.items;
  const download = (client: ApiClient, url: string) => fetch(`${server.url}${url}`, { headers: client.cookie ? { cookie: client.cookie } : { authorization: `Bearer ${client.bearer}` } });

  it('keeps the text of a mail with a quote and a signature whole, and links the ticket and its reply messages to their originals', async () => {
    const first = newId();
    const text = 'My kettle leaks.\r\n\r\n-- \r\nRina Customer\r\n+62 812 0000 0000\r\n';
    const ticket = await sendRaw([...mailHead(first, 'Kettle leaks', ['Content-Type: text/plain; charset=utf-8']), '', text].join('\r\n'), first);
    expect(ticket.description).toBe('My kettle leaks.\n\n-- \nRina Customer\n+62 812 0000 0000');
    expect(ticket.mail).toEqual({ unreadable: null, raw_url: expect.stringMatching(new RegExp(`^/api/v1/tickets/${ticket.number}/mails/\\d+/raw$`)) });

    const reply = newId();
    const quoted = 'It still leaks.\r\n\r\nOn Mon, 5 Jan 2026 at 10:00, Support <support@shop.example> wrote:\r\n> Please try again.\r\n';
    const same = await sendRaw([...mailHead(reply, `Re: Kettle leaks [#${ticket.number}]`, ['Content-Type: text/plain; charset=utf-8', `In-Reply-To: ${first}`]), '', quoted].join('\r\n'), reply);
    expect(same.number).toBe(ticket.number);
    expect(await createApiKey(admin).then((k) => k.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Noted.', visibility: 'internal' }))).toMatchObject({ status: 201 });
    const [byMail, byKey] = await messagesOf(ticket.number);
    expect(byMail.body).toBe('It still leaks.\n\nOn Mon, 5 Jan 2026 at 10:00, Support <support@shop.example> wrote:\n> Please try again.');
    expect(byMail.mail).toEqual({ unreadable: null, raw_url: expect.stringMatching(/\/mails\/\d+\/raw$/) });
    expect(byKey.mail).toBeNull();

    // The originals, byte for byte as received, to an agent and to an API key.
    const original = await download(admin, byMail.mail?.raw_url as string);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('message/rfc822');
    expect(original.headers.get('content-disposition')).toMatch(/^attachment; filename="ticket-.+\.eml"$/);
    const body = await original.text();
    expect(body).toContain(`Message-ID: ${reply}`);
    expect(body).toContain(quoted);
    const key = await createApiKey(admin);
    expect((await download(key, ticket.mail?.raw_url as string)).status).toBe(200);
  });

  it('answers 404 for a mail under another ticket, an unknown mail, and anything of another workspace; 401 without credentials', async () => {
    const a = newId();
    const ticket = await sendRaw([...mailHead(a, 'Toaster'), 'Content-Type: text/plain', '', 'Burnt.'].join('\r\n'), a);
    const other = await createTicket(admin, { subject: 'Phone call' });
    const mailId = /\/mails\/(\d+)\/raw$/.exec(ticket.mail?.raw_url ?? '')?.[1];
    expect((await admin.get(`/api/v1/tickets/${other.number}/mails/${mailId}/raw`)).status).toBe(404);
    expect((await admin.get(`/api/v1/tickets/${ticket.number}/mails/987654321/raw`)).status).toBe(404);
    expect((await admin.get(`/api/v1/tickets/${ticket.number}/mails/x/raw`)).status).toBe(400);
    expect((await server.anonymous().get(ticket.mail?.raw_url as string)).status).toBe(401);
    const stranger = await createWorkspace(server.url, undefined, 'signup');
    const theirs = await createTicket(stranger.admin, { subject: 'Theirs' });
    expect((await stranger.admin.get(`/api/v1/tickets/${ticket.number}/mails/${mailId}/raw`)).status).toBe(404);
    expect((await stranger.admin.get(`/api/v1/tickets/${theirs.number}/mails/${mailId}/raw`)).status).toBe(404);
  });

  it('flags a mail cut short, on the ticket it opens and on a reply it adds, and keeps what was read', async () => {
    const first = newId();
    const cut = [...mailHead(first, 'Blender', ['Content-Type: multipart/mixed; boundary="cut"']), '', '--cut', 'Content-Type: text/plain', '', 'The jug cracked and', ''].join('\r\n');
    const ticket = await sendRaw(cut, first);
    expect(ticket.mail?.unreadable).toBe('truncated');
    expect(ticket.description).toContain('The jug cracked and');

    const reply = newId();
    const garbled = Buffer.concat([
      Buffer.from([...mailHead(reply, `Re: Blender [#${ticket.number}]`, ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', `In-Reply-To: ${first}`]), '', 'Photo: caf'].join('\r\n')),
      Buffer.from([0xe9, 0xff, 0x0d, 0x0a]),
    ]);
    await sendRaw(garbled, reply);
    const [message] = await messagesOf(ticket.number);
    expect(message.mail?.unreadable).toBe('charset');
    const stored = await server.deps.db.selectFrom('messages').select(['mail_unreadable', 'inbound_mail_id']).where('org_id', '=', orgId).where('id', '=', message.id).executeTakeFirstOrThrow();
    expect(stored.mail_unreadable).toBe('charset');
    expect(stored.inbound_mail_id).toBeGreaterThan(0);

    const empty = newId();
    const nothing = await sendRaw([...mailHead(empty, 'Empty', ['Content-Type: multipart/mixed; boundary="none"']), '', ''].join('\r\n'), empty);
    expect(nothing.mail?.unreadable).toBe('no_body');
  });

  it('shows a bounce on the ticket, the customer user and the customer dashboard, and clears it when the email changes', async () => {
    const first = newId();
    const ticket = await sendRaw([...mailHead(first, 'Mixer').map((l) => l.replace('rina@', 'budi@').replace('Rina Customer', 'Budi')), 'Content-Type: text/plain', '', 'Loud.'].join('\r\n'), first);
    const userId = ticket.customer_user?.id as number;
    expect(ticket.customer_user).toMatchObject({ email: 'budi@customer.example', bounced_at: null, bounce_reason: null });

    const dsn = newId();
    const report = deliveryReport({ messageId: dsn, recipient: 'budi@customer.example' });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtp?.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ envelope: { from: '', to: 'support@shop.example' }, raw: report });
    await server.sweeper.sweepNow();

    const bounced = (await admin.get(`/api/v1/tickets/${ticket.number}`)).body as Ticket;
    expect(bounced.customer_user).toMatchObject({ bounce_reason: expect.stringMatching(/^failed: /) });
    expect(Date.parse(bounced.customer_user?.bounced_at ?? '')).not.toBeNaN();
    const dashboard = (await admin.get(`/api/v1/customer-users/${userId}/dashboard`)).body as CicDashboard;
    expect(dashboard.customer_users[0]).toMatchObject({ id: userId, bounce_reason: expect.stringMatching(/^failed: /) });

    // A change that keeps the address keeps the bounce; a new address clears it.
    expect((await admin.patch(`/api/v1/customer-users/${userId}`, { name: 'Budi S.' })).body).toMatchObject({ bounce_reason: expect.any(String) });
    expect((await admin.patch(`/api/v1/customer-users/${userId}`, { email: 'BUDI@customer.example' })).body).toMatchObject({ bounce_reason: expect.any(String) });
    const changed = await admin.patch(`/api/v1/customer-users/${userId}`, { email: 'budi.new@customer.example' });
    expect(changed.body).toMatchObject({ email: 'budi.new@customer.example', bounced_at: null, bounce_reason: null });
    expect((await admin.get(`/api/v1/tickets/${ticket.number}`)).body.customer_user).toMatchObject({ bounced_at: null, bounce_reason: null });
  });
});
