// Browser mode as a person meets it in Chromium: a page the browser loads without
// complaint; a link whose token leaves the address bar at once and lives in no
// cookie, yet survives a reload; a page that says where the link is when the address
// was opened without it; and, when the server stops or restarts, a notice that says
// how to reconnect rather than an endless silent retry.
import { describe, expect, it } from 'vitest';
import { startServer } from '../../electron/core/bridge/server.js';
import { RENDERER_DIR } from '../helpers/library.js';
import { pageUrl } from '../helpers/server.js';
import { newPage, openApp } from './fixture.js';

describe('browser mode in Chromium', () => {
  it('loads and reloads the app with no Content-Security-Policy error in the console', async () => {
    const { page, consoleErrors, problems } = await openApp();
    await page.getByTestId('study-card').first().waitFor();
    await page.reload();
    await page.getByTestId('study-card').first().waitFor();
    // Chromium reports a CSP source it rejects as a console error on every load.
    expect(consoleErrors).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('takes the token out of the address bar, keeps it in no cookie, and still works after a reload', async () => {
    const { page, server } = await openApp();
    await page.getByTestId('study-card').first().waitFor();
    expect(page.url()).toBe(`${server.origin}/`);
    expect(await page.context().cookies()).toEqual([]);
    const apiCalls: Array<Promise<number>> = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/')) apiCalls.push(Promise.resolve(response.status()));
    });
    await page.reload();
    await page.getByTestId('study-card').first().waitFor();
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(new Set(await Promise.all(apiCalls))).toEqual(new Set([200]));

    // A link to a screen carries the token after the route; the route stays, the token goes.
    await page.goto(pageUrl(server, '#/trash'));
    await expect.poll(() => page.url()).toBe(`${server.origin}/#/trash`);
    await page.getByRole('heading', { level: 1, name: 'Trash' }).waitFor();
  });

  for (const [locale, title] of [
    ['en-US', 'Open Fieldwork with its link'],
    ['zh-CN', '请用启动时给出的链接打开 Fieldwork'],
    ['zh-TW', '請用啟動時提供的連結開啟 Fieldwork'],
  ] as const) {
    it(`shows where to find the link when the address is opened without it (${locale})`, async () => {
      const { server } = await openApp();
      const page = await newPage({ locale });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${server.origin}/`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await page.getByText('npm run serve').count()).toBeGreaterThan(0);
      expect(await page.locator('body').innerText()).not.toContain('"ok"');
      // Nothing was asked of the library without the token.
      expect(requests.filter((path) => path.startsWith('/api/'))).toEqual([]);
    });
  }

  it('says how to reconnect when the server stops, and when it is back with a new link', async () => {
    const { page, server, library } = await openApp({ seedSample: false });
    await page.getByText('No studies yet').waitFor();
    await server.close();
    const notice = page.getByRole('alert').filter({ hasText: 'The Fieldwork server is not running' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('npm run serve');

    // A change tried now is not reported as "nothing was changed": that is not known.
    await page.keyboard.press('Control+n');
    await page.getByLabel('Name').fill('Not saved');
    await page.getByRole('button', { name: 'Create study' }).click();
    await page.getByText('The Fieldwork server did not answer, so this may not have been saved.').first().waitFor();
    expect(await page.getByText('nothing was changed').count()).toBe(0);
    await page.keyboard.press('Escape');

    // Started again on the same port: a new token, which this tab does not have.
    const restarted = await startServer({ library, rendererDir: RENDERER_DIR, port: server.port });
    try {
      await notice.getByRole('button', { name: 'Try again' }).click();
      const restartedNotice = page.getByRole('alert').filter({ hasText: 'Fieldwork was restarted' });
      await restartedNotice.waitFor();
      expect(await restartedNotice.innerText()).toContain('Ready:');
      // Reloading cannot help with the old token: the notice says so again, it does not loop.
      await page.reload();
      await restartedNotice.waitFor();
      // The new link works at once.
      await page.goto(restarted.url);
      await page.getByText('No studies yet').waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
    } finally {
      await restarted.close();
    }
  });
});
