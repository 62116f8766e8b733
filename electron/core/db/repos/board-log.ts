// The board's undo log as field-level inverse changes. An action records, for each row
// it touched, only the fields the board owns that it changed (before and after), or
// the whole row when it created or deleted a group, theme or link. Undo writes
// "before" back only where the value still equals "after" (redo the other way round),
// so an edit made elsewhere since (a card's wording, TERMS, stage) is never
// overwritten and a row deleted since is never brought back: the step is refused.
// Entries carry their actor (the window or person that acted; NULL for callers that
// name none), and undo and redo only ever take the caller's own entries.
import type Database from 'better-sqlite3';
import { newId, nowIso } from '../ids.js';

export const BOARD_ENTITIES = ['finding', 'affinity_group', 'theme', 'causal_link'] as const;
export type BoardEntity = (typeof BOARD_ENTITIES)[number];

/**
 * The fields of each row that board actions set and undo restores. A finding's
 * wording, type, TERMS and tags belong to the researcher's edits elsewhere: the log
 * never holds them, so it never holds a participant's words either.
 */
const OWNED_FIELDS: Record<BoardEntity, readonly string[]> = {
  finding: ['stage_id', 'group_id', 'position'],
  affinity_group: ['stage_id', 'theme_id', 'name', 'color', 'collapsed', 'position'],
  theme: ['name', 'color', 'position'],
  causal_link: ['label'],
};

/** Columns that point at another row, and the table that row lives in. */
const REFERENCES: Record<string, string> = {
  stage_id: 'journey_stage',
  group_id: 'affinity_group',
  theme_id: 'theme',
  from_group_id: 'affinity_group',
  to_group_id: 'affinity_group',
  from_theme_id: 'theme',
  to_theme_id: 'theme',
};

/** Rows that must be gone before a group or theme may be deleted, so deleting it takes nothing else with it. */
const DEPENDANTS: Partial<Record<BoardEntity, readonly string[]>> = {
  affinity_group: [
    'SELECT 1 FROM finding WHERE group_id = @id',
    'SELECT 1 FROM causal_link WHERE from_group_id = @id OR to_group_id = @id',
  ],
  theme: ['SELECT 1 FROM affinity_group WHERE theme_id = @id', 'SELECT 1 FROM causal_link WHERE from_theme_id = @id OR to_theme_id = @id'],
};

type Row = Record<string, unknown>;
type Value = string | number | null;

/** One field of one row (field null: the whole row, created when before is null, deleted when after is null). */
export type BoardChange =
  | { entity: BoardEntity; id: string; field: string; before: Value; after: Value }
  | { entity: BoardEntity; id: string; field: null; before: Row | null; after: Row | null };

/** Why a step could not be undone or redone. */
export type UndoConflict = 'changed_since' | 'deleted_since';

export type UndoOutcome = { kind: 'nothing' } | { kind: 'done'; label: string } | { kind: 'refused'; label: string; why: UndoConflict };

const MAX_ACTIONS = 500;

function readRow(db: Database.Database, entity: BoardEntity, id: string): Row | null {
  return (db.prepare(`SELECT * FROM ${entity} WHERE id = ?`).get(id) as Row | undefined) ?? null;
}

/** Records what an action changes: call `touch` before changing, creating or deleting each row. */
export class ActionRecorder {
  private readonly before = new Map<string, { entity: BoardEntity; id: string; row: Row | null }>();

  constructor(private readonly db: Database.Database) {}

  touch(entity: BoardEntity, id: string): void {
    const key = `${entity}:${id}`;
    if (!this.before.has(key)) this.before.set(key, { entity, id, row: readRow(this.db, entity, id) });
  }

  /** Compares every touched row with how it is now: the board's fields that changed, in the order touched. */
  finish(): BoardChange[] {
    const out: BoardChange[] = [];
    for (const { entity, id, row: before } of this.before.values()) {
      const after = readRow(this.db, entity, id);
      if (before && after) {
        for (const field of OWNED_FIELDS[entity]) {
          if (before[field] !== after[field]) out.push({ entity, id, field, before: before[field] as Value, after: after[field] as Value });
        }
      } else if (before || after) {
        // The board never creates or deletes findings; it does groups, themes and links.
        if (entity === 'finding') throw new Error('A board action created or deleted a finding.');
        out.push({ entity, id, field: null, before, after });
      }
    }
    return out;
  }
}

export function recordAction(db: Database.Database, studyId: string, label: string, changes: readonly BoardChange[], actor: string | null = null): void {
  if (changes.length === 0) return;
  // A new action ends what its actor had to redo.
  db.prepare('DELETE FROM board_undo_entry WHERE study_id = ? AND undone = 1 AND actor IS ?').run(studyId, actor);
  const seq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM board_undo_entry WHERE study_id = ?').pluck().get(studyId) as number;
  const id = newId();
  db.prepare('INSERT INTO board_undo_entry (id, study_id, seq, label, actor, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, studyId, seq, label, actor, nowIso());
  const insert = db.prepare('INSERT INTO board_undo_change (entry_id, ord, entity, entity_id, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  changes.forEach((c, i) => {
    const encode = (v: Value | Row | null) => (c.field === null && v === null ? null : JSON.stringify(v));
    insert.run(id, i + 1, c.entity, c.id, c.field, encode(c.before), encode(c.after));
  });
  // Undo reaches the last MAX_ACTIONS actions of the study.
  db.prepare(
    `DELETE FROM board_undo_entry WHERE study_id = @studyId AND seq < (
       SELECT min(seq) FROM (SELECT seq FROM board_undo_entry WHERE study_id = @studyId ORDER BY seq DESC LIMIT @keep))`,
  ).run({ studyId, keep: MAX_ACTIONS });
}

interface ChangeRow {
  entity: BoardEntity;
  entity_id: string;
  field: string | null;
  before: string | null;
  after: string | null;
}

function loadChanges(db: Database.Database, entryId: string, order: 'ASC' | 'DESC'): BoardChange[] {
  const rows = db.prepare(`SELECT entity, entity_id, field, before, after FROM board_undo_change WHERE entry_id = ? ORDER BY ord ${order}`).all(entryId) as ChangeRow[];
  return rows.map((r) => {
    if (!(BOARD_ENTITIES as readonly string[]).includes(r.entity)) throw new Error(`Unknown board entity in the undo log: ${r.entity}`);
    const decode = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
    return r.field === null
      ? { entity: r.entity, id: r.entity_id, field: null, before: decode(r.before) as Row | null, after: decode(r.after) as Row | null }
      : { entity: r.entity, id: r.entity_id, field: r.field, before: decode(r.before) as Value, after: decode(r.after) as Value };
  });
}

/** Thrown inside a step to roll it back whole. */
class Conflict extends Error {
  constructor(readonly why: UndoConflict) {
    super(why);
  }
}

function referenceExists(db: Database.Database, column: string, value: unknown): boolean {
  const table = REFERENCES[column];
  if (!table || value === null) return true;
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(value) !== undefined;
}

function columnsOf(db: Database.Database, entity: BoardEntity): Set<string> {
  return new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(entity) as string[]));
}

/** Changes one field or row from `expected` to `target`, refusing when it is not `expected` now. */
function applyField(db: Database.Database, entity: BoardEntity, id: string, field: string, expected: Value, target: Value): void {
  if (!OWNED_FIELDS[entity].includes(field)) throw new Error(`The board does not own ${entity}.${field}.`);
  const row = readRow(db, entity, id);
  if (!row) throw new Conflict('deleted_since');
  if (row[field] !== expected) throw new Conflict('changed_since');
  if (!referenceExists(db, field, target)) throw new Conflict('deleted_since');
  const touched = entity === 'finding' ? ', updated_at = @now' : '';
  db.prepare(`UPDATE ${entity} SET ${field} = @target${touched} WHERE id = @id`).run({ target, id, ...(touched ? { now: nowIso() } : {}) });
}

function applyRow(db: Database.Database, entity: BoardEntity, id: string, expected: Row | null, target: Row | null): void {
  const current = readRow(db, entity, id);
  if (target) {
    // Bring the row (back) only where it is not, and only with everything it points at.
    if (current) throw new Conflict('changed_since');
    const known = columnsOf(db, entity);
    const columns = Object.keys(target).filter((c) => known.has(c));
    if (!columns.every((c) => referenceExists(db, c, target[c]))) throw new Conflict('deleted_since');
    db.prepare(`INSERT INTO ${entity} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(
      Object.fromEntries(columns.map((c) => [c, target[c]])),
    );
    return;
  }
  // Delete it only as the action left it, and only when nothing else hangs on it.
  if (!current) throw new Conflict('deleted_since');
  if (OWNED_FIELDS[entity].some((f) => current[f] !== expected?.[f])) throw new Conflict('changed_since');
  if ((DEPENDANTS[entity] ?? []).some((sql) => db.prepare(sql).get({ id }) !== undefined)) throw new Conflict('changed_since');
  db.prepare(`DELETE FROM ${entity} WHERE id = ?`).run(id);
}

/** Applies an entry's changes backwards (undo) or forwards (redo), all or none. */
function applyEntry(db: Database.Database, entryId: string, direction: 'undo' | 'redo'): UndoConflict | null {
  const changes = loadChanges(db, entryId, direction === 'undo' ? 'DESC' : 'ASC');
  try {
    db.transaction(() => {
      for (const c of changes) {
        if (c.field === null) {
          if (direction === 'undo') applyRow(db, c.entity, c.id, c.after, c.before);
          else applyRow(db, c.entity, c.id, c.before, c.after);
        } else if (direction === 'undo') applyField(db, c.entity, c.id, c.field, c.after, c.before);
        else applyField(db, c.entity, c.id, c.field, c.before, c.after);
      }
    })();
    return null;
  } catch (error) {
    if (error instanceof Conflict) return error.why;
    throw error;
  }
}

/**
 * Undoes the newest action still done. A refused action is forgotten (nothing of it
 * was applied), so the next undo goes on to the action before it.
 */
export function undoAction(db: Database.Database, studyId: string, actor: string | null): UndoOutcome {
  const entry = db.prepare('SELECT id, label FROM board_undo_entry WHERE study_id = ? AND actor IS ? AND undone = 0 ORDER BY seq DESC LIMIT 1').get(studyId, actor) as
    | { id: string; label: string }
    | undefined;
  if (!entry) return { kind: 'nothing' };
  const why = applyEntry(db, entry.id, 'undo');
  if (why) {
    db.prepare('DELETE FROM board_undo_entry WHERE id = ?').run(entry.id);
    return { kind: 'refused', label: entry.label, why };
  }
  db.prepare('UPDATE board_undo_entry SET undone = 1 WHERE id = ?').run(entry.id);
  return { kind: 'done', label: entry.label };
}

/**
 * Redoes the oldest undone action. A refused redo ends what there was to redo: the
 * later undone actions were built on it.
 */
export function redoAction(db: Database.Database, studyId: string, actor: string | null): UndoOutcome {
  const entry = db.prepare('SELECT id, label FROM board_undo_entry WHERE study_id = ? AND actor IS ? AND undone = 1 ORDER BY seq ASC LIMIT 1').get(studyId, actor) as
    | { id: string; label: string }
    | undefined;
  if (!entry) return { kind: 'nothing' };
  const why = applyEntry(db, entry.id, 'redo');
  if (why) {
    db.prepare('DELETE FROM board_undo_entry WHERE study_id = ? AND actor IS ? AND undone = 1').run(studyId, actor);
    return { kind: 'refused', label: entry.label, why };
  }
  db.prepare('UPDATE board_undo_entry SET undone = 0 WHERE id = ?').run(entry.id);
  return { kind: 'done', label: entry.label };
}

/** What the actor's Undo and Redo would do next (their labels), never another's. */
export function undoState(db: Database.Database, studyId: string, actor: string | null): { undo: string | null; redo: string | null } {
  const undo = db.prepare('SELECT label FROM board_undo_entry WHERE study_id = ? AND actor IS ? AND undone = 0 ORDER BY seq DESC LIMIT 1').pluck().get(studyId, actor) as
    | string
    | undefined;
  const redo = db.prepare('SELECT label FROM board_undo_entry WHERE study_id = ? AND actor IS ? AND undone = 1 ORDER BY seq ASC LIMIT 1').pluck().get(studyId, actor) as
    | string
    | undefined;
  return { undo: undo ?? null, redo: redo ?? null };
}

/**
 * Forgets every change of these rows, and the entries left with none, in the caller's
 * transaction: a deleted finding can never be put back, so nothing of it stays.
 */
export function forgetInUndoLog(db: Database.Database, entity: BoardEntity, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const list = JSON.stringify(ids);
  const entries = db
    .prepare('SELECT DISTINCT entry_id FROM board_undo_change WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(entity, list) as string[];
  if (entries.length === 0) return;
  db.prepare('DELETE FROM board_undo_change WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))').run(entity, list);
  db.prepare(
    `DELETE FROM board_undo_entry WHERE id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM board_undo_change c WHERE c.entry_id = board_undo_entry.id)`,
  ).run(JSON.stringify(entries));
}
