// The interop operations: data exports for other tools and interview material
// imported as sessions. Exports and the import await (a workbook is written
// asynchronously; the import takes a safety snapshot before its one write transaction).
import { type HandlerGroup } from '../handler-types.js';
import { exportFindings, exportRefiQda } from './exports.js';
import { importTranscript, previewTranscript } from './transcript-import.js';

export const interopHandlers: HandlerGroup<'interop'> = {
  'interop.exportFindings': ({ studyId, format, options }, ctx) => exportFindings(ctx, studyId, format, options),
  'interop.exportRefiQda': async ({ studyId, options }, ctx) => exportRefiQda(ctx, studyId, options),
  // Parsing a large file should not hold the write lock: it reads nothing from the library.
  'interop.previewTranscript': async (input) => previewTranscript(input),
  'interop.importTranscript': (input, ctx) => importTranscript(ctx, input),
};
