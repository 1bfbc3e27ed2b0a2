import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

interface OutboxItem {
  id: number;
  status: string;
  subject: string;
  ticket_number: string | null;
  attempts: number;
}

describe.skipIf(!hasChromium)(`the admin's outbox and mail templates in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let agent: ApiClient;
  let page: Page;
  let errors: string[];
  let ticket: { number: string };
  const customerEmail = `budi-${Date.now()}@example.com`;

  const outbox = async (): Promise<OutboxItem[]> => (await admin.get('/api/v1/outbox')).body.items;
  const mailOf = async (number: string) => (await outbox()).find((m) => m.ticket_number === number);
  const subjectField = () => page.getByLabel('Subject', { exact: true });
  const bodyField = () => page.getByLabel('Body', { exact: true });

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer(); // no SMTP_URL: every mail stays in the dev outbox as 'kept'
    ({ admin } = await createWorkspace(server.url));
    ({ client: agent } = await createAgent(admin, { name: 'Rina Wijaya' }));
    ticket = await createTicket(admin, { subject: 'Kettle leaks at the base', customer: { name: 'Budi Santoso', email: customerEmail } });
    browser = await launchChromium();
    ({ page, errors } = await openPage(await signedInContext(browser, server.url, admin)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the new ticket’s mail as Kept, explains why, and filters by status in the URL', async () => {
    await expect.poll(async () => (await mailOf(ticket.number))?.status, { timeout: 10_000 }).toBe('kept');
    await page.goto(`${server.url}/tickets`);
    // Admin opens on the workspace settings; the outbox is one of its pages.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(/\/admin\/settings$/);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL(/\/admin\/outbox$/);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Outbox');

    const row = page.locator('.outbox-row').filter({ hasText: ticket.number });
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.innerText();
    expect(cells).toContain('Kept');
    expect(cells).toContain(customerEmail);
    expect(cells).toContain('Request received');
    expect(await page.getByText('Without SMTP_URL, mails are kept here instead of being sent').count()).toBe(1);
    await shot(page, 'admin-outbox');

    await page.getByRole('link', { name: 'Failed', exact: true }).click();
    await page.waitForURL(/status=failed/);
    await expect.poll(() => page.getByText('No mails with this status').count()).toBe(1);
    await page.getByRole('link', { name: 'Kept (dev outbox)' }).click();
    await page.waitForURL(/status=kept/);
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Kept (dev outbox)' }).getAttribute('aria-current')).toBe('page');
  });

  it('opens a mail: its headers, the text part as text and the HTML part in a frame without scripts', async () => {
    await page.locator('.outbox-row').filter({ hasText: ticket.number }).getByRole('link').click();
    await page.waitForURL(/\/admin\/outbox\/\d+\?status=kept$/);
    await expect.poll(() => page.locator('h1').innerText()).toContain(ticket.number);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    const headers = await page.locator('.mail-headers').innerText();
    expect(headers).toContain('Message-ID');
    expect(headers).toContain('References');
    expect(headers).toContain(customerEmail);

    const text = page.locator('pre.mail-text');
    expect(await text.innerText()).toContain(`#${ticket.number}`);
    expect(await text.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    // Text, with its web addresses as links and nothing else made into markup.
    expect(await text.evaluate((el) => [...el.querySelectorAll('*')].every((child) => child.tagName === 'A'))).toBe(true);

    const frame = page.locator('iframe.mail-html');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toContain(ticket.number);
    await expect.poll(() => page.frameLocator('iframe.mail-html').locator('body').innerText()).toContain(ticket.number);
    await shot(page, 'admin-outbox-mail');

    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL(/\/admin\/outbox\?status=kept$/);
  });

  it('puts a kept mail back in the queue with Retry; without SMTP it is kept again', async () => {
    const before = await mailOf(ticket.number);
    await page.goto(`${server.url}/admin/outbox/${before?.id}`);
    const retried = page.waitForResponse((r) => r.url().endsWith(`/outbox/${before?.id}/retry`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Retry' }).click();
    const response = await retried;
    expect(response.status()).toBe(200);
    expect((await response.json()).status).toBe('queued');
    await expect.poll(() => page.getByText('The mail is back in the queue.').count()).toBe(1);
    await expect.poll(async () => (await mailOf(ticket.number))?.status, { timeout: 10_000 }).toBe('kept');
    await expect.poll(() => page.locator('.mail-head-status .badge').innerText(), { timeout: 10_000 }).toBe('Kept');

    // A mail that moved on meanwhile (here: the server says it was sent) is refused with 409, and said so.
    await page.route(`**/api/v1/outbox/${before?.id}/retry`, (route) =>
      route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: 'The mail is sent', details: { status: 'sent' } } }) }),
    );
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'cannot be sent again now: it is sent' }).count()).toBe(1);
    await shot(page, 'admin-outbox-retry-conflict');
    await page.unroute(`**/api/v1/outbox/${before?.id}/retry`);
  });

  it('changes the English wording of a mail, keeps the edit over a reload, and the next mail uses it', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Mail templates' }).click();
    await page.waitForURL(/\/admin\/mail-templates$/);
    await page.locator('.admin-segment').filter({ hasText: 'English' }).click();
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await page.getByRole('link', { name: /Request received/ }).click();
    await page.waitForURL(/\/admin\/mail-templates\/ticket_created\?language=en$/);
    await expect.poll(() => page.locator('#template-editor-title').innerText()).toBe('Request received · English');

    // A variable goes in where the cursor is.
    await subjectField().fill('Ticket  is with us');
    await subjectField().evaluate((el: HTMLInputElement) => el.setSelectionRange(7, 7));
    await page.getByRole('button', { name: 'Insert {{ticket.number}}' }).click();
    expect(await subjectField().inputValue()).toBe('Ticket {{ticket.number}} is with us');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).selectionStart)).toBe(24);

    await page.reload();
    await expect.poll(() => subjectField().inputValue()).toBe('Ticket {{ticket.number}} is with us');
    expect(await page.getByText('Unsaved changes, kept in this browser.').count()).toBe(1);

    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved. New mails use this wording.' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /Request received/ }).innerText()).toContain('Customised');
    const saved = (await admin.get('/api/v1/mail-templates')).body.items.find((i: { template: string; language: string }) => i.template === 'ticket_created' && i.language === 'en');
    expect(saved).toMatchObject({ customised: true, subject: 'Ticket {{ticket.number}} is with us' });

    const next = await createTicket(admin, { subject: 'Toaster burns one side' });
    await expect.poll(async () => (await mailOf(next.number))?.subject).toBe(`Ticket ${next.number} is with us`);
    await page.goto(`${server.url}/admin/outbox`);
    await expect.poll(() => page.locator('.outbox-row').first().innerText()).toContain(`Ticket ${next.number} is with us`);
  });

  it('shows the server’s refusal of an unknown variable at the field it is in', async () => {
    await page.goto(`${server.url}/admin/mail-templates/ticket_created?language=en`);
    await subjectField().fill('Ticket {{ticket.secret}}');
    const refused = page.waitForResponse((r) => r.url().includes('/mail-templates/ticket_created/en') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => subjectField().getAttribute('aria-invalid')).toBe('true');
    const error = page.locator('.field-invalid .field-error');
    expect(await error.innerText()).toContain('Unknown variable {{ticket.secret}}');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('subject');
    expect(await bodyField().getAttribute('aria-invalid')).toBeNull();
    await shot(page, 'admin-templates-error');

    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await subjectField().inputValue()).toBe('Ticket {{ticket.number}} is with us');
  });

  it('resets a mail to the built-in wording once the admin confirms', async () => {
    await page.getByRole('button', { name: 'Reset to built-in wording' }).click();
    const dialog = page.getByRole('dialog', { name: /Reset “Request received” \(English\)/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await shot(page, 'admin-templates-reset');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reset to built-in wording');

    await page.getByRole('button', { name: 'Reset to built-in wording' }).click();
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Back to the built-in wording.' }).count()).toBe(1);
    expect(await subjectField().inputValue()).toBe('We received your request #{{ticket.number}}');
    expect(await page.locator('.template-editor-head .badge').innerText()).toBe('Built-in wording');
    const item = (await admin.get('/api/v1/mail-templates')).body.items.find((i: { template: string; language: string }) => i.template === 'ticket_created' && i.language === 'en');
    expect(item.customised).toBe(false);
  });

  it('fits a tablet, has a dark theme, and speaks Bahasa Indonesia', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${server.url}/admin/outbox`);
    await expect.poll(() => page.locator('.outbox-row').count()).toBeGreaterThan(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'admin-outbox-tablet');
    await page.goto(`${server.url}/admin/mail-templates/agent_replied?language=en`);
    await expect.poll(() => subjectField().inputValue()).toContain('{{ticket.number}}');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'admin-templates-tablet');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await expect.poll(() => subjectField().inputValue()).toContain('{{ticket.number}}');
    await shot(page, 'admin-templates-dark');
    await page.goto(`${server.url}/admin/outbox/${(await mailOf(ticket.number))?.id}`);
    await expect.poll(() => page.locator('h1').innerText()).toContain(ticket.number);
    await shot(page, 'admin-outbox-mail-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    expect((await admin.patch('/api/v1/auth/me', { language: 'id' })).status).toBe(200);
    // Whatever happens below, the admin speaks English again for the tests after this one.
    onTestFinished(async () => {
      await admin.patch('/api/v1/auth/me', { language: 'en' });
    });
    await page.goto(`${server.url}/admin/mail-templates/ticket_created?language=id`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Templat email');
    expect(await page.locator('#template-editor-title').innerText()).toBe('Permintaan diterima · Bahasa Indonesia');
    expect(await page.getByRole('radio', { name: 'Bahasa Indonesia' }).isChecked()).toBe(true);
    await shot(page, 'admin-templates-id');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.url}/admin/outbox?status=kept`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Kotak keluar');
    // The line shows once the kept mails have loaded.
    await page.getByText('Tanpa SMTP_URL, email disimpan di sini').waitFor();
    // The table scrolls inside its panel; the page itself does not get wider than the window.
    expect(await page.locator('.admin').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The header takes two rows on a portrait tablet: nothing of it lies beyond the window.
    const beyond = await page.evaluate(() => [...document.querySelectorAll('.app-header *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).length);
    expect(beyond).toBe(0);
    expect(await page.getByRole('button', { name: 'Keluar' }).isVisible()).toBe(true);
    await shot(page, 'admin-outbox-id-768');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect((await admin.patch('/api/v1/auth/me', { language: 'en' })).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('tells an agent without the admin role, and an admin the API refuses, that only administrators can open the page', async () => {
    const { page: agentPage, errors: agentErrors } = await openPage(await signedInContext(browser, server.url, agent));
    await agentPage.goto(`${server.url}/admin/outbox`);
    await expect.poll(() => agentPage.locator('h1').innerText()).toBe('Only administrators can open this page');
    expect(await agentPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await agentPage.goto(`${server.url}/admin/mail-templates/ticket_created`);
    await expect.poll(() => agentPage.locator('h1').innerText()).toBe('Only administrators can open this page');
    await shot(agentPage, 'admin-only');
    expect(agentErrors).toEqual([]);

    // The session still says admin, but the role was taken away meanwhile: the API's 403 reads the same.
    await page.route('**/api/v1/mail-templates', (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'forbidden', message: 'Only admins may do this' } }) }),
    );
    await page.goto(`${server.url}/admin/mail-templates`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Only administrators can open this page');
    await page.unroute('**/api/v1/mail-templates');
  });
});
