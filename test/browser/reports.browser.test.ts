import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/server/platform/clock.ts';
import type { ApiClient } from '../helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../helpers/factories.ts';
import { signInToPortal } from '../helpers/portal.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

const hourMs = 60 * 60_000;
const dayMs = 24 * hourMs;

describe.skipIf(!hasChromium)(`the reports in Chromium (needs ${chromiumPath})`, () => {
  // Real time, moved back while the previous period's ticket is made: events take the server's clock.
  let offset = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let page: Page;
  let errors: string[];
  let dayOf: (msAgo: number) => string;
  const numbers: Record<'kettle' | 'parcel' | 'lid', string> = { kettle: '', parcel: '', lid: '' };
  const agentName = 'Rina Wulandari';

  const kpi = (id: string) => page.locator(`[data-kpi="${id}"] .report-kpi-value`);
  const panel = (id: string) => page.locator(`[data-report="${id}"]`);
  const filters = () => page.getByRole('form', { name: 'Range and filters' });
  const field = (label: string) => page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });
  const params = () => Object.fromEntries(new URL(page.url()).searchParams);
  // A screenshot for a person to look at (light and dark, both languages); not part of the assertions.
  const shot = async (name: string, part?: Locator) => {
    const path = join(tmpdir(), `reports-${name}.png`);
    if (part) return part.screenshot({ path });
    // From the top: the sticky header would otherwise be drawn where the page was scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    return page.screenshot({ path, fullPage: true });
  };
  const downloadFirstLine = async (link: Locator) => {
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    return { name: download.suggestedFilename(), header: text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] };
  };

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer({ clock });
    const workspace = await createWorkspace(server.url);
    admin = workspace.admin;
    const { time_zone: timeZone } = (await admin.get('/api/v1/settings')).body as { time_zone: string };
    dayOf = (msAgo) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() - msAgo));
    const agent = await createAgent(admin, { name: agentName });

    // In the period before the last 30 days: a first response after an hour, a resolution after two.
    offset = -40 * dayMs;
    const earlier = (await createTicket(admin, { subject: 'Toaster burns the bread', channel: 'web' })).number;
    offset += hourMs;
    expect((await agent.client.post(`/api/v1/tickets/${earlier}/messages`, { body: 'Which setting do you use?', visibility: 'public' })).status).toBe(201);
    offset += hourMs;
    expect((await agent.client.post(`/api/v1/tickets/${earlier}/transitions`, { to: 'resolved', resolution: 'Thermostat replaced' })).status).toBe(200);
    offset = 0;

    // A small known history: three tickets; the agent answers and resolves one, the customer resolves another in the portal.
    numbers.kettle = (await createTicket(admin, { subject: 'Kettle leaks', priority: 'urgent', channel: 'phone' })).number;
    numbers.parcel = (await createTicket(admin, { subject: 'Parcel never came', channel: 'email', customer: { name: 'Budi Santoso', email: 'budi.reports@example.com' } })).number;
    numbers.lid = (await createTicket(admin, { subject: 'Broken lid', channel: 'email' })).number;
    expect((await agent.client.post(`/api/v1/tickets/${numbers.kettle}/messages`, { body: 'A new kettle is on its way.', visibility: 'public' })).status).toBe(201);
    expect((await agent.client.post(`/api/v1/tickets/${numbers.kettle}/transitions`, { to: 'resolved', resolution: 'New kettle sent' })).status).toBe(200);
    const portal = await signInToPortal(server, workspace.slug, 'budi.reports@example.com');
    expect((await portal.post(`/api/v1/portal/${workspace.slug}/tickets/${numbers.parcel}/resolve`, { resolution: 'It arrived after all' })).status).toBe(200);

    browser = await launchChromium();
    const context = await signedInContext(browser, server.url, admin);
    ({ page, errors } = await openPage(context));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from the main navigation on the last 30 days, with the figures of the history and a drawn chart', async () => {
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL((url) => url.pathname === '/reports');
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    expect(await filters().getByLabel('Range').inputValue()).toBe('last_30_days');

    await expect.poll(() => kpi('created').textContent()).toBe('3');
    expect(await kpi('resolved').textContent()).toBe('2');
    expect(await kpi('closed').textContent()).toBe('0');
    expect(await kpi('reopened').textContent()).toBe('0');
    // One resolution of two was the customer's, in the portal.
    expect(await kpi('self_resolved').textContent()).toBe('50%');
    // Seconds now against an hour before: the median first response and resolution are all but gone.
    const firstResponse = page.locator('[data-kpi="first_response"]');
    expect(await firstResponse.locator('.report-trend-arrow').textContent()).toBe('↓ 100%');
    expect(await firstResponse.locator('.report-trend').textContent()).toBe('↓ 100%100% shorter vs 1 hour before');
    expect(await page.locator('[data-kpi="resolution"] .report-trend').textContent()).toContain('vs 2 hours before');

    // The chart is drawn: an SVG with a line per series, the numbers behind "Show as table".
    const volume = panel('volume');
    await volume.locator('svg.recharts-surface').first().waitFor();
    expect(await volume.locator('.recharts-line').count()).toBe(4);
    await volume.getByText('Show as table').click();
    const rows = volume.locator('table tbody tr');
    expect(await rows.count()).toBe(30);
    expect(await rows.last().locator('td').allTextContents()).toEqual(['3', '2', '0', '0', '0']);

    const agents = panel('agents').getByRole('row', { name: new RegExp(agentName) });
    expect((await agents.locator('td').allTextContents()).slice(0, 2)).toEqual(['1', '1']);
    expect(await panel('by_channel').locator('.recharts-wrapper').count()).toBe(1);
    expect(await panel('by_channel').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await shot('overview-light');
    await shot('volume-light', panel('volume'));
    await shot('breakdowns-light', page.locator('.report-grid'));
    expect(errors).toEqual([]);
  });

  it('links every table to its CSV for the same range and filters, and the download is that table', async () => {
    const link = panel('volume').getByRole('link', { name: /Download CSV/ });
    expect(new URL(await link.getAttribute('href') as string, server.url).search).toBe('?preset=last_30_days&table=volume');
    const file = await downloadFirstLine(link);
    expect(file).toEqual({ name: 'overview-volume.csv', header: 'bucket,created,resolved,closed,auto_closed,reopened' });
    expect(await panel('agents').getByRole('link', { name: /Download CSV/ }).getAttribute('href')).toBe('/api/v1/reports/overview.csv?preset=last_30_days&table=agents');
  });

  it('narrows by a filter from its list, in the URL', async () => {
    await filters().getByRole('button', { name: /^Channel: Any/ }).click();
    await filters().getByRole('group', { name: 'Channel' }).getByLabel('Phone').check();
    await page.waitForURL((url) => url.searchParams.get('channel') === 'phone');
    await expect.poll(() => kpi('created').textContent()).toBe('1');
    await page.keyboard.press('Escape');
    expect(await filters().getByRole('button', { name: /^Channel: Phone/ }).count()).toBe(1);
    await filters().getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => params()).toEqual({});
    await filters().getByRole('button', { name: /^Channel: Any/ }).waitFor();
    await expect.poll(() => kpi('created').textContent()).toBe('3');
  });

  it('switches to a custom range through the URL, and Back returns to the preset', async () => {
    await filters().getByLabel('Range').selectOption('custom');
    // The days start as the range shown.
    expect(await filters().getByLabel('From', { exact: true }).inputValue()).toBe(dayOf(29 * dayMs));
    expect(await filters().getByLabel('To', { exact: true }).inputValue()).toBe(dayOf(0));
    await filters().getByLabel('From', { exact: true }).fill(dayOf(2 * dayMs));
    await shot('custom-range', filters());
    await filters().getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => params()).toEqual({ preset: 'custom', from: dayOf(2 * dayMs), to: dayOf(0) });
    await expect.poll(() => panel('volume').locator('table tbody tr').count()).toBe(3);
    expect(await kpi('created').textContent()).toBe('3');

    await page.goBack();
    await expect.poll(() => params()).toEqual({});
    expect(await filters().getByLabel('Range').inputValue()).toBe('last_30_days');
    await expect.poll(() => panel('volume').locator('table tbody tr').count()).toBe(30);
  });

  it('refuses a backwards range at the To field before asking the server', async () => {
    await filters().getByLabel('Range').selectOption('custom');
    await filters().getByLabel('From', { exact: true }).fill('2026-03-10');
    await filters().getByLabel('To', { exact: true }).fill('2026-03-01');
    const before = page.url();
    await filters().getByRole('button', { name: 'Apply' }).click();
    await field('To').getByText('Must be on or after the “From” day').waitFor();
    expect(await filters().getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toBe(before);

    // A hand-edited URL is checked the same way, and nothing is asked of the server.
    const asked: string[] = [];
    const track = (request: Request) => {
      if (request.url().includes('/api/v1/reports/')) asked.push(request.url());
    };
    page.on('request', track);
    await page.goto(`${server.url}/reports?preset=custom&from=2026-03-10&to=2026-03-01`);
    await field('To').getByText('Must be on or after the “From” day').waitFor();
    await page.getByText('The report was not made: correct the marked field above.').waitFor();
    expect(await page.locator('[data-kpi]').count()).toBe(0);
    page.off('request', track);
    expect(asked).toEqual([]);
  });

  it("shows the server's refusal of a range at the field it names", async () => {
    await page.goto(`${server.url}/reports?preset=custom&from=2020-01-01&to=2026-01-01`);
    await field('To').getByText('Refused by the server: the range is longer than 2 years').waitFor();
    expect(await filters().getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-kpi]').count()).toBe(0);
    await shot('range-refused');
    // Changing the day takes the server's word away from it.
    await filters().getByLabel('To', { exact: true }).fill('2020-12-31');
    expect(await field('To').getByText('Refused by the server').count()).toBe(0);
    await filters().getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => kpi('created').textContent()).toBe('0');
  });

  it('lists the activity with who resolved, narrows it by event, pages it and downloads it as CSV', async () => {
    await page.goto(`${server.url}/reports`);
    await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Activity' }).click();
    await page.waitForURL((url) => url.pathname === '/reports/activity');
    const activity = panel('activity');
    await activity.getByRole('cell', { name: `Resolved by: ${agentName}` }).waitFor();
    await activity.getByRole('cell', { name: 'Resolved by: Customer' }).waitFor();
    const ticketLink = activity.getByRole('link', { name: numbers.kettle }).first();
    expect(await ticketLink.getAttribute('href')).toBe(`/tickets/${numbers.kettle}`);
    await shot('activity-light');

    await filters().getByRole('button', { name: /^Event: Any/ }).click();
    await filters().getByRole('group', { name: 'Event' }).getByLabel('Resolved', { exact: true }).check();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('type') === 'resolved');
    await expect.poll(() => activity.locator('tbody tr').count()).toBe(2);
    expect(await activity.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type')))).toEqual(['resolved', 'resolved']);

    const link = activity.getByRole('link', { name: /Download CSV/ });
    expect(await link.getAttribute('href')).toBe('/api/v1/reports/activity.csv?preset=last_30_days&type=resolved');
    const file = await downloadFirstLine(link);
    expect(file).toEqual({ name: 'activity.csv', header: 'time,ticket,subject,ticket_status,event,actor_kind,actor,resolved_by,before,after' });

    // The overview tab keeps the range and ticket filters, not the activity's own.
    await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Overview' }).click();
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/reports');
    expect(errors).toEqual([]);
  });

  it('pages a long activity with Load more', async () => {
    for (let i = 0; i < 50; i += 1) await createTicket(admin, { subject: `Kettle lid loose ${i}`, channel: 'web' });
    await page.goto(`${server.url}/reports/activity?type=created`);
    const activity = panel('activity');
    await activity.getByText('50 events shown, more available').waitFor();
    expect(await activity.locator('tbody tr').count()).toBe(50);
    await activity.getByRole('button', { name: 'Load more' }).click();
    await activity.getByText('53 events shown').waitFor();
    expect(await activity.locator('tbody tr').count()).toBe(53);
    expect(await activity.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  }, 120_000);

  it('fits a tablet: only wide tables scroll, inside their panel', async () => {
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.goto(`${server.url}/reports`);
    await panel('volume').locator('svg.recharts-surface').first().waitFor();
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('.reports *')].filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth).map((e) => e.className),
    );
    expect(overflow).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot('overview-tablet');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('reads in the dark theme and in Bahasa Indonesia', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${server.url}/reports`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await panel('volume').locator('svg.recharts-surface').first().waitFor();
    await expect.poll(() => kpi('created').textContent()).toBe('53');
    // The series take the theme's colours: the created line is the light blue of the dark theme, not a fixed colour.
    const stroke = await panel('volume').locator('.recharts-line-curve').first().evaluate((path) => getComputedStyle(path).stroke);
    expect(stroke).toBe('rgb(169, 194, 255)');
    await shot('overview-dark');
    await shot('volume-dark', panel('volume'));
    await shot('breakdowns-dark', page.locator('.report-grid'));
    await shot('kpis-dark', page.locator('.report-kpi-groups'));
    await page.goto(`${server.url}/reports/activity`);
    await panel('activity').locator('tbody tr').first().waitFor();
    await shot('activity-dark');

    await page.goto(`${server.url}/reports`);
    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('heading', { name: 'Laporan', level: 1 }).waitFor();
    await page.locator('[data-kpi="created"] .report-kpi-label').getByText('Dibuat').waitFor();
    await page.getByRole('form', { name: 'Rentang dan filter' }).getByLabel('Rentang').waitFor();
    await panel('volume').getByRole('link', { name: /Unduh CSV/ }).waitFor();
    await page.getByRole('navigation', { name: 'Laporan' }).getByRole('link', { name: 'Aktivitas' }).click();
    await page.getByRole('form', { name: 'Rentang dan filter' }).getByRole('button', { name: /^Peristiwa: Semua/ }).click();
    await page.getByRole('group', { name: 'Peristiwa' }).getByLabel('Diselesaikan', { exact: true }).check();
    await page.keyboard.press('Escape');
    await panel('activity').getByRole('cell', { name: 'Diselesaikan oleh: Pelanggan' }).waitFor();
    await panel('activity').getByRole('cell', { name: `Diselesaikan oleh: ${agentName}` }).waitFor();
    await shot('activity-dark-id');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${server.url}/reports`);
    await panel('volume').locator('svg.recharts-surface').first().waitFor();
    await shot('overview-light-id');
    await page.getByLabel('Bahasa').selectOption('en');
    expect(errors).toEqual([]);
  });
});
