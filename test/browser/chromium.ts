import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { ApiClient } from '../helpers/client.ts';

// Debian's Chromium (apt-get install -y chromium); playwright's own browser downloads are not used.
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`Browser tests skipped: ${chromiumPath} is not installed (apt-get install -y chromium).`);

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });

/** A browser context signed in with the session of an API client (its cookie), at a desktop size. */
export async function signedInContext(browser: Browser, baseUrl: string, client: ApiClient, options: { locale?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: options.locale ?? 'en-GB' });
  const [name, ...value] = (client.cookie as string).split('=');
  await context.addCookies([{ name, value: value.join('='), url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** A page that records uncaught errors, so a test can assert there were none. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** A screenshot for a person to look at; not part of the assertions. */
export const shot = (page: Page, name: string) => page.screenshot({ path: join(tmpdir(), `caredesk-web-${name}.png`), fullPage: true });
