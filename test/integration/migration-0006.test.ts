// Migration 6 (the search index) from a version-5 library holding data: the index is
// built from the rows already there, personal data stays out of it, and the triggers
// it installs keep it current afterwards.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { matchExpression, queryParts } from '../../shared/search/fts-text.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { tempDir } from '../helpers/temp.js';
import type Database from 'better-sqlite3';

const NOTE = JSON.stringify(
  noteFromParagraphs([
    { pid: 'k1', atMs: 0, text: '等了三天才拿到报价' },
    { pid: 'k2', atMs: 1000, text: 'Hidden fees at signing' },
  ]),
);

const SEED = `
  INSERT INTO study (id, name, created_at, updated_at) VALUES ('s', 'Old', 't', 't');
  INSERT INTO participant (id, study_id, code, real_name, contact, source, attributes, created_at)
    VALUES ('p', 's', 'P01', '王丽华', 'wang@example.com', 'own', '{"geographic":{"city":"杭州"}}', 't');
  INSERT INTO session (id, study_id, participant_id, status, created_at) VALUES ('x', 's', 'p', 'completed', 't');
  INSERT INTO note (id, session_id, question_id, content, plain_text, updated_at) VALUES ('n', 'x', NULL, '${NOTE}', '', 't');
  INSERT INTO session (id, study_id, participant_id, status, created_at) VALUES ('x2', 's', 'p', 'completed', 't');
  INSERT INTO note (id, session_id, question_id, content, plain_text, updated_at) VALUES ('broken', 'x2', NULL, 'not json', '', 't');
  INSERT INTO finding (id, study_id, session_id, participant_id, text, type, position, created_at, updated_at)
    VALUES ('f', 's', 'x', 'p', '销售一直推销金融贷款', 'pain_point', 'a0', 't', 't');
  INSERT INTO affinity_group (id, study_id, name, position, created_at) VALUES ('g', 's', '报价慢', 'a0', 't');
  INSERT INTO theme (id, study_id, name, position, created_at) VALUES ('t', 's', 'Opaque pricing', 'a0', 't');
  INSERT INTO persona (id, study_id, name, description, position, created_at, updated_at) VALUES ('y', 's', '精打细算的李姐', '', 'a0', 't', 't');
  INSERT INTO persona_item (id, persona_id, list, text, position) VALUES ('i', 'y', 'goals', '一口价', 'a0');
  INSERT INTO guide (id, study_id, title, created_at) VALUES ('gd', 's', 'Guide', 't');
  INSERT INTO guide_version (id, guide_id, number, created_at) VALUES ('v', 'gd', 1, 't');
  INSERT INTO guide_section (id, guide_version_id, title, position) VALUES ('sec', 'v', 'Opening', 'a0');
  INSERT INTO guide_question (id, section_id, text, keywords, probes, position)
    VALUES ('q', 'sec', 'When did you last buy a car?', '["购车时间"]', '["What did you do next?"]', 'a0');
  INSERT INTO tag (id, study_id, name, definition, created_at) VALUES ('tg', 's', 'Waiting', '等待时间', 't');
`;

function matches(db: Database.Database, query: string): string[] {
  const rows = db
    .prepare('SELECT d.kind, d.source_id FROM search_text JOIN search_doc d ON d.id = search_text.rowid >> 4 WHERE search_text MATCH ? ORDER BY d.kind, d.source_id')
    .all(matchExpression(queryParts(query))) as Array<{ kind: string; source_id: string }>;
  return rows.map((r) => `${r.kind}:${r.source_id}`);
}

describe('migration 6', () => {
  it('builds the search index from a version-5 library (a malformed note indexes as empty) and keeps it current afterwards', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    const v5 = await openDatabase(file, { migrations: migrations.slice(0, 5) });
    v5.db.exec(SEED);
    v5.db.close();

    const v6 = await openDatabase(file, { migrations: migrations.slice(0, 6) });
    const { db } = v6;
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(v6.backupFile).not.toBeNull();
    expect(db.prepare('SELECT kind, count(*) AS n FROM search_doc GROUP BY kind ORDER BY kind').all()).toEqual([
      { kind: 'finding', n: 1 },
      { kind: 'group', n: 1 },
      { kind: 'note', n: 2 },
      { kind: 'participant', n: 1 },
      { kind: 'persona', n: 1 },
      { kind: 'persona_item', n: 1 },
      { kind: 'question', n: 1 },
      { kind: 'tag', n: 1 },
      { kind: 'theme', n: 1 },
    ]);
    expect(db.prepare("SELECT part, body FROM search_doc WHERE kind = 'note' ORDER BY seq").all()).toEqual([
      { part: 'k1', body: '等了三天才拿到报价' },
      { part: 'k2', body: 'Hidden fees at signing' },
    ]);
    expect(matches(db, '报价')).toEqual(['group:g', 'note:n']);
    expect(matches(db, '价')).toEqual(['group:g', 'note:n', 'persona_item:i']);
    expect(matches(db, 'hidden')).toEqual(['note:n']);
    expect(matches(db, '推销')).toEqual(['finding:f']);
    expect(matches(db, 'pricing')).toEqual(['theme:t']);
    expect(matches(db, '李姐')).toEqual(['persona:y']);
    expect(matches(db, '购车时间')).toEqual(['question:q']);
    expect(matches(db, 'next')).toEqual(['question:q']);
    expect(matches(db, '等待')).toEqual(['tag:tg']);
    expect(matches(db, '杭州')).toEqual(['participant:p']);
    expect(matches(db, 'P01')).toEqual(['participant:p']);
    expect(matches(db, '王丽华')).toEqual([]);
    expect(matches(db, 'wang')).toEqual([]);

    db.prepare("UPDATE finding SET text = 'Loan pushed twice' WHERE id = 'f'").run();
    db.prepare("UPDATE note SET content = 'not json' WHERE id = 'n'").run(); // never blocks a write
    expect(matches(db, '推销')).toEqual([]);
    expect(matches(db, 'loan')).toEqual(['finding:f']);
    expect(matches(db, 'hidden')).toEqual([]);
    db.close();
  });
});
