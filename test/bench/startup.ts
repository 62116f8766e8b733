// startup.first_paint_ms: from navigation until the study library with 200 studies is
// painted in browser mode (median of several cold page loads in Chromium).
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../electron/core/bridge/server.js';
import { percentile, round, type BenchResult } from './results.js';

export async function benchFirstPaint(browser: Browser, server: RunningServer, studies: number): Promise<BenchResult> {
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="study-card"]').length >= n, studies);
    // Time since navigation start, once the cards are in the DOM and a frame has been painted.
    const ms = await page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))),
    );
    if (run > 0) times.push(ms); // the first load warms the server and disk cache
    await context.close();
  }
  return { name: 'startup.first_paint_ms', value: round(percentile(times, 50), 1), unit: 'ms' };
}
