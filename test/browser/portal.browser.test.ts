import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';
import { startSmtpSink, type SmtpSink } from '../../src/server/mail/smtp-sink.testing.ts';

// A 1×1 PNG, made here rather than kept as a fixture.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The sign-in link in the newest mail the SMTP server received for the address, after the first `after` of them. */
async function signInLinkFromMail(sink: SmtpSink, address: string, after = 0): Promise<{ id: number; link: string }> {
  const toAddress = () => sink.received.filter((r) => r.envelopeTo.includes(address) && /\/auth\?token=/.test(r.mail.text ?? ''));
  await expect.poll(() => toAddress().length, { timeout: 10_000 }).toBeGreaterThan(after);
  const mails = toAddress();
  const mail = mails[mails.length - 1].mail;
  expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  const link = /https?:\/\/\S+\/auth\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`no sign-in link in: ${mail.text}`);
  return { id: mails.length, link };
}

describe.skipIf(!hasChromium)(`the customer portal in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let agent: { client: ApiClient; id: number };
  let slug: string;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let customer: { id: number; email: string };
  let ticket: { number: string };
  let link: { id: number; link: string };
  let sink: SmtpSink;
  // The assigned agent's app, open beside the portal: what the customer does reaches the bell live.
  let agentPage: Page;
  const agentBell = () => agentPage.locator('.bell-count').textContent();

  const at = (path: string) => `${server.url}/portal/${slug}${path}`;
  const agentTicket = async () => (await admin.get(`/api/v1/tickets/${ticket.number}`)).body;
  const head = () => page.locator('.portal-ticket-head');

  beforeAll(async () => {
    await ensureWebBuild();
    // Mail goes out over a real SMTP conversation; the test reads the sign-in link as it arrives.
    sink = await startSmtpSink();
    server = await startTestServer({ env: { SMTP_URL: sink.url } });
    ({ admin, slug } = await createWorkspace(server.url));
    agent = await createAgent(admin, { name: 'Rina Wijaya' });
    const email = `budi-${Date.now()}@example.com`;
    const user = await admin.post('/api/v1/customer-users', { name: 'Budi Santoso', email, language: 'en' });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    customer = { id: user.body.id, email };
    await createTicket(admin, { subject: 'Kettle switch is loose', customer: undefined, customer_user_id: customer.id });
    ticket = await createTicket(admin, {
      subject: 'Blender jug cracked',
      description: 'The jug was cracked on arrival.\nI want a replacement.',
      customer: undefined,
      customer_user_id: customer.id,
      order_number: 'WEB-1001',
      assignee: agent.id,
    });
    const reply = await agent.client.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Sorry about that! Could you send a photo of the crack?', visibility: 'public' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const internal = await agent.client.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Supplier batch 7 again.', visibility: 'internal' });
    expect(internal.status).toBe(201);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    ({ page, errors } = await openPage(context));
    ({ page: agentPage } = await openPage(await signedInContext(browser, server.url, agent.client)));
    await agentPage.goto(`${server.url}/tickets`);
    // Assigned the ticket by the admin: one notification already.
    await agentPage.locator('.bell-count').filter({ hasText: /^1$/ }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sink?.close();
  });

  it('asks for a sign-in link by email and gives the same answer whoever asks', async () => {
    await page.goto(at(`?email=${encodeURIComponent(customer.email)}`));
    await page.getByRole('heading', { name: 'Follow your requests' }).waitFor();
    expect(await page.getByLabel('Email address').inputValue()).toBe(customer.email);
    expect(await page.title()).toBe(`Follow your requests · Shop ${slug}`);
    await page.getByRole('button', { name: 'Request link' }).click();
    await page.getByText('If this address is registered, a link is on its way.').waitFor();
    await shot(page, 'portal-request-link');
    link = await signInLinkFromMail(sink, customer.email);
  });

  it('opens the link from the mail and lists the customer’s tickets, latest activity first', async () => {
    const url = new URL(link.link);
    await page.goto(`${server.url}${url.pathname}${url.search}`);
    await page.waitForURL((u) => u.pathname === `/portal/${slug}`);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    const items = page.getByRole('list', { name: 'Your tickets' }).getByRole('link');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toContain('Blender jug cracked');
    expect(await items.nth(0).innerText()).toContain('Received');
    expect(await items.nth(1).innerText()).toContain('Kettle switch is loose');
    expect(await page.locator('.portal-header').innerText()).toContain('Budi Santoso');
    await shot(page, 'portal-tickets');
  });

  it('shows the ticket’s information, its history and the conversation without internal notes', async () => {
    await page.getByRole('link', { name: /Blender jug cracked/ }).click();
    await page.waitForURL((u) => u.pathname === `/portal/${slug}/tickets/${ticket.number}`);
    await page.getByRole('heading', { name: 'Blender jug cracked' }).waitFor();
    const info = page.getByRole('tabpanel');
    expect(await page.getByRole('tab', { name: 'Information' }).getAttribute('aria-selected')).toBe('true');
    // textContent: innerText would give the labels upper-cased, as the stylesheet shows them.
    const facts = (await info.textContent()) ?? '';
    for (const fact of ['Assigned agent', 'Rina Wijaya', 'Order number', 'WEB-1001', 'Category', 'Damage', 'Priority', 'Medium', 'I want a replacement.']) expect(facts).toContain(fact);
    await shot(page, 'portal-information');

    // Arrow keys move between tabs, as in any tab list.
    await page.getByRole('tab', { name: 'Information' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tabpanel').getByText('Ticket created').waitFor();
    expect(await page.getByRole('tabpanel').innerText()).toContain('Our team replied');

    await page.getByRole('tab', { name: 'Notes' }).click();
    const chat = page.getByRole('list', { name: 'Conversation' });
    await chat.getByText('Could you send a photo of the crack?').waitFor();
    expect(await chat.locator('.portal-note-team').innerText()).toContain('Rina Wijaya');
    expect(await chat.innerText()).not.toContain('Supplier batch 7');
    expect(page.url()).toContain('tab=notes');
  });

  it('says the attachment limits before upload and refuses a file of another type at once', async () => {
    const composer = page.getByRole('form', { name: 'Add a note' });
    await composer.getByText('Up to 5 files, 10 MB each: PNG, JPEG, GIF, WebP, PDF, text.').waitFor();
    await composer.locator('input[type=file]').setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await composer.getByText('setup.exe is not an accepted type').waitFor();
    await composer.getByLabel('Your note').fill('Here you go');
    expect(await composer.getByRole('button', { name: 'Send notes' }).isDisabled()).toBe(true);
    await composer.getByRole('button', { name: 'Remove setup.exe' }).click();
    expect(await composer.getByRole('button', { name: 'Send notes' }).isDisabled()).toBe(false);
  });

  it('keeps a half-written note through a reload', async () => {
    await page.getByLabel('Your note').fill('Half-written note');
    await page.reload();
    await page.getByRole('heading', { name: 'Blender jug cracked' }).waitFor();
    expect(await page.getByLabel('Your note').inputValue()).toBe('Half-written note');
  });

  it('sends a note with a photo: it shows in the chat with its thumbnail, and the agent has it', async () => {
    const composer = page.getByRole('form', { name: 'Add a note' });
    await composer.getByLabel('Your note').fill('Here is the photo of the crack.');
    await composer.locator('input[type=file]').setInputFiles({ name: 'crack.png', mimeType: 'image/png', buffer: png });
    await composer.getByRole('list', { name: 'Files to send' }).getByText('crack.png').waitFor();
    await composer.getByRole('img', { name: 'Preview of crack.png' }).waitFor();
    await composer.getByRole('button', { name: 'Send notes' }).click();

    const mine = page.getByRole('list', { name: 'Conversation' }).locator('.portal-note-mine').filter({ hasText: 'Here is the photo of the crack.' });
    await mine.waitFor();
    const thumbnail = mine.getByRole('img', { name: 'crack.png' });
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await composer.getByLabel('Your note').inputValue()).toBe('');
    expect(await composer.getByRole('list', { name: 'Files to send' }).count()).toBe(0);

    const messages = (await agent.client.get(`/api/v1/tickets/${ticket.number}/messages`)).body.items as { body: string; author: { kind: string }; attachments: { filename: string; content_type: string; size_bytes: number }[] }[];
    const note = messages.find((m) => m.body === 'Here is the photo of the crack.');
    expect(note?.author.kind).toBe('customer');
    expect(note?.attachments.map((a) => [a.filename, a.content_type, a.size_bytes])).toEqual([['crack.png', 'image/png', png.length]]);
    await expect.poll(agentBell).toBe('2');
  });

  it('follows what the team does, live', async () => {
    await agent.client.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Thanks, a new jug is on its way.', visibility: 'public' });
    await page.getByRole('list', { name: 'Conversation' }).getByText('Thanks, a new jug is on its way.').waitFor();
    const moved = await agent.client.post(`/api/v1/tickets/${ticket.number}/transitions`, { to: 'resolved', resolution: 'Ready for collection: Store Kemang', resolution_kind: 'collect' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await head().getByText('Resolved', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Information' }).click();
    await page.getByText('Your product is ready to collect').waitFor();
    expect(await page.getByRole('tabpanel').innerText()).toContain('Ready for collection: Store Kemang');
  });

  it('reopens the ticket, then resolves it in the customer’s own words after confirming', async () => {
    await page.getByRole('button', { name: 'Reopen ticket' }).click();
    await head().getByText('In progress', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'is open again' }).waitFor();
    expect((await agentTicket()).status).toBe('open');
    await expect.poll(agentBell).toBe('3');

    await page.getByRole('button', { name: 'Resolve ticket' }).click();
    const dialog = page.getByRole('dialog', { name: `Resolve ticket ${ticket.number}?` });
    await dialog.getByLabel('What solved it? (optional)').fill('Collected the new jug, all good.');
    await shot(page, 'portal-resolve-dialog');
    await dialog.getByRole('button', { name: 'Resolve ticket' }).click();
    await dialog.waitFor({ state: 'detached' });
    await head().getByText('Resolved', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Reopen ticket' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Resolve ticket' }).count()).toBe(0);
    const resolved = await agentTicket();
    expect([resolved.status, resolved.resolved_by, resolved.resolution]).toEqual(['resolved', 'customer', 'Collected the new jug, all good.']);
    await expect.poll(agentBell).toBe('4');
    await agentPage.locator('.bell-button').click();
    const told = await agentPage.locator('.bell-item-kind').allTextContents();
    expect(told.slice(0, 4).map((t) => t.replace(/^Unread:\s*/, '').trim())).toEqual([
      'The customer resolved the ticket',
      'The customer reopened the ticket',
      'The customer added a note',
      'Assigned to you',
    ]);
    await shot(agentPage, 'portal-agent-bell');

    await page.getByRole('tab', { name: 'History' }).click();
    const last = page.getByRole('list', { name: 'What happened' }).getByRole('listitem').last();
    await expect.poll(() => last.innerText()).toContain('Resolved');
    expect(await last.innerText()).toContain('Customer');
    expect(await last.innerText()).toContain('Collected the new jug, all good.');
    await shot(page, 'portal-history');
  });

  it('fits a phone screen, in light and dark', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('list', { name: 'Conversation' }).getByText('Here is the photo of the crack.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'portal-ticket-phone');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.getByRole('list', { name: 'Conversation' }).getByText('Here is the photo of the crack.').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await shot(page, 'portal-ticket-phone-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('speaks Bahasa Indonesia, and keeps the choice for the customer’s mails too', async () => {
    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('tab', { name: 'Catatan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Kirim catatan' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await expect.poll(async () => (await admin.get(`/api/v1/customer-users/${customer.id}`)).body.language).toBe('id');
    await page.reload();
    await page.getByRole('tab', { name: 'Catatan' }).waitFor();
    await shot(page, 'portal-ticket-id');
    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByRole('tab', { name: 'Notes' }).waitFor();
  });

  it('submits a request as the signed-in customer without asking who they are, and links to it', async () => {
    await page.goto(at('/new'));
    await page.getByRole('heading', { name: 'Submit a request' }).waitFor();
    expect(await page.getByLabel('Your name').count()).toBe(0);
    await page.getByText(`We will answer Budi Santoso at ${customer.email}.`).waitFor();
    await page.getByLabel('Category (optional)').selectOption({ label: 'Delivery' });
    await page.getByLabel('What happened?').fill('The toaster never arrived.');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByRole('heading', { name: 'Thank you, we received your request' }).waitFor();
    const number = /Your ticket number is (\S+)\./.exec(await page.locator('.portal-done').innerText())?.[1];
    expect(number).toBeTruthy();
    await page.getByRole('link', { name: `Open ticket ${number}` }).click();
    await page.getByRole('heading', { name: 'The toaster never arrived.' }).waitFor();
    const created = (await admin.get(`/api/v1/tickets/${number}`)).body;
    expect([created.channel, created.category?.name, created.customer_user?.id]).toEqual(['web', 'Delivery', customer.id]);
  });

  it('logs out only after "Yes, logout", back on the request-link page', async () => {
    await page.getByRole('button', { name: 'Logout' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log out of the portal?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(async (url) => (await fetch(url)).status, at('').replace('/portal/', '/api/v1/portal/') + '/me')).toBe(200);

    await page.getByRole('button', { name: 'Logout' }).click();
    await dialog.getByRole('button', { name: 'Yes, logout' }).click();
    await page.getByRole('button', { name: 'Request link' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/portal/${slug}`);
    expect(await page.evaluate(async (url) => (await fetch(url)).status, at('').replace('/portal/', '/api/v1/portal/') + '/me')).toBe(401);
    // Signed out, a ticket's address leads to the request-link page.
    await page.goto(at(`/tickets/${ticket.number}`));
    await page.getByRole('button', { name: 'Request link' }).waitFor();
  });

  it('sends a used link to the link-expired page, with the form to request a new one', async () => {
    const url = new URL(link.link);
    await page.goto(`${server.url}${url.pathname}${url.search}`);
    await page.waitForURL((u) => u.pathname === `/portal/${slug}/link-expired`);
    await page.getByText('This link has expired or was already used. Request a new one.').waitFor();
    await page.getByRole('button', { name: 'Request link' }).waitFor();
  });

  it('takes a request from anyone, with a honeypot people never see', async () => {
    await page.goto(at('/new'));
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.getAttribute('autocomplete')).toBe('off');
    expect(await honeypot.evaluate((el) => el.closest('[aria-hidden="true"]') !== null && el.getBoundingClientRect().right <= 0)).toBe(true);

    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByText('Required').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');

    await page.getByLabel('Your name').fill('Sari Dewi');
    await page.getByLabel('Email address').fill('sari@example.com');
    await page.getByLabel('Order number (optional)').fill('WEB-2002');
    await page.getByLabel('What happened?').fill('<b>Wrong colour</b> delivered');
    await page.locator('input[type=file]').setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: png });
    await shot(page, 'portal-request-form');

    // What a form-filling robot does: the server refuses it, and the form says so without naming the hidden field.
    await honeypot.fill('https://spam.example', { force: true });
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByRole('alert').getByText('The form could not be accepted.').waitFor();
    expect((await admin.get('/api/v1/tickets?email=sari@example.com')).body.items).toEqual([]);
    await honeypot.fill('', { force: true });

    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByRole('heading', { name: 'Thank you, we received your request' }).waitFor();
    const number = /Your ticket number is (\S+)\./.exec(await page.locator('.portal-done').innerText())?.[1];
    expect(await page.getByText('To follow it, request a sign-in link with the same email address.').isVisible()).toBe(true);
    const created = (await admin.get(`/api/v1/tickets/${number}`)).body;
    expect([created.description, created.order_number, created.customer_user?.email]).toEqual(['<b>Wrong colour</b> delivered', 'WEB-2002', 'sari@example.com']);
    const files = (await admin.get(`/api/v1/tickets/${number}/messages`)).body.items.flatMap((m: { attachments: { filename: string }[] }) => m.attachments.map((a) => a.filename));
    expect(files).toEqual(['label.png']);
    await shot(page, 'portal-request-done');
  });

  it('says how long to wait when links are asked for too often', async () => {
    await page.goto(at(''));
    const button = page.getByRole('button', { name: 'Request link' });
    const tooMany = page.getByRole('alert').filter({ hasText: 'Too many link requests' });
    await page.getByLabel('Email address').fill('nobody@example.com');
    for (let i = 0; i < 6 && !(await tooMany.isVisible()); i++) {
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/sign-in')), button.click()]);
      // The page has taken the answer in: either the refusal shows, or the button is back for another try.
      await expect.poll(async () => (await tooMany.isVisible()) || ((await button.count()) > 0 && (await button.isEnabled()))).toBe(true);
    }
    expect(await tooMany.innerText()).toMatch(/Wait 1[45] minutes before requesting another link\./);
    const waiting = page.getByRole('button', { name: /^Request again in 1[45] minutes$/ });
    expect(await waiting.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });
});
