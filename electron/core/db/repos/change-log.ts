// The change log and the answers to writes that may be retried (migration 0010).
import type Database from 'better-sqlite3';
import type { Change, ChangedStudy } from '../../../../shared/api/changes.js';

interface ChangeRow {
  revision: number;
  at: string;
  mutation_id: string | null;
  actor: string | null;
  operation: string;
  studies: string;
}

/**
 * Rows this connection wrote for the log's own bookkeeping. They are not changes of
 * the library's content: the snapshot schedule leaves them out of its change token,
 * or recording "a snapshot was taken" would itself call for the next snapshot.
 */
const bookkeeping = new WeakMap<Database.Database, number>();
const kept = (db: Database.Database, rows: number): number => {
  bookkeeping.set(db, (bookkeeping.get(db) ?? 0) + rows);
  return rows;
};

/** How many rows this connection has written for the change log and kept answers. */
export function bookkeepingWrites(db: Database.Database): number {
  return bookkeeping.get(db) ?? 0;
}

const toChange = (row: ChangeRow): Change => ({
  revision: row.revision,
  at: row.at,
  mutationId: row.mutation_id,
  actor: row.actor,
  operation: row.operation,
  studies: JSON.parse(row.studies) as ChangedStudy[],
});

export interface NewChange {
  at: string;
  mutationId: string | null;
  actor: string | null;
  operation: string;
  studies: ChangedStudy[];
}

/** Appends one change; call inside the write's own transaction, so it commits with it. */
export function appendChange(db: Database.Database, change: NewChange): Change {
  const info = db
    .prepare('INSERT INTO change_log (at, mutation_id, actor, operation, studies) VALUES (?, ?, ?, ?, ?)')
    .run(change.at, change.mutationId, change.actor, change.operation, JSON.stringify(change.studies));
  kept(db, info.changes);
  return { revision: Number(info.lastInsertRowid), ...change };
}

export function changesAfter(db: Database.Database, revision: number, limit: number): Change[] {
  return (db.prepare('SELECT * FROM change_log WHERE revision > ? ORDER BY revision LIMIT ?').all(revision, limit) as ChangeRow[]).map(toChange);
}

/** The newest revision ever given (0 in a new library), pruned entries included. */
export function latestRevision(db: Database.Database): number {
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** The oldest revision still kept, or null when the log is empty. */
export function oldestKeptRevision(db: Database.Database): number | null {
  const row = db.prepare('SELECT min(revision) AS oldest FROM change_log').get() as { oldest: number | null };
  return row.oldest;
}

/**
 * Drops entries older than `before` (ISO time) that are not among the newest
 * `keepEntries`, and never one at or after `keepFrom` (what a connected client still needs).
 */
export function pruneChanges(db: Database.Database, before: string, keepEntries: number, keepFrom: number): number {
  const cutoff = (db.prepare('SELECT revision FROM change_log ORDER BY revision DESC LIMIT 1 OFFSET ?').get(keepEntries) as { revision: number } | undefined)?.revision;
  if (cutoff === undefined) return 0;
  return kept(db, db.prepare('DELETE FROM change_log WHERE revision <= ? AND revision < ? AND at < ?').run(cutoff, keepFrom, before).changes);
}

export interface StoredResult {
  operation: string;
  result: string | null;
}

export function findResult(db: Database.Database, mutationId: string): StoredResult | undefined {
  return db.prepare('SELECT operation, result FROM mutation_result WHERE mutation_id = ?').get(mutationId) as StoredResult | undefined;
}

export function storeResult(
  db: Database.Database,
  entry: { mutationId: string; revision: number | null; operation: string; studyId: string | null; at: string; result: string },
): void {
  const info = db
    .prepare('INSERT OR IGNORE INTO mutation_result (mutation_id, revision, operation, study_id, at, result) VALUES (?, ?, ?, ?, ?, ?)')
    .run(entry.mutationId, entry.revision, entry.operation, entry.studyId, entry.at, entry.result);
  kept(db, info.changes);
}

/** Drops kept answers older than `before`, and all but the newest `keep`. */
export function pruneResults(db: Database.Database, before: string, keep: number): number {
  const old = db.prepare('DELETE FROM mutation_result WHERE at < ?').run(before).changes;
  const extra = db
    .prepare('DELETE FROM mutation_result WHERE mutation_id IN (SELECT mutation_id FROM mutation_result ORDER BY at DESC LIMIT -1 OFFSET ?)')
    .run(keep).changes;
  return kept(db, old + extra);
}

/** Forgets the text of every kept answer about a study (consent withdrawn, study purged). */
export function scrubResults(db: Database.Database, studyId: string): void {
  db.prepare('UPDATE mutation_result SET result = NULL WHERE study_id = ?').run(studyId);
}
