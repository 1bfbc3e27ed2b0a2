import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

const admin = { name: 'Dewi Lestari', email: 'dewi@acme.test', password: 'correct horse battery' };

describe.skipIf(!hasChromium)(`agent web app in Chromium (needs ${chromiumPath})`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    let errors: string[];
    ({ page, errors } = await openPage(context));
    pageErrors = errors;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a fresh install opens on setup, refuses a short password at its field, and lands the new admin on the tickets page', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Set up Caredesk', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    expect(await page.getByLabel('Workspace slug').inputValue()).toBe('default');
    await shot(page, '1-setup');

    await page.getByLabel('Workspace name').fill('Acme Retail');
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    const passwordError = page.locator('.field-invalid').filter({ has: page.getByLabel('Password') }).locator('.field-error');
    expect(await passwordError.textContent()).toBe('At least 10 characters');
    await shot(page, '2-setup-error');

    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL((url) => url.pathname === '/tickets');
    await expectTicketsPage(page);
  });

  it('every status tile counts zero, and a tile filters the table through the URL', async () => {
    const tiles = page.getByRole('navigation', { name: 'Filter by status' }).getByRole('link');
    expect(await tiles.allTextContents()).toEqual(['New0', 'Open0', 'On hold0', 'Overdue0', 'Resolved0', 'Closed0', 'Auto-closed0', 'Total0']);
    await page.getByRole('heading', { name: 'No tickets yet' }).waitFor();
    await shot(page, '3-tickets');

    await tiles.filter({ hasText: 'On hold' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'pending');
    await page.getByRole('heading', { name: 'On hold tickets', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'No on hold tickets' }).waitFor();
    expect(await tiles.filter({ hasText: 'On hold' }).getAttribute('aria-current')).toBe('page');

    await page.reload();
    await page.getByRole('heading', { name: 'On hold tickets', exact: true }).waitFor();
    await tiles.filter({ hasText: 'Total' }).click();
    await page.getByRole('heading', { name: 'All tickets', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.has('status')).toBe(false);
  });

  it('signing out leads to sign-in, where a wrong password is refused and the right one gets back in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // The session is gone on the server too: the app itself bounces back to sign-in.
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await shot(page, '4-sign-in');

    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await shot(page, '5-sign-in-error');

    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tickets');
    await expectTicketsPage(page);
  });

  it('a 401 from any call sends the agent to sign-in, and signing in returns to the same filtered page', async () => {
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: 'Filter by status' }).getByRole('link').filter({ hasText: 'Resolved' }).click();
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();

    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Resolved tickets', exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe('?status=resolved');
  });

  it('tickets created through the API fill the table, 50 at a time with Load more', async () => {
    // The page's request context shares the browser's session cookie.
    for (let i = 1; i <= 51; i++) {
      const response = await page.request.post(`${server.url}/api/v1/tickets`, {
        data: {
          subject: `Parcel ${i} arrived damaged`,
          description: 'The box was crushed and the glass inside broken.',
          priority: i === 51 ? 'urgent' : 'medium',
          channel: 'email',
          customer: { name: 'Budi Santoso', email: `budi${i}@example.com` },
        },
      });
      expect(response.status()).toBe(201);
    }
    await page.goto(`${server.url}/tickets`);
    await expect.poll(() => page.locator('[data-status="total"] .tile-count').textContent()).toBe('51');
    expect(await page.locator('[data-status="new"] .tile-count').textContent()).toBe('51');

    const rows = page.locator('.tickets-table tbody tr:not(.placeholder-row)');
    await expect.poll(() => rows.count()).toBe(50);
    const newest = rows.first();
    expect(await newest.getByText('Parcel 51 arrived damaged').count()).toBe(1);
    expect(await newest.getByText('The box was crushed and the glass inside broken.').count()).toBe(1);
    expect(await newest.getByText('budi51@example.com').count()).toBe(1);
    expect(await newest.getByText('Urgent').count()).toBe(1);
    expect(await newest.getByText('Email', { exact: true }).count()).toBe(1);
    await shot(page, '6-tickets-list');

    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBe(51);
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('sends the app compressed (brotli or gzip, as the browser accepts) and lets browsers keep its hashed files for good', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const br = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect([br.status, br.headers.get('content-encoding'), br.headers.get('cache-control')]).toEqual([200, 'br', 'public, max-age=31536000, immutable']);
    const gz = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    // Every form decodes to the same program.
    expect(await br.text()).toBe(await plain.text());
    const shell = await fetch(`${server.url}/tickets`);
    expect(shell.headers.get('cache-control')).toBe('public, max-age=0');
  });
});

async function expectTicketsPage(page: Page) {
  await page.getByRole('heading', { name: 'Tickets', exact: true }).waitFor();
  const header = page.getByRole('banner');
  await header.getByText('Acme Retail').waitFor();
  await header.getByText(admin.name).waitFor();
  await header.getByRole('button', { name: 'Sign out' }).waitFor();
  await expect.poll(() => page.locator('[data-status="total"] .tile-count').textContent()).toBe('0');
}
