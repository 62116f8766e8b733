// Migrations 3 (live capture) and 4 (board undo log), each from the previous
// version holding data.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { tempDir } from '../helpers/temp.js';

const SEED = `
  INSERT INTO study (id, name, created_at, updated_at) VALUES ('s', 'Old', 't', 't');
  INSERT INTO participant (id, study_id, code, source, created_at) VALUES ('p', 's', 'P01', 'own', 't');
  INSERT INTO session (id, study_id, participant_id, status, elapsed_ms, created_at) VALUES ('x', 's', 'p', 'paused', 90000, 't');
  INSERT INTO note (id, session_id, question_id, content, plain_text, updated_at) VALUES ('n', 'x', NULL, '{"root":{}}', 'typed', 't');
  INSERT INTO affinity_group (id, study_id, name, position, created_at) VALUES ('g', 's', 'Group', 'a0', 't');
`;

describe('migrations 3 and 4', () => {
  it('adds the session timer and question progress to a version-2 library, keeping its sessions and notes', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    const v2 = await openDatabase(file, { migrations: migrations.slice(0, 2) });
    v2.db.exec(SEED);
    v2.db.close();
    const v3 = await openDatabase(file, { migrations: migrations.slice(0, 3) });
    expect(v3.db.pragma('user_version', { simple: true })).toBe(3);
    expect(v3.db.prepare('SELECT status, elapsed_ms, running_since, question_entered_ms FROM session').get()).toEqual({
      status: 'paused',
      elapsed_ms: 90000,
      running_since: null,
      question_entered_ms: 0,
    });
    expect(v3.db.prepare('SELECT plain_text FROM note').get()).toEqual({ plain_text: 'typed' });
    expect(v3.db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'session_question'").get()).toEqual({ n: 1 });
    v3.db.close();
  });

  it('adds the board undo log to a version-3 library, keeping its board', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    const v3 = await openDatabase(file, { migrations: migrations.slice(0, 3) });
    v3.db.exec(SEED);
    v3.db.close();
    const v4 = await openDatabase(file, { migrations: migrations.slice(0, 4) });
    expect(v4.db.pragma('user_version', { simple: true })).toBe(4);
    expect(v4.db.prepare('SELECT name FROM affinity_group').get()).toEqual({ name: 'Group' });
    v4.db.prepare("INSERT INTO board_action (id, study_id, seq, label, changes, created_at) VALUES ('a', 's', 1, 'move', '[]', 't')").run();
    expect(() => v4.db.prepare("INSERT INTO board_action (id, study_id, seq, label, changes, created_at) VALUES ('b', 's', 1, 'move', '[]', 't')").run()).toThrow(/UNIQUE/);
    v4.db.close();
  });
});
