import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { testEngine } from '../helpers/database.ts';
import { createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

describe.skipIf(!hasChromium)(`Admin › System, audit log and mail previews in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let admin: ApiClient;
  let adminEmail: string;
  let billing: { id: number };

  const subjectField = () => page.getByLabel('Subject', { exact: true });
  const bodyField = () => page.getByLabel('Body', { exact: true });
  const previewFrame = () => page.frameLocator('iframe[title="The mail as HTML, shown without scripts"]');

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer(); // no SMTP_URL: mails stay in the dev outbox as 'kept'
    ({ admin, adminEmail } = await createWorkspace(server.url));
    const created = await admin.post('/api/v1/departments', { name: 'Billing' });
    expect(created.status).toBe(201);
    billing = created.body;
    browser = await launchChromium();
    ({ page, errors } = await openPage(await signedInContext(browser, server.url, admin)));
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the database engine and size, and on the embedded database runs maintenance on request', async () => {
    await page.goto(`${server.url}/admin/outbox`);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'System' }).click();
    await page.waitForURL(/\/admin\/system$/);
    const database = page.getByRole('region', { name: 'Database' });
    await expect.poll(() => database.isVisible()).toBe(true);
    const text = await database.innerText();
    expect(text).toMatch(testEngine() === 'postgres' ? /PostgreSQL \d+/ : /Embedded \(PGlite\)/);
    expect(text).toMatch(/Size\s+\d[\d.,]* (KB|MB|GB)/);
    const version = await page.getByRole('region', { name: 'Version' }).innerText();
    expect(version).toMatch(/Node\.js\s+\d+\.\d+/);
    // Each outbox count opens the outbox at that status (its name begins with what it shows).
    expect(await page.getByRole('link', { name: /^Failed \d+ mails?$/ }).getAttribute('href')).toBe('/admin/outbox?status=failed');
    expect(await page.getByRole('link', { name: /^Kept \d+ mails?$/ }).getAttribute('href')).toBe('/admin/outbox?status=kept');
    await shot(page, 'admin-system');

    const lastVacuum = database.locator('.system-fact').filter({ hasText: 'Last vacuum' });
    if (testEngine() === 'postgres') {
      // PostgreSQL keeps itself with autovacuum: there is nothing to run.
      expect(await database.getByRole('button', { name: 'Run maintenance now' }).count()).toBe(0);
      expect(text).toContain('By PostgreSQL’s autovacuum');
    } else {
      const before = (await admin.get('/api/v1/admin/system')).body.database.last_vacuum_at as string | null;
      const asked = Date.now();
      await database.getByRole('button', { name: 'Run maintenance now' }).click();
      await expect.poll(() => database.getByRole('status').innerText()).toMatch(/^Maintenance done in [\d,]+ ms\.$/);
      const after = (await admin.get('/api/v1/admin/system')).body.database.last_vacuum_at as string | null;
      expect(after).not.toBeNull();
      expect(Date.parse(after ?? '')).toBeGreaterThanOrEqual(Math.min(asked - 1000, before ? Date.parse(before) + 1 : asked - 1000));
      // The page is read again: the last vacuum is just now, with its date and time.
      await expect.poll(() => lastVacuum.innerText()).toMatch(/Last vacuum\s+now/);
      expect(await lastVacuum.locator('time').getAttribute('datetime')).toBe(after);
      await shot(page, 'admin-system-maintained');
    }

    await page.getByRole('link', { name: 'Background jobs' }).first().click();
    await page.waitForURL(/\/admin\/jobs$/);
  });

  it('shows who changed a department, and its name before and after', async () => {
    expect((await admin.patch(`/api/v1/departments/${billing.id}`, { name: 'Billing desk' })).status).toBe(200);
    await page.goto(`${server.url}/admin/audit-log`);
    const row = page.getByRole('row', { name: `Department #${billing.id} changed` });
    await expect.poll(() => row.isVisible()).toBe(true);
    // Screen readers hear “was” and “now” where the eye sees the struck value and the arrow.
    expect(await row.innerText()).toMatch(/^now\s[\s\S]*Ada Admin\s+Department #\d+ changed\s+name\s+was\s+Billing\s+→\s+now\s+Billing desk$/);
    // The old value is struck through, the new one stands.
    expect(await row.locator('del').innerText()).toBe('Billing');
    const list = row.getByRole('definition');
    expect(await list.first().innerText()).toContain('Billing desk');
    // The department's creation shows only what it was created with.
    const created = page.getByRole('row', { name: `Department #${billing.id} created` });
    expect(await created.innerText()).toMatch(/name\s+Billing/);
    expect(await created.locator('del').count()).toBe(0);
    await shot(page, 'admin-audit-log');

    // The filter keeps its choice in the address.
    await page.getByLabel('Show changes to').selectOption('api_key');
    await page.waitForURL(/entity=api_key/);
    await expect.poll(() => page.getByText('No changes of this kind').isVisible()).toBe(true);
    await page.getByLabel('Show changes to').selectOption('department');
    await page.waitForURL(/entity=department/);
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('previews a draft with a sample ticket, and tells an unknown variable at its field', async () => {
    await page.goto(`${server.url}/admin/mail-templates/ticket_created?language=en`);
    await expect.poll(() => subjectField().inputValue()).toContain('{{ticket.number}}');
    await bodyField().fill('Hello {{recipient.name}},\n\nwe received “{{ticket.subject}}”.');
    const previewed = page.waitForResponse((r) => r.url().endsWith('/mail-templates/ticket_created/en/preview') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    expect((await previewed).status()).toBe(200);
    const preview = page.getByRole('region', { name: 'Preview with sample values' });
    await expect.poll(() => preview.isVisible()).toBe(true);
    // The sample ticket's customer and subject are in the HTML, in a frame without scripts.
    await expect.poll(() => previewFrame().locator('body').innerText()).toContain('Hello Sari Wijaya,');
    expect(await previewFrame().locator('body').innerText()).toContain('we received “Shoes arrived damaged”.');
    expect(await preview.locator('iframe').getAttribute('sandbox')).toBe('');
    expect(await preview.innerText()).toMatch(/Subject\s+We received your request #\S+/);
    await shot(page, 'admin-template-preview');

    await preview.locator('.admin-segment').filter({ hasText: 'Plain text' }).click();
    expect(await preview.locator('pre').innerText()).toContain('Hello Sari Wijaya,');
    expect(await preview.locator('iframe').count()).toBe(0);

    // A change after the preview is said, with a way to update it.
    await bodyField().fill('Hi {{recipient.name}}!');
    await expect.poll(() => preview.getByText('The text changed since this preview.').isVisible()).toBe(true);
    await preview.getByRole('button', { name: 'Update preview' }).click();
    await expect.poll(() => preview.locator('pre').innerText()).toContain('Hi Sari Wijaya!');
    expect(await preview.getByText('The text changed since this preview.').count()).toBe(0);

    await subjectField().fill('About {{ticket.secret}}');
    const refused = page.waitForResponse((r) => r.url().endsWith('/preview') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => subjectField().getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-invalid .field-error').innerText()).toContain('Unknown variable {{ticket.secret}}');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('subject');
    await shot(page, 'admin-template-preview-refused');
    await subjectField().fill('About {{ticket.number}}');
  });

  it('sends the draft as a test mail to the admin, marked [Test] in the outbox', async () => {
    await page.getByRole('button', { name: 'Send me a test' }).click();
    const sent = page.getByRole('status').filter({ hasText: 'A test was sent to' });
    await expect.poll(() => sent.isVisible()).toBe(true);
    expect(await sent.innerText()).toContain(`A test was sent to ${adminEmail}.`);
    const mail = ((await admin.get('/api/v1/outbox')).body.items as { id: number; subject: string; to_address: string }[])[0];
    expect(mail.subject).toMatch(/^\[Test\] About \S+$/);
    expect(mail.to_address).toBe(adminEmail);
    await shot(page, 'admin-template-test-sent');
    await sent.getByRole('link', { name: 'Open it in the outbox' }).click();
    await page.waitForURL(new RegExp(`/admin/outbox/${mail.id}$`));
    // The draft was only tried out: the template keeps its wording.
    const item = (await admin.get('/api/v1/mail-templates')).body.items.find((i: { template: string; language: string }) => i.template === 'ticket_created' && i.language === 'en');
    expect(item.customised).toBe(false);
    expect(errors).toEqual([]);
  });

  it('speaks Bahasa Indonesia too', async () => {
    expect((await admin.patch('/api/v1/auth/me', { language: 'id' })).status).toBe(200);
    onTestFinished(async () => {
      await admin.patch('/api/v1/auth/me', { language: null });
    });
    const { page: idPage, errors: idErrors } = await openPage(await signedInContext(browser, server.url, admin, { locale: 'id-ID' }));
    await idPage.setViewportSize({ width: 1280, height: 800 });
    await idPage.goto(`${server.url}/admin/system`);
    await idPage.getByRole('heading', { name: 'Sistem', level: 1 }).waitFor();
    await idPage.getByRole('region', { name: 'Basis data' }).getByText('Ukuran').waitFor();
    await shot(idPage, 'admin-system-id');
    await idPage.goto(`${server.url}/admin/audit-log`);
    await idPage.getByRole('row', { name: `Departemen #${billing.id} diubah` }).waitFor();
    await shot(idPage, 'admin-audit-log-id');
    await idPage.goto(`${server.url}/admin/mail-templates/ticket_created?language=id`);
    await idPage.getByRole('button', { name: 'Pratinjau', exact: true }).click();
    await idPage.getByRole('region', { name: 'Pratinjau dengan nilai contoh' }).waitFor();
    await expect.poll(() => idPage.frameLocator('iframe').locator('body').innerText()).toContain('Sari Wijaya');
    await shot(idPage, 'admin-template-preview-id');
    expect(idErrors).toEqual([]);
  });
});
