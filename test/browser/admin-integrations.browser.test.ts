import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createWorkspace } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

describe.skipIf(!hasChromium)(`Admin › Webhooks and IMAP mailboxes in Chromium (needs ${chromiumPath})`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let receiver: Server;
  let receiverUrl: string;
  const received: { event: string; signature: string }[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    const workspace = await createWorkspace(server.url);
    admin = workspace.admin;
    expect((await admin.post('/api/v1/departments', { name: 'Returns' })).status).toBe(201);
    // A real receiver on this machine, which the admin allows explicitly (self-hosting).
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push({ event: String(req.headers['x-caredesk-event']), signature: String(req.headers['x-caredesk-signature']) });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/caredesk`;
    browser = await launchChromium();
    let errors: string[];
    ({ page, errors } = await openPage(await signedInContext(browser, server.url, admin)));
    pageErrors = errors;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    receiver?.close();
  });

  it('adds a webhook endpoint, shows its secret once, and logs a delivered ping', async () => {
    await page.goto(`${server.url}/admin/webhooks`);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('URL', { exact: true }).fill(receiverUrl);
    // Without leave for a local address the server refuses it, at the URL field.
    await dialog.getByLabel('Ticket created').check();
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => dialog.getByText(/loopback|private/i).count()).toBeGreaterThan(0);
    await dialog.getByLabel(/Allow an address on this machine/).check();
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    const secret = page.getByLabel(/The signing secret of/);
    await expect.poll(() => secret.isVisible()).toBe(true);
    expect(await secret.textContent()).toMatch(/\S{20,}/);
    await shot(page, 'admin-webhook-secret');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => secret.count()).toBe(0);

    await page.getByRole('button', { name: 'Send ping' }).click();
    await expect.poll(() => page.getByText('Ping queued: see the deliveries.').isVisible()).toBe(true);
    server.webhooks.wake();
    await expect.poll(() => received.map((r) => r.event), { timeout: 10_000 }).toContain('ping');
    expect(received[0].signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await page.getByRole('button', { name: 'Deliveries' }).click();
    const log = page.getByRole('region', { name: /Deliveries to/ });
    await expect.poll(() => log.getByRole('row').filter({ hasText: 'Ping' }).filter({ hasText: 'Delivered' }).count()).toBe(1);
    await shot(page, 'admin-webhook-deliveries');
  });

  it("adds an IMAP mailbox and reports the server's answer of a connection test", async () => {
    await page.goto(`${server.url}/admin/imap-mailboxes`);
    await page.getByRole('button', { name: 'Add mailbox' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Department').selectOption({ label: 'Returns' });
    // Nothing listens on this port: the test says so and where it failed.
    await dialog.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await dialog.getByLabel('Port').fill('9');
    await dialog.getByLabel('Security').selectOption('none');
    await dialog.getByLabel('User name').fill('returns@shop.example');
    await dialog.getByLabel('Password').fill('not-the-password');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => dialog.getByText('Failed while connecting.').isVisible(), { timeout: 20_000 }).toBe(true);
    await shot(page, 'admin-imap-test');
    await dialog.getByRole('button', { name: 'Add mailbox' }).click();
    await expect.poll(() => page.getByRole('table').getByText('returns@shop.example').isVisible()).toBe(true);
    await shot(page, 'admin-imap-list');
    expect(pageErrors).toEqual([]);
  });
});
