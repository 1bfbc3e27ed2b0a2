import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { createAgent, createWorkspace } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

describe.skipIf(!hasChromium)(`Admin › Departments and API keys in Chromium (needs ${chromiumPath})`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let dina: { id: number; email: string };
  let pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    ({ admin } = await createWorkspace(server.url));
    dina = await createAgent(admin, { name: 'Dina Agent' });
    const rudi = await createAgent(admin, { name: 'Rudi Former' });
    expect((await admin.patch(`/api/v1/agents/${rudi.id}`, { is_active: false })).status).toBe(200);
    expect((await admin.post('/api/v1/departments', { name: 'Billing' })).status).toBe(201);
    // A department whose mail is read from an IMAP mailbox: deleting it is refused, naming the mailbox.
    const outlet = await admin.post('/api/v1/departments', { name: 'Outlet desk' });
    expect(outlet.status).toBe(201);
    const mailbox = await admin.post('/api/v1/admin/imap-mailboxes', { department_id: outlet.body.id, host: '127.0.0.1', tls_mode: 'none', username: 'outlet', password: 'imap-secret', enabled: false });
    expect(mailbox.status, JSON.stringify(mailbox.body)).toBe(201);

    browser = await launchChromium();
    const context = await signedInContext(browser, server.url, admin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    let errors: string[];
    ({ page, errors } = await openPage(context));
    pageErrors = errors;
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a department with an address and a member, and tells a taken name at the name field', async () => {
    await page.goto(`${server.url}/admin/departments`);
    await expect.poll(() => page.getByRole('row', { name: /Outlet desk/ }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add department' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a department' });
    await dialog.getByLabel('Name').fill('Returns desk');
    await dialog.getByLabel('Mail address (optional)').fill('returns@shop.example');
    await dialog.getByLabel('Automatic assignment').selectOption('round_robin');
    // Every agent is offered with name and email; a deactivated one is marked.
    await expect.poll(() => dialog.getByRole('checkbox', { name: /Rudi Former .* Inactive/ }).isVisible()).toBe(true);
    await dialog.getByRole('checkbox', { name: new RegExp(`Dina Agent ${dina.email}`) }).check();
    await expect.poll(() => dialog.getByText('1 chosen').isVisible()).toBe(true);
    await shot(page, 'admin-department-dialog');
    await dialog.getByRole('button', { name: 'Add department' }).click();

    const row = page.getByRole('row', { name: /Returns desk/ });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toMatch(/returns@shop\.example.*1 member.*Dina Agent.*Round robin.*Escalation levels.*Calendar: workspace default/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Added: Returns desk.' }).isVisible()).toBe(true);
    const saved = ((await admin.get('/api/v1/departments')).body.items as { id: number; name: string }[]).find((d) => d.name === 'Returns desk');
    expect(saved).toMatchObject({ email: 'returns@shop.example', member_ids: [dina.id], assignment_mode: 'round_robin' });
    expect((await admin.get(`/api/v1/agents/${dina.id}`)).body.department_ids).toHaveLength(1);
    await shot(page, 'admin-departments');

    // Names are unique without regard to case: the 409 is told at the name, which gets the focus.
    await page.getByRole('button', { name: 'Add department' }).click();
    const again = page.getByRole('dialog', { name: 'Add a department' });
    await again.getByLabel('Name').fill('billing');
    await again.getByRole('button', { name: 'Add department' }).click();
    await expect.poll(() => again.getByText('Another department has this name already.').isVisible()).toBe(true);
    const name = again.getByLabel('Name');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((input) => input === document.activeElement)).toBe(true);
    await shot(page, 'admin-department-taken');
    await again.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // The escalation link opens that department's levels.
    await row.getByRole('link', { name: 'Escalation levels of Returns desk' }).click();
    await expect.poll(() => page.getByLabel('Department').inputValue()).toBe(String(saved?.id));
  });

  it('refuses to delete a department in use, saying what uses it', async () => {
    await page.goto(`${server.url}/admin/departments`);
    await page.getByRole('button', { name: 'Delete Outlet desk' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the department “Outlet desk”?' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    const refusal = confirm.getByRole('alert');
    await expect.poll(() => refusal.isVisible()).toBe(true);
    expect(await refusal.textContent()).toBe('It cannot be deleted while it is used by IMAP mailbox “outlet@127.0.0.1”. Move those to another department first.');
    await shot(page, 'admin-department-delete-refused');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Outlet desk/ }).isVisible()).toBe(true);
  });

  it('creates an API key that may only read, shows it once, then rescopes and revokes it', async () => {
    await page.goto(`${server.url}/admin/api-keys`);
    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Name').fill('Review bot');
    // A new key offers read and write; this one only reads.
    expect(await dialog.getByRole('checkbox', { name: 'Write' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Write' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Read' }).uncheck();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await expect.poll(() => dialog.getByText('Choose at least one scope.').isVisible()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Read' }).check();
    await shot(page, 'admin-api-key-dialog');
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('region', { name: 'Your new API key “Review bot”' });
    await expect.poll(() => shown.isVisible()).toBe(true);
    expect(await shown.textContent()).toContain('you will not see it again');
    // The copy button has the focus, so the key is not missed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Copy key');
    const key = (await shown.getByLabel('The API key “Review bot”').textContent()) ?? '';
    expect(key).toMatch(/^cdk_\S{20,}$/);
    await shown.getByRole('button', { name: 'Copy key' }).click();
    await expect.poll(() => shown.getByText('Copied to the clipboard.').isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await shot(page, 'admin-api-key-shown');

    // The key reads, and may do nothing else.
    const call = (method: string, path: string, body?: unknown) =>
      fetch(server.url + path, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    expect((await call('GET', '/api/v1/tickets')).status).toBe(200);
    expect((await call('POST', '/api/v1/departments', { name: 'From the bot' })).status).toBe(403);

    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => shown.count()).toBe(0);
    await page.reload();
    const row = page.getByRole('row', { name: /Review bot/ });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await page.getByText(key).count()).toBe(0);
    // Its beginning identifies it; it was used just now, and reads only.
    const text = (await row.textContent()) ?? '';
    expect(key.startsWith(/cdk_\S+?(?=…)/.exec(text)?.[0] ?? '-')).toBe(true);
    expect(text).toMatch(/Review bot.*Read.*now.*Active/);
    expect(text).not.toMatch(/Write|Channels/);
    await shot(page, 'admin-api-keys');

    await row.getByRole('button', { name: 'Edit Review bot' }).click();
    const edit = page.getByRole('dialog', { name: 'Change Review bot' });
    await edit.getByRole('checkbox', { name: 'Channels intake' }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/Read.*Channels intake/);

    await row.getByRole('button', { name: 'Revoke Review bot' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke the API key “Review bot”?' });
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/Revoked/);
    expect(await row.getByRole('button').count()).toBe(0);
    expect((await call('GET', '/api/v1/tickets')).status).toBe(401);
    await shot(page, 'admin-api-keys-revoked');
    expect(pageErrors).toEqual([]);
  });

  it('speaks Bahasa Indonesia too', async () => {
    const indonesian = await signedInContext(browser, server.url, admin, { locale: 'id-ID' });
    const { page: idPage, errors } = await openPage(indonesian);
    await idPage.setViewportSize({ width: 1280, height: 800 });
    expect((await admin.patch('/api/v1/auth/me', { language: 'id' })).status).toBe(200);
    try {
      await idPage.goto(`${server.url}/admin/departments`);
      await idPage.getByRole('heading', { name: 'Departemen', level: 1 }).waitFor();
      await idPage.getByRole('row', { name: /Returns desk/ }).getByText('Bergiliran').waitFor();
      await idPage.getByRole('button', { name: 'Ubah Returns desk' }).click();
      const dialog = idPage.getByRole('dialog', { name: 'Ubah Returns desk' });
      await dialog.getByLabel('Penugasan otomatis').waitFor();
      await dialog.getByRole('checkbox', { name: /Rudi Former .* Tidak aktif/ }).waitFor();
      await shot(idPage, 'admin-department-dialog-id');
      await dialog.getByRole('button', { name: 'Batal' }).click();
      await idPage.goto(`${server.url}/admin/api-keys`);
      await idPage.getByRole('row', { name: /Review bot/ }).getByText('Dicabut', { exact: true }).waitFor();
      await idPage.getByRole('button', { name: 'Buat kunci API' }).click();
      await idPage.getByRole('dialog', { name: 'Buat kunci API' }).getByRole('checkbox', { name: 'Penerimaan kanal' }).waitFor();
      await shot(idPage, 'admin-api-key-dialog-id');
      expect(errors).toEqual([]);
    } finally {
      expect((await admin.patch('/api/v1/auth/me', { language: null })).status).toBe(200);
      await indonesian.close();
    }
  });
});
