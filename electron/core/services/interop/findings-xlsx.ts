// The findings table as an Excel workbook a lead can hand over: one sheet, the header
// row bold, frozen and repeated on every printed page, an auto-filter over every
// column, running text wrapped at the top of its cell, interview dates as real date
// cells, and the page set landscape and fitted to the paper's width. Every other value
// is written as text, so nothing typed in an interview can become a formula;
// characters a workbook cannot hold are replaced and cells past Excel's limit are
// shortened (Excel would refuse the file).
import ExcelJS from 'exceljs';
import { xmlSafeText } from '../../../../shared/interop/xml.js';
import type { FindingsTable } from './findings-table.js';

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

function cellText(value: string): string {
  const safe = xmlSafeText(value);
  return safe.length > MAX_CELL_CHARS ? `${safe.slice(0, MAX_CELL_CHARS - 1)}…` : safe;
}

/** "YYYY-MM-DD HH:mm" on the reader's clock as the date Excel shows as that same clock time (Excel dates have no zone). */
function dateCell(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]))) : cellText(text);
}

/** How wide text looks in Excel's units: Chinese characters take two. */
const displayWidth = (text: string) => [...text].reduce((sum, ch) => sum + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

/** Wide columns for running text (they wrap), narrow ones for labels. */
function columnWidth(values: readonly string[]): number {
  return Math.min(40, Math.max(8, Math.max(...values.map(displayWidth)) + 2));
}

/** OOXML paper sizes (ExcelJS's list lacks A3): A3 for a wide table (many segment attributes), else A4. */
const A3 = 8 as ExcelJS.PaperSize;
const A4 = 9 as ExcelJS.PaperSize;
const LINE_POINTS = 15; // one line of 11 pt Calibri
const MAX_ROW_POINTS = 409; // Excel's tallest row

/**
 * Row heights for the wrapped text: neither Excel nor LibreOffice grows a row written
 * by a library when it opens the file, so wrapped lines would overlap the next row.
 */
function fitRowHeights(sheet: ExcelJS.Worksheet, table: FindingsTable): void {
  const widths = table.header.map((_, i) => sheet.getColumn(i + 1).width ?? 10);
  table.rows.forEach((row, r) => {
    const lines = Math.max(
      1,
      ...row.map((value, i) =>
        value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line.slice(0, 2000)) / Math.max(1, (widths[i] ?? 10) - 1))), 0),
      ),
    );
    sheet.getRow(r + 2).height = Math.min(MAX_ROW_POINTS, lines * LINE_POINTS);
  });
}

export async function findingsWorkbook(table: FindingsTable, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fieldwork';
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: table.header.length > 16 ? A3 : A4,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as the rows need
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  const dates = new Set(table.dateColumns.filter((i) => i >= 0));
  sheet.addRow(table.header.map(cellText));
  for (const row of table.rows) sheet.addRow(row.map((value, i) => (dates.has(i) && value !== '' ? dateCell(value) : cellText(value))));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.header.length) } };
  table.header.forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    // Sample the first rows: enough to size a column, cheap on a large study.
    column.width = dates.has(i) ? 17 : columnWidth([name, ...table.rows.slice(0, 200).map((r) => (r[i] ?? '').slice(0, 200))]);
    column.alignment = { wrapText: true, vertical: 'top' };
    if (dates.has(i)) column.numFmt = DATE_FORMAT;
  });
  fitRowHeights(sheet, table);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
