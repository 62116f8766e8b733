// Importing participants from a CSV file in two steps: a preview (decode, map the
// columns, validate every row; nothing is written) and, once the user confirms, a
// commit that writes every valid row in one transaction, or nothing at all.
import type { ImportPreview } from '../../../shared/api/participants.js';
import type { ColumnTargetInput } from '../../../shared/api/participants.js';
import { createParticipant, participantCodes } from '../db/repos/participants.js';
import { getStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import type { Handler } from './handler-types.js';
import {
  assertImportSize,
  base64ByteCount,
  decodeCsv,
  ImportFileError,
  MappingError,
  parseCsv,
  planImport,
  suggestMapping,
  type ColumnTarget,
  type CsvEncoding,
  type ImportPlan,
} from './participant-import/index.js';

interface Request {
  studyId: string;
  fileBase64: string;
  encoding?: CsvEncoding | 'auto' | undefined;
  mapping?: ColumnTargetInput[] | undefined;
}

interface Prepared {
  encoding: CsvEncoding;
  headers: string[];
  mapping: ColumnTarget[];
  plan: ImportPlan | null;
  mappingError: string | null;
}

function prepare(ctx: ServiceContext, request: Request): Prepared {
  if (!getStudy(ctx.db, request.studyId)) throw notFound('The study');
  try {
    // By the length of the text alone: an oversize file is never decoded.
    assertImportSize(base64ByteCount(request.fileBase64));
    const bytes = Buffer.from(request.fileBase64, 'base64');
    const { text, encoding } = decodeCsv(bytes, request.encoding ?? 'auto');
    const parsed = parseCsv(text);
    const mapping = request.mapping ?? suggestMapping(parsed.headers);
    if (mapping.length !== parsed.headers.length) {
      throw new DomainError('conflict', 'The column mapping does not match the file’s columns.');
    }
    try {
      const plan = planImport(parsed, mapping, participantCodes(ctx.db, request.studyId));
      return { encoding, headers: parsed.headers, mapping, plan, mappingError: null };
    } catch (error) {
      if (error instanceof MappingError) return { encoding, headers: parsed.headers, mapping, plan: null, mappingError: error.message };
      throw error;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw new DomainError('conflict', error.message, `import_${error.code}`);
    throw error;
  }
}

const PREVIEW_ROWS = 50;

export const importHandlers: {
  'participant.importPreview': Handler<'participant.importPreview'>;
  'participant.importCommit': Handler<'participant.importCommit'>;
} = {
  'participant.importPreview': (request, ctx): ImportPreview => {
    const prepared = prepare(ctx, request);
    const candidates = prepared.plan?.candidates ?? [];
    return {
      encoding: prepared.encoding,
      headers: prepared.headers,
      mapping: prepared.mapping,
      preview: candidates.slice(0, PREVIEW_ROWS).map((c) => ({
        line: c.line,
        code: c.code,
        realName: c.realName,
        source: c.source,
        status: c.status,
        attributes: c.attributes,
      })),
      importable: candidates.length,
      issues: prepared.plan?.issues.slice(0, 500) ?? [],
      skippedRows: prepared.plan?.skippedRows ?? 0,
      mappingError: prepared.mappingError,
    };
  },

  'participant.importCommit': (request, ctx) => {
    const prepared = prepare(ctx, request);
    if (!prepared.plan) throw new DomainError('conflict', prepared.mappingError ?? 'The column mapping cannot be used.');
    // The dispatcher runs this handler in one transaction: all valid rows, or none.
    for (const c of prepared.plan.candidates) createParticipant(ctx.db, request.studyId, c);
    if (prepared.plan.candidates.length > 0) {
      ctx.events.touch(request.studyId, 'participant');
    }
    return { imported: prepared.plan.candidates.length, skipped: prepared.plan.skippedRows };
  },
};
