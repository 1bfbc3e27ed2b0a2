import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../helpers/factories.ts';
import { mailsTo } from '../helpers/portal.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

type Made = { number: string; subject: string; customer_user: { email: string } };

describe.skipIf(!hasChromium)(`verifying and rejecting tickets in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let till: Made;
  let spam: Made;
  let phone: Made;

  const rows = () => page.locator('.tickets-table tbody tr:not(.placeholder-row)');
  const rowNumbers = () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-number')));
  const ticketOf = async (number: string) => (await admin.get(`/api/v1/tickets/${number}`)).body;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    ({ admin } = await createWorkspace(server.url));
    const sari = await createAgent(admin, { name: 'Sari Returns' });
    expect((await admin.post('/api/v1/departments', { name: 'Returns', member_ids: [sari.id], assignment_mode: 'round_robin' })).status).toBe(201);
    expect((await admin.post('/api/v1/departments', { name: 'Billing' })).status).toBe(201);
    expect((await admin.patch('/api/v1/settings', { verification_channels: ['in_store'] })).status).toBe(200);
    // Each by another customer, so each customer's mails are their ticket's alone.
    const customer = (name: string) => ({ name, email: `${name.toLowerCase()}@example.com` });
    phone = await createTicket(admin, { subject: 'Kettle whistles too loud', channel: 'phone', customer: customer('Dewi') });
    till = await createTicket(admin, { subject: 'Toaster burnt at first use', channel: 'in_store', department: 'Returns', customer: customer('Joko') });
    spam = await createTicket(admin, { subject: 'Win a free cruise', channel: 'in_store', customer: customer('Lucky') });
    browser = await launchChromium();
    context = await signedInContext(browser, server.url, admin);
    ({ page, errors } = await openPage(context));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the dashboard says how many tickets wait for verification and lists them under "To verify"', async () => {
    await page.goto(`${server.url}/tickets`);
    const bar = page.getByRole('region', { name: 'To verify' });
    await bar.getByText('2 tickets wait for verification').waitFor();
    await bar.getByRole('link', { name: 'Show them' }).click();
    await page.waitForURL((url) => url.searchParams.get('verification') === 'unverified');
    await page.getByRole('heading', { name: 'To verify', level: 2 }).waitFor();
    await expect.poll(rowNumbers).toEqual([spam.number, till.number]);
    expect(await page.getByRole('link', { name: 'Remove filter: To verify' }).count()).toBe(1);
    await shot(page, 'to-verify');
    expect(errors).toEqual([]);
  });

  it('a waiting ticket shows the banner instead of the lifecycle; Verify sends it to the department asked for, which assigns it', async () => {
    await rows().filter({ hasText: till.subject }).getByRole('link', { name: till.number }).click();
    await page.waitForURL((url) => url.pathname === `/tickets/${till.number}`);
    const banner = page.getByRole('region', { name: 'Waiting for verification' });
    await banner.getByText('send it to Returns', { exact: false }).waitFor();
    expect(await page.getByRole('group', { name: 'Lifecycle' }).count()).toBe(0);
    // Until verified the customer is not answered, and the department comes with verifying.
    expect(await page.getByRole('radio', { name: 'Reply to customer' }).isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Internal note' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Department').isDisabled()).toBe(true);
    await shot(page, 'verification-banner');

    await banner.getByRole('button', { name: 'Verify' }).click();
    const dialog = page.getByRole('dialog', { name: `Verify ${till.number}` });
    expect(await dialog.getByLabel('Department').inputValue()).toBe(String((await ticketOf(till.number)).requested_department.id));
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('group', { name: 'Lifecycle' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Reply to customer' }).isChecked()).toBe(true);
    expect(await ticketOf(till.number)).toMatchObject({ verification_state: 'verified', department: { name: 'Returns' }, assignee: { name: 'Sari Returns' } });
    expect(await page.getByLabel('Assignee').locator('option:checked').textContent()).toBe('Sari Returns');

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('cell', { name: 'Verified', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Assigned automatically', exact: true }).waitFor();
    await page.getByText('round robin').waitFor();
    expect((await mailsTo(server, till.customer_user.email, 'ticket_created')).length).toBe(1);
    await shot(page, 'verified-history');
    expect(errors).toEqual([]);
  });

  it('Reject closes a waiting ticket as rejected with the reason for agents, and the customer hears nothing', async () => {
    await page.goto(`${server.url}/tickets/${spam.number}`);
    const banner = page.getByRole('region', { name: 'Waiting for verification' });
    await banner.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: `Reject ${spam.number}` });
    await dialog.getByLabel('Why is it rejected? (optional, agents only)').fill('Spam, no purchase');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.locator('.ticket-head').getByText('Rejected', { exact: true }).waitFor();
    expect(await ticketOf(spam.number)).toMatchObject({ status: 'closed', close_reason: 'rejected', verification_state: 'rejected' });
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('cell', { name: 'Rejected at verification', exact: true }).waitFor();
    await page.getByText('Spam, no purchase').waitFor();
    expect(await mailsTo(server, spam.customer_user.email)).toEqual([]);

    // Nothing waits any more: the dashboard's entry is gone, the ticket that never waited is still listed.
    await page.goto(`${server.url}/tickets`);
    await rows().filter({ hasText: phone.subject }).waitFor();
    expect(await page.getByRole('region', { name: 'To verify' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('speaks Bahasa Indonesia too', async () => {
    const indonesian = await signedInContext(browser, server.url, admin, { locale: 'id-ID' });
    const { page: idPage } = await openPage(indonesian);
    const waiting = await createTicket(admin, { subject: 'Blender retak', channel: 'in_store', customer: { name: 'Wati', email: 'wati@example.com' } });
    await idPage.goto(`${server.url}/tickets/${waiting.number}`);
    const language = await admin.patch('/api/v1/auth/me', { language: 'id' });
    expect(language.status).toBe(200);
    await idPage.reload();
    const banner = idPage.getByRole('region', { name: 'Menunggu verifikasi' });
    await banner.getByRole('button', { name: 'Verifikasi' }).waitFor();
    await banner.getByRole('button', { name: 'Tolak' }).waitFor();
    await idPage.goto(`${server.url}/tickets`);
    await idPage.getByRole('region', { name: 'Perlu verifikasi' }).getByText('1 tiket menunggu verifikasi').waitFor();
    await shot(idPage, 'to-verify-id');
    expect((await admin.patch('/api/v1/auth/me', { language: null })).status).toBe(200);
    await indonesian.close();
  });
});
