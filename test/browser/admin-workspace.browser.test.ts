import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { buildTicket, createWorkspace } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

/** The field (label, input, message) around the input with this label, on the page or in a dialog. */
const field = (page: Page, label: string, scope: Page | Locator = page): Locator => scope.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });

// A 1×1 PNG: the logo preview loads it from an https address the test answers itself.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(!hasChromium)(`Admin › Workspace settings, categories and channels in Chromium (needs ${chromiumPath})`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    admin = (await createWorkspace(server.url)).admin;
    expect((await admin.post('/api/v1/departments', { name: 'Store Jaksel' })).status).toBe(201);
    browser = await launchChromium();
    let errors: string[];
    ({ page, errors } = await openPage(await signedInContext(browser, server.url, admin)));
    pageErrors = errors;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.route('https://cdn.shop.example/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: png }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('changes the workspace name and the ticket number prefix, and both take effect; refusals show at their fields', async () => {
    await page.goto(`${server.url}/admin/settings`);
    const name = page.getByLabel('Workspace name', { exact: true });
    await expect.poll(() => name.inputValue()).toMatch(/^Shop /);
    await name.fill('Toko Maju Care');
    await page.getByLabel('Prefix', { exact: true }).fill('CS-{YYYY}-');
    await page.getByLabel('Digits of the counter', { exact: true }).fill('5');
    const year = String(new Date().getFullYear());
    expect(await page.getByRole('status').filter({ hasText: /^CS-/ }).textContent()).toMatch(new RegExp(`^CS-(${year}|${Number(year) + 1})-00042$`));

    // The form's own check: an http logo is refused at its field, before anything is sent.
    await page.getByLabel('Logo URL', { exact: true }).fill('http://cdn.shop.example/logo.png');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => field(page, 'Logo URL').getByText('Enter an https:// address of an image').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('logo_url');
    await page.getByLabel('Logo URL', { exact: true }).fill('https://cdn.shop.example/logo.png');
    await expect.poll(() => page.getByRole('img', { name: 'Logo preview' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

    // The server's check: a country it does not know comes back as a 400 shown at the field.
    await page.getByLabel('Default country', { exact: true }).fill('ZZ');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => field(page, 'Default country').getByText('Enter a two-letter country code such as ID').isVisible()).toBe(true);
    await page.getByLabel('Default country', { exact: true }).fill('id');
    await page.locator('input[name="auto_close-hours"]').fill('72');
    await expect.poll(() => page.getByText(/auto-closed after 3 days without a word/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('Settings saved.').isVisible()).toBe(true);
    await shot(page, 'admin-settings');

    // The header reads the name from the session, which the save read again.
    await expect.poll(() => page.locator('.app-workspace').textContent()).toBe('Toko Maju Care');
    const settings = await admin.get('/api/v1/settings');
    expect(settings.body).toMatchObject({ name: 'Toko Maju Care', ticket_number_prefix: 'CS-{YYYY}-', ticket_number_padding: 5, default_country: 'ID', auto_close_after_seconds: 72 * 3600, logo_url: 'https://cdn.shop.example/logo.png' });
    const ticket = await admin.post('/api/v1/tickets', buildTicket());
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    expect(ticket.body.number).toMatch(/^CS-\d{4}-\d{5}$/);
  });

  it('adds, renames, reorders and retires categories; a retired one is no longer offered and a taken name is a 409 at the name', async () => {
    await page.goto(`${server.url}/admin/categories`);
    const names = () => page.getByRole('table').getByRole('rowheader').allTextContents();
    // A new workspace starts with the seeded categories.
    const seeded = ['Return', 'Cancel', 'Damage', 'Delivery', 'Quality', 'Billing', 'Other'];
    await expect.poll(names).toEqual(seeded);
    const add = async (name: string) => {
      await page.getByRole('button', { name: 'Add category' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name', { exact: true }).fill(name);
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      return dialog;
    };
    const added = await add('Warranty');
    await expect.poll(() => added.isVisible()).toBe(false);
    await expect.poll(names).toEqual([...seeded, 'Warranty']);

    // The name is taken whatever its case: the API's 409 is said at the name field.
    const dialog = await add('return');
    await expect.poll(() => field(page, 'Name', dialog).getByText(/exists already/).isVisible()).toBe(true);
    expect(await dialog.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'admin-categories-taken');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Rename Warranty' }).click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Warranty claim');
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('The category is now called “Warranty claim”.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Move Warranty claim up' }).click();
    await expect.poll(() => page.getByText('“Warranty claim” is now number 7 of 8.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Move Warranty claim up' }).click();
    await expect.poll(() => page.getByText('“Warranty claim” is now number 6 of 8.').isVisible()).toBe(true);
    const order = ['Return', 'Cancel', 'Damage', 'Delivery', 'Quality', 'Warranty claim', 'Billing', 'Other'];
    await expect.poll(names).toEqual(order);

    await page.getByRole('button', { name: 'Retire Cancel' }).click();
    const cancel = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Cancel' }) });
    await expect.poll(() => cancel.getByText('Retired', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Restore Cancel' }).isVisible()).toBe(true);
    await shot(page, 'admin-categories');

    // The order and the retirement are the server's, not only the page's.
    const saved = await admin.get('/api/v1/categories');
    expect(saved.body.items.map((c: { name: string }) => c.name)).toEqual(order);
    expect(saved.body.items.filter((c: { retired: boolean }) => c.retired).map((c: { name: string }) => c.name)).toEqual(['Cancel']);

    await page.goto(`${server.url}/tickets/new`);
    const category = page.getByLabel('Category', { exact: true });
    await expect.poll(() => category.locator('option').allTextContents()).toEqual(['None', ...order.filter((n) => n !== 'Cancel')]);
  });

  it('saves review rules, adds a marketplace source and turns it off', async () => {
    await page.goto(`${server.url}/admin/channels`);
    await page.getByLabel('Rating that makes a ticket').selectOption({ label: '2 ★ or lower' });
    await page.getByLabel('Keywords', { exact: true }).fill('refund\nkecewa\nRefund');
    await page.getByRole('button', { name: 'Add location' }).click();
    // A location without its department is refused at the row.
    await page.getByLabel('Location 1', { exact: true }).fill('Jakarta Selatan');
    await page.getByRole('button', { name: 'Save review rules' }).click();
    await expect.poll(() => page.locator('.review-location .field-error').textContent()).toBe('Choose a department');
    await page.getByLabel('Department of location 1').selectOption({ label: 'Store Jaksel' });
    await page.getByRole('button', { name: 'Save review rules' }).click();
    await expect.poll(() => page.getByText('Review rules saved.').isVisible()).toBe(true);
    const rules = await admin.get('/api/v1/channels/review-rules');
    expect(rules.body).toMatchObject({ max_rating: 2, keywords: ['refund', 'kecewa'], locations: [{ location: 'Jakarta Selatan', department: { name: 'Store Jaksel' } }] });

    await page.getByRole('button', { name: 'Add source' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Tokopedia Mall');
    expect(await dialog.getByLabel('Key', { exact: true }).inputValue()).toBe('tokopedia-mall');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    const marketplaces = page.getByRole('region', { name: 'Marketplaces and shops' });
    await expect.poll(() => marketplaces.getByRole('row').filter({ hasText: 'Tokopedia Mall' }).getByText('On', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Turn off Tokopedia Mall' }).click();
    await expect.poll(() => marketplaces.getByRole('row').filter({ hasText: 'Tokopedia Mall' }).getByText('Off', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'IMAP mailboxes' }).last().getAttribute('href')).toBe('/admin/imap-mailboxes');
    await shot(page, 'admin-channels');
    expect(pageErrors).toEqual([]);
  });
});
