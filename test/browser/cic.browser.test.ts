import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createTicket, createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

describe.skipIf(!hasChromium)(`the Customer Information Center in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let customerId: number;

  const widgetTitles = () => page.locator('.cic-widget h2').evaluateAll((hs) => hs.map((h) => h.firstChild?.textContent?.trim()));
  const widget = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    ({ admin } = await createWorkspace(server.url));
    const customer = await admin.post('/api/v1/customers', { name: 'Toko Maju Jaya', customer_code: 'TMJ-001', address: 'Jl. Merdeka 1, Bandung' });
    expect(customer.status).toBe(201);
    customerId = customer.body.id;
    const ani = await admin.post('/api/v1/customer-users', { name: 'Ani Wijaya', email: 'ani@tokomaju.example', customer_id: customerId });
    const budi = await admin.post('/api/v1/customer-users', { name: 'Budi Hartono', phone: '+62 812 7000 1000', customer_id: customerId });
    expect([ani.status, budi.status]).toEqual([201, 201]);
    await createTicket(admin, { subject: 'Kettle leaks', customer: undefined, customer_user_id: ani.body.id });
    await createTicket(admin, { subject: 'Fan is noisy', customer: undefined, customer_user_id: ani.body.id });
    const opened = await createTicket(admin, { subject: 'Rice cooker broken', customer: undefined, customer_user_id: budi.body.id });
    expect((await admin.post(`/api/v1/tickets/${opened.number}/transitions`, { to: 'open' })).status).toBe(200);

    browser = await launchChromium();
    context = await signedInContext(browser, server.url, admin);
    ({ page, errors } = await openPage(context));
    await page.setViewportSize({ width: 1024, height: 800 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('explains the two-character rule, lists everyone for ** and opens the customer', async () => {
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Customers' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find a customer' });
    const field = dialog.getByLabel('Customer, customer user, email or phone');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('a');
    await dialog.getByText('Type at least 2 characters').waitFor();
    await field.fill('**');
    const results = dialog.getByRole('region', { name: 'Customers and customer users' });
    await results.getByRole('button', { name: /Toko Maju Jaya\s*Customer/ }).waitFor();
    await results.getByRole('button', { name: /Ani Wijaya\s*Customer user\s*Toko Maju Jaya/ }).waitFor();
    await results.getByRole('button', { name: /Toko Maju Jaya\s*Customer/ }).click();
    await page.waitForURL(`${server.url}/customers/${customerId}`);
    await page.getByRole('heading', { level: 1, name: 'Toko Maju Jaya' }).waitFor();
    await page.getByText('Customer id TMJ-001').waitFor();
  });

  it('shows the widgets with their counts and the company status', async () => {
    expect(await widgetTitles()).toEqual(['Customer users', 'Reminder tickets', 'Escalated tickets', 'New tickets', 'Open tickets']);
    const users = widget('Customer users');
    await users.getByRole('link', { name: 'Open tickets of Ani Wijaya: 2' }).waitFor();
    expect(await users.getByRole('link', { name: 'Closed tickets of Budi Hartono: 0' }).count()).toBe(1);
    const fresh = widget('New tickets');
    await fresh.getByRole('button', { name: /All\s*2/ }).waitFor();
    await fresh.getByRole('link', { name: /Kettle leaks/ }).waitFor();
    await widget('Open tickets').getByRole('link', { name: /Rice cooker broken/ }).waitFor();
    const status = page.getByRole('region', { name: 'Company status' });
    expect(await status.getByRole('link', { name: /New\s*2/ }).getAttribute('href')).toBe(`/search?status=new&customer_id=${customerId}`);
    await page.getByRole('region', { name: 'Customer information' }).getByText('Jl. Merdeka 1, Bandung').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'cic-dashboard');
  });

  it("opens the ticket search with the customer's tickets only from a status count", async () => {
    // A ticket of someone else, new as well: the search must leave it out.
    await createTicket(admin, { subject: 'Stranger asks about a parcel' });
    await page.getByRole('region', { name: 'Company status' }).getByRole('link', { name: /New\s*2/ }).click();
    await page.waitForURL((u) => u.pathname === '/search');
    await page.getByText(`Only the tickets of customer ${customerId}.`).waitFor();
    const rows = page.locator('.tickets-table tbody tr:not(.placeholder-row)');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('.tickets-table').innerText()).not.toContain('Stranger asks about a parcel');
    await page.getByRole('button', { name: 'Search all customers' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await page.goBack();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Toko Maju Jaya' }).waitFor();
  });

  it('creates a phone ticket for a customer user from the widget, the form filled in with them', async () => {
    await widget('Customer users').getByRole('link', { name: 'Phone ticket for Budi Hartono' }).click();
    await page.waitForURL((u) => u.pathname === '/tickets/new');
    await expect.poll(() => page.locator('form').innerText()).toContain('Budi Hartono');
    expect(await page.getByLabel('Channel').inputValue()).toBe('phone');
    await page.getByLabel('Subject').fill('Rice cooker lid missing');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL((u) => /^\/tickets\/[^/]+$/.test(u.pathname) && u.pathname !== '/tickets/new');
    const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string);
    const made = (await admin.get(`/api/v1/tickets/${number}`)).body;
    expect([made.subject, made.channel, made.customer_user?.name, made.customer?.id]).toEqual(['Rice cooker lid missing', 'phone', 'Budi Hartono', customerId]);
    await page.goBack();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Toko Maju Jaya' }).waitFor();
  });

  it('adds a customer user from the widget, refusing missing fields and a taken email at the field', async () => {
    await widget('Customer users').getByRole('button', { name: 'Add customer user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add customer user' });
    await dialog.getByText('Customer: Toko Maju Jaya').waitFor();
    await dialog.getByRole('button', { name: 'Save and finish' }).click();
    await dialog.getByText('Required').first().waitFor();
    expect(await dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Name').fill('Citra Lestari');
    await dialog.getByLabel('Email').fill('ANI@tokomaju.example');
    await dialog.getByRole('button', { name: 'Save and finish' }).click();
    await dialog.getByText('used by Ani Wijaya').waitFor();
    await shot(page, 'cic-customer-user-dialog');
    await dialog.getByLabel('Email').fill('citra@tokomaju.example');
    await dialog.getByLabel('Loyalty id').fill('LOY-77');
    await dialog.getByRole('button', { name: 'Save and finish' }).click();
    await dialog.waitFor({ state: 'detached' });
    await widget('Customer users').getByRole('link', { name: 'Open tickets of Citra Lestari: 0' }).waitFor();
    const made = (await admin.get('/api/v1/customer-users?search=citra')).body.items[0];
    expect([made.name, made.email, made.customer_id, made.loyalty_id]).toEqual(['Citra Lestari', 'citra@tokomaju.example', customerId, 'LOY-77']);
  });

  it('edits a customer user with the pencil: Save keeps the form open, Save and finish closes it', async () => {
    await widget('Customer users').getByRole('button', { name: 'Edit Budi Hartono' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Budi Hartono' });
    await dialog.getByLabel('Phone').fill('not a phone');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await dialog.getByLabel('Phone').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Phone').fill('0812 7000 2000');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByText('Budi Hartono saved.').waitFor();
    await dialog.getByLabel('Name').fill('Budi S. Hartono');
    await dialog.getByRole('button', { name: 'Save and finish' }).click();
    await dialog.waitFor({ state: 'detached' });
    await widget('Customer users').getByText('0812 7000 2000').waitFor();
    await widget('Customer users').getByRole('link', { name: 'Phone ticket for Budi S. Hartono' }).waitFor();
  });

  it("edits the customer's information with its own attributes", async () => {
    const info = page.getByRole('region', { name: 'Customer information' });
    await info.getByRole('button', { name: 'Edit Toko Maju Jaya' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Toko Maju Jaya' });
    await dialog.getByLabel('Address').fill('Jl. Asia Afrika 8, Bandung');
    await dialog.getByRole('button', { name: 'Add attribute' }).click();
    await dialog.getByLabel('Attribute', { exact: true }).fill('Contract No');
    await dialog.getByLabel('Value').fill('K-2026-19');
    await dialog.getByRole('button', { name: 'Save and finish' }).click();
    await dialog.getByText('attribute names are lower_snake_case', { exact: false }).waitFor();
    await shot(page, 'cic-customer-dialog');
    await dialog.getByLabel('Attribute', { exact: true }).fill('contract_no');
    await dialog.getByRole('button', { name: 'Save and finish' }).click();
    await dialog.waitFor({ state: 'detached' });
    await info.getByText('Jl. Asia Afrika 8, Bandung').waitFor();
    await info.getByText('K-2026-19').waitFor();
    expect((await admin.get(`/api/v1/customers/${customerId}`)).body.attributes).toEqual({ contract_no: 'K-2026-19' });
  });

  it('adds a new customer from the search dialog and opens its dashboard', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Customers' }).click();
    await page.getByRole('dialog', { name: 'Find a customer' }).getByRole('button', { name: 'New customer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByLabel('Name').fill('Warung Sederhana');
    await dialog.getByLabel('Customer id').fill('TMJ-001');
    await dialog.getByRole('button', { name: 'Save and finish' }).click();
    await dialog.getByText('used by another customer').waitFor();
    await dialog.getByLabel('Customer id').fill('WS-002');
    await dialog.getByRole('button', { name: 'Save and finish' }).click();
    await page.getByRole('heading', { level: 1, name: 'Warung Sederhana' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Toko Maju Jaya' }).waitFor();
  });

  it('merges a customer user into another: their tickets move and the kept one opens', async () => {
    const citra = (await admin.get('/api/v1/customer-users?search=citra')).body.items[0];
    const ani = (await admin.get('/api/v1/customer-users?search=ani@tokomaju.example')).body.items[0];
    await createTicket(admin, { subject: 'Blender jar cracked', customer: undefined, customer_user_id: citra.id });
    await page.goto(`${server.url}/customer-users/${citra.id}`);
    await page.getByRole('heading', { level: 1, name: 'Citra Lestari' }).waitFor();
    await page.getByRole('button', { name: 'Merge into another customer user…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge Citra Lestari' });
    await dialog.getByLabel('The customer user who stays').fill('ani*');
    await dialog.getByRole('radio', { name: /Ani Wijaya/ }).check();
    await dialog.getByText('All tickets of Citra Lestari move to Ani Wijaya').waitFor();
    await shot(page, 'cic-merge-dialog');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.waitForURL(`${server.url}/customer-users/${ani.id}`);
    await page.getByRole('heading', { level: 1, name: 'Ani Wijaya' }).waitFor();
    expect((await admin.get(`/api/v1/customer-users/${citra.id}`)).status).toBe(404);
    await page.getByRole('region', { name: 'Company status' }).getByRole('link', { name: /New\s*3/ }).waitFor();
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('heading', { level: 1, name: 'Toko Maju Jaya' }).waitFor();
  });

  it('hides a widget with its close button and keeps it hidden after a reload', async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences/cic_layout') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Hide Escalated tickets' }).click();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await widget('Customer users').waitFor();
    expect(await widgetTitles()).toEqual(['Customer users', 'Reminder tickets', 'New tickets', 'Open tickets']);
    expect(await page.getByRole('region', { name: 'Settings' }).getByLabel('Escalated tickets').isChecked()).toBe(false);
  });

  it('reorders widgets by dragging one by its handle and keeps the order after a reload', async () => {
    // Tall enough that the handle and the place it is dropped are both on screen, as a mouse needs.
    await page.setViewportSize({ width: 1024, height: 1600 });
    const handle = page.getByRole('button', { name: 'Drag Open tickets' });
    const target = widget('Reminder tickets');
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('the handle and the target widget must be on screen');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences/cic_layout') && r.request().method() === 'PUT');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, to.y + 10, { steps: 12 });
    await page.mouse.up();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await widget('Customer users').waitFor();
    expect(await widgetTitles()).toEqual(['Customer users', 'Open tickets', 'Reminder tickets', 'New tickets']);
    await page.setViewportSize({ width: 1024, height: 800 });
  });

  it('moves a widget from the keyboard: Space picks it up, an arrow moves it, Space drops it', async () => {
    await page.getByRole('button', { name: 'Drag New tickets' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Drag New tickets' }).getAttribute('aria-pressed')).toBe('true');
    // dnd-kit's keyboard sensor starts listening for arrows in a timer after the pick-up; a timer
    // queued after it has run once it has (on a busy machine the arrow otherwise came first and was lost).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('ArrowUp');
    await page.getByText('New tickets is over position 3 of 4.').waitFor({ state: 'attached' });
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences/cic_layout') && r.request().method() === 'PUT');
    await page.keyboard.press('Space');
    expect((await saved).status()).toBe(200);
    await page.getByText('New tickets dropped at position 3 of 4.').waitFor({ state: 'attached' });
    expect(await widgetTitles()).toEqual(['Customer users', 'Open tickets', 'New tickets', 'Reminder tickets']);
    await shot(page, 'cic-dashboard-reordered');
  });

  it('switches a widget off in Settings', async () => {
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByLabel('Reminder tickets').uncheck();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences/cic_layout') && r.request().method() === 'PUT');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    expect((await saved).status()).toBe(200);
    await expect.poll(widgetTitles).toEqual(['Customer users', 'Open tickets', 'New tickets']);
  });

  it('shows a widget again from Settings', async () => {
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByLabel('Escalated tickets').check();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences/cic_layout') && r.request().method() === 'PUT');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    expect((await saved).status()).toBe(200);
    await widget('Escalated tickets').waitFor();
    expect(errors).toEqual([]);
  });

  it('speaks Bahasa Indonesia when the agent switches language', async () => {
    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('region', { name: 'Pengaturan' }).getByRole('button', { name: 'Simpan pengaturan' }).waitFor();
    await page.getByRole('button', { name: 'Seret Tiket baru' }).waitFor();
    await widget('Pengguna pelanggan').getByRole('button', { name: 'Tambah pengguna pelanggan' }).waitFor();
    await page.getByRole('navigation', { name: 'Utama' }).getByRole('button', { name: 'Pelanggan' }).click();
    await page.getByRole('dialog', { name: 'Cari pelanggan' }).getByText('Minimal 2 karakter', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    expect(errors).toEqual([]);
  });
});
