// Migration 5 (indexes for personas and journey maps), from a version-4 library
// holding a persona and a journey map.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { tempDir } from '../helpers/temp.js';

const SEED = `
  INSERT INTO study (id, name, created_at, updated_at) VALUES ('s', 'Old', 't', 't');
  INSERT INTO journey_stage (id, study_id, name, position, created_at) VALUES ('st', 's', 'Decision', 'a0', 't');
  INSERT INTO participant (id, study_id, code, source, created_at) VALUES ('p', 's', 'P01', 'own', 't');
  INSERT INTO finding (id, study_id, participant_id, text, type, position, created_at, updated_at) VALUES ('f', 's', 'p', '隐藏费用', 'pain_point', 'a0', 't', 't');
  INSERT INTO persona (id, study_id, name, position, created_at, updated_at) VALUES ('y', 's', '谨慎的家庭换车者', 'a0', 't', 't');
  INSERT INTO persona_participant (persona_id, participant_id) VALUES ('y', 'p');
  INSERT INTO persona_item (id, persona_id, list, text, position) VALUES ('i', 'y', 'challenges', '费用', 'a0');
  INSERT INTO persona_item_evidence (item_id, finding_id) VALUES ('i', 'f');
  INSERT INTO journey_map (id, study_id, title, created_at, updated_at) VALUES ('m', 's', 'Map', 't', 't');
  INSERT INTO journey_item (id, map_id, stage_id, lane, text, terms, position) VALUES ('j', 'm', 'st', 'pain_points', '费用', 'M', 'a0');
  INSERT INTO journey_item_evidence (item_id, finding_id) VALUES ('j', 'f');
`;

describe('migration 5', () => {
  it('indexes personas and evidence of a version-4 library, keeping its personas and map', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    const v4 = await openDatabase(file, { migrations: migrations.slice(0, 4) });
    v4.db.exec(SEED);
    v4.db.close();
    const v5 = await openDatabase(file, { migrations: migrations.slice(0, 5) });
    expect(v5.db.pragma('user_version', { simple: true })).toBe(5);
    expect(v5.db.prepare('SELECT name FROM persona').get()).toEqual({ name: '谨慎的家庭换车者' });
    const indexes = (v5.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]).sort();
    expect(indexes).toEqual(expect.arrayContaining(['persona_study', 'persona_participant_participant', 'persona_item_evidence_finding', 'journey_map_study', 'journey_item_evidence_finding']));
    const plan = v5.db.prepare('EXPLAIN QUERY PLAN DELETE FROM persona_item_evidence WHERE finding_id = ?').all('f') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('persona_item_evidence_finding');
    // Deleting the finding removes its citations (the cascade the indexes serve).
    v5.db.prepare("DELETE FROM finding WHERE id = 'f'").run();
    expect(v5.db.prepare('SELECT count(*) n FROM journey_item_evidence').get()).toEqual({ n: 0 });
    v5.db.close();
  });
});
