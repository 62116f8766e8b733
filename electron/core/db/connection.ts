// Opens the library database: checks its integrity before writing anything, sets the
// durability pragmas, backs up and migrates an older file, and falls back to a
// read-only connection (with the reason) when the file is damaged.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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
  /** Path of the backup taken before migrating, if one was needed. */
  backupFile: string | null;
}

export interface OpenOptions {
  /** Override the migration list (tests of the migration machinery). */
  migrations?: readonly Migration[];
  /** Folder for pre-migration backups; defaults to `backups/` beside the file. */
  backupDir?: string;
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

function timestampForFile(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function openReadOnly(file: string, reason: string, nativeBinding: string | undefined): OpenedDatabase {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  db.pragma('query_only = ON');
  registerSearchFunctions(db);
  return { db, file, readOnly: true, readOnlyReason: reason, backupFile: null };
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;

  let db: Database.Database;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (error) {
    throw new LibraryOpenError('not_a_database', `The library file could not be opened: ${describe(error)}`);
  }
  // Before any write or migration: the search index's triggers call these functions.
  registerSearchFunctions(db);

  if (existed) {
    let problems: string[];
    try {
      problems = quickCheck(db);
    } catch (error) {
      db.close();
      throw new LibraryOpenError(
        'not_a_database',
        `The library file ${file} is not a Fieldwork database or is too damaged to read (${describe(error)}). It was left untouched.`,
      );
    }
    if (problems.length > 0) {
      db.close();
      const reason = `The library failed its integrity check (${problems.slice(0, 3).join('; ')}). It is open read-only so nothing more is lost: export what you need or restore a backup.`;
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
    applyPragmas(db);
    let backupFile: string | null = null;
    if (plan.pending.length > 0 && existed && (plan.from > 0 || hasUserTables(db))) {
      const dir = options.backupDir ?? path.join(path.dirname(file), 'backups');
      fs.mkdirSync(dir, { recursive: true });
      backupFile = path.join(dir, `${path.basename(file, path.extname(file))}-v${plan.from}-${timestampForFile()}.sqlite`);
      await db.backup(backupFile);
    }
    applyMigrations(db, plan);
    return { db, file, readOnly: false, readOnlyReason: null, backupFile };
  } catch (error) {
    db.close();
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { schemaVersion };
