import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewResult } from '../../src/contract/channel-intake.ts';
import type { Ticket } from '../../src/contract/tickets.ts';
import type { ApiClient } from '../helpers/client.ts';
import { createApiKey, createWorkspace } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

describe.skipIf(!hasChromium)(`Marketplace, review and loyalty tickets in Chromium (needs ${chromiumPath})`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let integration: ApiClient;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    const workspace = await createWorkspace(server.url);
    admin = workspace.admin;
    integration = await createApiKey(admin);
    browser = await launchChromium();
    let errors: string[];
    ({ page, errors } = await openPage(await signedInContext(browser, server.url, admin)));
    pageErrors = errors;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows an order issue's items and a review's rating in the customer panel", async () => {
    const order = await integration.post<Ticket>('/api/v1/channels/orders', {
      source: 'ebay',
      order_number: '12-34567-89012',
      items: [
        { sku: 'BLD-900', name: 'Turbo blender', quantity: 1, price: 89.5 },
        { name: 'Spare jug', quantity: 2 },
      ],
      customer: { name: 'Siti Rahma', email: 'siti.rahma@example.com' },
      category: 'Damage',
      message: 'The jug arrived cracked.',
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    await page.goto(`${server.url}/tickets/${order.body.number}`);
    const panel = page.locator('#customer-panel-title').locator('xpath=..');
    await expect.poll(() => panel.getByRole('table', { name: 'Items' }).isVisible()).toBe(true);
    const rows = panel.getByRole('table', { name: 'Items' }).locator('tbody tr');
    expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(/Turbo blender\s+SKU BLD-900\s+1\s+89[.,]5/), expect.stringMatching(/Spare jug\s+2\s+—/)]);
    expect(await panel.getByText('12-34567-89012').isVisible()).toBe(true);
    await shot(page, 'channel-intake-order');

    const review = await integration.post<ReviewResult>('/api/v1/channels/reviews', { platform: 'google', external_id: 'g-1', location: 'Kemang', rating: 2, text: 'Cold soup', url: 'https://maps.example/review/1' });
    expect(review.status).toBe(201);
    await page.goto(`${server.url}/tickets/${review.body.ticket!.number}`);
    await expect.poll(() => page.getByRole('img', { name: '2 of 5' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Open the review' }).getAttribute('href')).toBe('https://maps.example/review/1');
  });

  it('offers a marketplace source an admin added in the channel bar', async () => {
    expect((await admin.post('/api/v1/channels/sources', { channel: 'marketplace', key: 'tokopedia', label: 'Tokopedia' })).status).toBe(201);
    const ticket = await integration.post<Ticket>('/api/v1/channels/orders', { source: 'tokopedia', order_number: 'TP-1', customer: { name: 'Budi', email: 'budi@example.com' }, message: 'Wrong colour' });
    expect(ticket.status).toBe(201);
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('navigation', { name: 'Filter by channel' }).getByRole('link', { name: 'Tokopedia' }).click();
    await page.waitForURL((url) => url.searchParams.get('source') === 'tokopedia');
    await expect.poll(() => page.getByRole('link', { name: new RegExp(ticket.body.subject) }).count()).toBe(1);
    // The shop's own website is a marketplace source beside the web channel: the bar tells them apart.
    expect(await page.getByRole('navigation', { name: 'Filter by channel' }).getByRole('link', { name: 'Website (Marketplace)' }).count()).toBe(1);
  });

  it('creates a ticket with order items and a loyalty purchase from the form', async () => {
    await page.goto(`${server.url}/tickets/new`);
    await page.getByRole('radio', { name: 'New customer' }).check();
    await page.getByLabel('Name', { exact: true }).fill('Dewi Lestari');
    await page.getByLabel('Loyalty id', { exact: true }).fill('LOY-7788');
    await page.getByLabel('Subject').fill('Points missing after purchase');
    await page.getByLabel('Order number').fill('WEB-5521');
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.getByLabel('Item 1', { exact: true }).fill('Rice cooker');
    await page.getByLabel('Quantity').fill('x');
    await page.getByLabel('Loyalty transaction reference').fill('TX-2026-0042');
    await page.getByLabel('Store', { exact: true }).fill('Grand Indonesia');
    await page.getByLabel('Amount').fill('125000.50');
    await page.getByLabel('Currency').fill('idr');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    // The quantity is refused at its input; nothing is sent until it is a number.
    await expect.poll(() => page.locator('.field').filter({ has: page.getByLabel('Quantity') }).locator('.field-error').textContent()).toBeTruthy();
    await page.getByLabel('Quantity').fill('1');
    await shot(page, 'channel-intake-form');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL((url) => /^\/tickets\/\d+$/.test(url.pathname));
    const panel = page.locator('#customer-panel-title').locator('xpath=..');
    await expect.poll(() => panel.getByText('Rice cooker').isVisible()).toBe(true);
    expect(await panel.getByText('Grand Indonesia').isVisible()).toBe(true);
    expect(await panel.getByText('TX-2026-0042').isVisible()).toBe(true);
    expect(await panel.innerText(), await panel.innerText()).toMatch(/IDR\s?125,000\.50/);
    await shot(page, 'channel-intake-ticket');
    expect(pageErrors).toEqual([]);
  });
});
