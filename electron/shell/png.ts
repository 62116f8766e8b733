// The desktop app's image renderer: an offscreen export window `width` pixels wide
// lays the HTML out, grows to the document's full height (measured through the
// DevTools protocol, since the page itself runs no script), then captures one frame.
import type { BrowserWindow } from 'electron';
import { withExportWindow } from './export-window.js';

/** Longest a capture waits for the resized page to repaint. */
const PAINT_WAIT_MS = 1_000;

async function contentHeight(window: BrowserWindow): Promise<number> {
  const { debugger: devtools } = window.webContents;
  devtools.attach('1.3');
  try {
    const metrics = (await devtools.sendCommand('Page.getLayoutMetrics')) as { cssContentSize: { height: number } };
    return Math.ceil(metrics.cssContentSize.height);
  } finally {
    devtools.detach();
  }
}

function nextPaint(window: BrowserWindow): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAINT_WAIT_MS);
    window.webContents.once('paint', () => {
      clearTimeout(timer);
      resolve();
    });
    window.webContents.invalidate();
  });
}

export function captureHtmlToPng(html: string, width: number): Promise<Uint8Array> {
  return withExportWindow(html, { width, height: 800, useContentSize: true, webPreferences: { offscreen: true } }, async (window) => {
    const height = await contentHeight(window);
    window.setContentSize(width, height);
    await nextPaint(window);
    const image = await window.webContents.capturePage({ x: 0, y: 0, width, height });
    return new Uint8Array(image.toPNG());
  });
}
