/**
 * npm run screenshots
 *
 * Starts Caredesk on a throw-away embedded database filled with the demo workspace, signs in as
 * the demo admin in Debian's Chromium, and writes what an agent sees to docs/screenshots/:
 * the care dashboard and one ticket, in the light and the dark theme.
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
    await context.close();
  }
  console.log(`Screenshots written to ${path.relative(process.cwd(), out) || out}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
