// Finds a Chromium build on this machine and prints HTML to PDF or renders it to PNG
// with it (browser mode's printer; the desktop app uses Electron's own instead).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium's path: $FIELDWORK_CHROMIUM, else the first of the usual names on PATH, else null. */
export function findChromium(): string | null {
  const fromEnv = process.env.FIELDWORK_CHROMIUM;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found) return found;
    } catch {
      // not on PATH under this name
    }
  }
  return null;
}

/** Opens a self-contained document in a fresh offline page with scripts off; the page may not load anything from outside. */
async function withDocument<T>(executablePath: string, html: string, width: number | null, use: (page: Page) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, ...(width ? { viewport: { width, height: 800 }, deviceScaleFactor: 1 } : {}) });
    const page = await context.newPage();
    // Exports are self-contained: refuse every request the document might still make.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await use(page);
  } finally {
    await browser.close();
  }
}

/**
 * Prints a self-contained HTML document to PDF: A4 unless the document's own @page
 * rule asks for another size or orientation (the journey map prints landscape).
 */
export function printHtmlToPdf(html: string, executablePath: string): Promise<Uint8Array> {
  return withDocument(executablePath, html, null, (page) =>
    page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } }),
  );
}

/** Renders a self-contained HTML document `width` CSS pixels wide, at its full height, to PNG. */
export function captureHtmlToPng(html: string, executablePath: string, width: number): Promise<Uint8Array> {
  return withDocument(executablePath, html, width, (page) => page.screenshot({ type: 'png', fullPage: true }));
}
