// Browser mode as a person meets it in Chromium: a page the browser loads without
// complaint.
import { describe, expect, it } from 'vitest';
import { openApp } from './fixture.js';

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
});
