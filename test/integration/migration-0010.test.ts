// Migration 10 (the change feed's log and the answers kept for retried writes) from a
// version-9 library: its rows are as they were, the feed starts at revision 0, and the
// first write through the opened library gets revision 1.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { latestRevision } from '../../electron/core/db/repos/change-log.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

describe('migration 10', () => {
  it('adds an empty change log to a version-9 library, keeps its rows, and numbers the first write 1', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'fieldwork.sqlite');
    const v9 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 9) });
    v9.db.exec(`
      INSERT INTO study (id, name, created_at, updated_at) VALUES ('0190b5a2-7c1e-7000-8000-000000000001', '购车研究', 't', 't');
      INSERT INTO participant (id, study_id, code, source, created_at) VALUES ('0190b5a2-7c1e-7000-8000-000000000002', '0190b5a2-7c1e-7000-8000-000000000001', 'P01', 'own', 't');
    `);
    const before = v9.db.prepare('SELECT * FROM participant').all();
    v9.db.close();

    const v10 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 10) });
    expect(v10.db.pragma('user_version', { simple: true })).toBe(10);
    expect(v10.backupFile).not.toBeNull();
    expect(v10.db.prepare('SELECT * FROM participant').all()).toEqual(before);
    expect(v10.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
    expect(v10.db.prepare('SELECT count(*) FROM mutation_result').pluck().get()).toBe(0);
    expect(latestRevision(v10.db)).toBe(0);
    v10.db.close();

    const library = await openTestLibrary({ dataDir });
    expect(library.context.changes.revision()).toBe(0);
    await call(library, 'study.rename', { id: '0190b5a2-7c1e-7000-8000-000000000001', name: '购车研究 2026' });
    expect(library.context.changes.revision()).toBe(1);
    expect(await call(library, 'change.since', { revision: 0 })).toMatchObject({ revision: 1, changes: [{ revision: 1, operation: 'study.rename' }] });
  });
});
