// Turning export HTML into PDF or PNG needs a Chromium (Electron's own in the desktop
// app, a local one in browser mode). Where there is none, exports say so plainly
// instead of failing, and the HTML export remains.
import type { ServiceContext } from './context.js';
import { DomainError } from './errors.js';

export async function printPdf(ctx: ServiceContext, html: string): Promise<Uint8Array> {
  if (!ctx.printPdf) throw new DomainError('conflict', 'PDF printing is not available here; export HTML and print it from a browser.', 'pdf_unavailable');
  return ctx.printPdf(html);
}

export async function capturePng(ctx: ServiceContext, html: string, width: number): Promise<Uint8Array> {
  if (!ctx.capturePng) throw new DomainError('conflict', 'Image export is not available here; export HTML and take a screenshot from a browser.', 'png_unavailable');
  return ctx.capturePng(html, width);
}
