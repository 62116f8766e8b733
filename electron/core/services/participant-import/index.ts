// The pure core of participant CSV import: decode the bytes, parse the text, suggest a
// column mapping, and plan the import (candidates plus row-level issues). No database
// access here; the caller writes the plan's candidates in one transaction on confirm.
export {
  assertImportSize,
  base64ByteCount,
  decodeCsv,
  ImportFileError,
  MAX_IMPORT_BYTES,
  type CsvEncoding,
  type ImportFileErrorCode,
} from './decode.js';
export { parseCsv, MAX_IMPORT_ROWS, type ParsedCsv } from './parse.js';
export { suggestMapping, normaliseKey, type ColumnTarget, type ParticipantField } from './mapping.js';
export {
  planImport,
  normaliseDate,
  MappingError,
  MAX_CODE_LENGTH,
  MAX_ATTRIBUTE_LENGTH,
  MAX_VALUE_LENGTH,
  type ImportCandidate,
  type ImportPlan,
  type ImportRowIssue,
  type MappingErrorCode,
} from './validate.js';
