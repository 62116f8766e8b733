// Opens a real library (a SQLite file in a temporary folder) the way the app does.
import path from 'node:path';
import { afterEach } from 'vitest';
import { captureHtmlToPng, findChromium, printHtmlToPdf } from '../../electron/core/export/chromium.js';
import { openLibrary, type Library } from '../../electron/core/library.js';
import { tempDir } from './temp.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const RESOURCES_DIR = path.join(REPO_ROOT, 'resources');
export const RENDERER_DIR = path.join(REPO_ROOT, 'build', 'renderer');

const open: Library[] = [];

function chromiumForExports(): string {
  const chromium = findChromium();
  if (!chromium) throw new Error('Chromium is needed to print PDFs and render images in tests (apt-get install chromium).');
  return chromium;
}

/** Prints with the machine's Chromium, as browser mode does. */
const printer = (html: string) => printHtmlToPdf(html, chromiumForExports());
/** Renders images with the machine's Chromium, as browser mode does. */
const imager = (html: string, width: number) => captureHtmlToPng(html, chromiumForExports(), width);

/** Stand-ins for tests about what surrounds a PDF or PNG export (its name, who is in it), not its rendering. */
const stubPrinter = async () => new TextEncoder().encode('%PDF-1.7 stand-in');
const stubImager = async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

/**
 * `printPdf` gives the library the machine's Chromium for PDF and PNG exports;
 * `stubRenderers` gives it stand-ins that answer at once with placeholder bytes.
 */
export async function openTestLibrary(
  options: { dataDir?: string; seedSample?: boolean | 'first-start'; printPdf?: boolean; stubRenderers?: boolean } = {},
): Promise<Library> {
  const library = await openLibrary({
    dataDir: options.dataDir ?? tempDir(),
    resourcesDir: RESOURCES_DIR,
    appVersion: '0.0.0-test',
    seedSample: options.seedSample ?? false,
    printPdf: options.printPdf ? printer : options.stubRenderers ? stubPrinter : undefined,
    capturePng: options.printPdf ? imager : options.stubRenderers ? stubImager : undefined,
  });
  open.push(library);
  return library;
}

/** Number of rows changed through this connection since it opened: proves "no write". */
export function totalChanges(library: Library): number {
  return (library.context.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

afterEach(() => {
  while (open.length) open.pop()!.close();
});
