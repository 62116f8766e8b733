// Opens the library database: checks its integrity before writing anything, sets the
// durability pragmas, snapshots and migrates an older file, refuses files that are not
// ours, and falls back to a read-only connection (with the reason) when the file is
// damaged. Nothing here ever writes to a file it could not verify as a Fieldwork library.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { snapshotDirFor } from '../snapshots/files.js';
import { SnapshotStore } from '../snapshots/store.js';
import { storageProblem } from '../storage-errors.js';
import { LibraryOpenError } from './errors.js';
import { applyMigrations, planMigrations, schemaVersion } from './migrate.js';
import type { Migration } from './migrations/index.js';
import { registerSearchFunctions } from './search-functions.js';

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  readOnly: boolean;
  /** Set when the database opened read-only, saying why. */
  readOnlyReason: string | null;
  /** Path of the snapshot taken before migrating, if one was needed. */
  backupFile: string | null;
}

export interface OpenOptions {
  /** Override the migration list (tests of the migration machinery). */
  migrations?: readonly Migration[];
  /**
   * Snapshots the file before migrating it (returns the snapshot's path); by default into
   * `snapshots/` beside the file. Null skips it: a staged copy restored from a snapshot.
   */
  beforeMigration?: ((db: Database.Database) => Promise<string>) | null;
  /** Recorded in the pre-migration snapshot. */
  appVersion?: string;
  /** Path of a better-sqlite3 addon built for another runtime (Electron in development). */
  nativeBinding?: string | undefined;
}

function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: a commit survives power loss, not only a crash; batched writes keep it cheap.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Runs quick_check; returns the problems found, or [] when the file is sound. */
function quickCheck(db: Database.Database): string[] {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems;
}

function hasUserTables(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
}

/** The system refused the file (full disk, read-only folder, failing device): said as such, not as damage. */
function refusedByStorage(error: unknown, file: string): LibraryOpenError | null {
  return storageProblem(error) ? new LibraryOpenError('storage', `The library file ${file} could not be opened: ${describe(error)}`, { cause: error }) : null;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Why a file that starts as an SQLite database could not be read, when it is damage
 * (cut short, or pages that make no sense) rather than some other kind of file; null
 * otherwise. A library cut short (a copy or a sync that stopped half-way, a disk that
 * filled up during a copy) keeps its header, which records how long it should be.
 */
function damageOf(file: string, error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') return null;
  let header: Buffer;
  let size: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(100);
      fs.readSync(fd, header, 0, 100, 0);
      size = fs.fstatSync(fd).size;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  if (!header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) return null;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const expected = header.readUInt32BE(28) * pageSize;
  if (size < 100 || (expected > 0 && size < expected)) {
    return `it is cut short (${size} of ${expected || 'at least 100'} bytes), as when a copy or a save stopped half-way.`;
  }
  return `its pages cannot be read (${describe(error)}).`;
}

function preMigrationSnapshot(file: string, options: OpenOptions): (db: Database.Database) => Promise<string> {
  return async (db) => {
    const store = new SnapshotStore({ dir: snapshotDirFor(file), libraryFile: file, appVersion: options.appVersion ?? 'unknown', nativeBinding: options.nativeBinding });
    const snapshot = await store.take(db, 'migration');
    return store.file(snapshot.id);
  };
}

export function openReadOnly(file: string, reason: string, nativeBinding: string | undefined): OpenedDatabase {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  db.pragma('query_only = ON');
  registerSearchFunctions(db);
  return { db, file, readOnly: true, readOnlyReason: reason, backupFile: null };
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  let existed: boolean;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  } catch (error) {
    throw refusedByStorage(error, file) ?? error;
  }

  let db: Database.Database;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (error) {
    throw refusedByStorage(error, file) ?? new LibraryOpenError('not_a_database', `The library file could not be opened: ${describe(error)}`);
  }
  // Before any write or migration: the search index's triggers call these functions.
  registerSearchFunctions(db);

  if (existed) {
    let problems: string[];
    try {
      problems = quickCheck(db);
    } catch (error) {
      db.close();
      const damage = damageOf(file, error);
      if (damage) throw new LibraryOpenError('damaged', `The library file ${file} is damaged: ${damage} It was left untouched.`, { cause: error });
      throw refusedByStorage(error, file) ?? new LibraryOpenError(
        'not_a_database',
        `The library file ${file} is not a Fieldwork database or is too damaged to read (${describe(error)}). It was left untouched.`,
      );
    }
    if (problems.length > 0) {
      db.close();
      const reason = `The library failed its integrity check (${problems.slice(0, 3).join('; ')}). It is open read-only so nothing more is lost: export what can be read or restore a snapshot.`;
      const opened = openReadOnly(file, reason, options.nativeBinding);
      try {
        planMigrations(opened.db, options.migrations);
      } catch (error) {
        opened.db.close();
        throw error;
      }
      return opened;
    }
  }

  try {
    const plan = planMigrations(db, options.migrations);
    if (existed && plan.from === 0 && hasUserTables(db)) {
      // Every Fieldwork library has a schema version; tables without one are another program's.
      throw new LibraryOpenError(
        'foreign_database',
        `The library file ${file} is an SQLite database written by another program, not Fieldwork. It was left untouched.`,
      );
    }
    applyPragmas(db);
    let backupFile: string | null = null;
    const snapshot = options.beforeMigration === undefined ? preMigrationSnapshot(file, options) : options.beforeMigration;
    if (plan.pending.length > 0 && existed && snapshot) backupFile = await snapshot(db);
    applyMigrations(db, plan);
    return { db, file, readOnly: false, readOnlyReason: null, backupFile };
  } catch (error) {
    db.close();
    throw error instanceof LibraryOpenError ? error : (refusedByStorage(error, file) ?? error);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { schemaVersion };
