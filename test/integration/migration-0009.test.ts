// Migration 9 (the search index with Simplified and Traditional Chinese folded to one
// script) from a version-7 library holding data indexed the way it was before folding:
// afterwards 客户 finds 客戶 and 價格 finds 价格, the rows and their text are unchanged,
// and the triggers keep folding what is written next.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import type * as ChineseFold from '../../shared/search/chinese-fold.js';
import { matchExpression, queryParts } from '../../shared/search/fts-text.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { tempDir } from '../helpers/temp.js';

// The library is written with folding switched off, as every version before 9 wrote it.
const folding = vi.hoisted(() => ({ on: true }));
vi.mock('../../shared/search/chinese-fold.js', async (importOriginal) => {
  const actual = await importOriginal<typeof ChineseFold>();
  return { ...actual, foldChineseChar: (c: string) => (folding.on ? actual.foldChineseChar(c) : c) };
});

const NOTE = JSON.stringify(
  noteFromParagraphs([
    { pid: 'k1', atMs: 0, text: '這位客戶覺得價格不透明' },
    { pid: 'k2', atMs: 1000, text: 'Hidden fees at signing' },
  ]),
);

const SEED = `
  INSERT INTO study (id, name, created_at, updated_at) VALUES ('s', '購車', 't', 't');
  INSERT INTO participant (id, study_id, code, source, created_at) VALUES ('p', 's', 'P01', 'own', 't');
  INSERT INTO session (id, study_id, participant_id, status, created_at) VALUES ('x', 's', 'p', 'completed', 't');
  INSERT INTO note (id, session_id, question_id, content, plain_text, updated_at) VALUES ('n', 'x', NULL, '${NOTE}', '', 't');
  INSERT INTO finding (id, study_id, session_id, participant_id, text, type, position, created_at, updated_at)
    VALUES ('f', 's', 'x', 'p', '客户说价格太高', 'pain_point', 'a0', 't', 't');
  INSERT INTO affinity_group (id, study_id, name, position, created_at) VALUES ('g', 's', '報價慢', 'a0', 't');
`;

function matches(db: Database.Database, query: string): string[] {
  const rows = db
    .prepare('SELECT d.kind, d.source_id FROM search_text JOIN search_doc d ON d.id = search_text.rowid >> 4 WHERE search_text MATCH ? ORDER BY d.kind, d.source_id')
    .all(matchExpression(queryParts(query))) as Array<{ kind: string; source_id: string }>;
  return rows.map((r) => `${r.kind}:${r.source_id}`);
}

describe('migration 9', () => {
  it('rebuilds a version-7 library\'s search index so Simplified and Traditional Chinese find each other, and keeps folding new text', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    folding.on = false;
    const v7 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 7) });
    v7.db.exec(SEED);
    expect(matches(v7.db, '客戶')).toEqual(['note:n']); // written before folding: one script finds only itself
    const docsBefore = v7.db.prepare('SELECT * FROM search_doc ORDER BY id').all();
    const findingsBefore = v7.db.prepare('SELECT * FROM finding').all();
    v7.db.close();

    folding.on = true;
    const v9 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 9) });
    const { db } = v9;
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(v9.backupFile).not.toBeNull();
    expect(db.prepare('SELECT * FROM search_doc ORDER BY id').all()).toEqual(docsBefore);
    expect(db.prepare('SELECT * FROM finding').all()).toEqual(findingsBefore);

    expect(matches(db, '客户')).toEqual(['finding:f', 'note:n']);
    expect(matches(db, '客戶')).toEqual(['finding:f', 'note:n']);
    expect(matches(db, '價格')).toEqual(['finding:f', 'note:n']);
    expect(matches(db, '价')).toEqual(['finding:f', 'group:g', 'note:n']);
    expect(matches(db, '报价')).toEqual(['group:g']);
    expect(matches(db, 'hidden')).toEqual(['note:n']);

    db.prepare("UPDATE finding SET text = '等待報價' WHERE id = 'f'").run();
    expect(matches(db, '报价')).toEqual(['finding:f', 'group:g']);
    expect(matches(db, '客户')).toEqual(['note:n']);
    db.close();
  });
});
