import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

describe.skipIf(!hasChromium)(`the admin's inbound mail log in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer({ env: { SMTP_INBOUND: 'true', SMTP_INBOUND_PORT: '0' } });
    ({ admin } = await createWorkspace(server.url));
    expect((await admin.post('/api/v1/departments', { name: 'Support', email: 'support@shop.example' })).status).toBe(201);
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtp?.port, secure: false, ignoreTLS: true });
    await smtp.sendMail({ from: 'Rina <rina@customer.example>', to: 'support@shop.example', subject: 'Kettle leaks', text: 'Since Monday.', messageId: '<browser.1@customer.example>' });
    await smtp.sendMail({ from: 'rina@customer.example', to: 'support@shop.example', subject: 'Automatic reply: away', text: 'Away.', headers: { 'Auto-Submitted': 'auto-replied' }, messageId: '<browser.2@customer.example>' });
    await server.sweeper.sweepNow();
    browser = await launchChromium();
    ({ page, errors } = await openPage(await signedInContext(browser, server.url, admin)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists each received mail with what it became and why, links its ticket, and filters by outcome', async () => {
    await page.goto(`${server.url}/admin/outbox`);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Inbound mail' }).click();
    await page.waitForURL(/\/admin\/inbound-mail$/);
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const created = rows.filter({ hasText: '<browser.1@customer.example>' });
    await expect.poll(() => created.innerText()).toMatch(/New ticket[\s\S]*a mail/);
    const ticketLink = created.getByRole('link', { name: /^\d+$/ });
    const number = await ticketLink.innerText();
    await expect.poll(() => rows.filter({ hasText: '<browser.2@customer.example>' }).innerText()).toMatch(/Set aside[\s\S]*Auto-Submitted: auto-replied/);
    await shot(page, 'inbound-mail');

    await page.getByRole('navigation', { name: 'Outcome' }).getByRole('link', { name: 'Set aside' }).click();
    await page.waitForURL(/outcome=ignored/);
    await expect.poll(() => rows.count()).toBe(1);
    await page.goBack();
    await expect.poll(() => rows.count()).toBe(2);

    await rows.filter({ hasText: '<browser.1@customer.example>' }).getByRole('link', { name: number }).click();
    await page.waitForURL(new RegExp(`/tickets/${number}$`));
    await expect.poll(() => page.locator('h1').innerText()).toContain('Kettle leaks');
    expect(errors).toEqual([]);
  });
});
