// Study archives: export a study as a `.fieldwork` file, and import one into this
// library. An import reads and checks the whole file first (outside any transaction:
// nothing is written while the file is untrusted), asks what to do when the study is
// already here, takes a snapshot, then writes the study in one transaction, so a bad
// file, a crash or a failed write leaves the library as it was.
import type Database from 'better-sqlite3';
import { ARCHIVE_EXTENSION, ARCHIVE_MIME_TYPE } from '../../../shared/archive/format.js';
import { ARCHIVE_REASON_PREFIX, ArchiveProblem } from '../../../shared/archive/problems.js';
import type { ArchiveImportResult } from '../../../shared/api/archives.js';
import { makeArchive } from '../archive/make-archive.js';
import { openArchive, type OpenedArchive } from '../archive/open-archive.js';
import { writeStudy } from '../archive/write-study.js';
import { LATEST_SCHEMA_VERSION } from '../db/migrate.js';
import { safeFileName } from '../export/exported-file.js';
import { snapshotBefore } from '../snapshots/safety.js';
import type { ServiceContext } from './context.js';
import { isConstraintError, runInTransaction } from './dispatch.js';
import { DomainError, notFound } from './errors.js';
import { type HandlerGroup } from './handler-types.js';

/** The archive's problem as the contract's typed error: reason `archive_<code>`, translated by the UI. */
function typed<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ArchiveProblem) throw new DomainError('conflict', error.message, `${ARCHIVE_REASON_PREFIX}${error.code}`);
    throw error;
  }
}

/** The study this archive is a copy of, when the library already has it: the same study id, or imported from the same archive or study. */
function existingCopy(db: Database.Database, archive: OpenedArchive): { studyId: string; name: string; inTrash: boolean } | undefined {
  const row = db
    .prepare(
      `SELECT s.id, s.name, s.deleted_at IS NOT NULL AS inTrash FROM study s
       WHERE s.id = :studyId
          OR s.id IN (SELECT study_id FROM study_archive_origin WHERE archive_id = :archiveId OR source_study_id = :studyId)
       ORDER BY s.deleted_at IS NOT NULL, s.created_at LIMIT 1`,
    )
    .get({ studyId: archive.manifest.studyId, archiveId: archive.manifest.archiveId }) as { id: string; name: string; inTrash: number } | undefined;
  return row && { studyId: row.id, name: row.name, inTrash: row.inTrash === 1 };
}

function writeArchive(ctx: ServiceContext, archive: OpenedArchive, fileName: string): ArchiveImportResult {
  return runInTransaction(ctx, () => {
    const written = writeStudy(ctx.db, archive, fileName);
    ctx.events.touch(written.studyId, 'study');
    return { status: 'imported', ...written, personalData: archive.manifest.personalData };
  });
}

export const archiveHandlers: HandlerGroup<'archive'> = {
  'archive.export': async ({ studyId, includePersonalData }, ctx) => {
    const made = typed(() => makeArchive(ctx.db, { studyId, includePersonalData, appVersion: ctx.appVersion, schemaVersion: LATEST_SCHEMA_VERSION }));
    if (!made) throw notFound('The study');
    return {
      fileName: `${safeFileName(made.manifest.studyName, 'study')}${ARCHIVE_EXTENSION}`,
      mimeType: ARCHIVE_MIME_TYPE,
      base64: Buffer.from(made.bytes).toString('base64'),
    };
  },

  'archive.import': async ({ fileName, base64, mode }, ctx) => {
    if (ctx.readOnly) throw new DomainError('read_only', ctx.readOnlyReason ?? 'The library is open read-only.');
    const archive = typed(() => openArchive(Buffer.from(base64, 'base64')));
    const existing = existingCopy(ctx.db, archive);
    if (existing && mode === 'ask') return { status: 'already_imported', existing };
    if (existing && mode === 'skip') return { status: 'skipped', studyId: existing.studyId };
    // The file is checked and the user has chosen: keep a way back before writing.
    await snapshotBefore(ctx, 'import', fileName);
    try {
      return writeArchive(ctx, archive, fileName);
    } catch (error) {
      // The archive's references were checked; a constraint can still refuse a value
      // (e.g. two stages of one study sharing a key). Nothing was written.
      if (isConstraintError(error)) throw new DomainError('conflict', 'The archive’s data is inconsistent; nothing was imported.', `${ARCHIVE_REASON_PREFIX}invalid_data`);
      throw error;
    }
  },
};
