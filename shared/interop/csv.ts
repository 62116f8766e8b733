// A table as CSV that Excel opens correctly and safely: UTF-8 with a byte-order mark
// (without it Excel on Chinese Windows reads the file as GBK and shows mojibake),
// RFC 4180 quoting (papaparse), CRLF line ends, and cells that a spreadsheet would
// run as a formula (starting with = + - @, a tab or a carriage return) prefixed
// with an apostrophe, so text typed in an interview can never become a formula.
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet will show it, never evaluated. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const body = Papa.unparse([header.map(neutraliseFormula), ...rows.map((row) => row.map(neutraliseFormula))], {
    quotes: false,
    newline: '\r\n',
    // Our own guard above covers every cell, and is tested; papaparse's would add a second quote.
    escapeFormulae: false,
  });
  return `\uFEFF${body}\r\n`;
}
