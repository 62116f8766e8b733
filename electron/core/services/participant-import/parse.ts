// Splits decoded CSV text into a header and data rows with papaparse (comma,
// semicolon or tab, guessed from the text; quoted fields may hold delimiters and
// line breaks) and notes which rows have the wrong number of cells, by the line of
// the file they start on, so validation can point the user at them.
import Papa from 'papaparse';
import { ImportFileError } from './decode.js';

export const MAX_IMPORT_ROWS = 5000;

export interface ParsedCsv {
  headers: string[];
  rows: string[][];
  /** 1-based line numbers of data rows whose cell count differs from the header's */
  raggedRows: number[];
  /**
   * 1-based line of the file on which each data row starts (parallel to rows). Lines,
   * not row indexes, because a quoted cell can span lines and blank lines are dropped.
   * When absent (a hand-built ParsedCsv), row i is taken to be on line i + 2.
   */
  rowLines?: number[];
  /** The delimiter the text was split on. */
  delimiter?: string;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaks(row: readonly string[]): number {
  let n = 0;
  for (const cell of row) n += cell.match(LINE_BREAK)?.length ?? 0;
  return n;
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

export function parseCsv(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/u, '');
  // Papaparse's guess counts blank lines as one-cell rows, which makes a short file's
  // real delimiter look inconsistent; so guess on the first rows without them.
  const guess = Papa.parse<string[]>(body, { preview: 20, delimitersToGuess: [',', ';', '\t'], skipEmptyLines: 'greedy' });
  const result = Papa.parse<string[]>(body, {
    header: false,
    delimiter: guess.meta.delimiter,
    // Blank lines are dropped below, after counting them, so the line numbers stay true.
    skipEmptyLines: false,
  });

  let headers: string[] | null = null;
  const rows: string[][] = [];
  const rowLines: number[] = [];
  const raggedRows: number[] = [];
  let line = 1;
  for (const row of result.data) {
    const start = line;
    line += 1 + lineBreaks(row);
    if (isBlank(row)) continue;
    if (headers === null) {
      headers = row.map((cell) => cell.trim());
      continue;
    }
    // Some spreadsheets pad rows with empty cells past the last column; that is not a
    // misaligned row, and dropping the padding keeps it importable.
    let cells = row;
    if (cells.length > headers.length && isBlank(cells.slice(headers.length))) cells = cells.slice(0, headers.length);
    if (cells.length !== headers.length) raggedRows.push(start);
    rows.push(cells);
    rowLines.push(start);
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new ImportFileError(
        'too_many_rows',
        `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} participants; import it in smaller parts.`,
      );
    }
  }
  if (headers === null) {
    throw new ImportFileError('no_header', 'The file has no header row. The first line must name the columns, such as “code” or “编号”.');
  }
  return { headers, rows, raggedRows, rowLines, delimiter: result.meta.delimiter };
}
