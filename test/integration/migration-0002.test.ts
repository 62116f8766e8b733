// Migration 2 (study design) from a version-1 library holding data: studies get a
// language, tags a trash, and withdrawn participants drop out of the active views.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { tempDir } from '../helpers/temp.js';

describe('migration 2', () => {
  it('upgrades a version-1 library with data, keeping every row', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    const v1 = await openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.db.exec(`
      INSERT INTO study (id, name, created_at, updated_at) VALUES ('s', 'Old study', 't', 't');
      INSERT INTO tag (id, study_id, name, created_at) VALUES ('t', 's', 'Price', 't');
      INSERT INTO participant (id, study_id, code, source, created_at, withdrawn_at) VALUES ('p1', 's', 'P01', 'own', 't', NULL);
      INSERT INTO participant (id, study_id, code, source, created_at, withdrawn_at) VALUES ('p2', 's', 'P02', 'own', 't', 't');
      INSERT INTO finding (id, study_id, participant_id, text, type, position, created_at, updated_at)
        VALUES ('f1', 's', 'p1', 'kept', 'quote', 'a0', 't', 't'), ('f2', 's', 'p2', 'withdrawn', 'quote', 'a1', 't', 't'),
               ('f3', 's', NULL, 'no participant', 'quote', 'a2', 't', 't');
    `);
    v1.db.close();

    const v2 = await openDatabase(file, { migrations: migrations.slice(0, 2) });
    const { db } = v2;
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(v2.backupFile).not.toBeNull();
    expect(db.prepare('SELECT name, language FROM study').get()).toEqual({ name: 'Old study', language: 'en' });
    expect(db.prepare('SELECT name, deleted_at FROM tag').get()).toEqual({ name: 'Price', deleted_at: null });
    expect((db.prepare('SELECT id FROM active_finding ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(['f1', 'f3']);
    expect((db.prepare('SELECT code FROM active_participant').all() as Array<{ code: string }>).map((r) => r.code)).toEqual(['P01']);
    expect((db.prepare('SELECT count(*) n FROM finding').get() as { n: number }).n).toBe(3);
    expect(() => db.prepare("UPDATE study SET language = 'fr'").run()).toThrow(/CHECK/);
    db.close();
  });
});
