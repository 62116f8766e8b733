// Writes an opened archive's study into the library. Runs inside the caller's one
// transaction: it either all lands or none of it does. Ids are kept unless a row with
// the same id already exists (the same study imported again, as a copy); then that
// id gets a new UUID v7, and every reference to it in the archive follows.
//
// Foreign keys are checked at commit rather than per row (defer_foreign_keys, which
// SQLite resets after the transaction), so tags whose parent was made later than them,
// and other out-of-order rows, need no sorting; the archive's references were already
// checked to stay inside it.
import type Database from 'better-sqlite3';
import { mapIds, ownIds } from '../../../shared/archive/relations.js';
import type { ArchiveData } from '../../../shared/archive/read.js';
import type { ArchiveAvatar } from '../../../shared/archive/v1.js';
import { newId, nowIso } from '../db/ids.js';
import type { OpenedArchive } from './open-archive.js';
import { JOINS, TABLES, type ColumnSpec, type ListName } from './tables.js';

type Row = Record<string, unknown>;

const TABLE_OF = new Map<ListName, string>(TABLES.map((t) => [t.list, t.table]));

/** Old id -> new id for every id of the archive that a row of the library already has. */
function collidingIds(db: Database.Database, data: ArchiveData): Map<string, string> {
  const remap = new Map<string, string>();
  const exists = new Map<string, Database.Statement>();
  for (const { list, id } of ownIds(data)) {
    const table = TABLE_OF.get(list)!;
    if (!exists.has(table)) exists.set(table, db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck());
    if (exists.get(table)!.get(id) !== undefined) remap.set(id, newId());
  }
  return remap;
}

function avatarValue(avatar: ArchiveAvatar, images: ReadonlyMap<string, string>): string {
  if (avatar.kind === 'none') return '';
  if (avatar.kind === 'generated') return `generated:${avatar.palette}`;
  return images.get(avatar.file) ?? '';
}

function columnValue(spec: ColumnSpec, value: unknown, images: ReadonlyMap<string, string>): unknown {
  switch (spec.kind) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
      return value === null ? null : JSON.stringify(value);
    case 'terms':
      return (value as string[]).join('');
    case 'avatar':
      return avatarValue(value as ArchiveAvatar, images);
    default:
      return value;
  }
}

export interface WrittenStudy {
  studyId: string;
  name: string;
  remappedIds: number;
}

export function writeStudy(db: Database.Database, archive: OpenedArchive, fileName: string): WrittenStudy {
  db.pragma('defer_foreign_keys = ON');
  const remap = collidingIds(db, archive.data);
  const data = remap.size ? mapIds(archive.data, (id) => remap.get(id) ?? id) : archive.data;
  const studyId = data.study.id;

  for (const spec of TABLES) {
    const names = [...spec.columns.map((c) => c.column), ...(spec.studyColumn ? ['study_id'] : [])];
    const insert = db.prepare(`INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    const value = data[spec.list];
    for (const row of (Array.isArray(value) ? value : [value]) as Row[]) {
      const values = spec.columns.map((c) => columnValue(c, row[c.field], archive.images));
      insert.run(...values, ...(spec.studyColumn ? [studyId] : []));
    }
  }
  for (const join of JOINS) {
    const insert = db.prepare(`INSERT INTO ${join.table} (${join.ownerColumn}, ${join.memberColumn}) VALUES (?, ?)`);
    for (const row of data[join.list] as Row[]) {
      for (const member of row[join.field] as string[]) insert.run(row.id, member);
    }
  }
  db.prepare(
    'INSERT INTO study_archive_origin (study_id, archive_id, source_study_id, file_name, exported_at, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(studyId, archive.manifest.archiveId, archive.manifest.studyId, fileName, archive.manifest.exportedAt, nowIso());
  return { studyId, name: data.study.name, remappedIds: remap.size };
}
