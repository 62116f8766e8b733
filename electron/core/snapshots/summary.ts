// What a snapshot holds, in the words the user recognises: how many studies,
// participants, interviews and findings, and the studies' names. Read from the
// snapshot itself, so it is true of the file whatever happened to the library since.
import type Database from 'better-sqlite3';
import type { SnapshotSummary } from '../../../shared/api/snapshots.js';

const NAMES_SHOWN = 30;

/** Null when the file lacks the tables every Fieldwork schema has had. */
export function summariseLibrary(db: Database.Database): SnapshotSummary | null {
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const studies = db
      .prepare('SELECT name, deleted_at IS NOT NULL AS inTrash FROM study ORDER BY deleted_at IS NOT NULL, updated_at DESC LIMIT ?')
      .all(NAMES_SHOWN) as Array<{ name: string; inTrash: number }>;
    return {
      studies: count('study'),
      inTrash: (db.prepare('SELECT count(*) AS n FROM study WHERE deleted_at IS NOT NULL').get() as { n: number }).n,
      participants: count('participant'),
      sessions: count('session'),
      findings: count('finding'),
      studyNames: studies.map((s) => ({ name: s.name, inTrash: s.inTrash === 1 })),
    };
  } catch {
    return null;
  }
}
