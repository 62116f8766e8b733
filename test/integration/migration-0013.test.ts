// Migration 13 (live team sessions) from a version-12 library: everything that was
// there stays as it was, the team session tables start empty, and a team session can
// then be opened on the migrated study's board.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { startTestServer } from '../helpers/server.js';
import { join } from '../helpers/teammate.js';
import { tempDir } from '../helpers/temp.js';

const STUDY = '0190b5a2-7c1e-7000-8000-000000000011';
const STAGE = '0190b5a2-7c1e-7000-8000-000000000012';
const GROUP = '0190b5a2-7c1e-7000-8000-000000000013';

describe('migration 13', () => {
  it('adds empty team session tables to a version-12 library, keeps its board, and opens it to a team', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'fieldwork.sqlite');
    const v12 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 12) });
    v12.db.exec(`
      INSERT INTO study (id, name, created_at, updated_at) VALUES ('${STUDY}', '售后体验', 't', 't');
      INSERT INTO journey_stage (id, study_id, name, position, created_at) VALUES ('${STAGE}', '${STUDY}', '交车', 'a0', 't');
      INSERT INTO affinity_group (id, study_id, stage_id, name, color, position, created_at) VALUES ('${GROUP}', '${STUDY}', '${STAGE}', '交车等太久', '#2f5d62', 'a0', 't');
    `);
    const before = v12.db.prepare('SELECT * FROM affinity_group').all();
    v12.db.close();

    const v13 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 13) });
    expect(v13.db.pragma('user_version', { simple: true })).toBe(13);
    expect(v13.backupFile).not.toBeNull();
    expect(v13.db.prepare('SELECT * FROM affinity_group').all()).toEqual(before);
    for (const table of ['team_session', 'team_invite', 'team_member']) {
      expect((v13.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
    v13.db.close();

    const library = await openTestLibrary({ dataDir });
    await startTestServer({ library });
    const status = await call(library, 'team.start', { studyId: STUDY, ip: '127.0.0.1', trustedNetwork: true });
    const viewer = await join(status, 'viewer', '观察员');
    const board = await viewer.call('board.get', { studyId: STUDY });
    expect((board.body.value as { groups: Array<{ name: string }> }).groups.map((g) => g.name)).toEqual(['交车等太久']);
  });
});
