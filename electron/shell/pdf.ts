// The desktop app's PDF printer: Chromium prints the export's HTML in a hidden export
// window (fonts embedded), A4 unless the document's @page rule asks for another size.
import { withExportWindow } from './export-window.js';

export function printHtmlToPdf(html: string): Promise<Uint8Array> {
  return withExportWindow(html, {}, (window) => window.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }));
}
