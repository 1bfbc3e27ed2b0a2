import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/client.ts';
import { PASSWORD, createAgent, createTicket, createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

describe.skipIf(!hasChromium)(`the ticket view in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let adminEmail: string;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let ticket: { number: string; subject: string };

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    ({ admin, adminEmail } = await createWorkspace(server.url));
    expect((await admin.post('/api/v1/departments', { name: 'Returns' })).status).toBe(201);
    ticket = await createTicket(admin, { subject: 'Blender jug cracked', description: 'The jug was cracked on arrival.\nI want a replacement.', order_number: 'WEB-1001' });
    browser = await launchChromium();
    context = await signedInContext(browser, server.url, admin);
    ({ page, errors } = await openPage(context));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const ticketPath = () => `/api/v1/tickets/${ticket.number}`;

  it('opens from the dashboard table with its header, complaint, customer and order', async () => {
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('link', { name: ticket.number }).click();
    await page.waitForURL((url) => url.pathname === `/tickets/${ticket.number}`);
    await page.getByRole('heading', { name: 'Blender jug cracked' }).waitFor();
    const head = page.locator('.ticket-head');
    expect(await head.getByText('New', { exact: true }).count()).toBe(1);
    expect(await head.getByText('Medium', { exact: true }).count()).toBe(1);
    await page.getByText('I want a replacement.', { exact: false }).waitFor();
    const customer = page.getByRole('region', { name: 'Customer' });
    await customer.getByText('Budi Santoso', { exact: true }).waitFor();
    await customer.getByText('WEB-1001').waitFor();
    expect(errors).toEqual([]);
  });

  it('sends a reply the customer sees and an internal note they do not, each marked in the chat', async () => {
    const composer = page.getByRole('form', { name: 'Write a message' });
    await composer.getByLabel('Reply to the customer').fill('Sorry about that! A new jug is on its way.');
    await composer.getByRole('button', { name: 'Send reply' }).click();
    const chat = page.getByRole('list', { name: 'Conversation' });
    await chat.getByText('A new jug is on its way.', { exact: false }).waitFor();

    await composer.getByText('Internal note').click();
    await composer.getByLabel('Internal note for agents').fill('Supplier batch 7 again.');
    await composer.getByRole('button', { name: 'Add note' }).click();
    const note = chat.locator('.chat-note').filter({ hasText: 'Supplier batch 7 again.' });
    await note.waitFor();
    expect(await note.getByText('Internal note').count()).toBe(1);

    const messages = (await admin.get(`${ticketPath()}/messages`)).body.items as { body: string; visibility: string }[];
    expect(messages.map((m) => [m.body, m.visibility])).toEqual([
      ['Sorry about that! A new jug is on its way.', 'public'],
      ['Supplier batch 7 again.', 'internal'],
    ]);
    await shot(page, 'ticket-conversation');
  });

  it('keeps a draft reply through a reload', async () => {
    const composer = page.getByRole('form', { name: 'Write a message' });
    await composer.getByText('Reply to customer').click();
    await composer.getByLabel('Reply to the customer').fill('Half-written answer');
    await page.reload();
    await page.getByRole('heading', { name: 'Blender jug cracked' }).waitFor();
    expect(await page.getByLabel('Reply to the customer').inputValue()).toBe('Half-written answer');
    await page.getByLabel('Reply to the customer').fill('');
  });

  it('puts the ticket on hold with a reason and what it waits on, then resolves it as ready for collection', async () => {
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.locator('.ticket-head').getByText('Open', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'On hold' }).click();
    const hold = page.getByRole('dialog', { name: `Put ${ticket.number} on hold` });
    await hold.getByRole('button', { name: 'On hold' }).click();
    await hold.getByText('Required: say why the ticket waits').waitFor();
    await hold.getByLabel('Reason').fill('Waiting for photos of the jug');
    await hold.getByLabel('Waiting on').selectOption('customer');
    await hold.getByRole('button', { name: 'On hold' }).click();
    await hold.waitFor({ state: 'detached' });
    await page.locator('.ticket-head').getByText('On hold (waiting on the customer): Waiting for photos of the jug').waitFor();
    const held = (await admin.get(ticketPath())).body;
    expect([held.status, held.pending_reason, held.waiting_on]).toEqual(['pending', 'Waiting for photos of the jug', 'customer']);

    await page.getByRole('button', { name: 'Resolve' }).click();
    const resolve = page.getByRole('dialog', { name: `Resolve ${ticket.number}` });
    await resolve.getByLabel('Resolution').selectOption('Ready for collection');
    await resolve.getByLabel('Details (optional)').fill('Store Kemang, counter 2');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await resolve.waitFor({ state: 'detached' });
    await page.locator('.ticket-head').getByText('Resolution: Ready for collection: Store Kemang, counter 2').waitFor();
    const resolved = (await admin.get(ticketPath())).body;
    expect([resolved.status, resolved.resolution]).toEqual(['resolved', 'Ready for collection: Store Kemang, counter 2']);

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('tabpanel');
    for (const what of ['Created', 'Opened', 'Put on hold', 'Resolved']) await history.getByRole('cell', { name: what, exact: true }).first().waitFor();
    await shot(page, 'ticket-history');
    expect(errors).toEqual([]);
  });

  it('tells the second of two agents editing at once what changed, and saves nothing of theirs', async () => {
    const other = await createAgent(admin, { name: 'Rina Wijaya' });
    const fresh = await createTicket(admin, { subject: 'Two agents, one ticket' });
    const secondContext = await signedInContext(browser, server.url, other.client);
    const { page: second } = await openPage(secondContext);
    // The second agent's live stream is cut, as on a flaky connection: their page still shows the old version.
    await second.route('**/api/v1/events', (route) => route.abort());
    await page.goto(`${server.url}/tickets/${fresh.number}`);
    await second.goto(`${server.url}/tickets/${fresh.number}`);
    await page.getByRole('heading', { name: 'Two agents, one ticket' }).waitFor();
    await second.getByRole('heading', { name: 'Two agents, one ticket' }).waitFor();

    await page.getByLabel('Priority').selectOption('high');
    await expect.poll(async () => (await admin.get(`/api/v1/tickets/${fresh.number}`)).body.priority).toBe('high');

    await second.getByLabel('Category').selectOption({ label: 'Billing' });
    const notice = second.getByRole('alert').filter({ hasText: 'Your change was not saved: the ticket changed' });
    await notice.waitFor();
    await notice.getByText('Priority:').waitFor();
    expect(await notice.textContent()).toContain('Medium → High');
    const after = (await admin.get(`/api/v1/tickets/${fresh.number}`)).body;
    expect([after.priority, after.category.name]).toEqual(['high', 'Damage']);
    expect(await second.getByLabel('Priority').inputValue()).toBe('high');
    await shot(second, 'ticket-conflict');
    await secondContext.close();
  });

  it('shows markup typed by a customer as text, and runs none of it', async () => {
    const hostile = await createTicket(admin, {
      subject: '<img src=x onerror="window.__xss=1">',
      description: '<script>window.__xss=2</script><b onmouseover="window.__xss=3">bold?</b>',
    });
    await page.goto(`${server.url}/tickets/${hostile.number}`);
    await page.getByRole('heading', { name: '<img src=x onerror="window.__xss=1">' }).waitFor();
    await page.getByText('<script>window.__xss=2</script>', { exact: false }).waitFor();
    expect(await page.locator('.ticket-page img, .ticket-page script, .ticket-page b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it("shows another agent's change live, in the open ticket and in the dashboard, without a reload", async () => {
    const other = await createAgent(admin, { name: 'Sari Dewi' });
    const watched = await createTicket(admin, { subject: 'Watched live' });
    await page.goto(`${server.url}/tickets/${watched.number}`);
    await page.getByRole('heading', { name: 'Watched live' }).waitFor();
    expect((await other.client.post(`/api/v1/tickets/${watched.number}/messages`, { body: 'Called the customer, sending a courier.', visibility: 'internal' })).status).toBe(201);
    await page.getByRole('list', { name: 'Conversation' }).getByText('Called the customer, sending a courier.').waitFor();
    expect((await other.client.patch(`/api/v1/tickets/${watched.number}`, { priority: 'urgent' })).status).toBe(200);
    await page.locator('.ticket-head').getByText('Urgent', { exact: true }).waitFor();

    await page.goto(`${server.url}/tickets`);
    const row = page.locator('.tickets-table tbody tr').filter({ hasText: 'Watched live' });
    await row.waitFor();
    const before = Number(await page.locator('[data-status="open"] .tile-count').textContent());
    expect((await other.client.post(`/api/v1/tickets/${watched.number}/transitions`, { to: 'open' })).status).toBe(200);
    await row.getByText('Open', { exact: true }).waitFor();
    await expect.poll(async () => Number(await page.locator('[data-status="open"] .tile-count').textContent())).toBe(before + 1);
  });

  it('switches to the dark theme, keeps it after a reload, and goes back to the system theme', async () => {
    await page.goto(`${server.url}/tickets/${ticket.number}`);
    await page.getByRole('heading', { name: 'Blender jug cracked' }).waitFor();
    await page.getByLabel('Theme').selectOption('dark');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe('rgb(15, 20, 27)');
    await page.reload();
    await page.getByRole('heading', { name: 'Blender jug cracked' }).waitFor();
    expect(await background()).toBe('rgb(15, 20, 27)');
    await shot(page, 'ticket-dark');
    await page.getByLabel('Theme').selectOption('system');
    // Headless Chromium reports a light system preference.
    expect(await background()).toBe('rgb(244, 246, 249)');
  });

  it('answers the global keys: ? lists the shortcuts, c opens the create form, g t goes back, and typing is left alone', async () => {
    await page.goto(`${server.url}/tickets/${ticket.number}`);
    await page.getByRole('heading', { name: 'Blender jug cracked' }).waitFor();
    await page.getByLabel('Reply to the customer').fill('c?');
    expect(new URL(page.url()).pathname).toBe(`/tickets/${ticket.number}`);
    await page.getByLabel('Reply to the customer').fill('');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Create a ticket').waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'detached' });
    await page.keyboard.press('c');
    await page.waitForURL((url) => url.pathname === '/tickets/new');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await page.waitForURL((url) => url.pathname === '/tickets');
  });

  it('speaks Bahasa Indonesia when the agent chooses it, dates included, and keeps the choice', async () => {
    await page.goto(`${server.url}/tickets/${ticket.number}`);
    await page.getByRole('heading', { name: 'Blender jug cracked' }).waitFor();
    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('tab', { name: 'Percakapan' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Riwayat' }).count()).toBe(1);
    const head = page.locator('.ticket-head');
    await head.getByText('Selesai', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Buka kembali' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Pelanggan' }).getByText('Nomor pesanan').count()).toBe(1);
    // id-ID writes times with a dot: 20.14, not 20:14.
    expect(await head.locator('time').first().textContent()).toMatch(/\d{1,2} \w+ \d{4}(,| pukul) \d{2}\.\d{2}/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await shot(page, 'ticket-id');
    await page.reload();
    await page.getByRole('tab', { name: 'Percakapan' }).waitFor();
    // Kept on the server: another browser of the same agent opens in Indonesian too.
    await expect.poll(async () => (await admin.get('/api/v1/auth/me')).body.agent.language).toBe('id');
    const elsewhere = await signedInContext(browser, server.url, admin);
    const { page: other } = await openPage(elsewhere);
    await other.goto(`${server.url}/tickets/${ticket.number}`);
    await other.getByRole('tab', { name: 'Percakapan' }).waitFor();
    await elsewhere.close();
    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByRole('tab', { name: 'Conversation' }).waitFor();
    await expect.poll(async () => (await admin.get('/api/v1/auth/me')).body.agent.language).toBe('en');
  });

  it('sends an agent whose session ended to sign-in and back to the ticket, with the half-written reply still there', async () => {
    const ended = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const { page: p } = await openPage(ended);
    await p.goto(`${server.url}/sign-in`);
    await p.getByLabel('Email').fill(adminEmail);
    await p.getByLabel('Password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await p.waitForURL((url) => url.pathname === '/tickets');
    await p.goto(`${server.url}/tickets/${ticket.number}`);
    await p.getByLabel('Reply to the customer').fill('Dear Budi, about your jug: ');
    // The session ends on the server (signed out elsewhere); the next call the page makes is refused.
    const cookie = (await ended.cookies()).find((c) => c.name === 'caredesk_session');
    expect((await new ApiClient(server.url, { cookie: `caredesk_session=${cookie?.value}` }).post('/api/v1/auth/logout')).status).toBe(204);
    await p.getByRole('tab', { name: 'History' }).click();
    await p.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await p.getByLabel('Email').fill(adminEmail);
    await p.getByLabel('Password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await p.waitForURL((url) => url.pathname === `/tickets/${ticket.number}`);
    expect(await p.getByLabel('Reply to the customer').inputValue()).toBe('Dear Budi, about your jug: ');
    await ended.close();
  });

  it('attaches a picture to a reply: the composer lists it with its size, the chat shows a thumbnail, and the API lists it', async () => {
    // A 1×1 PNG, made here rather than kept as a fixture.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const parcel = await createTicket(admin, { subject: 'Parcel arrived wet' });
    await page.goto(`${server.url}/tickets/${parcel.number}`);
    await page.getByRole('heading', { name: 'Parcel arrived wet' }).waitFor();
    const composer = page.getByRole('form', { name: 'Write a message' });
    await composer.getByText('Up to 5 files, 10 MB each', { exact: false }).waitFor();
    await composer.locator('input[type=file]').setInputFiles({ name: 'wet-parcel.png', mimeType: 'image/png', buffer: png });
    const chosen = composer.getByRole('list', { name: 'Files to send' });
    await chosen.getByText('wet-parcel.png').waitFor();
    await composer.getByLabel('Reply to the customer').fill('Here is the photo you sent us.');
    await shot(page, 'ticket-attach-chosen');
    await composer.getByRole('button', { name: 'Send reply' }).click();
    const thumbnail = page.getByRole('list', { name: 'Conversation' }).getByRole('img', { name: 'wet-parcel.png' });
    await thumbnail.waitFor();
    await thumbnail.scrollIntoViewIfNeeded();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    expect(await chosen.count()).toBe(0);
    await shot(page, 'ticket-attach-sent');

    const messages = (await admin.get(`/api/v1/tickets/${parcel.number}/messages`)).body.items as { body: string; attachments: { filename: string; content_type: string; size_bytes: number }[] }[];
    expect(messages.map((m) => [m.body, m.attachments.map((a) => [a.filename, a.content_type, a.size_bytes])])).toEqual([
      ['Here is the photo you sent us.', [['wet-parcel.png', 'image/png', png.length]]],
    ]);
    expect(errors).toEqual([]);
  });

  it('says so when the ticket does not exist', async () => {
    await page.goto(`${server.url}/tickets/99999999`);
    await page.getByRole('alert').filter({ hasText: 'Ticket 99999999 does not exist' }).waitFor();
  });
});
