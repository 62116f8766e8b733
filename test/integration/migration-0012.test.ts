// Migration 12 (a revision on every editable record, and when each text field last
// changed) from a version-11 library: its rows are as they were, each now at revision 1;
// from then on every change of a record bumps it, a change of its list (a finding's
// tags) too, and an edit based on a revision is refused only when its own field changed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

const STUDY = '0190b5a2-7c1e-7000-8000-000000000001';
const PARTICIPANT = '0190b5a2-7c1e-7000-8000-000000000002';
const TAG = '0190b5a2-7c1e-7000-8000-000000000003';
const FINDING = '0190b5a2-7c1e-7000-8000-000000000004';
const STAGE = '0190b5a2-7c1e-7000-8000-000000000005';

describe('migration 12', () => {
  it('gives a version-11 library revisions starting at 1, keeps its rows, and counts each change from there', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'fieldwork.sqlite');
    const v11 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 11) });
    v11.db.exec(`
      INSERT INTO study (id, name, created_at, updated_at) VALUES ('${STUDY}', '购车研究', 't', 't');
      INSERT INTO journey_stage (id, study_id, name, position, created_at) VALUES ('${STAGE}', '${STUDY}', '认知', 'a0', 't');
      INSERT INTO participant (id, study_id, code, source, created_at) VALUES ('${PARTICIPANT}', '${STUDY}', 'P01', 'own', 't');
      INSERT INTO tag (id, study_id, name, created_at) VALUES ('${TAG}', '${STUDY}', '价格', 't');
      INSERT INTO finding (id, study_id, participant_id, text, type, position, created_at, updated_at)
        VALUES ('${FINDING}', '${STUDY}', '${PARTICIPANT}', '报价要等三天', 'pain_point', 'a0', 't', 't');
    `);
    const before = { participant: v11.db.prepare('SELECT * FROM participant').all(), finding: v11.db.prepare('SELECT * FROM finding').all() };
    v11.db.close();

    const v12 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 12) });
    expect(v12.db.pragma('user_version', { simple: true })).toBe(12);
    expect(v12.backupFile).not.toBeNull();
    expect(v12.db.prepare('SELECT * FROM participant').all()).toEqual(before.participant.map((row) => ({ ...(row as object), revision: 1 })));
    expect(v12.db.prepare('SELECT * FROM finding').all()).toEqual(before.finding.map((row) => ({ ...(row as object), revision: 1 })));
    expect(v12.db.prepare('SELECT count(*) FROM field_revision').pluck().get()).toBe(0);
    v12.db.close();

    const library = await openTestLibrary({ dataDir });
    const finding = () => call(library, 'board.get', { studyId: STUDY }).then((b) => b.cards.find((c) => c.id === FINDING)!);
    expect((await finding()).revision).toBe(1);
    // A move, a tag and a rewording each change the finding.
    await call(library, 'board.moveCards', { studyId: STUDY, findingIds: [FINDING], stageId: STAGE, groupId: null, beforeId: null });
    expect((await finding()).revision).toBe(2);
    await call(library, 'finding.update', { id: FINDING, fields: { addTags: [TAG] } });
    const tagged = await finding();
    expect(tagged.revision).toBeGreaterThan(2);
    const reworded = await call(library, 'finding.update', { id: FINDING, fields: { text: '等了三天才拿到报价' }, basedOn: { revision: tagged.revision } });
    expect(reworded.revision).toBeGreaterThan(tagged.revision);

    // Based on revision 1: the wording changed since, so a rewording is refused with the words now ...
    expect(await library.dispatch('finding.update', { id: FINDING, fields: { text: 'Three days for a quote' }, basedOn: { revision: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'changes.edit_conflict', current: '等了三天才拿到报价' },
    });
    // ... while the tag's name, untouched since revision 1 though the tag's record was, is renamed.
    const tag = (await call(library, 'tag.list', { studyId: STUDY }))[0]!;
    expect(tag.revision).toBe(1);
    await call(library, 'tag.update', { id: TAG, fields: { definition: 'Anything about price' }, basedOn: { revision: 1 } });
    expect((await call(library, 'tag.update', { id: TAG, fields: { name: 'Price' }, basedOn: { revision: 1 } })).name).toBe('Price');
  });
});
