// Makes the `.fieldwork` file of a study: its rows read in one read transaction,
// participants who withdrew consent always left out (with everything that was theirs)
// and personal data too when asked, the result checked against the same schemas and
// reference rules an import applies (an archive this app writes is one it can read),
// then zipped: JSON deflated, pictures stored as they are.
import type Database from 'better-sqlite3';
import { zipSync, type Zippable } from 'fflate';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, DATA_ENTRIES, DATA_ENTRY_NAMES, MANIFEST_ENTRY, type ArchiveManifest } from '../../../shared/archive/format.js';
import { ArchiveProblem } from '../../../shared/archive/problems.js';
import type { ArchiveData } from '../../../shared/archive/read.js';
import { checkReferences } from '../../../shared/archive/relations.js';
import { ArchiveDataV1 } from '../../../shared/archive/v1.js';
import { withoutPersonalData, withoutWithdrawn } from '../../../shared/archive/without-personal-data.js';
import { newId, nowIso } from '../db/ids.js';
import { readStudyRows } from './study-rows.js';

export interface ArchiveRequest {
  studyId: string;
  includePersonalData: boolean;
  appVersion: string;
  schemaVersion: number;
}

/** Throws an ArchiveProblem naming the first row the format cannot carry. */
function checked(data: ArchiveData): ArchiveData {
  const parsed = ArchiveDataV1.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveProblem('invalid_data', `This study holds a value an archive cannot carry (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}).`);
  }
  checkReferences(parsed.data);
  return data;
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The archive's bytes, or null when the study does not exist. */
export function makeArchive(db: Database.Database, request: ArchiveRequest): { manifest: ArchiveManifest; bytes: Uint8Array } | null {
  const read = db.transaction(() => (db.prepare('SELECT 1 FROM study WHERE id = ?').get(request.studyId) ? readStudyRows(db, request.studyId) : null));
  const rows = read.deferred();
  if (!rows) return null;
  // Consent withdrawn means out of every export, a full backup included.
  const data = checked(request.includePersonalData ? withoutWithdrawn(rows.data) : withoutPersonalData(rows.data));
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: request.appVersion,
    schemaVersion: request.schemaVersion,
    exportedAt: nowIso(),
    archiveId: newId(),
    studyId: data.study.id,
    studyName: data.study.name,
    personalData: request.includePersonalData,
  };
  const files: Zippable = { [MANIFEST_ENTRY]: [json(manifest), { level: 6 }] };
  for (const name of DATA_ENTRY_NAMES) {
    files[name] = [json(Object.fromEntries(DATA_ENTRIES[name].map((list) => [list, data[list]]))), { level: 6 }];
  }
  const used = new Set(data.personas.flatMap((p) => (p.avatar.kind === 'image' ? [p.avatar.file] : [])));
  for (const [name, bytes] of rows.images) if (used.has(name)) files[name] = [bytes, { level: 0 }];
  return { manifest, bytes: zipSync(files) };
}
