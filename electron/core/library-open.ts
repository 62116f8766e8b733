// Opens a library file whatever state it is in, and says what state that is: ok,
// readable only (damaged, written by a newer Fieldwork, in a folder that cannot be
// written) or not readable at all (not a database, another program's database, an
// update that failed). Never throws for a problem with the file and never writes to a
// file it could not verify: the user decides what happens next.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { LibraryProblemKind } from '../../shared/api/snapshots.js';
import { openDatabase, openReadOnly } from './db/connection.js';
import { LibraryOpenError } from './db/errors.js';
import { storageProblem } from './storage-errors.js';

export interface LibraryProblem {
  kind: LibraryProblemKind;
  message: string;
}

export interface OpenOutcome {
  /** Null when nothing could be read. */
  db: Database.Database | null;
  readOnly: boolean;
  problem: LibraryProblem | null;
  /** The snapshot taken before migrating, when there was one. */
  backupFile: string | null;
  /** A private copy read instead of a file in a folder that cannot be written; removed on close. */
  privateCopyDir: string | null;
}

export interface OpenFileOptions {
  nativeBinding?: string | undefined;
  appVersion: string;
}

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const hasContent = (file: string): boolean => {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Below this much free space in the library's folder, a failure to open is taken for
 * a full disk: SQLite needs room for the WAL index (32 KiB) and log as it opens, and
 * reports the refusal only as "disk I/O error" when it cannot make them.
 */
export const LOW_SPACE_BYTES = 1024 * 1024;

/** Free bytes in a folder, or null when the system cannot say. */
export function freeSpace(folder: string): number | null {
  try {
    const stats = fs.statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** The problem kind behind a failure to open; `free` is the free space in the library's folder, when known. */
export function problemKindOf(error: unknown, free: number | null = null): LibraryProblemKind {
  const storage = storageProblem(error);
  if (error instanceof LibraryOpenError && error.reason !== 'storage' && (error.reason !== 'migration_failed' || !storage)) return error.reason;
  if (storage === 'disk_full' || storage === 'read_only_folder') return storage;
  // A disk I/O error, or a refusal SQLite could not name, on a disk with no room left.
  if (free !== null && free < LOW_SPACE_BYTES && (storage === 'io_error' || storage === null)) return 'disk_full';
  return 'cannot_open';
}

/** Whether the list of tables can be read at all: without it, reading read-only shows nothing. */
function schemaReadable(db: Database.Database): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  }
}

const unavailable = (kind: LibraryProblemKind, message: string): OpenOutcome => ({
  db: null,
  readOnly: true,
  problem: { kind, message },
  backupFile: null,
  privateCopyDir: null,
});

/**
 * A library in a folder that cannot be written is read from a private copy: SQLite
 * cannot even read a WAL library without creating its -shm file beside it. The copy
 * is consistent because nothing can write to that folder while we copy it.
 */
function openUnwritable(file: string, options: OpenFileOptions, cause: string): OpenOutcome {
  const message = `The library’s folder or file cannot be written (${cause}). It is open read-only: nothing can be changed until it is writable again.`;
  let copyDir: string | null = null;
  try {
    let source = file;
    if (!writable(path.dirname(file))) {
      copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-readonly-'));
      source = path.join(copyDir, path.basename(file));
      fs.copyFileSync(file, source);
      if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${source}-wal`);
    }
    const { db } = openReadOnly(source, message, options.nativeBinding);
    return { db, readOnly: true, problem: { kind: 'read_only_folder', message }, backupFile: null, privateCopyDir: copyDir };
  } catch (error) {
    if (copyDir) fs.rmSync(copyDir, { recursive: true, force: true });
    return unavailable('read_only_folder', `${message} (${describe(error)})`);
  }
}

/**
 * A library on a disk with no room left: reading needs no room, so it opens read-only
 * (look through it, export) until space is freed and Fieldwork restarted.
 */
function openOnFullDisk(file: string, options: OpenFileOptions, cause: string): OpenOutcome {
  const message = `The disk is full (${cause}). The library is open read-only: free some space and restart Fieldwork to work in it again.`;
  try {
    const { db } = openReadOnly(file, message, options.nativeBinding);
    if (!schemaReadable(db)) {
      db.close();
      return unavailable('disk_full', message);
    }
    return { db, readOnly: true, problem: { kind: 'disk_full', message }, backupFile: null, privateCopyDir: null };
  } catch (error) {
    return unavailable('disk_full', `${message} (${describe(error)})`);
  }
}

export async function openLibraryFile(file: string, options: OpenFileOptions): Promise<OpenOutcome> {
  const folder = path.dirname(file);
  const exists = hasContent(file);
  if (exists && (!writable(file) || !writable(folder))) return openUnwritable(file, options, file);
  if (!exists && fs.existsSync(folder) && !writable(folder)) {
    return unavailable('read_only_folder', `The folder ${folder} cannot be written, so no library can be created in it. Choose another folder with --data.`);
  }
  try {
    const opened = await openDatabase(file, { nativeBinding: options.nativeBinding, appVersion: options.appVersion });
    // openDatabase opens read-only only when the file failed its integrity check.
    const problem: LibraryProblem | null = opened.readOnly ? { kind: 'damaged', message: opened.readOnlyReason ?? '' } : null;
    return { db: opened.db, readOnly: opened.readOnly, problem, backupFile: opened.backupFile, privateCopyDir: null };
  } catch (error) {
    const kind = problemKindOf(error, freeSpace(folder));
    if (kind === 'read_only_folder' && exists) return openUnwritable(file, options, describe(error));
    if (kind === 'disk_full' && exists) return openOnFullDisk(file, options, describe(error));
    if (kind === 'newer_schema' || kind === 'damaged') {
      // Reading a newer file cannot harm it; what this version does not know, it does not show.
      // A damaged one is read for what can still be read, and exported; nothing is written to it.
      try {
        const { db } = openReadOnly(file, describe(error), options.nativeBinding);
        if (kind === 'damaged' && !schemaReadable(db)) {
          db.close();
          return unavailable(kind, describe(error));
        }
        return { db, readOnly: true, problem: { kind, message: describe(error) }, backupFile: null, privateCopyDir: null };
      } catch {
        // Fall through: not even readable.
      }
    }
    return unavailable(kind, describe(error));
  }
}
