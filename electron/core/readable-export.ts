// "Export what can be read": every table of a library that can still be read, row by
// row, into one JSON file, stopping at the first unreadable row of a table and saying
// so. Meant for a damaged or foreign-version library, so it assumes no schema: it reads
// whatever tables the file names. Full-text indexes (virtual tables) are left out.
import type Database from 'better-sqlite3';
import type { ExportedFile } from '../../shared/api/guide.js';
import { DomainError } from './services/errors.js';

interface TableDump {
  rows: Array<Record<string, unknown>>;
  /** False when reading stopped at a damaged page. */
  complete: boolean;
  error?: string;
}

const jsonValue = (value: unknown): unknown => (Buffer.isBuffer(value) ? { base64: value.toString('base64') } : value);

function dumpTable(db: Database.Database, table: string): TableDump {
  const rows: TableDump['rows'] = [];
  try {
    for (const row of db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).iterate() as Iterable<Record<string, unknown>>) {
      rows.push(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, jsonValue(value)])));
    }
    return { rows, complete: true };
  } catch (error) {
    return { rows, complete: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Ordinary tables, without SQLite's own, virtual tables (the search index) and their shadow tables. */
function readableTables(db: Database.Database): string[] {
  const all = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{
    name: string;
    sql: string | null;
  }>;
  const virtual = all.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  return all.map((t) => t.name).filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

export function exportReadableTables(db: Database.Database, sourceName: string, now = new Date()): ExportedFile {
  let tables: string[];
  let schemaVersion: number;
  try {
    tables = readableTables(db);
    schemaVersion = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new DomainError(
      'storage',
      `Nothing in the library file could be read (${error instanceof Error ? error.message : String(error)}).`,
      'snapshots.nothing_readable',
    );
  }
  const dump = {
    format: 'fieldwork-readable-export',
    version: 1,
    exportedAt: now.toISOString(),
    source: sourceName,
    schemaVersion,
    tables: Object.fromEntries(tables.map((table) => [table, dumpTable(db, table)])),
  };
  const stamp = now.toISOString().slice(0, 10);
  return {
    fileName: `fieldwork-readable-${stamp}.json`,
    mimeType: 'application/json',
    base64: Buffer.from(JSON.stringify(dump, null, 1), 'utf8').toString('base64'),
  };
}
