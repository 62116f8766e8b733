// Finds a Chromium build on this machine and prints HTML to PDF with it (browser
// mode's printer; the desktop app prints with Electron's own printToPDF instead).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

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

/** Prints a self-contained HTML document to an A4 PDF; the page may not load anything from outside. */
export async function printHtmlToPdf(html: string, executablePath: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    // Exports are self-contained: refuse every request the document might still make.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } });
  } finally {
    await browser.close();
  }
}
