import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { chromiumPath, hasChromium, launchChromium, openPage, shot } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

// What Cloudflare's script does, in short: render into .cf-turnstile and leave the answer in the form.
// This machine reaches no provider, so the browser is handed this in place of the real script.
const fakeTurnstile = `
  for (const box of document.querySelectorAll('.cf-turnstile')) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'cf-turnstile-response';
    input.value = 'solved-for-' + box.dataset.sitekey;
    box.append(input);
  }`;

describe.skipIf(!hasChromium)(`the portal's request form with a CAPTCHA, in Chromium (needs ${chromiumPath})`, () => {
  let server: TestServer;
  let verifier: Server;
  let browser: Browser;
  const answers: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    verifier = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const response = new URLSearchParams(body).get('response') ?? '';
        answers.push(response);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ success: response === 'solved-for-site-key-7' }));
      });
    });
    await new Promise<void>((resolve) => verifier.listen(0, '127.0.0.1', resolve));
    const port = (verifier.address() as AddressInfo).port;
    server = await startTestServer({ env: { CAPTCHA_VERIFY_URL: `http://127.0.0.1:${port}/siteverify`, CAPTCHA_SECRET: 'shh', CAPTCHA_SITE_KEY: 'site-key-7' } });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => verifier?.close(resolve));
  });

  it('shows the provider’s widget and sends its answer with the request', async () => {
    const { slug } = await createWorkspace(server.url);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const { page, errors } = await openPage(context);
    let scriptAsked = false;
    await page.route('https://challenges.cloudflare.com/**', (route) => {
      scriptAsked = true;
      return route.fulfill({ contentType: 'text/javascript', body: fakeTurnstile });
    });
    await page.goto(`${server.url}/portal/${slug}/new`);
    await page.getByText('Please confirm you are a person.').waitFor();
    expect(await page.locator('.cf-turnstile').getAttribute('data-sitekey')).toBe('site-key-7');
    await expect.poll(() => scriptAsked).toBe(true);
    await page.getByLabel('Your name').fill('Wati');
    await page.getByLabel('Email address').fill('wati@example.com');
    await page.getByLabel('What happened?').fill('My parcel is lost.');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByRole('heading', { name: 'Thank you, we received your request' }).waitFor();
    expect(answers).toEqual(['solved-for-site-key-7']);
    await shot(page, 'portal-captcha-done');
    expect(errors).toEqual([]);
  });
});
