// Brings a database to the latest schema: one transaction per migration, tracked by
// PRAGMA user_version, refusing files written by a newer Fieldwork, and backing up an
// existing file (online backup, WAL-safe) before touching it.
import type Database from 'better-sqlite3';
import { LibraryOpenError } from './errors.js';
import { LATEST_SCHEMA_VERSION, type Migration, migrations as allMigrations } from './migrations/index.js';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrationPlan {
  from: number;
  to: number;
  pending: readonly Migration[];
}

export function planMigrations(db: Database.Database, migrations = allMigrations): MigrationPlan {
  const from = schemaVersion(db);
  const to = migrations.at(-1)?.version ?? 0;
  if (from > to) {
    throw new LibraryOpenError(
      'newer_schema',
      `This library was written by a newer version of Fieldwork (schema ${from}; this version knows up to ${to}). Update Fieldwork to open it; the file was left untouched.`,
    );
  }
  return { from, to, pending: migrations.filter((m) => m.version > from) };
}

/** Applies pending migrations. Each runs in its own transaction and bumps user_version inside it. */
export function applyMigrations(db: Database.Database, plan: MigrationPlan): void {
  for (const migration of plan.pending) {
    const run = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      run();
    } catch (error) {
      throw new LibraryOpenError(
        'migration_failed',
        `Updating the library to schema ${migration.version} failed; the library was left at schema ${schemaVersion(db)}. A snapshot taken before the update is in the snapshots folder next to the library file. (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
  }
}

export { LATEST_SCHEMA_VERSION };
