// The embedded sample study a new library starts with: a car dealership's new-car
// buyer journey, with content on every screen, created once through the services.
import { describe, expect, it } from 'vitest';
import { JOURNEY_LANES, PERSONA_LISTS } from '../../shared/domain.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

const HAN = /\p{Script=Han}/u;

describe('the sample study', () => {
  it('is created in a new library with participants, sessions, notes in English and Chinese, findings, board, persona and journey map', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const { db } = library.context;
    const listed = await library.dispatch('study.list', {});
    if (!listed.ok) throw new Error('list failed');
    const studies = listed.value as Array<{ id: string; isSample: boolean; name: string }>;
    expect(studies).toHaveLength(1);
    const study = studies[0]!;
    expect(study.isSample).toBe(true);
    expect(study.name).toMatch(/car/i);

    const count = (sql: string) => (db.prepare(sql).get(study.id) as { n: number }).n;
    expect(count('SELECT count(*) n FROM journey_stage WHERE study_id = ?')).toBe(6);
    expect(count("SELECT count(*) n FROM participant WHERE study_id = ? AND source = 'own'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) n FROM participant WHERE study_id = ? AND source = 'competitor'")).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM participant WHERE study_id = ?')).toBe(8);
    expect(count("SELECT count(*) n FROM participant WHERE study_id = ? AND status = 'interviewed'")).toBe(6);
    // The guide has two published versions; the sessions used v1.
    expect(count('SELECT count(*) n FROM guide_version v JOIN guide g ON g.id = v.guide_id WHERE g.study_id = ? AND v.frozen_at IS NOT NULL')).toBe(2);
    expect(count("SELECT count(DISTINCT guide_version_id) n FROM session WHERE study_id = ? AND status = 'completed'")).toBe(1);
    expect(count("SELECT count(*) n FROM session WHERE study_id = ? AND status = 'completed'")).toBe(6);
    expect(count("SELECT count(*) n FROM session WHERE study_id = ? AND status = 'planned'")).toBe(1); // one to try live capture on
    expect(count('SELECT count(*) n FROM guide_question q JOIN guide_section s ON s.id = q.section_id JOIN guide_version v ON v.id = s.guide_version_id JOIN guide g ON g.id = v.guide_id WHERE g.study_id = ?')).toBeGreaterThan(8);
    expect(count('SELECT count(*) n FROM tag WHERE study_id = ?')).toBeGreaterThan(5);

    const notes = db
      .prepare('SELECT n.plain_text FROM note n JOIN session s ON s.id = n.session_id WHERE s.study_id = ?')
      .all(study.id) as Array<{ plain_text: string }>;
    expect(notes.some((n) => HAN.test(n.plain_text))).toBe(true);
    expect(notes.some((n) => /\b(the|and)\b/i.test(n.plain_text))).toBe(true);

    expect(count("SELECT count(*) n FROM finding WHERE study_id = ? AND type = 'pain_point' AND terms <> ''")).toBeGreaterThan(5);
    expect(count('SELECT count(*) n FROM finding WHERE study_id = ? AND stage_id IS NOT NULL')).toBeGreaterThan(20);
    expect(count('SELECT count(*) n FROM finding WHERE study_id = ? AND group_id IS NOT NULL')).toBeGreaterThan(20);
    expect(count('SELECT count(*) n FROM affinity_group WHERE study_id = ? AND theme_id IS NOT NULL')).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM causal_link WHERE study_id = ?')).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM persona WHERE study_id = ?')).toBe(1);
    expect(count('SELECT count(*) n FROM persona_item_evidence e JOIN persona_item i ON i.id = e.item_id JOIN persona p ON p.id = i.persona_id WHERE p.study_id = ?')).toBeGreaterThan(5);
    expect(count('SELECT count(*) n FROM journey_emotion e JOIN journey_map m ON m.id = e.map_id WHERE m.study_id = ?')).toBe(6);
    expect(count('SELECT count(*) n FROM journey_item i JOIN journey_map m ON m.id = i.map_id WHERE m.study_id = ?')).toBeGreaterThan(20);
  });

  it('has a finished persona (every field and list filled, every statement cited, the checklist passed) and journey map (every lane of every stage)', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const [study] = await call(library, 'study.list', {});
    const [summary] = await call(library, 'persona.list', { studyId: study!.id });
    const persona = await call(library, 'persona.get', { id: summary!.id });
    for (const field of ['name', 'avatar', 'age', 'occupation', 'income', 'description'] as const) expect(persona[field]).not.toBe('');
    expect(persona.participants.length).toBeGreaterThan(1);
    for (const list of PERSONA_LISTS) {
      expect(persona.lists[list].length).toBeGreaterThan(0);
      for (const item of persona.lists[list]) expect(item.evidence.length).toBeGreaterThan(0);
    }
    expect(persona.checklist.filter((c) => !c.pass)).toEqual([]);

    const map = await call(library, 'journey.get', { studyId: study!.id });
    expect(map.personaId).toBe(persona.id);
    expect(map.emotions).toHaveLength(map.stages.length);
    for (const stage of map.stages) {
      for (const lane of JOURNEY_LANES) {
        const items = map.items.filter((i) => i.stageId === stage.id && i.lane === lane);
        expect(items.length, `${stage.name} / ${lane}`).toBeGreaterThan(0);
        for (const item of items) expect(item.evidence.length, item.text).toBeGreaterThan(0);
        if (lane === 'pain_points') for (const item of items) expect(item.terms.length).toBeGreaterThan(0);
      }
    }
  });

  it('links every finding to a paragraph that exists in its note', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const rows = library.context.db
      .prepare('SELECT f.paragraph_key, n.content FROM finding f JOIN note n ON n.id = f.note_id')
      .all() as Array<{ paragraph_key: string; content: string }>;
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      const content = JSON.parse(row.content) as { root: { children: Array<{ $: { pid: string } }> } };
      expect(content.root.children.map((p) => p.$.pid)).toContain(row.paragraph_key);
    }
  });

  it('is created only once: a deleted sample study stays deleted when the library reopens', async () => {
    const dataDir = tempDir();
    const first = await openTestLibrary({ dataDir, seedSample: true });
    const listed = await first.dispatch('study.list', {});
    const id = (listed.ok && (listed.value as Array<{ id: string }>)[0]!.id) || '';
    await first.dispatch('study.delete', { id });
    await first.dispatch('study.purge', { id });
    first.close();

    const again = await openTestLibrary({ dataDir, seedSample: true });
    const after = await again.dispatch('study.list', {});
    expect(after).toEqual({ ok: true, value: [] });
  });
});
