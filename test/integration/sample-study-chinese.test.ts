// The sample study in the language of the UI that first opens a new library: the
// Chinese UI gets the same study written in natural Simplified or Traditional
// Chinese (participants, guide, notes, findings, groups, tags), the English UI the
// English one; made once, through the contract's operations, by the first start.
import { describe, expect, it } from 'vitest';
import { readSampleStudy, sampleStudyFile } from '../../electron/core/services/sample/seed.js';
import { JOURNEY_LANES } from '../../shared/domain.js';
import { call } from '../helpers/call.js';
import { openTestLibrary, RESOURCES_DIR } from '../helpers/library.js';

const HAN = /\p{Script=Han}/u;
/** A run of English words, as a sentence would have (brand and model names aside). */
const ENGLISH_WORDS = /\b(?:the|and|with|for|was|she|he|his|her|not|after|before|would)\b/i;
/** Characters that differ between the scripts, one way and the other. */
const SIMPLIFIED_ONLY = /[们这车试买价订说为发经过门后贷]/u;
const TRADITIONAL_ONLY = /[們這車試買價訂說為發經過門後貸]/u;

async function firstStart(language: 'en' | 'zh-Hans' | 'zh-Hant') {
  const library = await openTestLibrary({ seedSample: 'first-start' });
  expect(await call(library, 'study.list', {})).toEqual([]);
  expect(await call(library, 'sample.firstStart', { language })).toEqual({ created: true });
  const [study, ...others] = await call(library, 'study.list', {});
  expect(others).toEqual([]);
  return { library, study: study! };
}

/** Every text a researcher reads in the sample: study, tags, guide, participants, notes, findings, board, persona, map. */
async function texts(library: Awaited<ReturnType<typeof firstStart>>['library'], studyId: string): Promise<string[]> {
  const { db } = library.context;
  const column = (sql: string) => (db.prepare(sql).pluck().all(studyId) as string[]).filter((t) => t !== '');
  return [
    ...column('SELECT name FROM study WHERE id = ?'),
    ...column('SELECT name FROM tag WHERE study_id = ?'),
    ...column('SELECT definition FROM tag WHERE study_id = ?'),
    ...column('SELECT q.text FROM guide_question q JOIN guide_section s ON s.id = q.section_id JOIN guide_version v ON v.id = s.guide_version_id JOIN guide g ON g.id = v.guide_id WHERE g.study_id = ?'),
    ...column('SELECT s.title FROM guide_section s JOIN guide_version v ON v.id = s.guide_version_id JOIN guide g ON g.id = v.guide_id WHERE g.study_id = ?'),
    ...column('SELECT n.plain_text FROM note n JOIN session s ON s.id = n.session_id WHERE s.study_id = ?'),
    ...column('SELECT text FROM finding WHERE study_id = ?'),
    ...column('SELECT name FROM affinity_group WHERE study_id = ?'),
    ...column('SELECT name FROM theme WHERE study_id = ?'),
    ...column('SELECT description FROM persona WHERE study_id = ?'),
  ];
}

describe('the sample study in the UI language', () => {
  it('is made in Simplified Chinese when a Simplified-Chinese UI first opens the library: participants, guide, notes, findings, groups and tags', async () => {
    const { library, study } = await firstStart('zh-Hans');
    expect(study).toMatchObject({ isSample: true, name: '新车购买旅程', language: 'zh-Hans' });
    const all = await texts(library, study.id);
    expect(all.length).toBeGreaterThan(150);
    for (const text of all) {
      expect(HAN.test(text), text).toBe(true);
      expect(ENGLISH_WORDS.test(text), text).toBe(false);
      expect(TRADITIONAL_ONLY.test(text), text).toBe(false);
    }
    const participants = await call(library, 'participant.list', { studyId: study.id });
    expect(participants.find((p) => p.code === 'P01')!.attributes.geographic).toEqual({ 城市: '上海', 地区: '华东' });
    const tags = await call(library, 'tag.list', { studyId: study.id });
    expect(tags.map((t) => t.name)).toContain('价格透明');
    // New questions get the study language's default probes.
    const guide = (await call(library, 'guide.get', { studyId: study.id }))!;
    expect(guide.sections.flatMap((s) => s.questions).some((q) => q.probes.includes('为什么？'))).toBe(true);
    // The default stages keep their keys, so every screen names them in its own language.
    const { stages } = await call(library, 'study.overview', { id: study.id });
    expect(stages.map((s) => s.defaultKey)).toEqual(['awareness', 'consideration', 'decision', 'purchase', 'experience', 'loyalty']);
  });

  it('is made in Traditional Chinese when a Traditional-Chinese UI first opens the library', async () => {
    const { library, study } = await firstStart('zh-Hant');
    expect(study).toMatchObject({ isSample: true, name: '新車購買旅程', language: 'zh-Hant' });
    const all = await texts(library, study.id);
    for (const text of all) {
      expect(HAN.test(text), text).toBe(true);
      expect(SIMPLIFIED_ONLY.test(text), text).toBe(false);
      // Corner quotes, as Traditional Chinese writes them.
      expect(/[“”]/.test(text), text).toBe(false);
    }
    const tags = await call(library, 'tag.list', { studyId: study.id });
    expect(tags.map((t) => t.name)).toContain('價格透明');
  });

  it('is the same study in every language: the same people, interviews, findings, board, persona and journey map', async () => {
    const english = readSampleStudy(sampleStudyFile(RESOURCES_DIR, 'en'));
    for (const language of ['zh-Hans', 'zh-Hant'] as const) {
      const chinese = readSampleStudy(sampleStudyFile(RESOURCES_DIR, language));
      const shape = (s: typeof english) => ({
        participants: s.participants.map((p) => [p.key, p.code, p.source, p.status, p.withdrawnOn, Object.values(p.attributes).map((a) => Object.keys(a).length)]),
        sessions: s.sessions.map((x) => [x.key, x.participant, x.startedAt, x.notes.map((n) => [n.question, n.paragraphs.length])]),
        findings: s.findings.map((f) => [f.key, f.session, f.question, f.paragraph, f.type, f.stage, f.terms, f.tags]),
        groups: s.groups.map((g) => [g.key, g.stage, g.theme, g.findings]),
        journey: s.journeyMap.items.map((i) => [i.stage, i.lane, i.terms, i.evidence]),
      });
      expect(shape(chinese), language).toEqual(shape(english));
    }

    const { library, study } = await firstStart('zh-Hans');
    const map = await call(library, 'journey.get', { studyId: study.id });
    for (const stage of map.stages) for (const lane of JOURNEY_LANES) expect(map.items.some((i) => i.stageId === stage.id && i.lane === lane)).toBe(true);
    const [persona] = await call(library, 'persona.list', { studyId: study.id });
    expect((await call(library, 'persona.get', { id: persona!.id })).checklist.filter((c) => !c.pass)).toEqual([]);
  });

  it('keeps the English sample for an English UI, and makes a sample once only, whatever language starts later', async () => {
    const { library, study } = await firstStart('en');
    expect(study).toMatchObject({ name: 'New-car buyer journey', language: 'en' });
    expect(await call(library, 'sample.firstStart', { language: 'zh-Hans' })).toEqual({ created: false });
    await call(library, 'study.delete', { id: study.id });
    await call(library, 'study.purge', { id: study.id });
    expect(await call(library, 'sample.firstStart', { language: 'zh-Hant' })).toEqual({ created: false });
    expect(await call(library, 'study.list', {})).toEqual([]);
  });

  it('makes no sample in a library opened without one', async () => {
    const library = await openTestLibrary({ seedSample: false });
    expect(await call(library, 'sample.firstStart', { language: 'zh-Hans' })).toEqual({ created: false });
    expect(await call(library, 'study.list', {})).toEqual([]);
  });
});
