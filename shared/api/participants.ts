// Contract shapes for participants, consent, the sample's coverage and CSV import.
import { z } from 'zod';
import { PARTICIPANT_SOURCES, PARTICIPANT_STATUSES, SEGMENT_DIMENSIONS } from '../domain.js';
import { Id, ShortText, Timestamp } from './fields.js';
import { personal } from './personal.js';

const AttributeValues = z.record(z.string().trim().min(1).max(100), z.string().max(500));
export const Attributes = z.partialRecord(z.enum(SEGMENT_DIMENSIONS), AttributeValues);
export type Attributes = z.infer<typeof Attributes>;

/** A calendar date, YYYY-MM-DD. */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Participant = z.strictObject({
  id: Id,
  studyId: Id,
  code: z.string(),
  realName: personal(z.string(), 'name'),
  contact: personal(z.string(), 'contact'),
  source: z.enum(PARTICIPANT_SOURCES),
  status: z.enum(PARTICIPANT_STATUSES),
  attributes: Attributes,
  screenedRelevant: z.boolean(),
  consentDate: z.string().nullable(),
  consentScope: z.string(),
  withdrawnAt: Timestamp.nullable(),
  sessionCount: z.number().int(),
  findingCount: z.number().int(),
  /** Bumped on every change of the record: an edit may name the revision it started from. */
  revision: z.number().int(),
});
export type Participant = z.infer<typeof Participant>;

export const ParticipantFields = z.strictObject({
  code: z.string().trim().min(1).max(40),
  realName: personal(ShortText.optional(), 'name'),
  contact: personal(ShortText.optional(), 'contact'),
  source: z.enum(PARTICIPANT_SOURCES).optional(),
  status: z.enum(PARTICIPANT_STATUSES).optional(),
  attributes: Attributes.optional(),
  screenedRelevant: z.boolean().optional(),
  consentDate: CalendarDate.nullable().optional(),
  consentScope: ShortText.optional(),
});

export const CoverageCell = z.strictObject({
  value: z.string(),
  source: z.enum(PARTICIPANT_SOURCES),
  participants: z.number().int(),
  interviewed: z.number().int(),
});

export const Coverage = z.strictObject({
  /** Every segment attribute in use, to choose the coverage view's rows. */
  attributes: z.array(z.strictObject({ dimension: z.enum(SEGMENT_DIMENSIONS), name: z.string() })),
  dimension: z.enum(SEGMENT_DIMENSIONS).nullable(),
  attribute: z.string().nullable(),
  values: z.array(z.string()),
  cells: z.array(CoverageCell),
  planned: z.number().int(),
  interviewed: z.number().int(),
  scheduled: z.number().int(),
  recruited: z.number().int(),
  withdrawn: z.number().int(),
});
export type Coverage = z.infer<typeof Coverage>;

export const PARTICIPANT_FIELDS = ['code', 'realName', 'contact', 'source', 'status', 'consentDate', 'consentScope'] as const;

export const ColumnTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), field: z.enum(PARTICIPANT_FIELDS) }),
  z.strictObject({ kind: z.literal('attribute'), dimension: z.enum(SEGMENT_DIMENSIONS), name: z.string().trim().min(1).max(100) }),
  z.strictObject({ kind: z.literal('ignore') }),
]);
export type ColumnTargetInput = z.infer<typeof ColumnTarget>;

export const CSV_ENCODINGS = ['utf-8', 'gb18030', 'big5'] as const;

/** The largest participant CSV the import reads: a real list is far smaller. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

export const ImportRequest = z.strictObject({
  studyId: Id,
  /**
   * The file's bytes, base64; MAX_IMPORT_FILE_BYTES of file at most. The operation
   * checks the size before reading anything, so an oversize file is refused with the
   * reason `import_too_large` (not a generic invalid input); the transports bound the
   * request as a whole.
   */
  fileBase64: z.string(),
  encoding: z.enum(['auto', ...CSV_ENCODINGS]).optional(),
  mapping: z.array(ColumnTarget).max(200).optional(),
});

export const ImportIssue = z.strictObject({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.enum(['ragged_row', 'missing_code', 'duplicate_code', 'code_exists', 'bad_source', 'bad_status', 'bad_date', 'too_long']),
  value: z.string(),
});

export const ImportPreview = z.strictObject({
  encoding: z.enum(CSV_ENCODINGS),
  headers: z.array(z.string()),
  mapping: z.array(ColumnTarget),
  /** The first rows that will be imported, as they will be stored. */
  preview: z.array(
    z.strictObject({
      line: z.number().int(),
      code: z.string(),
      realName: personal(z.string(), 'name'),
      source: z.enum(PARTICIPANT_SOURCES),
      status: z.enum(PARTICIPANT_STATUSES),
      attributes: Attributes,
    }),
  ),
  importable: z.number().int(),
  issues: z.array(ImportIssue),
  skippedRows: z.number().int(),
  /** Set when the mapping cannot be used (e.g. no column holds the code). */
  mappingError: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
