import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/server/platform/clock.ts';
import type { ApiClient } from '../helpers/client.ts';
import { createTicket, createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

const HOUR = 3_600_000;

describe.skipIf(!hasChromium)(`a ticket's service level in Chromium (needs ${chromiumPath})`, () => {
  // The server's clock is moved by the test; the page's Date is pinned to it (timers keep running).
  const clock = createManualClock(new Date('2026-06-01T08:00:00.000Z'));
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let ticket: { number: string };

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer({ clock });
    ({ admin } = await createWorkspace(server.url));
    const department = (await admin.post('/api/v1/departments', { name: 'Returns' })).body.id as number;
    expect((await admin.post('/api/v1/sla-policies', { name: 'Standard care', first_response_seconds: 3600, resolution_seconds: 8 * 3600 })).status).toBe(201);
    const levels = await admin.request('PUT', `/api/v1/departments/${department}/escalation-levels`, { levels: [{ delay_seconds: 0 }, { delay_seconds: 4 * 3600 }] });
    expect(levels.status, JSON.stringify(levels.body)).toBe(200);
    ticket = await createTicket(admin, { subject: 'Kettle leaks', department });
    browser = await launchChromium();
    context = await signedInContext(browser, server.url, admin);
    await context.clock.setFixedTime(clock.now());
    ({ page, errors } = await openPage(context));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const panel = () => page.getByRole('region', { name: 'Service level' });

  it('shows the policy and when the first response and the resolution are due', async () => {
    await page.goto(`${server.url}/tickets/${ticket.number}`);
    await panel().getByText('Standard care').waitFor();
    const firstResponse = panel().locator('div').filter({ has: page.getByText('First response', { exact: true }) });
    expect(await firstResponse.locator('dd').textContent()).toMatch(/^due /);
    expect(await panel().getByText('Resolution', { exact: true }).count()).toBe(1);
    expect(await panel().getByText('Escalation', { exact: true }).count()).toBe(1);
    await shot(page, 'ticket-service-level');
  });

  it('after the due time passes and the sweeper runs: missed, escalation level 1, an Escalated event by System', async () => {
    clock.advance(2 * HOUR);
    await context.clock.setFixedTime(clock.now());
    expect((await server.sweeper.sweepNow()).escalation.done).toBe(1);
    await page.reload();
    await panel().getByText('level 1', { exact: false }).waitFor();
    const firstResponse = panel().locator('div').filter({ has: page.getByText('First response', { exact: true }) });
    expect(await firstResponse.locator('dd').textContent()).toMatch(/^missed, due /);
    expect(await firstResponse.locator('dd.sla-late').count()).toBe(1);
    await page.getByRole('tab', { name: 'History' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Escalated' });
    await row.waitFor();
    expect(await row.getByText('System', { exact: true }).count()).toBeGreaterThan(0);
    await shot(page, 'ticket-service-level-escalated');
  });

  it('a public reply measures the first response: how long it took and by how much it missed the target', async () => {
    await page.getByRole('tab', { name: 'Conversation' }).click();
    const composer = page.getByRole('form', { name: 'Write a message' });
    await composer.getByLabel('Reply to the customer').fill('So sorry for the wait, a new kettle is on its way.');
    await composer.getByRole('button', { name: 'Send reply' }).click();
    await panel().getByText('took 2 hours · 1 hour over target').waitFor();
    // Answered: no longer escalated; the resolution target is what counts now.
    await panel().getByText('not escalated', { exact: false }).waitFor();
    expect(errors).toEqual([]);
  });
});
