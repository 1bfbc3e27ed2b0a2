import { tmpdir } from 'node:os';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createTicket, createWorkspace } from '../helpers/factories.ts';
import { signInToPortal } from '../helpers/portal.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot as shotAs } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

/** Screenshots at 1280×800, for a person to look at; not part of the assertions. */
const shot = (page: Page, name: string) => shotAs(page, `ticket-fields-${name}`);

// A 1×1 PNG, made here rather than kept as a fixture.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The field (label, input, message) around the input with this label; a required one's label ends in its star. */
const field = (scope: Page | Locator, label: string): Locator =>
  scope.locator('.field').filter({ has: ('goto' in scope ? scope : scope.page()).getByLabel(new RegExp(`^${label}\\*?$`)) });

/** A browser context at the size the screenshots are taken at, with the cookies of an API client's session. */
async function contextOf(browser: Browser, baseUrl: string, client: ApiClient): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const cookies = (client.cookie ?? '').split('; ').filter(Boolean);
  await context.addCookies(cookies.map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: baseUrl, httpOnly: true, sameSite: 'Lax' as const })));
  return context;
}

describe.skipIf(!hasChromium)(`typed ticket fields in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let slug: string;
  let page: Page;
  let errors: string[] = [];
  // Every ticket create the page sends, to prove a refused form sends nothing.
  const ticketPosts: string[] = [];
  const tickets: Record<'kitchen' | 'audio', string> = { kitchen: '', audio: '' };
  const fieldId = async (key: string): Promise<number> => ((await admin.get('/api/v1/ticket-fields')).body.items as { id: number; key: string }[]).find((f) => f.key === key)!.id;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    ({ admin, slug } = await createWorkspace(server.url));
    browser = await launchChromium();
    ({ page, errors } = await openPage(await contextOf(browser, server.url, admin)));
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/tickets') ticketPosts.push(request.postData() ?? '');
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an admin defines a required drop-down with options in Admin › Ticket fields; a taken key is said at the key', async () => {
    await page.goto(`${server.url}/admin/ticket-fields`);
    await page.getByRole('heading', { name: 'Ticket fields', level: 1 }).waitFor();
    await page.getByText('No ticket fields yet').waitFor();
    expect(await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Ticket fields' }).getAttribute('aria-current')).toBe('page');

    await page.getByRole('button', { name: 'Add field' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a ticket field' });
    await dialog.getByLabel('Type').selectOption({ label: 'Drop-down: one option' });
    await shot(page, '0-admin-dialog-top');
    await dialog.getByLabel('Label (English)').fill('Product line');
    await dialog.getByLabel('Label (Bahasa Indonesia)').fill('Lini produk');
    // No option named yet: refused by the form, at the options.
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.getByText('A drop-down or multiple choice field needs at least one option that is not retired').waitFor();

    await dialog.getByLabel('Option 1 in English').fill('Kitchen');
    await dialog.getByLabel('Option 1 in Bahasa Indonesia').fill('Dapur');
    for (const [n, name] of [[2, 'Audio'], [3, 'Garden']] as const) {
      await dialog.getByRole('button', { name: 'Add option' }).click();
      await dialog.getByLabel(`Option ${n} in English`).fill(name);
    }
    await dialog.getByRole('checkbox', { name: 'Required' }).check();
    await dialog.getByRole('checkbox', { name: 'Visible to the customer' }).check();
    await dialog.getByRole('checkbox', { name: 'Shown on the portal and public request form' }).check();
    expect(await dialog.getByRole('checkbox', { name: 'Shown on the agents’ create form' }).isChecked()).toBe(true);
    await shot(page, '1-admin-dialog');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('“Product line” is added at the end of the forms.').waitFor();

    const defined = (await admin.get('/api/v1/ticket-fields')).body.items;
    expect(defined).toHaveLength(1);
    expect(defined[0]).toMatchObject({
      key: 'product_line',
      type: 'select',
      labels: { en: 'Product line', id: 'Lini produk' },
      required: true,
      customer_visible: true,
      on_agent_form: true,
      on_portal_form: true,
      options: [
        { key: 'kitchen', labels: { en: 'Kitchen', id: 'Dapur' }, retired: false },
        { key: 'audio', labels: { en: 'Audio', id: null }, retired: false },
        { key: 'garden', labels: { en: 'Garden', id: null }, retired: false },
      ],
    });

    // The key is the API's name for it: another field may not take it.
    await page.getByRole('button', { name: 'Add field' }).click();
    await dialog.getByLabel('Label (English)').fill('Product line again');
    await dialog.getByLabel('Key').fill('product_line');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    expect(await field(dialog, 'Key').locator('.field-error').textContent()).toBe('Another field has this key; choose another');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('key');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // More fields, through the API, for the forms below; the list shows them in form order.
    for (const body of [
      { type: 'text', labels: { en: 'Serial number', id: 'Nomor seri' } },
      { type: 'checkbox', labels: { en: 'Under warranty', id: 'Bergaransi' }, customer_visible: true },
      { type: 'date', labels: { en: 'Purchase date', id: 'Tanggal pembelian' } },
      { type: 'multi_select', labels: { en: 'Accessories', id: 'Aksesori' }, options: [{ labels: { en: 'Lid' } }, { labels: { en: 'Power cable' } }] },
    ]) {
      const res = await admin.post('/api/v1/ticket-fields', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    await page.reload();
    const rows = page.locator('.ticket-field-table tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await rows.nth(0).innerText()).toMatch(/Product line[\s\S]*product_line[\s\S]*Drop-down[\s\S]*3 options[\s\S]*Required[\s\S]*Customer and agents[\s\S]*Agent form, Portal form/);
    // Put in order: the warranty right after the product line.
    await page.getByRole('button', { name: 'Move Under warranty up' }).click();
    await page.getByText('“Under warranty” is now number 2 of 5.').waitFor();
    await expect.poll(async () => (await admin.get('/api/v1/ticket-fields')).body.items.map((f: { key: string }) => f.key)).toEqual([
      'product_line',
      'under_warranty',
      'serial_number',
      'purchase_date',
      'accessories',
    ]);
    await shot(page, '2-admin-list');
  });

  it('the create form asks the fields, refuses a ticket without the required one at its input, then creates it with the values', async () => {
    await page.goto(`${server.url}/tickets/new`);
    await page.getByRole('radio', { name: 'New customer' }).check();
    await page.getByLabel('Name', { exact: true }).fill('Siti Rahma');
    await page.getByLabel('Phone', { exact: true }).fill('+62 812-555-0101');
    await page.getByLabel('Subject').fill('Blender jug cracked');
    const details = page.getByRole('group', { name: 'Details' });
    expect(await details.locator('.field-label, .ticket-field-single').allInnerTexts()).toEqual(['Product line*', 'Under warranty', 'Serial number', 'Purchase date', 'Accessories']);
    await page.getByRole('button', { name: 'Create ticket' }).click();

    expect(await field(page, 'Product line').locator('.field-error').textContent()).toBe('Required');
    expect(await page.getByLabel('Product line').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('custom_fields.product_line');
    expect(ticketPosts).toEqual([]);
    await shot(page, '3-create-refused');

    await page.getByLabel('Product line').selectOption({ label: 'Kitchen' });
    expect(await field(page, 'Product line').locator('.field-error').count()).toBe(0);
    await page.getByLabel('Under warranty').check();
    await page.getByLabel('Purchase date').fill('2026-03-14');
    await page.getByRole('group', { name: 'Accessories' }).getByLabel('Lid').check();
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL((url) => /^\/tickets\/\d+$/.test(url.pathname));
    tickets.kitchen = new URL(page.url()).pathname.split('/')[2];
    expect(JSON.parse(ticketPosts[0]).custom_fields).toEqual({ product_line: 'kitchen', under_warranty: true, purchase_date: '2026-03-14', accessories: ['lid'] });
    const created = (await admin.get(`/api/v1/tickets/${tickets.kitchen}`)).body;
    expect(created.custom_fields).toEqual({ product_line: 'kitchen', under_warranty: true, purchase_date: '2026-03-14', accessories: ['lid'] });
  });

  it('a value the server no longer takes (its option retired meanwhile) is refused at its input, with the server’s words', async () => {
    await page.goto(`${server.url}/tickets/new`);
    await page.getByRole('radio', { name: 'New customer' }).check();
    await page.getByLabel('Name', { exact: true }).fill('Budi Santoso');
    await page.getByLabel('Phone', { exact: true }).fill('+62 812-555-0202');
    await page.getByLabel('Subject').fill('Hose reel leaks');
    await page.getByLabel('Product line').selectOption({ label: 'Garden' });
    const options = (await admin.get('/api/v1/ticket-fields')).body.items[0].options as { key: string; labels: unknown }[];
    const retired = await admin.patch(`/api/v1/ticket-fields/${await fieldId('product_line')}`, { options: options.map((o) => ({ key: o.key, labels: o.labels, retired: o.key === 'garden' })) });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);

    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect.poll(() => field(page, 'Product line').locator('.field-error').textContent()).toBe('Must be one of: kitchen, audio');
    expect(new URL(page.url()).pathname).toBe('/tickets/new');
    // The form reads the fields again: Garden is no longer offered, except as the choice still made.
    await expect.poll(() => page.getByLabel('Product line').locator('option').allTextContents()).toEqual(['Choose…', 'Kitchen', 'Audio', 'Garden (retired)']);
    await page.getByRole('button', { name: 'Clear form' }).click();
  });

  it('the dashboard, filtered by the field, shows the ticket that has the value and not another', async () => {
    tickets.audio = (await createTicket(admin, { subject: 'Speaker hums', custom_fields: { product_line: 'audio' } })).number;
    await page.goto(`${server.url}/tickets`);
    const rows = page.locator('.tickets-table tbody tr[data-number]');
    await expect.poll(() => rows.count()).toBe(2);

    await page.getByRole('button', { name: 'Fields' }).click();
    await page.getByRole('group', { name: 'Product line' }).getByRole('radio', { name: 'Kitchen' }).check();
    await page.waitForURL((url) => url.searchParams.getAll('field').join() === 'product_line:kitchen');
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-number')))).toEqual([tickets.kitchen]);
    await page.getByRole('link', { name: 'Remove filter: Product line: Kitchen' }).waitFor();
    await shot(page, '4-dashboard-filter');

    // A second field narrows further; the URL carries both, and a reload keeps them.
    await page.getByRole('group', { name: 'Under warranty' }).getByRole('radio', { name: 'No' }).check();
    await page.waitForURL((url) => url.searchParams.getAll('field').length === 2);
    await page.getByText('No tickets match these filters').waitFor();
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByRole('link', { name: 'Remove filter: Under warranty: No' }).click();
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-number')))).toEqual([tickets.kitchen]);
    await page.getByRole('link', { name: 'Remove filter: Product line: Kitchen' }).click();
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('the ticket view shows the values by their labels and edits them; only what changed is sent', async () => {
    await page.goto(`${server.url}/tickets/${tickets.kitchen}`);
    const panel = page.getByRole('region', { name: 'Fields' });
    const facts = async () => (await panel.locator('.facts > div').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    await expect.poll(facts).toEqual(['Product line Kitchen', 'Under warranty Yes', 'Serial number —', 'Purchase date 14 Mar 2026', 'Accessories Lid']);
    await shot(page, '5-ticket-view');

    const patches: string[] = [];
    page.on('request', (r) => r.method() === 'PATCH' && patches.push(r.postData() ?? ''));
    await panel.getByRole('button', { name: 'Edit the fields' }).click();
    await panel.getByLabel('Product line').selectOption({ label: 'Not set' });
    await panel.getByRole('button', { name: 'Save fields' }).click();
    // Required: it may change, not be cleared.
    expect(await field(panel, 'Product line').locator('.field-error').textContent()).toBe('Required');
    expect(patches).toEqual([]);
    await panel.getByLabel('Product line').selectOption({ label: 'Audio' });
    await panel.getByLabel('Serial number').fill('SN-4471');
    await panel.getByLabel('Under warranty').uncheck();
    await panel.getByRole('group', { name: 'Accessories' }).getByLabel('Lid').uncheck();
    await shot(page, '6-ticket-edit');
    await panel.getByRole('button', { name: 'Save fields' }).click();
    await panel.getByText('Fields saved.').waitFor();
    expect(JSON.parse(patches[0])).toEqual({ custom_fields: { product_line: 'audio', under_warranty: false, serial_number: 'SN-4471', accessories: null } });
    await expect.poll(facts).toEqual(['Product line Audio', 'Under warranty No', 'Serial number SN-4471', 'Purchase date 14 Mar 2026', 'Accessories —']);
    expect((await admin.get(`/api/v1/tickets/${tickets.kitchen}`)).body.custom_fields).toEqual({ product_line: 'audio', under_warranty: false, serial_number: 'SN-4471', purchase_date: '2026-03-14' });
  });

  it('retiring an option in the admin page keeps old tickets showing its label, marked retired', async () => {
    await page.goto(`${server.url}/admin/ticket-fields`);
    await page.getByRole('button', { name: 'Edit Product line' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Product line' });
    await dialog.getByText('The key and the type never change once the field is added').waitFor();
    expect(await dialog.getByLabel('Type').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Retire option 2' }).click();
    await dialog.getByText('Retired: old tickets keep it').first().waitFor();
    await shot(page, '6b-admin-edit-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const options = (await admin.get('/api/v1/ticket-fields')).body.items.find((f: { key: string }) => f.key === 'product_line').options;
    expect(options.map((o: { key: string; retired: boolean }) => `${o.key}:${o.retired}`)).toEqual(['kitchen:false', 'audio:true', 'garden:true']);

    await page.goto(`${server.url}/tickets/${tickets.kitchen}`);
    const panel = page.getByRole('region', { name: 'Fields' });
    await panel.locator('.facts > div').first().filter({ hasText: 'Audio (retired)' }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${tmpdir()}/caredesk-web-ticket-fields-7a-ticket-retired-view.png` });
    // Still the ticket's value while editing, marked; the other retired option is not offered.
    await panel.getByRole('button', { name: 'Edit the fields' }).click();
    expect(await panel.getByLabel('Product line').locator('option').allTextContents()).toEqual(['Not set', 'Kitchen', 'Audio (retired)']);
    await shot(page, '7-ticket-retired-option');
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });

  it('deleting a field tickets hold values of is refused with their count, and offers to retire it instead', async () => {
    await page.goto(`${server.url}/admin/ticket-fields`);
    await page.getByRole('button', { name: 'Delete Serial number' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Serial number?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByText('1 ticket holds a value of this field, so it cannot be deleted. Retire it instead').waitFor();
    await shot(page, '8-admin-delete-refused');
    await confirm.getByRole('button', { name: 'Retire instead' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('“Serial number” is retired').waitFor();
    expect((await admin.get(`/api/v1/ticket-fields/${await fieldId('serial_number')}`)).body.retired).toBe(true);

    // A field no ticket holds a value of (the last one was cleared above) goes.
    await page.getByRole('button', { name: 'Delete Accessories' }).click();
    await page.getByRole('dialog', { name: 'Delete Accessories?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('“Accessories” is deleted.').waitFor();
    expect((await admin.get('/api/v1/ticket-fields')).body.items.map((f: { key: string }) => f.key)).not.toContain('accessories');

    // The retired field's value stays on the ticket, marked, and no longer changes there.
    await page.goto(`${server.url}/tickets/${tickets.kitchen}`);
    await page.getByRole('region', { name: 'Fields' }).getByText('Serial number (retired)').waitFor();
  });

  it('an agent using Bahasa Indonesia reads the Indonesian labels, English where a field has none', async () => {
    const me = (await admin.get('/api/v1/auth/me')).body.agent as { id: number };
    await page.evaluate((id) => localStorage.setItem(`caredesk:language:agent:${id}`, 'id'), me.id);
    await page.goto(`${server.url}/tickets/${tickets.kitchen}`);
    const panel = page.getByRole('region', { name: 'Kolom' });
    await panel.getByText('Lini produk').waitFor();
    expect(await panel.locator('.facts').innerText()).toContain('Audio (dipensiunkan)');
    await page.goto(`${server.url}/tickets?field=product_line:kitchen`);
    await page.getByRole('link', { name: 'Hapus filter: Lini produk: Dapur' }).waitFor();
    await page.evaluate((id) => localStorage.setItem(`caredesk:language:agent:${id}`, 'en'), me.id);
  });

  it('a portal request with a portal-form field is refused without it, then shows its value on the portal ticket page', async () => {
    const email = 'dewi@example.com';
    const user = await admin.post('/api/v1/customer-users', { name: 'Dewi Lestari', email, language: 'en' });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const customer = await signInToPortal(server, slug, email);
    const { page: portal, errors: portalErrors } = await openPage(await contextOf(browser, server.url, customer));
    await portal.goto(`${server.url}/portal/${slug}/new`);
    await portal.getByRole('heading', { name: 'Submit a request' }).waitFor();
    // Only the portal form's fields; the others are the agents'.
    expect(await portal.getByLabel('Serial number').count()).toBe(0);
    await portal.getByLabel('What happened?').fill('The blender jug has a crack along the handle.');
    await portal.getByRole('button', { name: 'Submit request' }).click();
    expect(await field(portal, 'Product line').locator('.field-error').textContent()).toBe('Required');
    await shot(portal, '9-portal-form');

    await portal.getByLabel('Product line').selectOption({ label: 'Kitchen' });
    // With a file the form goes as multipart, the field values as one JSON string.
    await portal.locator('input[type=file]').setInputFiles({ name: 'crack.png', mimeType: 'image/png', buffer: png });
    await portal.getByRole('button', { name: 'Submit request' }).click();
    await portal.getByRole('heading', { name: 'Thank you, we received your request' }).waitFor();
    const number = /Your ticket number is (\S+)\./.exec(await portal.locator('.portal-done').innerText())?.[1];
    expect((await admin.get(`/api/v1/tickets/${number}`)).body.custom_fields).toEqual({ product_line: 'kitchen' });

    await portal.getByRole('link', { name: `Open ticket ${number}` }).click();
    const facts = portal.getByRole('tabpanel');
    await facts.getByText('Product line').waitFor();
    expect(await facts.locator('.portal-facts > div').filter({ hasText: 'Product line' }).locator('dd').textContent()).toBe('Kitchen');
    await shot(portal, '10-portal-ticket');
    expect(portalErrors).toEqual([]);
  });

  it('raised no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
