import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { CustomerUser } from '../../src/contract/customers.ts';
import type { ApiClient } from '../helpers/client.ts';
import { createAgent, createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

const HEADER = 'name,email,phone,language,loyalty_id,customer_id,valid';
// Line 3 (the header is line 1) has an email the import refuses.
const csvWithOneBadRow = [HEADER, 'Citra Lestari,citra@import.example,,id,,,', 'Dedi Bad Mail,not-an-email,,,,,', 'Eko Prasetyo,eko@import.example,+62 812 5555 0101,,,,'].join('\n');

describe.skipIf(!hasChromium)(`customer-user CSV import and export in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let agent: ApiClient;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  const findByEmail = async (email: string) => {
    const res = await agent.get<{ items: CustomerUser[] }>(`/api/v1/customer-users?search=${encodeURIComponent(email)}`);
    expect(res.status).toBe(200);
    return res.body.items.find((u) => u.email === email);
  };
  const chooseFile = (csv: string, name = 'customer-users.csv') => page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const badRows = () => page.getByRole('table', { name: /^Bad rows/ });
  const fitsTheWindow = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  // From the top, so the sticky header sits above the page, and once colour transitions have ended.
  const settledShot = async (name: string) => {
    await page.evaluate(async () => {
      window.scrollTo(0, 0);
      // A transition that another one replaces is cancelled: its promise rejects, which is as good as over.
      const transitions = document.getAnimations().filter((a) => a instanceof CSSTransition);
      await Promise.all(transitions.map((a) => a.finished.catch(() => undefined)));
    });
    await shot(page, name);
  };

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    const { admin } = await createWorkspace(server.url);
    expect((await admin.post('/api/v1/customer-users', { name: 'Ani Wijaya', email: 'ani@tokomaju.example', phone: '+62 812 7000 1000' })).status).toBe(201);
    // Any agent may import and export, not only admins.
    ({ client: agent } = await createAgent(admin));

    browser = await launchChromium();
    context = await signedInContext(browser, server.url, agent);
    ({ page, errors } = await openPage(context));
    await page.setViewportSize({ width: 1024, height: 800 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('exports every customer user as a CSV download', async () => {
    await page.goto(`${server.url}/customers/import`);
    await page.getByRole('heading', { level: 1, name: 'Import and export customer users' }).waitFor();
    expect(await page.title()).toBe('Import and export customer users · Caredesk');
    const link = page.getByRole('link', { name: 'Export CSV' });
    expect(await link.getAttribute('download')).not.toBeNull();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('customer-users.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(HEADER);
    expect(csv).toContain('Ani Wijaya,ani@tokomaju.example');
  });

  it('checks a file with one bad row: lists line 3 and its reason, and imports nothing', async () => {
    await chooseFile(csvWithOneBadRow);
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('alert').filter({ hasText: '1 row has errors: importing this file would import nothing' }).waitFor();
    const rows = badRows().locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.locator('td').allInnerTexts()).toEqual(['3', 'email', expect.stringMatching(/email/i)]);
    expect(await findByEmail('citra@import.example')).toBeUndefined();
    expect(await findByEmail('eko@import.example')).toBeUndefined();

    // Without Skip bad rows a real import refuses the file as well.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '1 row has errors, so nothing was imported' }).waitFor();
    expect(await badRows().locator('tbody td').first().innerText()).toBe('3');
    expect(await findByEmail('citra@import.example')).toBeUndefined();
  });

  it('with Skip bad rows, a check counts what would be created and the import creates the good rows', async () => {
    await page.getByLabel('Skip bad rows').check();
    await page.getByRole('button', { name: 'Check file' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Check complete. Nothing has been imported yet.' });
    await status.waitFor();
    expect(await status.innerText()).toMatch(/Would be created\s*2\s*Would be skipped\s*1/);
    expect(await badRows().locator('tbody td').first().innerText()).toBe('3');
    expect(await findByEmail('citra@import.example')).toBeUndefined();

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: 'Import complete.' });
    await done.waitFor();
    expect(await done.innerText()).toMatch(/Created\s*2\s*Skipped\s*1/);
    expect(await badRows().locator('tbody td').allInnerTexts()).toEqual(['3', 'email', expect.any(String)]);
    expect(await findByEmail('citra@import.example')).toMatchObject({ name: 'Citra Lestari', language: 'id' });
    expect(await findByEmail('eko@import.example')).toMatchObject({ name: 'Eko Prasetyo', phone_e164: '+6281255550101' });
    expect(await fitsTheWindow()).toBe(true);
    await settledShot('customer-import');
  });

  it("shows the server's reason when the file itself is refused (400)", async () => {
    await chooseFile('name,email,nickname\nFajar,fajar@import.example,Jay', 'odd-columns.csv');
    // A new file clears the result of the previous one.
    expect(await page.getByRole('status').filter({ hasText: 'Import complete.' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('alert').filter({ hasText: 'Unknown columns: "nickname"' }).waitFor();
    expect(await badRows().count()).toBe(0);
  });

  it('asks for a file before sending anything', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('Choose a CSV file first.').waitFor();
    expect(await page.getByLabel('CSV file').getAttribute('aria-invalid')).toBe('true');
  });

  it('has a dark theme and speaks Bahasa Indonesia', async () => {
    await chooseFile(csvWithOneBadRow);
    await page.getByRole('button', { name: 'Check file' }).click();
    await badRows().waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await fitsTheWindow()).toBe(true);
    await settledShot('customer-import-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    expect((await agent.patch('/api/v1/auth/me', { language: 'id' })).status).toBe(200);
    onTestFinished(async () => {
      await agent.patch('/api/v1/auth/me', { language: 'en' });
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Impor dan ekspor pengguna pelanggan' }).waitFor();
    await page.getByRole('link', { name: 'Ekspor CSV' }).waitFor();
    await page.getByRole('button', { name: 'Periksa file' }).waitFor();
    expect(await fitsTheWindow()).toBe(true);
    expect(errors).toEqual([]);
  });
});
