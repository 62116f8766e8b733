// Migration 8 (the board's undo log as field-level changes) from a version-7 library
// whose log holds whole rows: each entry keeps its place, its undo and its redo, but
// only the board's own fields; the words of findings leave the log, and entries about
// findings deleted since are dropped.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { redoAction, undoAction, undoState } from '../../electron/core/db/repos/board-log.js';
import { tempDir } from '../helpers/temp.js';

const S = '01900000-0000-7000-8000-000000000001';
const STAGE1 = '01900000-0000-7000-8000-0000000000a1';
const STAGE2 = '01900000-0000-7000-8000-0000000000a2';
const G = '01900000-0000-7000-8000-0000000000b1';
const F1 = '01900000-0000-7000-8000-0000000000c1';
const F2 = '01900000-0000-7000-8000-0000000000c2';
const F3 = '01900000-0000-7000-8000-0000000000c3'; // deleted before the update

const SEED = `
  INSERT INTO study (id, name, created_at, updated_at) VALUES ('${S}', '首次购车', 't', 't');
  INSERT INTO journey_stage (id, study_id, name, position, created_at) VALUES ('${STAGE1}', '${S}', 'Awareness', 'a0', 't'), ('${STAGE2}', '${S}', 'Decision', 'a1', 't');
  INSERT INTO participant (id, study_id, code, source, created_at, withdrawn_at) VALUES ('p1', '${S}', 'P01', 'own', 't', NULL), ('p2', '${S}', 'P02', 'own', 't', 't');
  INSERT INTO affinity_group (id, study_id, stage_id, name, position, created_at) VALUES ('${G}', '${S}', '${STAGE1}', 'Slow quotes', 'a0', 't');
  INSERT INTO finding (id, study_id, participant_id, text, type, stage_id, terms, group_id, position, created_at, updated_at) VALUES
    ('${F1}', '${S}', 'p1', '等了三天才拿到报价', 'pain_point', '${STAGE1}', 'T', '${G}', 'a1', 't', 't2'),
    ('${F2}', '${S}', 'p2', 'The salesperson pushed financing', 'pain_point', '${STAGE2}', 'E', NULL, 'a0', 't', 't2');
`;

type Row = Record<string, unknown>;
const rowOf = (db: Database.Database, table: string, id: string) => db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row;

/** Writes the log as version 4 did: every touched row whole, before and after. */
function oldLog(db: Database.Database): void {
  const group = rowOf(db, 'affinity_group', G);
  const f1 = rowOf(db, 'finding', F1);
  const f2 = rowOf(db, 'finding', F2);
  const entries: Array<[number, string, number, unknown[]]> = [
    // The group made from F1.
    [1, 'group', 0, [
      { table: 'affinity_group', id: G, before: null, after: group },
      { table: 'finding', id: F1, before: { ...f1, group_id: null, position: 'a0', updated_at: 't' }, after: f1 },
    ]],
    // F2 moved to the Decision stage.
    [2, 'move', 0, [{ table: 'finding', id: F2, before: { ...f2, stage_id: STAGE1, updated_at: 't' }, after: f2 }]],
    // A finding deleted since was moved.
    [3, 'move', 0, [{ table: 'finding', id: F3, before: { id: F3, text: 'Deleted words', stage_id: null, group_id: null, position: 'a0' }, after: { id: F3, text: 'Deleted words', stage_id: STAGE1, group_id: null, position: 'a0' } }]],
    // A rename that was undone: redo renames again.
    [4, 'rename', 1, [{ table: 'affinity_group', id: G, before: group, after: { ...group, name: 'Opaque pricing' } }]],
  ];
  const insert = db.prepare('INSERT INTO board_action (id, study_id, seq, label, changes, undone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const [seq, label, undone, changes] of entries) insert.run(`e${seq}`, S, seq, label, JSON.stringify(changes), undone, 't');
}

describe('migration 8', () => {
  it('turns a version-7 undo log of whole rows into field-level changes that still undo and redo, without the findings\' words', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    const v7 = await openDatabase(file, { migrations: migrations.slice(0, 7) });
    v7.db.exec(SEED);
    oldLog(v7.db);
    const findings = v7.db.prepare('SELECT * FROM finding ORDER BY id').all();
    v7.db.close();

    const v8 = await openDatabase(file, { migrations: migrations.slice(0, 8) });
    const { db } = v8;
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(v8.backupFile).not.toBeNull();
    expect(db.prepare('SELECT * FROM finding ORDER BY id').all()).toEqual(findings);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'board_action'").pluck().get()).toBe(0);

    expect(db.prepare('SELECT id, seq, label, actor, undone FROM board_undo_entry ORDER BY seq').all()).toEqual([
      { id: 'e1', seq: 1, label: 'group', actor: null, undone: 0 },
      { id: 'e2', seq: 2, label: 'move', actor: null, undone: 0 },
      { id: 'e4', seq: 4, label: 'rename', actor: null, undone: 1 },
    ]);
    const changes = db.prepare('SELECT entry_id, entity, entity_id, field, before, after FROM board_undo_change ORDER BY entry_id, ord').all() as Row[];
    expect(changes.map((c) => [c.entry_id, c.entity, c.field, c.before === null ? null : JSON.parse(String(c.before)), c.field === null ? 'row' : JSON.parse(String(c.after))])).toEqual([
      ['e1', 'affinity_group', null, null, 'row'],
      ['e1', 'finding', 'group_id', null, G],
      ['e1', 'finding', 'position', 'a0', 'a1'],
      ['e2', 'finding', 'stage_id', STAGE1, STAGE2],
      ['e4', 'affinity_group', 'name', 'Slow quotes', 'Opaque pricing'],
    ]);
    const log = JSON.stringify(changes);
    expect(log).not.toContain('等了三天才拿到报价');
    expect(log).not.toContain('The salesperson pushed financing');
    expect(log).not.toContain('Deleted words');

    // Redo, then undo back to the start, as the old log would have.
    expect(undoState(db, S, null)).toEqual({ undo: 'move', redo: 'rename' });
    expect(redoAction(db, S, null)).toEqual({ kind: 'done', label: 'rename' });
    expect(db.prepare('SELECT name FROM affinity_group WHERE id = ?').pluck().get(G)).toBe('Opaque pricing');
    expect(undoAction(db, S, null)).toEqual({ kind: 'done', label: 'rename' });
    expect(undoAction(db, S, null)).toEqual({ kind: 'done', label: 'move' });
    expect(db.prepare('SELECT stage_id, text FROM finding WHERE id = ?').get(F2)).toEqual({ stage_id: STAGE1, text: 'The salesperson pushed financing' });
    expect(undoAction(db, S, null)).toEqual({ kind: 'done', label: 'group' });
    expect(db.prepare('SELECT count(*) FROM affinity_group').pluck().get()).toBe(0);
    expect(db.prepare('SELECT group_id, position, text FROM finding WHERE id = ?').get(F1)).toEqual({ group_id: null, position: 'a0', text: '等了三天才拿到报价' });
    expect(undoState(db, S, null)).toEqual({ undo: null, redo: 'group' });

    // The log goes with its study.
    db.prepare('DELETE FROM study WHERE id = ?').run(S);
    expect(db.prepare('SELECT count(*) FROM board_undo_change').pluck().get()).toBe(0);
    db.close();
  });
});
