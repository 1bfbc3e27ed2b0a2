import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/server/platform/clock.ts';
import type { ApiClient } from '../helpers/client.ts';
import { createTicket, createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

type Made = { number: string; subject: string };
const dayMs = 24 * 60 * 60_000;

describe.skipIf(!hasChromium)(`the ticket search in Chromium (needs ${chromiumPath})`, () => {
  // Real time, shifted while the older tickets are made: created_at comes from the server's clock.
  let offset = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let listCalls: string[];
  let t: Record<'jug' | 'motor' | 'toaster', Made>;
  let dayOf: (msAgo: number) => string;

  const rows = () => page.locator('.tickets-table tbody tr:not(.placeholder-row)');
  const rowNumbers = () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-number')));
  const form = () => page.getByRole('search', { name: 'Search criteria' });
  const results = () => page.getByRole('region', { name: 'Results' });
  const submit = () => form().getByRole('button', { name: 'Search', exact: true }).click();
  const expectRows = async (numbers: string[]) => expect.poll(async () => (await rowNumbers()).sort()).toEqual([...numbers].sort());

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer({ clock });
    ({ admin } = await createWorkspace(server.url));
    const { time_zone: timeZone } = (await admin.get('/api/v1/settings')).body as { time_zone: string };
    dayOf = (msAgo) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() - msAgo));

    offset = -10 * dayMs;
    const motor = await createTicket(admin, {
      subject: 'Blender motor noisy',
      description: 'The motor rattles on the highest speed.',
      priority: 'low',
      customer: { name: 'Siti Rahma', email: 'siti@example.com', phone: '+62 813 1111 2222' },
    });
    offset = 0;
    const jug = await createTicket(admin, {
      subject: 'Blender jug cracked',
      description: 'The jug was cracked on arrival.',
      priority: 'high',
      channel: 'marketplace',
      source: 'ebay',
      order_number: 'EBAY-7731',
      customer: { name: 'Budi Santoso', email: 'budi@example.com', phone: '+62 812 3456 7890' },
    });
    const toaster = await createTicket(admin, { subject: 'Toaster burns the bread', description: 'Even on the lowest setting.', customer: { name: 'Dewi Lestari', email: 'dewi@example.com' } });
    expect((await admin.post(`/api/v1/tickets/${jug.number}/transitions`, { to: 'open' })).status).toBe(200);
    t = { jug, motor, toaster };

    browser = await launchChromium();
    context = await signedInContext(browser, server.url, admin);
    ({ page, errors } = await openPage(context));
    listCalls = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && url.pathname === '/api/v1/tickets') listCalls.push(url.search);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with the cursor in the free-text field and a hint instead of every ticket', async () => {
    await page.goto(`${server.url}/search`);
    await page.getByRole('heading', { name: 'Fill in what you know' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    expect(await rows().count()).toBe(0);
    expect(listCalls).toEqual([]);
    await page.getByRole('group', { name: 'Status' }).getByLabel('On hold').waitFor();
    await page.getByRole('group', { name: 'Priority' }).getByLabel('Urgent').waitFor();
  });

  it("finds a ticket by the customer's mobile number written differently than it was stored", async () => {
    // Stored as "+62 812 3456 7890"; the API compares digits with the leading +.
    await form().getByLabel('Customer mobile number or email').fill('+62-812-3456-7890');
    await submit();
    await expectRows([t.jug.number]);
    expect(new URL(page.url()).searchParams.get('phone')).toBe('+62-812-3456-7890');
    await results().getByText('1 shown', { exact: true }).waitFor();
  });

  it('finds it by the number as dialled locally once the workspace says which country it is in', async () => {
    expect((await admin.patch('/api/v1/settings', { default_country: 'ID' })).status).toBe(200);
    await page.goto(`${server.url}/search?phone=${encodeURIComponent('0812 3456 7890')}`);
    await expectRows([t.jug.number]);
    expect((await admin.patch('/api/v1/settings', { default_country: null })).status).toBe(200);
  });

  it('finds a ticket by its order number', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL((url) => url.pathname === '/search' && url.search === '');
    await page.getByRole('heading', { name: 'Fill in what you know' }).waitFor();
    await form().getByLabel('Order number').fill('EBAY-7731');
    await submit();
    await expectRows([t.jug.number]);
  });

  it('combines a marketplace channel, a priority and a category from the lists', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await form().getByLabel('Category').selectOption({ label: 'Damage' });
    await submit();
    await expectRows([t.jug.number, t.motor.number, t.toaster.number]);
    await form().getByLabel('Channel').selectOption({ label: 'eBay' });
    await page.getByRole('group', { name: 'Priority' }).getByLabel('High').check();
    await page.getByRole('group', { name: 'Priority' }).getByLabel('Low').check();
    await submit();
    await expectRows([t.jug.number]);
    expect(new URL(page.url()).searchParams.get('priority')).toBe('low,high');
    expect(new URL(page.url()).searchParams.get('source')).toBe('ebay');
  });

  it('combines free text with a status, and the criteria survive a reload and Back', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await form().getByLabel('Words').fill('blender');
    await submit();
    await expectRows([t.jug.number, t.motor.number]);
    // Ranked by relevance: no column claims to order the rows, for screen readers either.
    expect(await page.locator('.tickets-table th[aria-sort]').count()).toBe(0);

    await page.getByRole('group', { name: 'Status' }).getByLabel('Open', { exact: true }).check();
    await submit();
    await expectRows([t.jug.number]);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: 'blender', status: 'open' });
    await shot(page, 'search-results-en');

    await page.reload();
    await expectRows([t.jug.number]);
    expect(await form().getByLabel('Words').inputValue()).toBe('blender');
    expect(await page.getByRole('group', { name: 'Status' }).getByLabel('Open', { exact: true }).isChecked()).toBe(true);

    await page.goBack();
    await expectRows([t.jug.number, t.motor.number]);
    expect(await page.getByRole('group', { name: 'Status' }).getByLabel('Open', { exact: true }).isChecked()).toBe(false);
    expect(await form().getByLabel('Words').inputValue()).toBe('blender');
    await page.goForward();
    await expectRows([t.jug.number]);
  });

  it('leaves out a ticket created before the date range, and says what was searched when nothing matches', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await form().getByLabel('Words').fill('blender');
    await form().getByLabel('Created from').fill(dayOf(3 * dayMs));
    await form().getByLabel('Created to').fill(dayOf(0));
    await submit();
    await expectRows([t.jug.number]);

    await form().getByLabel('Created from').fill('');
    await form().getByLabel('Created to').fill(dayOf(20 * dayMs));
    await submit();
    const empty = results().getByRole('status').filter({ hasText: 'No tickets match this search' });
    await empty.waitFor();
    await empty.getByText('Words “blender”').waitFor();
    await empty.getByText('Created up to', { exact: false }).waitFor();
    expect(await rows().count()).toBe(0);
    await shot(page, 'search-empty');
  });

  it('shows a backwards range at its field and sends nothing', async () => {
    await form().getByLabel('Created from').fill('2026-03-10');
    await form().getByLabel('Created to').fill('2026-03-01');
    const before = { calls: listCalls.length, url: page.url() };
    await submit();
    const field = page.locator('.field').filter({ has: page.getByLabel('Created to') });
    await field.getByText('Must be on or after the “Created from” day').waitFor();
    expect(await page.getByLabel('Created to').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('created_to');
    expect(listCalls.length).toBe(before.calls);
    expect(page.url()).toBe(before.url);
    await shot(page, 'search-invalid-range');
  });

  it('checks a hand-edited URL like the form, and sends nothing it refuses', async () => {
    const before = listCalls.length;
    await page.goto(`${server.url}/search?q=blender&created_from=2026-03-10&created_to=2026-03-01`);
    await page.locator('.field').filter({ has: page.getByLabel('Created to') }).getByText('Must be on or after the “Created from” day').waitFor();
    expect(await form().getByLabel('Words').inputValue()).toBe('blender');
    expect(listCalls.length).toBe(before);
  });

  it("shows the server's refusal of a parameter at its field", async () => {
    // The form already keeps the server's rules, so the refusal is made up at the network edge.
    await page.route('**/api/v1/tickets?*', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'validation_error', message: 'Invalid request', details: [{ field: 'querystring.phone', message: 'not a mobile number' }] } }),
      }),
    );
    await page.goto(`${server.url}/search?phone=%2B62 999`);
    const field = page.locator('.field').filter({ has: page.getByLabel('Customer mobile number or email') });
    await field.getByText('Refused by the server: not a mobile number').waitFor();
    expect(await results().count()).toBe(0);
    await page.unrouteAll();
    await form().getByLabel('Customer mobile number or email').fill('+62 812 3456 7890');
    expect(await field.getByText('Refused by the server').count()).toBe(0);
  });

  it('opens a ticket from the results', async () => {
    await page.goto(`${server.url}/search?order_number=EBAY-7731`);
    await results().getByRole('link', { name: t.jug.number }).click();
    await page.waitForURL((url) => url.pathname === `/tickets/${t.jug.number}`);
    await page.getByRole('heading', { name: 'Blender jug cracked' }).waitFor();
  });

  it('pages through many results with Load more, counting what is shown', async () => {
    for (let i = 0; i < 52; i += 1) await createTicket(admin, { subject: `Kettle lid loose ${i}`, description: 'The lid does not click shut.', customer: { name: 'Kettle Buyer', email: `kettle-${i}@example.com` } });
    await page.goto(`${server.url}/search?q=kettle`);
    await results().getByText('50 shown, more available', { exact: false }).waitFor();
    expect(await rows().count()).toBe(50);
    await results().getByRole('button', { name: 'Load more' }).click();
    await results().getByText('52 shown', { exact: false }).waitFor();
    expect(await rows().count()).toBe(52);
    expect(await results().getByRole('button', { name: 'Load more' }).count()).toBe(0);
  }, 120_000);

  it('fits a tablet, and speaks Bahasa Indonesia when the agent chooses it', async () => {
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.goto(`${server.url}/search?q=blender&status=open,new`);
    await expectRows([t.jug.number, t.motor.number]);
    // The page itself fits; only the table scrolls sideways inside its panel.
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('.search-page *')].filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth).map((e) => e.className),
    );
    expect(overflow).toEqual([]);
    await shot(page, 'search-tablet-en');

    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('heading', { name: 'Cari tiket' }).waitFor();
    const kriteria = page.getByRole('search', { name: 'Kriteria pencarian' });
    expect(await kriteria.getByLabel('Kata kunci').inputValue()).toBe('blender');
    await kriteria.getByLabel('Nomor ponsel atau email pelanggan').waitFor();
    await kriteria.getByRole('group', { name: 'Prioritas' }).getByLabel('Mendesak').waitFor();
    expect(await kriteria.getByRole('group', { name: 'Status' }).getByLabel('Dibuka', { exact: true }).isChecked()).toBe(true);
    await page.getByRole('region', { name: 'Hasil' }).getByText('2 ditampilkan', { exact: false }).waitFor();
    await kriteria.getByRole('button', { name: 'Kosongkan' }).waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'search-results-id');
    await page.getByLabel('Bahasa').selectOption('en');
    expect(errors).toEqual([]);
  });
});
