// The embedded sample study a new library starts with: a car dealership's new-car
// buyer journey, with content on every screen (the study design included: stage
// details, consent, segments, codebook, a revised guide, personal data and a
// withdrawal), created once through the contract's operations, as user data is.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSampleStudy, seedSampleStudy } from '../../electron/core/services/sample/seed.js';
import { SEGMENT_DIMENSIONS, JOURNEY_LANES, PERSONA_LISTS } from '../../shared/domain.js';
import { tableCounts } from '../fixtures/archives.js';
import { call } from '../helpers/call.js';
import { openTestLibrary, REPO_ROOT, RESOURCES_DIR } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

const SAMPLE_FILE = path.join(RESOURCES_DIR, 'sample-study', 'study.json');
const SEED_DIR = path.join(REPO_ROOT, 'electron', 'core', 'services', 'sample');

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
  it('shows the study design filled in: stage details, consent, segments in several groups, a tag hierarchy with definitions, and guide v2 with its change note', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const [study] = await call(library, 'study.list', {});
    const studyId = study!.id;

    const { stages } = await call(library, 'study.overview', { id: studyId });
    expect(stages.map((s) => s.defaultKey)).toEqual(['awareness', 'consideration', 'decision', 'purchase', 'experience', 'loyalty']);
    for (const stage of stages) {
      expect(stage.description, stage.name).not.toBe('');
      expect(stage.informationNeeds, stage.name).not.toBe('');
      expect(stage.touchpoints.length, stage.name).toBeGreaterThan(2);
      expect(stage.influencers.length, stage.name).toBeGreaterThan(1);
    }

    const participants = await call(library, 'participant.list', { studyId });
    for (const p of participants) {
      expect(p.consentDate, p.code).toMatch(/^2026-10-\d\d$/);
      expect(p.consentScope, p.code).not.toBe('');
      // Every segment group is filled, so the coverage view and persona segments have something to work with.
      for (const dimension of SEGMENT_DIMENSIONS) expect(Object.keys(p.attributes[dimension] ?? {}).length, `${p.code} ${dimension}`).toBeGreaterThan(0);
    }
    const coverage = await call(library, 'study.coverage', { studyId, dimension: 'geographic', attribute: 'city' });
    expect(coverage.values.length).toBeGreaterThan(3);
    expect(coverage).toMatchObject({ planned: 12, interviewed: 6, withdrawn: 1 });

    const tags = await call(library, 'tag.list', { studyId });
    const parents = tags.filter((t) => t.parentId === null);
    expect(parents.length).toBeGreaterThan(2);
    for (const parent of parents) expect(tags.filter((t) => t.parentId === parent.id).length, parent.name).toBeGreaterThan(1);
    for (const tag of tags) {
      expect(tag.definition, tag.name).not.toBe('');
      expect(tag.usageRule, tag.name).not.toBe('');
    }

    const guide = (await call(library, 'guide.get', { studyId }))!;
    expect(guide.versions.map((v) => [v.number, v.publishedAt !== null, v.sessionCount])).toEqual([
      [1, true, 6],
      [2, true, 1],
    ]);
    const [v1, v2] = guide.versions;
    expect(v1!.changeNote).toMatch(/first six interviews/);
    expect(v2!.changeNote).toMatch(/price screenshots/);
    const price = (doc: typeof guide) => doc.sections.flatMap((s) => s.questions).find((q) => q.text === 'How did you and the dealer arrive at the final price?')!;
    const first = (await call(library, 'guide.get', { studyId, versionId: v1!.id }))!;
    expect(price(guide).probes).toEqual([...price(first).probes, 'Where did you check whether the price was fair?']);
    expect(price(guide).keywords).toEqual([...price(first).keywords, 'price screenshots']);
  });

  it('marks personal data on sample contacts, and shows a withdrawn participant without losing any analysed material', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const [study] = await call(library, 'study.list', {});
    const studyId = study!.id;
    const participants = await call(library, 'participant.list', { studyId });

    const reachable = participants.filter((p) => p.realName !== '');
    expect(reachable.map((p) => p.code)).toEqual(['P04', 'P07']);
    for (const p of reachable) {
      expect(p.realName).toMatch(/\(sample\)$/);
      expect(p.contact).toMatch(/@example\.com .*555/);
    }

    const withdrawn = participants.filter((p) => p.withdrawnAt !== null);
    expect(withdrawn.map((p) => [p.code, p.withdrawnAt, p.sessionCount, p.findingCount])).toEqual([['P08', '2026-10-27T00:00:00.000Z', 0, 0]]);
    expect(withdrawn[0]!.consentDate! < withdrawn[0]!.withdrawnAt!).toBe(true);
    // They had no interview yet, so every finding is still on the board.
    const board = await call(library, 'board.get', { studyId });
    expect(board.cards.length).toBe(study!.counts.findings);
    expect(board.cards.length).toBe(readSampleStudy(SAMPLE_FILE).findings.length);
  });

  it('holds its interviews as the interview screen does, dated in the study\'s past, and opens with nothing to undo on the board', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const [study] = await call(library, 'study.list', {});
    const sessions = await call(library, 'session.list', { studyId: study!.id });
    const p01 = sessions.find((s) => s.participantCode === 'P01')!;
    expect(p01).toMatchObject({ status: 'completed', startedAt: '2026-10-06T10:00:00.000Z', endedAt: '2026-10-06T10:58:00.000Z', elapsedMs: 58 * 60_000, runningSince: null });
    const { progress, notes, guide } = await call(library, 'session.get', { id: p01.id });
    // Asked: every question with notes, and no other (being on a question is not asking it).
    const guideQuestions = new Set(guide!.sections.flatMap((s) => s.questions.map((q) => q.id)));
    const noted = notes.flatMap((n) => (n.questionId ? [n.questionId] : []));
    expect(noted.every((id) => guideQuestions.has(id))).toBe(true);
    expect(progress.filter((p) => p.state === 'asked').map((p) => p.questionId).sort()).toEqual([...new Set(noted)].sort());
    expect(sessions.find((s) => s.status === 'planned')).toMatchObject({ participantCode: 'P07', guideVersionNumber: 2, scheduledAt: '2026-11-26T02:00:00.000Z' });
    expect((await call(library, 'board.get', { studyId: study!.id })).undo).toEqual({ undo: null, redo: null });
  });

  it('gives the Chinese samples their question keywords and cause-effect labels in Chinese, not English', () => {
    for (const file of ['study.zh-Hans.json', 'study.zh-Hant.json']) {
      const keywords: string[] = [];
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object')
          for (const [key, inner] of Object.entries(value)) {
            if (key === 'keywords' && Array.isArray(inner)) keywords.push(...(inner as string[]));
            else walk(inner);
          }
      };
      const sample = JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'sample-study', file), 'utf8')) as { links: Array<{ label: string }> };
      walk(sample);
      expect(keywords.length).toBeGreaterThan(20);
      expect(keywords.filter((k) => !HAN.test(k)), file).toEqual([]);
      // Shown on the board's arrows: an English label there reads as a slip.
      expect(sample.links.length).toBeGreaterThan(3);
      expect(sample.links.map((l) => l.label).filter((label) => label !== '' && !HAN.test(label)), file).toEqual([]);
    }
  });

  it('is made through the contract\'s operations: no module of the seed imports a repository or inserts a row', () => {
    const sources = fs.readdirSync(SEED_DIR).map((name) => ({ name, text: fs.readFileSync(path.join(SEED_DIR, name), 'utf8') }));
    expect(sources.map((s) => s.name).sort()).toEqual(['format.ts', 'history.ts', 'seed.ts']);
    for (const { name, text } of sources) {
      expect(text.match(/from '[^']*\/db\/[^']*'/g) ?? [], name).toEqual([]);
      expect(/INSERT\s+INTO/i.test(text), name).toBe(false);
    }
    expect(sources.find((s) => s.name === 'seed.ts')!.text).toMatch(/from '\.\.\/handlers\.js'/);
  });

  it('leaves no half-made sample when a step fails', async () => {
    const library = await openTestLibrary();
    const before = tableCounts(library);
    const sample = readSampleStudy(SAMPLE_FILE);
    // The last journey-map item cites a finding that does not exist: everything before it was written, then undone.
    const broken = { ...sample, journeyMap: { ...sample.journeyMap, items: [...sample.journeyMap.items, { ...sample.journeyMap.items[0]!, evidence: ['no-such-finding'] }] } };
    expect(() => seedSampleStudy(library.context, broken)).toThrow(/unknown finding "no-such-finding"/);
    expect(tableCounts(library)).toEqual(before);
    expect(await call(library, 'study.list', {})).toEqual([]);
  });
});
