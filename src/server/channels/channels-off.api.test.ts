import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { buildTicket, createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { channels } from '../../contract/channels.ts';

describe('channels turned off', () => {
  let server: TestServer;
  let admin: ApiClient;
  let slug: string;
  let orgId: number;

  const turnOn = async (...on: string[]) => {
    const res = await admin.patch('/api/v1/settings', { channels_enabled: on });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const mail = async (messageId: string, subject: string, extra: string[] = []) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtp?.port, secure: false, ignoreTLS: true });
    const raw = ['From: Rina Customer <rina@customer.example>', 'To: support@off.example', `Subject: ${subject}`, `Message-ID: ${messageId}`, ...extra, '', 'Hello'].join('\r\n');
    await transport.sendMail({ envelope: { from: 'rina@customer.example', to: 'support@off.example' }, raw });
    await server.sweeper.sweepNow();
    return server.deps.db.selectFrom('inbound_mails').select(['outcome', 'reason', 'ticket_id']).where('org_id', '=', orgId).where('message_id', '=', messageId).executeTakeFirstOrThrow();
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { SMTP_INBOUND: 'true', SMTP_INBOUND_PORT: '0', SMTP_INBOUND_RATE_PER_MINUTE: '10000', TRUST_PROXY: '1' } });
    ({ admin, slug, orgId } = await createWorkspace(server.url));
    expect((await admin.post('/api/v1/departments', { name: 'Support', email: 'support@off.example' })).status).toBe(201);
  });
  afterAll(() => server?.close());

  it('has every channel on at first, and keeps at least one on', async () => {
    expect((await admin.get('/api/v1/settings')).body.channels_enabled).toEqual([...channels]);
    const none = await admin.patch('/api/v1/settings', { channels_enabled: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].field).toBe('body.channels_enabled');
    expect((await admin.patch('/api/v1/settings', { channels_enabled: ['fax'] })).status).toBe(400);
  });

  it('refuses new tickets of a turned-off channel with 409 at the channel, and takes them again once it is on', async () => {
    expect((await turnOn('web', 'email', 'api')).channels_enabled).toEqual(['web', 'email', 'api']);
    const refused = await admin.post('/api/v1/tickets', buildTicket({ channel: 'phone' }));
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ field: 'body.channel', message: 'this channel is turned off' }]);
    const key = await createApiKey(admin);
    const review = await key.post('/api/v1/channels/reviews', { platform: 'google', external_id: 'g-off-1', rating: 1, text: 'Awful', author: 'Budi' });
    expect(review.status).toBe(409);
    expect((await admin.get('/api/v1/tickets?channel=review')).body.items).toEqual([]);
    await turnOn(...channels);
    expect((await admin.post('/api/v1/tickets', buildTicket({ channel: 'phone' }))).status).toBe(201);
  });

  it('closes the portal request form while web is off, writing nothing', async () => {
    await turnOn('email', 'phone');
    const config = (await server.anonymous().get(`/api/v1/portal/${slug}/config`)).body;
    expect(config.accepts_requests).toBe(false);
    const res = await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { name: 'Web Off', email: 'web.off@example.com', description: 'Hello?' }, { 'x-forwarded-for': '10.7.0.1' });
    expect(res.status).toBe(409);
    expect((await admin.get('/api/v1/customer-users?search=web.off@example.com')).body.items).toEqual([]);
    await turnOn(...channels);
    expect((await server.anonymous().get(`/api/v1/portal/${slug}/config`)).body.accepts_requests).toBe(true);
  });

  it('sets aside new mail while email is off, and still threads replies to open tickets', async () => {
    const first = await mail('<off-first@customer.example>', 'Kettle leaks');
    expect(first.outcome).toBe('ticket_created');
    const ticket = (await server.deps.db.selectFrom('tickets').select('number').where('id', '=', first.ticket_id as number).executeTakeFirstOrThrow()).number;
    await turnOn('web', 'phone');
    const fresh = await mail('<off-new@customer.example>', 'Another problem');
    expect(fresh).toMatchObject({ outcome: 'ignored', ticket_id: null });
    expect(fresh.reason).toContain('turned off');
    const reply = await mail('<off-reply@customer.example>', `Re: Kettle leaks [#${ticket}]`, ['In-Reply-To: <off-first@customer.example>']);
    expect(reply.outcome).toBe('added_to_ticket');
    await turnOn(...channels);
  });

  it('answers 403 to agents changing the channels, and changes nothing', async () => {
    const agent = await createAgent(admin);
    expect((await agent.client.patch('/api/v1/settings', { channels_enabled: ['web'] })).status).toBe(403);
    expect((await admin.get('/api/v1/settings')).body.channels_enabled).toEqual([...channels]);
  });
});
