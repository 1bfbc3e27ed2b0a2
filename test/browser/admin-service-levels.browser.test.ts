import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/server/platform/clock.ts';
import type { ApiClient } from '../helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

interface CalendarItem {
  id: number;
  name: string;
  hours: Record<string, { start: string; end: string }[]>;
  holidays: { date: string; name?: string }[];
  used_by: { workspace_default: boolean; departments: { id: number; name: string }[] };
}

describe.skipIf(!hasChromium)(`the admin's calendars, SLA policies, escalation levels and jobs in Chromium (needs ${chromiumPath})`, () => {
  // Monday 08:00 in Jakarta; the test moves the server's clock to make a ticket overdue for the sweeper.
  const clock = createManualClock(new Date('2026-06-01T01:00:00.000Z'));
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let agent: ApiClient;
  let page: Page;
  let errors: string[];
  let returnsId: number;
  let billingId: number;

  const calendars = async (): Promise<CalendarItem[]> => (await admin.get('/api/v1/calendars')).body.items;
  const adminNav = () => page.getByRole('navigation', { name: 'Administration' });
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer({ clock });
    ({ admin } = await createWorkspace(server.url));
    const rina = await createAgent(admin, { name: 'Rina Wijaya' });
    agent = rina.client;
    const returns = await admin.post('/api/v1/departments', { name: 'Returns', member_ids: [rina.id] });
    const billing = await admin.post('/api/v1/departments', { name: 'Billing' });
    expect([returns.status, billing.status]).toEqual([201, 201]);
    returnsId = returns.body.id;
    billingId = billing.body.id;
    expect((await admin.post('/api/v1/customers', { name: 'Toko Maju Jaya', customer_code: 'TMJ-001' })).status).toBe(201);
    browser = await launchChromium();
    ({ page, errors } = await openPage(await signedInContext(browser, server.url, admin)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a calendar with two ranges on Monday and a holiday, after showing a bad range at its field', async () => {
    await page.goto(`${server.url}/admin/outbox`);
    await adminNav().getByRole('link', { name: 'Calendars' }).click();
    await page.waitForURL(/\/admin\/calendars$/);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Business calendars');
    await page.getByText('No calendars yet').waitFor();

    await page.getByRole('button', { name: 'Add calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a business calendar' });
    await dialog.getByLabel('Name', { exact: true }).fill('Jakarta office');
    await dialog.getByLabel('Time zone').selectOption('Asia/Jakarta');
    await dialog.getByLabel('Monday, range 1: from').fill('08:00');
    await dialog.getByLabel('Monday, range 1: to').fill('12:00');
    await dialog.getByRole('button', { name: 'Add a range to Monday' }).click();
    expect(await dialog.getByLabel('Monday, range 2: from').inputValue()).toBe('12:00');
    await dialog.getByLabel('Monday, range 2: from').fill('13:00');
    await dialog.getByLabel('Monday, range 2: to').fill('11:00');
    await dialog.getByRole('button', { name: 'Add holiday' }).click();
    await dialog.getByLabel('Holiday 1: date').fill('2026-12-25');
    await dialog.getByLabel('Holiday 1: name').fill('Christmas Day');

    await dialog.getByRole('button', { name: 'Add calendar' }).click();
    const badEnd = dialog.getByLabel('Monday, range 2: to');
    await expect.poll(() => badEnd.getAttribute('aria-invalid')).toBe('true');
    const described = await badEnd.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).innerText()).toBe('The end must be after the start (a shift past midnight ends at 24:00)');
    expect(await focusedLabel()).toBe('hours.mon.1.end');
    expect(await dialog.getByLabel('Monday, range 1: to').getAttribute('aria-invalid')).toBeNull();
    await shot(page, 'admin-calendar-bad-range');

    await badEnd.fill('17:00');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/calendars') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Add calendar' }).click();
    expect((await created).status()).toBe(201);
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByRole('status').filter({ hasText: 'The calendar “Jakarta office” was added.' }).waitFor();
    const row = page.getByRole('row', { name: /^Jakarta office/ });
    expect(await row.innerText()).toContain('Mon 08:00–12:00, 13:00–17:00');
    expect(await row.innerText()).toContain('Tue–Fri 09:00–17:00');
    const [saved] = await calendars();
    expect(saved.hours.mon).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(saved.holidays).toEqual([{ date: '2026-12-25', name: 'Christmas Day' }]);
  });

  it('shows the server’s 409 for a taken name at the name field', async () => {
    await page.getByRole('button', { name: 'Add calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a business calendar' });
    await dialog.getByLabel('Name', { exact: true }).fill('Jakarta office');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/calendars') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Add calendar' }).click();
    expect((await refused).status()).toBe(409);
    await expect.poll(() => dialog.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('used by another calendar').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add calendar');
  });

  it('makes it the workspace default and a department’s calendar, imports holidays, and is refused deletion while in use', async () => {
    const { id } = (await calendars())[0];
    await page.getByLabel('Workspace default', { exact: true }).selectOption({ label: 'Jakarta office' });
    await page.getByRole('status').filter({ hasText: 'Saved: Workspace default.' }).waitFor();
    expect((await admin.get('/api/v1/calendars/default')).body.calendar_id).toBe(id);
    await page.getByLabel('Calendar of Returns').selectOption({ label: 'Jakarta office' });
    await page.getByRole('status').filter({ hasText: 'Saved: Returns.' }).waitFor();
    await expect.poll(async () => (await calendars())[0].used_by.departments.map((d) => d.id)).toEqual([returnsId]);
    const row = page.getByRole('row', { name: /^Jakarta office/ });
    await expect.poll(() => row.innerText()).toContain('Department: Returns');
    expect(await row.innerText()).toContain('Workspace default');

    await row.getByRole('button', { name: 'Import holidays into Jakarta office' }).click();
    const importer = page.getByRole('dialog', { name: 'Import holidays into “Jakarta office”' });
    await importer.getByLabel('Holidays', { exact: true }).fill('2026-12-26 Boxing Day\nNew Year 2027\n');
    await importer.getByRole('button', { name: 'Import' }).click();
    await importer.getByText('Line 2 does not start with a date (YYYY-MM-DD).').waitFor();
    await importer.getByLabel('Holidays', { exact: true }).fill('2026-12-26 Boxing Day\n2027-01-01, New Year\n2026-12-25 Christmas Day');
    await importer.getByRole('button', { name: 'Import' }).click();
    await importer.getByText('Imported: 2 added, 0 renamed, 1 unchanged, 0 removed. The calendar now has 3 holidays.').waitFor();
    await shot(page, 'admin-calendar-import');
    await importer.getByRole('button', { name: 'Cancel' }).click();
    expect((await calendars())[0].holidays.map((h) => h.date)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
    await expect.poll(() => row.locator('td').nth(2).innerText()).toBe('3');

    await row.getByRole('button', { name: 'Delete Jakarta office' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the calendar “Jakarta office”?' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.getByRole('alert').filter({ hasText: 'This calendar is still in use: Workspace default; Department: Returns. Choose another calendar there first.' }).waitFor();
    await shot(page, 'admin-calendar-in-use');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await calendars()).toHaveLength(1);
    await shot(page, 'admin-calendars');
  });

  it('adds two SLA policies, shows a bad target at its field, and reorders them', async () => {
    await adminNav().getByRole('link', { name: 'SLA policies' }).click();
    await page.waitForURL(/\/admin\/sla-policies$/);
    await page.getByText('Policies are tried from the top: the first active policy that matches a ticket sets its targets').waitFor();

    await page.getByRole('button', { name: 'Add policy' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add an SLA policy' });
    await dialog.getByLabel('Name', { exact: true }).fill('Urgent tickets');
    const priorities = dialog.getByRole('group', { name: 'Priorities' }).first();
    await priorities.getByRole('radio', { name: 'Only these' }).check();
    await priorities.getByRole('checkbox', { name: 'Urgent' }).check();
    const first = dialog.getByRole('group', { name: 'First response' });
    await first.getByLabel('h', { exact: true }).fill('1');
    await first.getByLabel('min', { exact: true }).fill('75');
    await dialog.getByRole('group', { name: 'Resolution' }).getByLabel('h', { exact: true }).fill('8');
    await dialog.getByLabel('Calendar').selectOption({ label: 'Jakarta office' });
    await dialog.getByRole('button', { name: 'Add policy' }).click();
    await expect.poll(() => first.getByLabel('min', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await first.getByText('Minutes go from 0 to 59').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('first_response_seconds-hours');
    await shot(page, 'admin-sla-policy-dialog');
    await first.getByLabel('min', { exact: true }).fill('30');
    await dialog.getByRole('button', { name: 'Add policy' }).click();
    await page.getByRole('status').filter({ hasText: 'The SLA policy “Urgent tickets” was added' }).waitFor();

    await page.getByRole('button', { name: 'Add policy' }).click();
    dialog = page.getByRole('dialog', { name: 'Add an SLA policy' });
    await dialog.getByLabel('Name', { exact: true }).fill('Everything else');
    await dialog.getByRole('group', { name: 'First response' }).getByLabel('h', { exact: true }).fill('4');
    await dialog.getByRole('button', { name: 'Add policy' }).click();
    await page.getByRole('status').filter({ hasText: 'The SLA policy “Everything else” was added' }).waitFor();

    const names = () => page.locator('.policy-table tbody th').allInnerTexts();
    expect(await names()).toEqual(['Urgent tickets', 'Everything else']);
    const urgent = (await admin.get('/api/v1/sla-policies')).body.items[0];
    expect(urgent).toMatchObject({ priorities: ['urgent'], first_response_seconds: 5400, resolution_seconds: 28_800, warning_percent: 80, department_ids: null });
    expect(await page.getByRole('row', { name: /Urgent tickets/ }).innerText()).toContain('Priority: Urgent');

    const ordered = page.waitForResponse((r) => r.url().endsWith('/api/v1/sla-policies/order') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Move Everything else up' }).click();
    expect((await ordered).status()).toBe(200);
    expect(await names()).toEqual(['Everything else', 'Urgent tickets']);
    await expect.poll(focusedLabel).toBe('Move Everything else down');
    await page.getByRole('status').filter({ hasText: '“Everything else” is now number 1 of 2.' }).waitFor();
    expect((await admin.get('/api/v1/sla-policies')).body.items.map((p: { name: string }) => p.name)).toEqual(['Everything else', 'Urgent tickets']);
    await shot(page, 'admin-sla-policies');
  });

  it('saves a department’s escalation levels after showing a delay out of order at its level', async () => {
    await adminNav().getByRole('link', { name: 'Escalation' }).click();
    await page.waitForURL(/\/admin\/escalation$/);
    await page.getByLabel('Department', { exact: true }).selectOption({ label: 'Returns' });
    await page.waitForURL(new RegExp(`department=${returnsId}$`));
    await page.getByText('No levels: overdue tickets of this department are not escalated.').waitFor();

    await page.getByRole('button', { name: 'Add level' }).click();
    const one = page.getByRole('group', { name: 'Level 1', exact: true });
    await one.getByRole('group', { name: 'Delay past the due time' }).getByLabel('min', { exact: true }).fill('30');
    await one.getByRole('checkbox', { name: 'Rina Wijaya' }).check();
    await page.getByRole('button', { name: 'Add level' }).click();
    const two = page.getByRole('group', { name: 'Level 2', exact: true });
    const delay = two.getByRole('group', { name: 'Delay past the due time' });
    expect(await delay.getByLabel('h', { exact: true }).inputValue()).toBe('1');
    await delay.getByLabel('h', { exact: true }).fill('0');
    await delay.getByLabel('min', { exact: true }).fill('15');
    await two.getByLabel('Raise priority to').selectOption({ label: 'Urgent' });
    await two.getByLabel('Move to department').selectOption({ label: 'Billing' });

    await page.getByRole('button', { name: 'Save levels' }).click();
    await delay.getByText('Must be longer than level 1 (30 min)').waitFor();
    expect(await delay.getByLabel('min', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await one.getByRole('group', { name: 'Delay past the due time' }).getByLabel('min', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('levels.1.delay-hours');
    await shot(page, 'admin-escalation-error');

    await delay.getByLabel('h', { exact: true }).fill('2');
    await delay.getByLabel('min', { exact: true }).fill('');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/departments/${returnsId}/escalation-levels`) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save levels' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('status').filter({ hasText: 'Saved: Returns has 2 levels.' }).waitFor();
    const levels = (await admin.get(`/api/v1/departments/${returnsId}/escalation-levels`)).body.levels;
    expect(levels).toMatchObject([
      { level: 1, delay_seconds: 1800, notify_agents: [{ name: 'Rina Wijaya' }], reassign_department: null, raise_priority_to: null },
      { level: 2, delay_seconds: 7200, notify_agents: [], reassign_department: { id: billingId, name: 'Billing' }, raise_priority_to: 'urgent' },
    ]);
    await shot(page, 'admin-escalation');

    await page.reload();
    await expect.poll(() => page.getByRole('group', { name: 'Level 2', exact: true }).getByLabel('Move to department').inputValue()).toBe(String(billingId));
  });

  it('adds routing rules (a bad source told at its list), reorders them, sets a department’s assignment and the channels to verify', async () => {
    await adminNav().getByRole('link', { name: 'Routing' }).click();
    await page.waitForURL(/\/admin\/routing$/);
    await page.getByText('No routing rules yet').waitFor();

    await page.getByRole('button', { name: 'Add rule' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a routing rule' });
    await dialog.getByLabel('Name', { exact: true }).fill('Marketplace refunds');
    await dialog.getByLabel('Send to department').selectOption({ label: 'Billing' });
    const channelsGroup = dialog.getByRole('group', { name: 'Channels' }).first();
    await channelsGroup.getByRole('radio', { name: 'Only these' }).check();
    await channelsGroup.getByRole('checkbox', { name: 'Marketplace' }).check();
    const keywords = dialog.getByRole('group', { name: 'Subject keywords' });
    await keywords.getByRole('radio', { name: 'Only these' }).check();
    await keywords.getByLabel('Words or phrases, one per line').fill('refund\nmoney back');
    const customers = dialog.getByRole('group', { name: 'Customers' }).first();
    await customers.getByRole('radio', { name: 'Only these' }).check();
    await customers.getByLabel('Find a customer').fill('toko');
    await customers.getByRole('button', { name: 'Add Toko Maju Jaya' }).click();
    await customers.getByRole('button', { name: 'Remove Toko Maju Jaya' }).waitFor();
    await shot(page, 'admin-routing-rule-dialog');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('status').filter({ hasText: 'The routing rule “Marketplace refunds” was added' }).waitFor();
    const first = page.getByRole('row', { name: /^1 Marketplace refunds/ });
    expect(await first.innerText()).toContain('Channel: Marketplace');
    expect(await first.innerText()).toContain('Subject has: “refund”, “money back”');
    await expect.poll(() => first.innerText()).toContain('Customer: Toko Maju Jaya');
    expect(await first.innerText()).toContain('Billing');

    await page.getByRole('button', { name: 'Add rule' }).click();
    dialog = page.getByRole('dialog', { name: 'Add a routing rule' });
    await dialog.getByLabel('Name', { exact: true }).fill('Web shop');
    await dialog.getByLabel('Send to department').selectOption({ label: 'Returns' });
    const sources = dialog.getByRole('group', { name: 'Sources' });
    await sources.getByRole('radio', { name: 'Only these' }).check();
    await sources.getByLabel('Sources, separated by commas').fill('web shop!');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await sources.getByText('“shop!” is not a source: use lower-case letters, digits, - and _').waitFor();
    expect(await sources.getByLabel('Sources, separated by commas').getAttribute('aria-invalid')).toBe('true');
    await sources.getByLabel('Sources, separated by commas').fill('website, Shopify');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('status').filter({ hasText: 'The routing rule “Web shop” was added' }).waitFor();
    await page.getByRole('button', { name: 'Move Web shop up' }).click();
    await expect.poll(async () => (await admin.get('/api/v1/routing-rules')).body.items.map((r: { name: string }) => r.name)).toEqual(['Web shop', 'Marketplace refunds']);
    expect((await admin.get('/api/v1/routing-rules')).body.items[0]).toMatchObject({ sources: ['website', 'shopify'], department_id: returnsId });
    await expect.poll(focusedLabel).toBe('Move Web shop down');

    await page.getByLabel('Assignment in Returns').selectOption('round_robin');
    await page.getByRole('status').filter({ hasText: 'Saved: Returns.' }).waitFor();
    expect((await admin.get(`/api/v1/departments/${returnsId}`)).body.assignment_mode).toBe('round_robin');

    const verification = page.getByRole('region', { name: 'Channels requiring verification' });
    await verification.getByRole('checkbox', { name: 'Review' }).check();
    await verification.getByRole('button', { name: 'Save channels' }).click();
    await verification.getByText('Saved. New tickets from the chosen channels wait for verification.').waitFor();
    expect((await admin.get('/api/v1/settings')).body.verification_channels).toEqual(['review']);
    await shot(page, 'admin-routing');
  });

  it('lists the background duties with their last runs, and refreshes', async () => {
    // A Returns ticket three days later: past the first-response target, so the sweeper escalates it.
    await createTicket(admin, { subject: 'Kettle leaks', department: returnsId });
    clock.advance(3 * 24 * 3_600_000);
    expect((await server.sweeper.sweepNow()).escalation.done).toBeGreaterThanOrEqual(1);
    await adminNav().getByRole('link', { name: 'Background jobs' }).click();
    await page.waitForURL(/\/admin\/jobs$/);
    const table = page.locator('.jobs-table');
    await table.waitFor();
    for (const name of ['Auto-close', 'Pending reminders', 'SLA warnings', 'Escalation']) await table.getByRole('rowheader', { name: new RegExp(`^${name}`) }).waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers.map((h) => h.toLowerCase())).toEqual(['duty', 'status', 'last run started', 'last run finished', 'rows of the last run', 'total runs', 'last checked', 'last error']);
    expect(await page.locator('.jobs-interval').innerText()).toBe('This server process does not sweep; another process does.');
    const escalation = table.getByRole('row', { name: /^Escalation/ });
    expect(await escalation.getByText('OK', { exact: true }).count()).toBe(1);
    expect(await escalation.innerText()).toMatch(/Done: [1-9]/);
    expect(await table.getByRole('row', { name: /^Auto-close/ }).getByText('Nothing due yet').count()).toBe(1);
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/jobs'));
    await page.getByRole('button', { name: 'Refresh' }).click();
    expect((await refreshed).status()).toBe(200);
    await shot(page, 'admin-jobs');
  });

  it('fits a tablet, has a dark theme, and speaks Bahasa Indonesia', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const path of ['calendars', 'sla-policies', 'escalation', 'routing', 'jobs']) {
      await page.goto(`${server.url}/admin/${path}`);
      await page.locator('.panel').first().waitFor();
      expect(await page.locator('.admin').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await shot(page, 'admin-jobs-tablet');
    await page.goto(`${server.url}/admin/escalation?department=${returnsId}`);
    await page.getByRole('group', { name: 'Level 2', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'admin-escalation-tablet');

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${server.url}/admin/calendars`);
    await page.getByRole('row', { name: /^Jakarta office/ }).getByRole('button', { name: 'Edit Jakarta office' }).click();
    await page.getByRole('dialog', { name: 'Edit the calendar “Jakarta office”' }).waitFor();
    await shot(page, 'admin-calendar-dialog-dark');
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });

    expect((await admin.patch('/api/v1/auth/me', { language: 'id' })).status).toBe(200);
    try {
      await page.goto(`${server.url}/admin/sla-policies`);
      await expect.poll(() => page.locator('h1').innerText()).toBe('Kebijakan SLA');
      await page.getByText('Kebijakan dicoba dari atas').waitFor();
      await page.getByRole('row', { name: /Urgent tickets/ }).getByText('Prioritas: Mendesak').waitFor();
      await shot(page, 'admin-sla-policies-id');
      await page.goto(`${server.url}/admin/jobs`);
      await page.locator('.jobs-table').getByText('Tutup otomatis', { exact: true }).waitFor();
    } finally {
      expect((await admin.patch('/api/v1/auth/me', { language: 'en' })).status).toBe(200);
    }
    expect(errors).toEqual([]);
  });

  it('tells an agent without the admin role that only administrators can open these pages', async () => {
    const { page: agentPage, errors: agentErrors } = await openPage(await signedInContext(browser, server.url, agent));
    for (const path of ['calendars', 'sla-policies', 'escalation', 'routing', 'jobs']) {
      await agentPage.goto(`${server.url}/admin/${path}`);
      await expect.poll(() => agentPage.locator('h1').innerText()).toBe('Only administrators can open this page');
    }
    await shot(agentPage, 'admin-service-levels-agent');
    expect(agentErrors).toEqual([]);
    // An agent reads the flow (the API lets them) but cannot change it.
    expect((await agent.get(`/api/v1/departments/${returnsId}/escalation-levels`)).status).toBe(200);
    expect((await agent.request('PUT', `/api/v1/departments/${returnsId}/escalation-levels`, { levels: [] })).status).toBe(403);
  });
});
