import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

describe.skipIf(!hasChromium)(`the notifications bell in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let rina: { client: ApiClient; id: number };
  let page: Page;
  let errors: string[];

  const bell = () => page.locator('.bell-button');
  const unreadOnServer = async () => (await rina.client.get('/api/v1/notifications')).body.unread_count as number;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    ({ admin } = await createWorkspace(server.url));
    rina = await createAgent(admin, { name: 'Rina Wijaya' });
    expect((await admin.post('/api/v1/departments', { name: 'Returns', member_ids: [rina.id] })).status).toBe(201);
    browser = await launchChromium();
    ({ page, errors } = await openPage(await signedInContext(browser, server.url, rina.client)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows no count while nothing is new, then counts notifications as they arrive, live', async () => {
    await page.goto(`${server.url}/tickets`);
    await expect.poll(() => bell().getAttribute('aria-label')).toBe('Notifications');
    await expect.poll(() => page.locator('.bell-count').count()).toBe(0);

    await createTicket(admin, { subject: 'Kettle leaks at the base', department: 'Returns' });
    await expect.poll(() => page.locator('.bell-count').textContent()).toBe('1');
    await createTicket(admin, { subject: 'Toaster burns one side', assignee: rina.id });
    await expect.poll(() => bell().getAttribute('aria-label')).toBe('Notifications, 2 unread');
    expect(await unreadOnServer()).toBe(2);
  });

  it('lists what happened, newest first, and opening one marks it read and opens the ticket', async () => {
    await bell().click();
    const items = page.locator('.bell-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toContain('Assigned to you');
    expect(await items.nth(0).innerText()).toContain('Toaster burns one side');
    expect(await items.nth(1).innerText()).toContain('New ticket in your department');
    expect(await items.nth(1).innerText()).toContain('by Ada Admin');
    await shot(page, 'notifications-open');

    await items.nth(1).click();
    await page.waitForURL(/\/tickets\/[^/]+$/);
    await expect.poll(() => page.locator('h1').innerText()).toContain('Kettle leaks at the base');
    await expect.poll(() => page.locator('.bell-count').textContent()).toBe('1');
    expect(await unreadOnServer()).toBe(1);
  });

  it('marks all read, and Escape closes the list with focus back on the bell', async () => {
    await bell().click();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => page.locator('.bell-count').count()).toBe(0);
    expect(await page.locator('.bell-item.is-unread').count()).toBe(0);
    expect(await unreadOnServer()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.bell-panel').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('bell-button');
  });

  it('lets the agent have their notifications by email too, saved on the server', async () => {
    await bell().click();
    const choice = page.getByLabel('Also send me my notifications by email');
    expect(await choice.isChecked()).toBe(false);
    await choice.check();
    await expect.poll(async () => (await rina.client.get('/api/v1/auth/me')).body.agent.email_notifications).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('speaks Bahasa Indonesia too', async () => {
    await createTicket(admin, { subject: 'Blender retak', assignee: rina.id });
    expect((await rina.client.patch('/api/v1/auth/me', { language: 'id' })).status).toBe(200);
    await page.reload();
    await expect.poll(() => bell().getAttribute('aria-label')).toBe('Notifikasi, 1 belum dibaca');
    await bell().click();
    await expect.poll(() => page.locator('.bell-item').first().innerText()).toContain('Ditugaskan kepada Anda');
    expect(errors).toEqual([]);
  });
});
