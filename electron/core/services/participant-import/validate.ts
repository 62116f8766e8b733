// Applies a confirmed column mapping to every parsed row and checks it: the result is
// the participants that can be created and a message per problem, by line and column.
// Nothing here touches the database; the caller writes the candidates in one
// transaction once the user has seen this plan and confirmed it.
import type { ParticipantSource, ParticipantStatus, SegmentDimension } from '../../../../shared/domain.js';
import { normaliseKey, targetKey, type ColumnTarget, type ParticipantField } from './mapping.js';
import type { ParsedCsv } from './parse.js';

export interface ImportRowIssue {
  line: number;
  column: string | null;
  code: 'ragged_row' | 'missing_code' | 'duplicate_code' | 'code_exists' | 'bad_source' | 'bad_status' | 'bad_date' | 'too_long';
  /** The offending value (cut to MAX_ISSUE_VALUE_CHARS); for a ragged row, its number of cells. */
  value: string;
}

export interface ImportCandidate {
  line: number;
  code: string;
  realName: string;
  contact: string;
  source: ParticipantSource;
  status: ParticipantStatus;
  consentDate: string | null;
  consentScope: string;
  attributes: Partial<Record<SegmentDimension, Record<string, string>>>;
}

export interface ImportPlan {
  candidates: ImportCandidate[];
  issues: ImportRowIssue[];
  /** rows with at least one issue are not in candidates */
  skippedRows: number;
}

export type MappingErrorCode = 'no_code_column' | 'duplicate_field' | 'unnamed_attribute';

/** The mapping itself cannot be used, whatever the rows hold; the user must change it. */
export class MappingError extends Error {
  constructor(
    readonly code: MappingErrorCode,
    readonly field: string,
  ) {
    super(
      code === 'no_code_column'
        ? 'No column is mapped to the participant code. Choose the column that holds each participant’s code.'
        : code === 'duplicate_field'
          ? `More than one column is mapped to “${field}”. Map each field or attribute to one column only.`
          : `The column “${field}” is mapped to an attribute without a name. Give the attribute a name.`,
    );
    this.name = 'MappingError';
  }
}

/** Limits of the participant contract (code, attribute value, other text), so every candidate can be stored. */
export const MAX_CODE_LENGTH = 40;
export const MAX_ATTRIBUTE_LENGTH = 500;
export const MAX_VALUE_LENGTH = 2000;
/** Issues carry the value for the message; a 2,000-character cell would only bloat the preview. */
export const MAX_ISSUE_VALUE_CHARS = 100;

function lookup<T extends string>(entries: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as Array<[T, string[]]>) {
    for (const word of [value, ...words]) map.set(normaliseKey(word), value);
  }
  return map;
}

const SOURCES = lookup<ParticipantSource>({
  own: ['ours', 'own customer', 'own customers', 'our customer', 'our customers', '自有', '自有客户', '自有客戶', '我们的客户', '我們的客戶'],
  competitor: [
    'competitors', "competitor's customer", "competitor's customers", 'competitor customer',
    '竞品', '竞品客户', '競品', '競品客戶', '竞争对手', '競爭對手', '竞争对手客户', '競爭對手客戶',
  ],
  other: ['others', '其他', '其它'],
});

const STATUSES = lookup<ParticipantStatus>({
  recruited: ['已招募'],
  scheduled: ['已安排', '已预约', '已預約'],
  interviewed: ['已访谈', '已訪談'],
  no_show: ['no-show', 'no show', '未到场', '未到場', '爽约', '爽約'],
});

const DATE_FORMATS: Array<{ pattern: RegExp; order: [number, number, number] }> = [
  { pattern: /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/u, order: [1, 3, 4] },
  { pattern: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/u, order: [1, 2, 3] },
  // Excel's US-style short date; day-first dates are not guessed at.
  { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u, order: [3, 1, 2] },
];
/** Spreadsheets often export a date cell with a midnight time; the consent date is the day. */
const TIME_SUFFIX = /(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]m)?(?:Z|[+-]\d{2}:?\d{2})?)$/iu;

/** Returns the date as YYYY-MM-DD, or null when it is not a real calendar date in a known form. */
export function normaliseDate(value: string): string | null {
  const text = value.normalize('NFKC').trim().replace(TIME_SUFFIX, '');
  for (const { pattern, order } of DATE_FORMATS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [year, month, day] = order.map((i) => Number(m[i]));
    if (year === undefined || month === undefined || day === undefined) return null;
    if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
    if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

function clip(value: string): string {
  return value.length > MAX_ISSUE_VALUE_CHARS ? `${value.slice(0, MAX_ISSUE_VALUE_CHARS)}…` : value;
}

function maxLength(target: ColumnTarget): number {
  if (target.kind === 'attribute') return MAX_ATTRIBUTE_LENGTH;
  return target.kind === 'field' && target.field === 'code' ? MAX_CODE_LENGTH : MAX_VALUE_LENGTH;
}

/** Checks the mapping as a whole: one code column, no field or attribute fed by two columns. */
function checkMapping(headers: readonly string[], mapping: readonly ColumnTarget[]): void {
  const seen = new Set<string>();
  mapping.forEach((target, i) => {
    if (target.kind === 'attribute' && target.name.trim() === '') throw new MappingError('unnamed_attribute', headers[i] ?? `#${i + 1}`);
    const key = targetKey(target);
    if (key === null || target.kind === 'ignore') return;
    if (seen.has(key)) throw new MappingError('duplicate_field', target.kind === 'field' ? target.field : `${target.dimension}: ${target.name.trim()}`);
    seen.add(key);
  });
  if (!seen.has('field:code')) throw new MappingError('no_code_column', 'code');
}

function isRagged(row: readonly string[], width: number): boolean {
  return row.length < width || row.slice(width).some((cell) => cell.trim() !== '');
}

/** Applies the mapping to every row; see ImportPlan. Throws MappingError when the mapping is unusable. */
export function planImport(parsed: ParsedCsv, mapping: ColumnTarget[], existingCodes: ReadonlySet<string>): ImportPlan {
  checkMapping(parsed.headers, mapping);
  const existing = new Set([...existingCodes].map((c) => c.trim().toLowerCase()));
  const seenCodes = new Set<string>();
  const candidates: ImportCandidate[] = [];
  const issues: ImportRowIssue[] = [];
  let skippedRows = 0;

  parsed.rows.forEach((row, index) => {
    const line = parsed.rowLines?.[index] ?? index + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    if (isRagged(row, parsed.headers.length)) {
      // Cells may have shifted, so no value in this row can be trusted to its column.
      issues.push({ line, column: null, code: 'ragged_row', value: String(row.length) });
      skippedRows += 1;
      return;
    }
    const rowIssues: ImportRowIssue[] = [];
    const fields: Partial<Record<ParticipantField, string>> = {};
    const fieldColumns: Partial<Record<ParticipantField, string>> = {};
    const attributes: ImportCandidate['attributes'] = {};
    mapping.forEach((target, c) => {
      if (target.kind === 'ignore') return;
      const column = parsed.headers[c] ?? '';
      const value = (row[c] ?? '').trim();
      if (value.length > maxLength(target)) {
        rowIssues.push({ line, column, code: 'too_long', value: clip(value) });
        return;
      }
      if (target.kind === 'field') {
        fields[target.field] = value;
        fieldColumns[target.field] = column;
      } else if (value !== '') {
        (attributes[target.dimension] ??= {})[target.name.trim()] = value;
      }
    });

    const issue = (field: ParticipantField, code: ImportRowIssue['code'], value: string) =>
      rowIssues.push({ line, column: fieldColumns[field] ?? null, code, value: clip(value) });

    const code = fields.code;
    if (code === '') issue('code', 'missing_code', '');
    else if (code !== undefined) {
      const key = code.toLowerCase();
      // The first row with a code claims it even if it has other problems: fixing it
      // must not turn the later row into a surprise duplicate.
      if (existing.has(key)) issue('code', 'code_exists', code);
      else if (seenCodes.has(key)) issue('code', 'duplicate_code', code);
      seenCodes.add(key);
    }
    const source = fields.source ? SOURCES.get(normaliseKey(fields.source)) : 'other';
    if (source === undefined) issue('source', 'bad_source', fields.source ?? '');
    const status = fields.status ? STATUSES.get(normaliseKey(fields.status)) : 'recruited';
    if (status === undefined) issue('status', 'bad_status', fields.status ?? '');
    const consentDate = fields.consentDate ? normaliseDate(fields.consentDate) : null;
    if (fields.consentDate && consentDate === null) issue('consentDate', 'bad_date', fields.consentDate);

    if (rowIssues.length > 0 || code === undefined || source === undefined || status === undefined) {
      issues.push(...rowIssues);
      skippedRows += 1;
      return;
    }
    candidates.push({
      line,
      code,
      realName: fields.realName ?? '',
      contact: fields.contact ?? '',
      source,
      status,
      consentDate,
      consentScope: fields.consentScope ?? '',
      attributes,
    });
  });
  return { candidates, issues, skippedRows };
}
