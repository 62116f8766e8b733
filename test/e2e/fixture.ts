// Each end-to-end test gets its own data folder, server and browser page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { startTestServer } from '../helpers/server.js';

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  while (contexts.length) await contexts.pop()!.close();
});

export async function openApp(options: { locale?: string; seedSample?: boolean | 'first-start'; dataDir?: string } = {}) {
  const { server, library } = await startTestServer({ seedSample: options.seedSample ?? true, dataDir: options.dataDir, printPdf: true });
  const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: { width: 1360, height: 860 }, acceptDownloads: true });
  contexts.push(context);
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  /** What the page logged as errors (the browser's own complaints included, e.g. about the CSP). */
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(server.url);
  return { page, server, library, problems, consoleErrors };
}

/** A page in a browser context of its own (its own storage), closed after the test. */
export async function newPage(options: { locale?: string; ignoreHTTPSErrors?: boolean } = {}): Promise<Page> {
  // ignoreHTTPSErrors: a teammate who compared the fingerprint and accepted the team session's own certificate.
  const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: { width: 1360, height: 860 }, ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false });
  contexts.push(context);
  return context.newPage();
}
