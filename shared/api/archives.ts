// Contract shapes for study archives (`.fieldwork` files) and the whole-study
// Markdown document.
import { z } from 'zod';
import { ARCHIVE_BASE64_MAX } from '../archive/format.js';
import { Id } from './fields.js';

export const ArchiveExportRequest = z.strictObject({
  studyId: Id,
  /**
   * Participants' real names and contacts travel only when true; left out when absent, as
   * documents hide them by default. Withdrawn participants' data never travels.
   */
  includePersonalData: z.boolean().default(false),
});

/**
 * What to do when the archive's study is already in the library (the same archive, or
 * another export of the same study): `ask` answers `already_imported` and writes
 * nothing, `duplicate` imports it as a copy (new ids), `skip` leaves it out.
 */
export const IMPORT_MODES = ['ask', 'duplicate', 'skip'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const ArchiveImportRequest = z.strictObject({
  fileName: z.string().max(255),
  base64: z.string().max(ARCHIVE_BASE64_MAX).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64.'),
  mode: z.enum(IMPORT_MODES),
});

export const ArchiveImportResult = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('imported'),
    studyId: Id,
    name: z.string(),
    /** Ids given new values because rows with them already existed (0 when every id was kept). */
    remappedIds: z.number().int(),
    /** Whether the archive carried participants' personal data. */
    personalData: z.boolean(),
  }),
  z.strictObject({
    status: z.literal('already_imported'),
    /** The study already in the library that this archive is a copy of. */
    existing: z.strictObject({ studyId: Id, name: z.string(), inTrash: z.boolean() }),
  }),
  z.strictObject({ status: z.literal('skipped'), studyId: Id }),
]);
export type ArchiveImportResult = z.infer<typeof ArchiveImportResult>;

export const StudyMarkdownRequest = z.strictObject({
  studyId: Id,
  /** Participants appear by code; their real names only when this is true. */
  includeRealNames: z.boolean().optional(),
});
