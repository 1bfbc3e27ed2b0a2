import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createWorkspace, PASSWORD } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot as shotAs } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

/** Screenshots of the form, for a person to look at; not part of the assertions. */
const shot = (page: Page, name: string) => shotAs(page, `create-ticket-${name}`);

/** The field (label, input, message) around the input with this label. */
const field = (page: Page, label: string): Locator => page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });

describe.skipIf(!hasChromium)(`Create ticket page in Chromium (needs ${chromiumPath})`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let rina: { id: number };
  let pageErrors: string[] = [];
  // Every ticket create the page sends, to prove a refused form sends nothing.
  const ticketPosts: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    const workspace = await createWorkspace(server.url);
    admin = workspace.admin;
    for (const name of ['Customer Service', 'Warehouse']) {
      const res = await admin.post('/api/v1/departments', { name });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const res = await admin.post('/api/v1/customer-users', { name: 'Rina Kusuma Wardani', email: 'rina.wardani@example.com', phone: '+62 811 222 333' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    rina = res.body;

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    let errors: string[];
    ({ page, errors } = await openPage(context));
    pageErrors = errors;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/tickets') ticketPosts.push(request.postData() ?? '');
    });

    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(workspace.adminEmail);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tickets');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a missing subject shows Required at the Subject field, focuses it and sends nothing', async () => {
    await openForm(page, server.url);
    await page.getByRole('radio', { name: 'New customer' }).check();
    await page.getByLabel('Name', { exact: true }).fill('Siti Rahma');
    await page.getByLabel('Phone', { exact: true }).fill('+62 812-555-0101');
    await page.getByRole('button', { name: 'Create ticket' }).click();

    expect(await field(page, 'Subject').locator('.field-error').textContent()).toBe('Required');
    expect(await page.getByLabel('Subject').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('subject');
    await shot(page, '1-validation');
    expect(ticketPosts).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/tickets/new');
  });

  it('creates a ticket for a new customer by phone, shows its number and opens it; the API finds it by the phone as typed', async () => {
    await page.getByLabel('Subject').fill('Blender jug arrived cracked');
    await page.getByLabel('Description').fill('Ordered a blender last week; the glass jug was cracked when the parcel was opened.\nWants a replacement jug.');
    expect(await page.getByLabel('Channel').inputValue()).toBe('phone');
    expect(await page.getByLabel('Source').count()).toBe(0);
    await page.getByLabel('Department').selectOption({ label: 'Customer Service' });
    await page.getByLabel('Category').selectOption({ label: 'Damage' });
    await page.getByLabel('Priority').selectOption({ label: 'High' });
    await page.getByLabel('Order number').fill('SO-2026-1187');
    await shot(page, '2-filled-new-customer');

    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL((url) => /^\/tickets\/\d+$/.test(url.pathname));
    const number = new URL(page.url()).pathname.split('/')[2];
    expect(number).toMatch(/^\d{8,}$/);
    // The ticket view announces the new ticket when it arrives from the create page.
    await page.getByText(`Ticket ${number} created`).waitFor();
    expect(await page.evaluate(() => (window.history.state as { usr?: unknown } | null)?.usr)).toEqual({ created: true });
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('caredesk.create-ticket-draft')))).toEqual([]);
    await shot(page, '3-created');

    const found = await admin.get(`/api/v1/tickets?phone=${encodeURIComponent('+62 812-555-0101')}`);
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(1);
    const ticket = found.body.items[0];
    expect(ticket).toMatchObject({
      number,
      subject: 'Blender jug arrived cracked',
      priority: 'high',
      channel: 'phone',
      order_number: 'SO-2026-1187',
      category: { name: 'Damage' },
      department: { name: 'Customer Service' },
      customer_user: { name: 'Siti Rahma', phone: '+62 812-555-0101' },
    });
    expect(ticket.description).toContain('Wants a replacement jug.');
  });

  it('creates a ticket for an existing customer user found by part of the name and picked by keyboard', async () => {
    await openForm(page, server.url);
    await page.getByLabel('Find customer').fill('kusuma');
    const match = page.getByRole('list', { name: 'Matching customer users' }).getByRole('button', { name: /Rina Kusuma Wardani/ });
    expect(await match.textContent()).toContain('rina.wardani@example.com');
    expect(await match.textContent()).toContain('+62 811 222 333');
    await shot(page, '6-search');
    // By keyboard: down from the search into the matches, Enter picks; focus lands on Change.
    await page.getByLabel('Find customer').press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Chosen customer' }).getByText('Rina Kusuma Wardani').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Change customer');

    await page.getByLabel('Subject').fill('Points missing from last purchase');
    await page.getByLabel('Channel').selectOption({ label: 'In store' });
    await page.getByLabel('Loyalty transaction reference').fill('LOY-2026-0042');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL((url) => /^\/tickets\/\d+$/.test(url.pathname));

    const found = await admin.get(`/api/v1/tickets?customer_user_id=${rina.id}`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      subject: 'Points missing from last purchase',
      channel: 'in_store',
      priority: 'medium',
      transaction_ref: 'LOY-2026-0042',
      customer_user: { id: rina.id, name: 'Rina Kusuma Wardani' },
      category: null,
      department: null,
    });
  });

  it('keeps the typed text as a draft across a reload, and Start over clears it', async () => {
    await openForm(page, server.url);
    await page.getByLabel('Subject').fill('Refund not received');
    await page.getByLabel('Description').fill('Returned the shoes three weeks ago.');
    await page.getByLabel('Channel').selectOption({ label: 'Marketplace' });
    await page.getByLabel('Source').fill('ebay');
    await page.reload();

    await page.getByRole('status').filter({ hasText: 'Draft restored' }).waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('Refund not received');
    expect(await page.getByLabel('Description').inputValue()).toBe('Returned the shoes three weeks ago.');
    expect(await page.getByLabel('Source').inputValue()).toBe('ebay');

    await page.getByRole('button', { name: 'Start over' }).click();
    expect(await page.getByLabel('Subject').inputValue()).toBe('');
    expect(await page.getByLabel('Channel').inputValue()).toBe('phone');
    await page.reload();
    await page.getByLabel('Subject').waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('');
  });

  it('a category retired while the agent typed is refused by the server and shown at the Category field', async () => {
    await openForm(page, server.url);
    await pickRina(page);
    await page.getByLabel('Subject').fill('Sofa fabric pills after a month');
    await page.getByLabel('Category').selectOption({ label: 'Quality' });

    const categories = await admin.get('/api/v1/categories');
    const quality = categories.body.items.find((c: { name: string }) => c.name === 'Quality');
    expect((await admin.patch(`/api/v1/categories/${quality.id}`, { retired: true })).status).toBe(200);

    const posts = ticketPosts.length;
    await page.getByRole('button', { name: 'Create ticket' }).click();
    const error = field(page, 'Category').locator('.field-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('This category has been retired; choose another');
    expect(ticketPosts.length).toBe(posts + 1);
    expect(new URL(page.url()).pathname).toBe('/tickets/new');
    expect(await page.getByLabel('Subject').inputValue()).toBe('Sofa fabric pills after a month');
    // The reloaded list no longer offers it.
    await expect.poll(() => page.getByLabel('Category').locator('option', { hasText: 'Quality' }).count()).toBe(0);
    await shot(page, '4-server-error');
  });

  it('a lost answer or a server failure is a retryable alert that keeps the text, and the retry does not log the complaint twice', async () => {
    await openForm(page, server.url);
    await pickRina(page);
    await page.getByLabel('Subject').fill('Wrong size delivered');
    await page.getByLabel('Description').fill('Ordered M, got XL.');

    let attempts = 0;
    const keys: (string | undefined)[] = [];
    await page.route('**/api/v1/tickets', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      attempts++;
      keys.push(await route.request().headerValue('idempotency-key') ?? undefined);
      if (attempts === 1) {
        // The server creates the ticket, but its answer never reaches the browser.
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'Service unavailable' } }) });
    });

    await page.getByRole('button', { name: 'Create ticket' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The ticket was not created' });
    await alert.getByText('The server cannot be reached').waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('Wrong size delivered');

    await alert.getByRole('button', { name: 'Try again' }).click();
    await alert.getByText('The server had a problem (503)').waitFor();
    expect(await page.getByLabel('Description').inputValue()).toBe('Ordered M, got XL.');
    await shot(page, '5-server-failure');

    await page.unroute('**/api/v1/tickets');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.waitForURL((url) => /^\/tickets\/\d+$/.test(url.pathname));
    expect(attempts).toBe(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);

    const found = await admin.get(`/api/v1/tickets?customer_user_id=${rina.id}`);
    const copies = found.body.items.filter((t: { subject: string }) => t.subject === 'Wrong size delivered');
    expect(copies).toHaveLength(1);
    expect(`/tickets/${copies[0].number}`).toBe(new URL(page.url()).pathname);
    expect(pageErrors).toEqual([]);
  });

  it('in Bahasa Indonesia the form, its choices and its checks read Indonesian, and English comes back', async () => {
    await openForm(page, server.url);
    const posts = ticketPosts.length;
    await page.getByLabel('Language').selectOption({ label: 'Bahasa Indonesia' });
    await page.getByRole('heading', { name: 'Buat tiket', exact: true }).waitFor();
    await expect.poll(() => page.title()).toBe('Buat tiket · Caredesk');
    for (const label of ['Cari pelanggan', 'Subjek', 'Deskripsi', 'Kanal', 'Departemen', 'Kategori', 'Prioritas', 'Nomor pesanan', 'Referensi transaksi loyalitas']) {
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
    }
    expect(await page.getByLabel('Kanal').locator('option').allTextContents()).toEqual(['Situs web', 'Email', 'Telepon', 'Di toko', 'Ulasan', 'Marketplace', 'API', 'Chat']);
    expect(await page.getByLabel('Prioritas').locator('option').allTextContents()).toEqual(['Rendah', 'Sedang', 'Tinggi', 'Mendesak']);
    expect(await page.getByLabel('Departemen').locator('option').first().textContent()).toBe('Tidak ada');
    await page.getByLabel('Cari pelanggan').fill('x');
    await page.getByRole('status').filter({ hasText: 'Ketik minimal 2 karakter.' }).waitFor();
    await shot(page, '7-indonesian-search');
    await page.getByLabel('Cari pelanggan').fill('');

    await page.getByLabel('Kanal').selectOption({ label: 'Marketplace' });
    expect(await field(page, 'Sumber').locator('.field-hint').textContent()).toBe('Toko tempat pembelian, mis. ebay, amazon, b2b.');
    await page.getByRole('radio', { name: 'Pelanggan baru' }).check();
    await page.getByLabel('Nama', { exact: true }).fill('Siti Rahma');
    await page.getByRole('button', { name: 'Buat tiket' }).click();
    expect(await field(page, 'Subjek').locator('.field-error').textContent()).toBe('Wajib diisi');
    expect(await field(page, 'Email').locator('.field-error').textContent()).toBe('Email, nomor telepon, atau ID loyalti wajib diisi');
    await shot(page, '8-indonesian-checks');
    await page.setViewportSize({ width: 900, height: 900 });
    await shot(page, '9-indonesian-narrow');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(ticketPosts.length).toBe(posts);

    await page.getByLabel('Bahasa').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Create ticket', exact: true }).waitFor();
    expect(await page.getByLabel('Subject').count()).toBe(1);
    expect(await page.getByLabel('Channel').inputValue()).toBe('marketplace');
    await page.getByRole('button', { name: 'Clear form' }).click();
    expect(pageErrors).toEqual([]);
  });
});

/** A blank form: the draft a failed step of an earlier test left behind is dropped first. */
async function openForm(page: Page, baseUrl: string) {
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${baseUrl}/tickets/new`);
  await page.getByRole('heading', { name: 'Create ticket', exact: true }).waitFor();
  // The lists the selects offer have arrived.
  await expect.poll(() => page.getByLabel('Category').locator('option', { hasText: 'Damage' }).count()).toBe(1);
}

async function pickRina(page: Page) {
  await page.getByLabel('Find customer').fill('Rina*Wardani');
  await page.getByRole('button', { name: /Rina Kusuma Wardani/ }).click();
  await page.getByRole('group', { name: 'Chosen customer' }).waitFor();
}
