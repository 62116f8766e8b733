// The findings table as an Excel workbook: one sheet, the header row bold and frozen,
// an auto-filter over every column. Every value is written as text, so nothing typed
// in an interview can become a formula; characters a workbook cannot hold are
// replaced and cells past Excel's limit are shortened (Excel would refuse the file).
import ExcelJS from 'exceljs';
import { xmlSafeText } from '../../../../shared/interop/xml.js';
import type { FindingsTable } from './findings-table.js';

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;

function cellText(value: string): string {
  const safe = xmlSafeText(value);
  return safe.length > MAX_CELL_CHARS ? `${safe.slice(0, MAX_CELL_CHARS - 1)}…` : safe;
}

/** How wide text looks in Excel's units: Chinese characters take two. */
const displayWidth = (text: string) => [...text].reduce((sum, ch) => sum + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

/** Wide columns for running text, narrow ones for labels. */
function columnWidth(values: readonly string[]): number {
  return Math.min(60, Math.max(10, Math.max(...values.map(displayWidth)) + 2));
}

export async function findingsWorkbook(table: FindingsTable, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fieldwork';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header.map(cellText));
  for (const row of table.rows) sheet.addRow(row.map(cellText));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.header.length) } };
  table.header.forEach((name, i) => {
    // Sample the first rows: enough to size a column, cheap on a large study.
    sheet.getColumn(i + 1).width = columnWidth([name, ...table.rows.slice(0, 200).map((r) => (r[i] ?? '').slice(0, 200))]);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
