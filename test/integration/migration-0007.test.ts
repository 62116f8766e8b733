// Migration 7 (where imported studies came from) from a version-6 library holding
// data: the data is untouched, the new table starts empty, and an origin row goes
// with its study when the study is purged.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { tempDir } from '../helpers/temp.js';

const STUDY = '01900000-0000-7000-8000-000000000001';
const SEED = `
  INSERT INTO study (id, name, created_at, updated_at) VALUES ('${STUDY}', '首次购车', 't', 't');
  INSERT INTO participant (id, study_id, code, source, created_at) VALUES ('01900000-0000-7000-8000-000000000002', '${STUDY}', 'P01', 'own', 't');
  INSERT INTO finding (id, study_id, participant_id, text, type, position, created_at, updated_at)
    VALUES ('01900000-0000-7000-8000-000000000003', '${STUDY}', '01900000-0000-7000-8000-000000000002', '等了三天才拿到报价', 'pain_point', 'a0', 't', 't');
`;

describe('migration 7', () => {
  it('adds study_archive_origin to a version-6 library without touching its data, and forgets an origin with its study', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    const v6 = await openDatabase(file, { migrations: migrations.slice(0, 6) });
    v6.db.exec(SEED);
    const before = v6.db.prepare('SELECT * FROM finding').all();
    v6.db.close();

    const v7 = await openDatabase(file, { migrations: migrations.slice(0, 7) });
    const { db } = v7;
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(v7.backupFile).not.toBeNull();
    expect(db.prepare('SELECT * FROM finding').all()).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM search_doc WHERE kind = 'finding'").pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM study_archive_origin').pluck().get()).toBe(0);

    db.prepare(
      "INSERT INTO study_archive_origin (study_id, archive_id, source_study_id, file_name, exported_at, imported_at) VALUES (?, 'a', 's', 'x.fieldwork', 't', 't')",
    ).run(STUDY);
    expect(db.prepare("SELECT study_id FROM study_archive_origin WHERE archive_id = 'a'").pluck().get()).toBe(STUDY);
    db.prepare('DELETE FROM study WHERE id = ?').run(STUDY);
    expect(db.prepare('SELECT count(*) FROM study_archive_origin').pluck().get()).toBe(0);
    db.close();
  });
});
