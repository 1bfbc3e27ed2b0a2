import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.ts';
import { PASSWORD, createAgent, createTicket, createWorkspace } from '../helpers/factories.ts';
import { mailsTo } from '../helpers/portal.ts';
import { startTestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot, signedInContext } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

const NEW_PASSWORD = 'a-fresh-start-2026';

describe.skipIf(!hasChromium)(`Admin › Agents and the set-password page in Chromium (needs ${chromiumPath})`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let workspaceName: string;
  let pageErrors: string[] = [];

  /** The token of the newest link of this kind mailed to the address (the mail is the only place it exists). */
  const tokenMailedTo = async (address: string, template: 'agent_invitation' | 'password_reset', count = 1): Promise<string> => {
    await expect.poll(async () => (await mailsTo(server, address, template)).length).toBe(count);
    const mails = await mailsTo(server, address, template);
    const token = /\/set-password#([A-Za-z0-9_-]+)/.exec(mails[count - 1].text_body)?.[1];
    if (!token) throw new Error(`no set-password link in: ${mails[count - 1].text_body}`);
    return token;
  };

  /** A browser of its own (its own cookies), as the agent opening the mail would have. */
  const freshBrowser = async (locale = 'en-GB'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
    return { context, ...(await openPage(context)) };
  };

  const notice = () => page.locator('p.form-notice[role="status"]').first();

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
    let slug: string;
    ({ admin, slug } = await createWorkspace(server.url));
    workspaceName = `Shop ${slug}`;
    expect((await admin.post('/api/v1/departments', { name: 'Billing' })).status).toBe(201);
    expect((await admin.post('/api/v1/departments', { name: 'Returns' })).status).toBe(201);
    browser = await launchChromium();
    const context = await signedInContext(browser, server.url, admin);
    let errors: string[];
    ({ page, errors } = await openPage(context));
    pageErrors = errors;
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('invites an agent, who opens the mailed link in another browser, chooses a password and lands on the tickets signed in', async () => {
    await page.goto(`${server.url}/admin/agents`);
    const me = page.getByRole('row', { name: /Ada Admin/ });
    await expect.poll(async () => (await me.isVisible()) && ((await me.textContent()) ?? '')).toMatch(/Ada Admin.*You.*Admin.*Active/);
    await page.getByRole('button', { name: 'Invite agent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite an agent' });
    await dialog.getByLabel('Name').fill('Sari Wijaya');
    await dialog.getByLabel('Email').fill('sari@shop.example');
    expect(await dialog.getByLabel('Role').inputValue()).toBe('agent');
    await dialog.getByRole('checkbox', { name: 'Billing' }).check();
    await shot(page, 'admin-agent-invite');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();

    await expect.poll(() => notice().textContent()).toBe('Invitation sent to sari@shop.example; the link works once and expires in 7 days.');
    const row = page.getByRole('row', { name: /Sari Wijaya/ });
    expect(await row.textContent()).toMatch(/sari@shop\.example.*Agent.*Invited.*expires.*Billing.*Never.*0/);
    await shot(page, 'admin-agents-invited');

    // The same address again: the 409 is told at the email field, which gets the focus.
    await page.getByRole('button', { name: 'Invite agent' }).click();
    const again = page.getByRole('dialog', { name: 'Invite an agent' });
    await again.getByLabel('Name').fill('Sari Again');
    await again.getByLabel('Email').fill('sari@shop.example');
    await again.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => again.getByText('An agent with this email exists already.').isVisible()).toBe(true);
    const email = again.getByLabel('Email');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.evaluate((input) => input === document.activeElement)).toBe(true);
    await again.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Sending the invitation again retires the first link.
    const first = await tokenMailedTo('sari@shop.example', 'agent_invitation');
    await row.getByRole('button', { name: 'Resend the invitation to Sari Wijaya' }).click();
    await expect.poll(() => notice().textContent()).toMatch(/^A new invitation was sent to sari@shop\.example; earlier links no longer work\. .*7 days\.$/);
    const token = await tokenMailedTo('sari@shop.example', 'agent_invitation', 2);
    expect(token).not.toBe(first);
    expect(await page.content()).not.toContain(token);

    const sari = await freshBrowser();
    try {
      await sari.page.goto(`${server.url}/set-password#${token}`);
      await sari.page.getByRole('heading', { name: 'Welcome, Sari Wijaya', level: 1 }).waitFor();
      await sari.page.getByText(`Choose a password for ${workspaceName}.`).waitFor();
      // The token is cleared from the address bar once read.
      await expect.poll(() => sari.page.url()).toBe(`${server.url}/set-password`);
      expect(await sari.page.getByLabel('Email').inputValue()).toBe('sari@shop.example');
      await shot(sari.page, 'set-password');

      await sari.page.getByLabel('New password').fill('short');
      await sari.page.getByRole('button', { name: 'Set password and sign in' }).click();
      await sari.page.getByText('At least 10 characters', { exact: true }).waitFor();
      await sari.page.getByLabel('New password').fill(NEW_PASSWORD);
      await sari.page.getByLabel('Repeat the password').fill(`${NEW_PASSWORD}!`);
      await sari.page.getByRole('button', { name: 'Set password and sign in' }).click();
      await sari.page.getByText('The two passwords differ.').waitFor();
      await sari.page.getByLabel('Repeat the password').fill(NEW_PASSWORD);
      await sari.page.getByRole('button', { name: 'Set password and sign in' }).click();

      await sari.page.waitForURL((url) => url.pathname === '/tickets');
      await sari.page.getByRole('heading', { name: 'Tickets', exact: true }).waitFor();
      const me = await sari.page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
      expect(me.agent).toMatchObject({ name: 'Sari Wijaya', email: 'sari@shop.example', role: 'agent' });

      // Used once: the link, and the first one, now say so, with the way to sign in.
      for (const spent of [token, first]) {
        await sari.page.goto(`${server.url}/set-password#${spent}`);
        await sari.page.getByRole('heading', { name: 'This link no longer works', level: 1 }).waitFor();
      }
      await shot(sari.page, 'set-password-spent');
      await sari.page.getByRole('link', { name: 'Go to sign in' }).click();
      await sari.page.waitForURL((url) => url.pathname === '/sign-in' || url.pathname === '/tickets');
      expect(sari.errors).toEqual([]);
    } finally {
      await sari.context.close();
    }

    await page.reload();
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/Sari Wijaya.*Active.*Billing.*now/);
    expect(await row.textContent()).not.toMatch(/Invited/);
    await shot(page, 'admin-agents');
  });

  it('deactivating an agent ends their session in another browser at once; their open ticket is pointed to', async () => {
    const dina = await createAgent(admin, { name: 'Dina Agent' });
    await createTicket(admin, { assignee: dina.id });
    const dinaBrowser = await signedInContext(browser, server.url, dina.client);
    const { page: dinaPage } = await openPage(dinaBrowser);
    try {
      await dinaPage.goto(`${server.url}/tickets`);
      await dinaPage.getByRole('heading', { name: 'Tickets', exact: true }).waitFor();

      await page.goto(`${server.url}/admin/agents`);
      const row = page.getByRole('row', { name: /Dina Agent/ });
      await expect.poll(() => row.getByRole('link', { name: '1 open ticket of Dina Agent' }).getAttribute('href')).toMatch(/^\/tickets/);
      await row.getByRole('button', { name: 'Deactivate Dina Agent' }).click();
      const confirm = page.getByRole('dialog', { name: 'Deactivate Dina Agent?' });
      expect(await confirm.textContent()).toContain('their sessions end at once');
      expect(await confirm.textContent()).toContain('Their 1 open ticket stays assigned to them — reassign it.');
      expect(await confirm.getByRole('link', { name: 'Go to the tickets dashboard' }).getAttribute('href')).toMatch(/^\/tickets/);
      await shot(page, 'admin-agent-deactivate');
      await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await expect.poll(() => notice().textContent()).toBe('Deactivated: Dina Agent.');
      await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/Deactivated/);
      await shot(page, 'admin-agents-deactivated');

      // Dina's next page load finds her signed out.
      await expect
        .poll(async () => {
          await dinaPage.reload();
          await dinaPage.getByRole('heading', { level: 1 }).first().waitFor();
          return new URL(dinaPage.url()).pathname;
        })
        .toBe('/sign-in');
      expect((await dina.client.get('/api/v1/auth/me')).status).toBe(401);

      await row.getByRole('button', { name: 'Reactivate Dina Agent' }).click();
      await page.getByRole('dialog', { name: 'Reactivate Dina Agent?' }).getByRole('button', { name: 'Reactivate', exact: true }).click();
      await expect.poll(() => notice().textContent()).toBe('Reactivated: Dina Agent.');
      await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/Active/);
    } finally {
      await dinaBrowser.close();
    }
  });

  it('mails a password reset link, never showing the password, and the agent chooses a new one with it', async () => {
    const budi = await createAgent(admin, { name: 'Budi Santoso' });
    await page.goto(`${server.url}/admin/agents`);
    await page.getByRole('button', { name: 'Send Budi Santoso a password reset link' }).click();
    const confirm = page.getByRole('dialog', { name: 'Send Budi Santoso a password reset link?' });
    expect(await confirm.textContent()).toContain(`A link to choose a new password is mailed to ${budi.email}`);
    await confirm.getByRole('button', { name: 'Send link' }).click();
    await expect.poll(() => notice().textContent()).toBe(`A link to choose a new password was mailed to ${budi.email}; it works once and expires in 24 hours.`);
    const token = await tokenMailedTo(budi.email, 'password_reset');
    expect(await page.content()).not.toContain(token);

    const other = await freshBrowser();
    try {
      await other.page.goto(`${server.url}/set-password#${token}`);
      await other.page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
      await other.page.getByText(`For Budi Santoso in ${workspaceName}.`).waitFor();
      await shot(other.page, 'set-password-reset');
      await other.page.getByLabel('New password').fill(NEW_PASSWORD);
      await other.page.getByLabel('Repeat the password').fill(NEW_PASSWORD);
      await other.page.getByRole('button', { name: 'Set password and sign in' }).click();
      await other.page.waitForURL((url) => url.pathname === '/tickets');
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
    // The old password and the old session are over; the new password signs in.
    expect((await budi.client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await server.anonymous().post('/api/v1/auth/login', { email: budi.email, password: PASSWORD })).status).toBe(401);
    expect((await server.anonymous().post('/api/v1/auth/login', { email: budi.email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('refuses to leave the workspace without an active admin, saying so in the dialog', async () => {
    await page.goto(`${server.url}/admin/agents`);
    await page.getByRole('button', { name: 'Deactivate Ada Admin' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate Ada Admin?' });
    expect(await confirm.textContent()).toContain('This is you: you are signed out at once.');
    await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
    const refusal = confirm.getByRole('alert');
    await expect.poll(() => refusal.textContent()).toBe('This is the last active admin of the workspace: make another agent admin first.');
    await shot(page, 'admin-agent-last-admin');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Giving up the admin role is refused the same way, at the role.
    await page.getByRole('button', { name: 'Edit Ada Admin' }).click();
    const edit = page.getByRole('dialog', { name: 'Change Ada Admin' });
    await edit.getByLabel('Role').selectOption('agent');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => edit.getByText('This is the last active admin of the workspace: make another agent admin first.').isVisible()).toBe(true);
    const role = edit.getByLabel('Role');
    expect(await role.getAttribute('aria-invalid')).toBe('true');
    expect(await role.evaluate((select) => select === document.activeElement)).toBe(true);
    await edit.getByRole('button', { name: 'Cancel' }).click();
    expect((await admin.get('/api/v1/auth/me')).body.agent.role).toBe('admin');

    // A change that keeps an admin goes through: Sari's departments and name.
    await page.getByRole('button', { name: 'Edit Sari Wijaya' }).click();
    const sari = page.getByRole('dialog', { name: 'Change Sari Wijaya' });
    await sari.getByLabel('Name').fill('Sari W. Wijaya');
    await sari.getByRole('checkbox', { name: 'Returns' }).check();
    await sari.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => notice().textContent()).toBe('Saved: Sari W. Wijaya.');
    expect(await page.getByRole('row', { name: /Sari W\. Wijaya/ }).textContent()).toMatch(/Billing, Returns/);
    expect(pageErrors).toEqual([]);
  });

  it('speaks Bahasa Indonesia too', async () => {
    const indonesian = await signedInContext(browser, server.url, admin, { locale: 'id-ID' });
    const { page: idPage, errors } = await openPage(indonesian);
    await idPage.setViewportSize({ width: 1280, height: 800 });
    expect((await admin.patch('/api/v1/auth/me', { language: 'id' })).status).toBe(200);
    try {
      await idPage.goto(`${server.url}/admin/agents`);
      await idPage.getByRole('heading', { name: 'Agen', level: 1 }).waitFor();
      await idPage.getByRole('row', { name: /Dina Agent/ }).getByText('Aktif', { exact: true }).waitFor();
      await shot(idPage, 'admin-agents-id');
      await idPage.getByRole('button', { name: 'Undang agen' }).click();
      await idPage.getByRole('dialog', { name: 'Undang agen' }).getByLabel('Peran').waitFor();
      await shot(idPage, 'admin-agent-invite-id');
      await idPage.getByRole('dialog', { name: 'Undang agen' }).getByRole('button', { name: 'Batal' }).click();
      await idPage.getByRole('button', { name: 'Nonaktifkan Dina Agent' }).click();
      await idPage.getByRole('dialog', { name: 'Nonaktifkan Dina Agent?' }).getByText('1 tiket terbukanya tetap ditugaskan kepadanya — alihkan ke agen lain.', { exact: false }).waitFor();
      await shot(idPage, 'admin-agent-deactivate-id');
      await idPage.getByRole('button', { name: 'Batal' }).click();
      expect(errors).toEqual([]);
    } finally {
      expect((await admin.patch('/api/v1/auth/me', { language: null })).status).toBe(200);
      await indonesian.close();
    }

    expect((await admin.post('/api/v1/agents/invitations', { name: 'Wulan Sari', email: 'wulan@shop.example' })).status).toBe(201);
    const token = await tokenMailedTo('wulan@shop.example', 'agent_invitation');
    const wulan = await freshBrowser('id-ID');
    try {
      await wulan.page.goto(`${server.url}/set-password#${token}`);
      await wulan.page.getByRole('heading', { name: 'Selamat datang, Wulan Sari', level: 1 }).waitFor();
      await wulan.page.getByLabel('Ulangi kata sandi').waitFor();
      await shot(wulan.page, 'set-password-id');
      await wulan.page.goto(`${server.url}/set-password`);
      await wulan.page.getByRole('heading', { name: 'Buka tautan dari email Anda', level: 1 }).waitFor();
      expect(wulan.errors).toEqual([]);
    } finally {
      await wulan.context.close();
    }
  });
});
