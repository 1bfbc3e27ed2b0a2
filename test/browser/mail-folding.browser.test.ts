import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createWorkspace } from '../helpers/factories.ts';
import { deliveryReport } from '../helpers/delivery-report.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

const from = 'Rina Customer <rina@customer.example>';
const opening = 'Hello,\n\nMy kettle leaks from the bottom since Monday.\n\n-- \nRina Customer | +62 812 0000 0000\nJl. Melati 5, Jakarta\n';
const reply =
  'Here is the photo of the leak.\n\nSent from my iPhone\n\nOn Tue, 6 Jan 2026 at 09:12, Support <support@shop.example> wrote:\n> Please send a photo of the leak.\n>\n> Regards, Support\n';

describe.skipIf(!hasChromium)(`an email ticket in the agent view, in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let page: Page;
  let errors: string[];
  let number: string;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer({ env: { SMTP_INBOUND: 'true', SMTP_INBOUND_PORT: '0' } });
    ({ admin } = await createWorkspace(server.url));
    expect((await admin.post('/api/v1/departments', { name: 'Support', email: 'support@shop.example' })).status).toBe(201);
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtp?.port, secure: false, ignoreTLS: true });
    await smtp.sendMail({ from, to: 'support@shop.example', subject: 'Kettle leaks', text: opening, messageId: '<fold.1@customer.example>' });
    await server.sweeper.sweepNow();
    number = (await admin.get('/api/v1/tickets?channel=email')).body.items[0].number;
    expect((await admin.post(`/api/v1/tickets/${number}/messages`, { body: 'Please send a photo of the leak.\n\nRegards, Support' })).status).toBe(201);
    await smtp.sendMail({ from, to: 'support@shop.example', subject: `Re: Kettle leaks [#${number}]`, text: reply, inReplyTo: '<fold.1@customer.example>', messageId: '<fold.2@customer.example>' });
    // A reply cut off in transit: a multipart without its closing boundary.
    const cut = [`From: ${from}`, 'To: support@shop.example', `Subject: Re: Kettle leaks [#${number}]`, 'Message-ID: <fold.3@customer.example>', 'In-Reply-To: <fold.1@customer.example>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="cut"', '', '--cut', 'Content-Type: text/plain', '', 'And a second photo of the'].join('\r\n');
    await smtp.sendMail({ envelope: { from: 'rina@customer.example', to: 'support@shop.example' }, raw: cut });
    // Mail to Rina bounced once.
    const dsn = deliveryReport({ from: 'MAILER-DAEMON@mx.customer.example', messageId: '<fold.4@mx.customer.example>', recipient: 'rina@customer.example', status: '5.2.2', text: 'Mailbox full.' });
    await smtp.sendMail({ envelope: { from: '', to: 'support@shop.example' }, raw: dsn });
    await server.sweeper.sweepNow();
    browser = await launchChromium();
    ({ page, errors } = await openPage(await signedInContext(browser, server.url, admin)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('folds quoted messages and signatures behind a toggle, flags the mail cut short, and shows the bounce', async () => {
    await page.goto(`${server.url}/tickets/${number}`);
    const chat = page.getByRole('list', { name: 'Conversation' });
    const items = chat.locator(':scope > li');
    await expect.poll(() => items.count()).toBe(4);

    // The complaint: its signature folded.
    const complaint = items.nth(0);
    await expect.poll(() => complaint.locator('.chat-text').first().innerText()).toBe('Hello,\n\nMy kettle leaks from the bottom since Monday.');
    expect(await complaint.getByText('Jl. Melati 5, Jakarta').isVisible()).toBe(false);
    await page.screenshot({ path: '/tmp/mail-folding-folded.png', fullPage: true });
    await complaint.getByRole('button', { name: 'Show signature' }).click();
    expect(await complaint.getByText('Jl. Melati 5, Jakarta').isVisible()).toBe(true);

    // The reply by mail: the phone's sign-off and the quoted message folded, then opened.
    const answer = items.nth(2);
    const toggle = answer.getByRole('button', { name: 'Show quoted text' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await answer.locator('.chat-text').first().innerText()).toBe('Here is the photo of the leak.');
    expect(await answer.getByText('> Please send a photo of the leak.').isVisible()).toBe(false);
    await toggle.click();
    const hide = answer.getByRole('button', { name: 'Hide quoted text' });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    expect(await answer.locator('.mail-folded').innerText()).toBe(reply.slice(reply.indexOf('Sent from')).trimEnd());
    // The agent's own reply is not a mail: nothing folds, no original.
    expect(await items.nth(1).getByRole('button').count()).toBe(0);

    // The mail cut short: flagged, with its original to download.
    const flagged = items.nth(3);
    const note = flagged.getByRole('note');
    await expect.poll(() => note.innerText()).toMatch(/could not be read completely[\s\S]*some text or files may be missing/);
    const href = await note.getByRole('link', { name: 'Download the original mail' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/api/v1/tickets/${number}/mails/\\d+/raw$`));
    const raw = await page.request.get(`${server.url}${href}`);
    expect(raw.status()).toBe(200);
    expect(await raw.text()).toContain('And a second photo of the');

    // The customer panel: Rina's mail bounced, why and when on hover.
    const panel = page.getByRole('region', { name: 'Customer' });
    const badge = panel.getByTestId('bounce-badge').locator('.badge');
    expect(await badge.innerText()).toBe('Mail bounced');
    expect(await badge.getAttribute('title')).toMatch(/^Mail to rina@customer\.example bounced on .+: failed: /);

    await page.screenshot({ path: '/tmp/mail-folding.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows the bounce on the customer user page too', async () => {
    const userId = (await admin.get(`/api/v1/tickets/${number}`)).body.customer_user.id;
    await page.goto(`${server.url}/customer-users/${userId}`);
    await expect.poll(() => page.getByTestId('bounce-badge').first().innerText()).toContain('Mail bounced');
    expect(errors).toEqual([]);
  });
});
