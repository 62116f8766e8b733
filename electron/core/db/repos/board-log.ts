// The board's undo log, generic over the rows a board action touches: each change is
// a row as it was before and after (null: did not exist). Undo writes the "before"
// rows back in reverse order, redo the "after" rows in order.
import type Database from 'better-sqlite3';
import { newId, nowIso } from '../ids.js';

export const BOARD_TABLES = ['finding', 'affinity_group', 'theme', 'causal_link'] as const;
export type BoardTable = (typeof BOARD_TABLES)[number];

type Row = Record<string, unknown>;
export interface RowChange {
  table: BoardTable;
  id: string;
  before: Row | null;
  after: Row | null;
}

const MAX_ACTIONS = 500;

function readRow(db: Database.Database, table: BoardTable, id: string): Row | null {
  return (db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined) ?? null;
}

function writeRow(db: Database.Database, table: BoardTable, id: string, row: Row | null): void {
  if (row === null) {
    db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    return;
  }
  // Column names come from the database's own rows, never from input.
  const columns = Object.keys(row);
  const exists = readRow(db, table, id) !== null;
  if (exists) {
    db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
  } else {
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}

/** Records the rows an action touches: call `touch` before changing or creating each row. */
export class ActionRecorder {
  private readonly changes = new Map<string, RowChange>();

  constructor(private readonly db: Database.Database) {}

  touch(table: BoardTable, id: string): void {
    const key = `${table}:${id}`;
    if (!this.changes.has(key)) this.changes.set(key, { table, id, before: readRow(this.db, table, id), after: null });
  }

  /** Reads every touched row as it is now; returns the changes that really changed something. */
  finish(): RowChange[] {
    const out: RowChange[] = [];
    for (const change of this.changes.values()) {
      change.after = readRow(this.db, change.table, change.id);
      if (JSON.stringify(change.before) !== JSON.stringify(change.after)) out.push(change);
    }
    return out;
  }
}

export function recordAction(db: Database.Database, studyId: string, label: string, changes: RowChange[]): void {
  if (changes.length === 0) return;
  db.prepare('DELETE FROM board_action WHERE study_id = ? AND undone = 1').run(studyId);
  const seq = (db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM board_action WHERE study_id = ?').get(studyId) as { n: number }).n;
  db.prepare('INSERT INTO board_action (id, study_id, seq, label, changes, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    newId(),
    studyId,
    seq,
    label,
    JSON.stringify(changes),
    nowIso(),
  );
  db.prepare('DELETE FROM board_action WHERE study_id = ? AND seq <= ?').run(studyId, seq - MAX_ACTIONS);
}

/** Undoes the newest action still done; returns its label, or null when there is none. */
export function undoAction(db: Database.Database, studyId: string): string | null {
  const action = db
    .prepare('SELECT id, label, changes FROM board_action WHERE study_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1')
    .get(studyId) as { id: string; label: string; changes: string } | undefined;
  if (!action) return null;
  const changes = JSON.parse(action.changes) as RowChange[];
  for (const change of [...changes].reverse()) writeRow(db, change.table, change.id, change.before);
  db.prepare('UPDATE board_action SET undone = 1 WHERE id = ?').run(action.id);
  return action.label;
}

/** Redoes the oldest undone action; returns its label, or null when there is none. */
export function redoAction(db: Database.Database, studyId: string): string | null {
  const action = db
    .prepare('SELECT id, label, changes FROM board_action WHERE study_id = ? AND undone = 1 ORDER BY seq ASC LIMIT 1')
    .get(studyId) as { id: string; label: string; changes: string } | undefined;
  if (!action) return null;
  const changes = JSON.parse(action.changes) as RowChange[];
  for (const change of changes) writeRow(db, change.table, change.id, change.after);
  db.prepare('UPDATE board_action SET undone = 0 WHERE id = ?').run(action.id);
  return action.label;
}

export function undoState(db: Database.Database, studyId: string): { undo: string | null; redo: string | null } {
  const undo = db.prepare('SELECT label FROM board_action WHERE study_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1').get(studyId) as
    | { label: string }
    | undefined;
  const redo = db.prepare('SELECT label FROM board_action WHERE study_id = ? AND undone = 1 ORDER BY seq ASC LIMIT 1').get(studyId) as
    | { label: string }
    | undefined;
  return { undo: undo?.label ?? null, redo: redo?.label ?? null };
}
