// Putting a snapshot's content back. Into an open, healthy library it goes through the
// online backup API: the snapshot is first copied to a staging file and brought to
// this version's schema, then backed up *into* the live file in one write transaction
// that SQLite commits only when every page is in, so a failure at any point leaves
// the library exactly as it was, and the open connection simply sees the new content.
// A damaged or foreign file is never written to: it is moved aside, and the snapshot
// becomes a new library file in its place.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/connection.js';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.js';
import { DomainError } from '../services/errors.js';
import { removeDatabaseFiles } from './files.js';
import { openSnapshotReadOnly } from './store.js';

/** better-sqlite3 copies this many pages per step after the first: all of them, in one step. */
const ALL_PAGES = 0x7fffffff;

/** Checks a snapshot before it is used: still sound, and of a schema this version knows. */
export function checkSnapshot(file: string, nativeBinding?: string): void {
  let problems: string[];
  let version: number;
  try {
    const db = openSnapshotReadOnly(file, nativeBinding);
    try {
      problems = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((r) => r !== 'ok');
      version = db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
    version = 0;
  }
  if (problems.length > 0) {
    throw new DomainError('conflict', `This snapshot is damaged (${problems.slice(0, 2).join('; ')}); choose another one.`, 'snapshots.snapshot_damaged');
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw new DomainError('conflict', 'This snapshot was written by a newer version of Fieldwork; update Fieldwork to restore it.', 'snapshots.snapshot_newer');
  }
}

/** Copies a snapshot to `target` (a new file) and opens it migrated to the current schema. */
async function materialise(snapshotFile: string, target: string, nativeBinding: string | undefined): Promise<Database.Database> {
  const source = openSnapshotReadOnly(snapshotFile, nativeBinding);
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const opened = await openDatabase(target, { beforeMigration: null, nativeBinding });
  if (opened.readOnly) {
    opened.db.close();
    throw new DomainError('conflict', 'The snapshot could not be read back intact; choose another one.', 'snapshots.snapshot_damaged');
  }
  return opened.db;
}

/** The live file must use the staged file's page size for a backup into a WAL database. */
function matchPageSize(staged: Database.Database, live: Database.Database): void {
  const size = live.pragma('page_size', { simple: true }) as number;
  if (staged.pragma('page_size', { simple: true }) === size) return;
  staged.pragma('journal_mode = DELETE');
  staged.pragma(`page_size = ${size}`);
  staged.exec('VACUUM');
}

export interface LiveRestore {
  live: Database.Database;
  liveFile: string;
  snapshotFile: string;
  /** A folder on the same disk for the staging file. */
  stagingDir: string;
  nativeBinding?: string | undefined;
}

/** Replaces the content of an open, healthy library with a snapshot's, all or nothing. */
export async function restoreIntoLiveLibrary({ live, liveFile, snapshotFile, stagingDir, nativeBinding }: LiveRestore): Promise<void> {
  fs.mkdirSync(stagingDir, { recursive: true });
  const staged = path.join(stagingDir, `.restore-${randomBytes(4).toString('hex')}.sqlite`);
  try {
    const db = await materialise(snapshotFile, staged, nativeBinding);
    try {
      matchPageSize(db, live);
      await db.backup(liveFile, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
  } finally {
    removeDatabaseFiles(staged);
  }
  // Copy the restored pages from the WAL into the file now, so the restore is as
  // durable as a normal commit and the WAL does not stay swollen.
  live.pragma('wal_checkpoint(TRUNCATE)');
}

/** Moves a library file (and its WAL files) aside under a dated name; returns the new name. */
export function setAside(file: string, now = new Date()): string {
  const ext = path.extname(file);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const target = path.join(path.dirname(file), `${path.basename(file, ext)}-set-aside-${stamp}${ext}`);
  for (const suffix of ['-wal', '-shm', '']) {
    if (fs.existsSync(`${file}${suffix}`)) fs.renameSync(`${file}${suffix}`, `${target}${suffix}`);
  }
  return target;
}

/** Undoes `setAside` after a failed restore. */
export function putBack(setAsideFile: string, file: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(`${setAsideFile}${suffix}`)) fs.renameSync(`${setAsideFile}${suffix}`, `${file}${suffix}`);
  }
}

/** Makes a snapshot the library file at `file` (which must not exist); returns its open connection. */
export async function restoreIntoNewFile(file: string, snapshotFile: string, nativeBinding?: string): Promise<Database.Database> {
  // Never over an existing file: the damaged or foreign one must have been moved aside.
  if (fs.existsSync(file)) throw new Error(`${file} still exists; a restore never writes over it.`);
  try {
    return await materialise(snapshotFile, file, nativeBinding);
  } catch (error) {
    removeDatabaseFiles(file);
    throw error;
  }
}
