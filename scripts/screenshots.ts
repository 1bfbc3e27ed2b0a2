/**
 * npm run screenshots
 *
 * Starts Caredesk on a throw-away embedded database filled with the demo workspace, signs in as
 * the demo admin in Debian's Chromium, and writes what an agent sees to docs/screenshots/:
 * the care dashboard, one ticket and the notifications bell, in the light and the dark theme;
 * then a customer's side: the portal's sign-in page, the sign-in mail in the admin's outbox (no
 * mail server here, so it is kept there), and the customer's ticket in the portal once the link
 * from that mail is opened — on a desktop and on a phone.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/server/platform/config.ts';
import { startServer } from '../src/server/server.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = path.join(root, 'docs/screenshots');
const dataDir = mkdtempSync(path.join(tmpdir(), 'caredesk-screenshots-'));

const server = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir, PGLITE_FSYNC: '0', CAREDESK_DEMO: '1' }));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  mkdirSync(out, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', colorScheme: theme });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill('admin@demo.caredesk.test');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tickets');
    await page.locator('.tickets-table tbody tr:not(.placeholder-row)').first().waitFor();
    await page.screenshot({ path: path.join(out, `dashboard-${theme}.png`) });
    // A ticket with a conversation: the first open one of the table.
    await page.goto(`${server.url}/tickets?status=open`);
    await page.locator('.tickets-table tbody tr:not(.placeholder-row) a').first().click();
    await page.getByRole('list', { name: 'Conversation' }).waitFor();
    await page.screenshot({ path: path.join(out, `ticket-${theme}.png`), fullPage: true });
    await page.locator('.bell-button').click();
    await page.locator('.bell-panel').waitFor();
    await page.screenshot({ path: path.join(out, `notifications-${theme}.png`) });
    await context.close();
  }
  await portalScreenshots();
  console.log(`Screenshots written to ${path.relative(process.cwd(), out) || out}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/** The customer's way in, as a person takes it: request a link, find it in the mail, open it. */
async function portalScreenshots(): Promise<void> {
  const customer = await server.deps.db
    .selectFrom('customer_users as cu')
    .innerJoin('tickets as t', (j) => j.onRef('t.org_id', '=', 'cu.org_id').onRef('t.customer_user_id', '=', 'cu.id'))
    .select(['cu.email'])
    .where('cu.email', 'is not', null)
    .where('t.status', '=', 'open')
    .orderBy('t.updated_at', 'desc')
    .executeTakeFirstOrThrow();
  const email = customer.email as string;
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}/portal/demo?email=${encodeURIComponent(email)}`);
  await page.getByRole('button', { name: 'Request link' }).click();
  await page.getByText('If this address is registered, a link is on its way.').waitFor();
  await page.screenshot({ path: path.join(out, 'portal-sign-in.png') });

  const admin = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  const adminPage = await admin.newPage();
  await adminPage.goto(`${server.url}/sign-in`);
  await adminPage.getByLabel('Email').fill('admin@demo.caredesk.test');
  await adminPage.getByLabel('Password').fill('demo-password');
  await adminPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await adminPage.waitForURL((url) => url.pathname === '/tickets');
  await adminPage.goto(`${server.url}/admin/outbox`);
  const mail = adminPage.getByRole('row').filter({ hasText: email }).first();
  await mail.waitFor();
  await adminPage.screenshot({ path: path.join(out, 'admin-outbox.png') });
  await mail.getByRole('link').first().click();
  const text = await adminPage.locator('.outbox-text, pre').first().innerText();
  const link = /https?:\/\/\S+\/auth\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no sign-in link in the kept mail: ${text}`);
  await adminPage.screenshot({ path: path.join(out, 'admin-outbox-mail.png'), fullPage: true });
  await admin.close();

  const url = new URL(link);
  await page.goto(`${server.url}${url.pathname}${url.search}`);
  // The portal speaks the customer's language (this one's may be Indonesian): found by its parts, not its words.
  await page.locator('.portal-tickets .portal-ticket').first().click();
  await page.getByRole('tab').nth(2).click();
  await page.locator('.portal-chat li').first().waitFor();
  await page.screenshot({ path: path.join(out, 'portal-ticket.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.screenshot({ path: path.join(out, 'portal-ticket-phone.png'), fullPage: true });
  await context.close();
}
