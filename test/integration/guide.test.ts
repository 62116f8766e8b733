// The interview guide on a real database: templates in three languages, editing a
// draft, reordering, publishing versions that then stay frozen, copying another
// study's guide, and exporting the hand card.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBES } from '../../shared/guide-template.js';
import { openTestLibrary } from '../helpers/library.js';
import { call, failure } from '../helpers/call.js';

async function newStudy(language: 'en' | 'zh-Hans' | 'zh-Hant' = 'en') {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Guide study', language });
  return { library, study };
}

describe('interview guide', () => {
  it('starts without a guide and creates one from the Chinese template, tied to the study\'s stages', async () => {
    const { library, study } = await newStudy('zh-Hans');
    expect(await call(library, 'guide.get', { studyId: study.id })).toBeNull();
    const doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hans' } });
    expect(doc.version).toMatchObject({ number: 1, publishedAt: null });
    const questions = doc.sections.flatMap((s) => s.questions);
    expect(questions.length).toBeGreaterThan(6);
    expect(questions.reduce((sum, q) => sum + q.timeBudgetSec, 0)).toBe(3600);
    expect(questions.some((q) => q.probes.includes('为什么？'))).toBe(true);
    const stages = (await call(library, 'study.overview', { id: study.id })).stages;
    const staged = new Set(questions.flatMap((q) => (q.stageId ? [q.stageId] : [])));
    expect(staged).toEqual(new Set(stages.map((s) => s.id)));
    expect(await failure(library, 'guide.create', { studyId: study.id, source: { kind: 'blank' } })).toBe('conflict');
  });

  it('edits and reorders sections and questions in a draft', async () => {
    const { library, study } = await newStudy();
    let doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'blank' } });
    doc = await call(library, 'guide.addSection', { versionId: doc.version.id, title: 'Opening' });
    doc = await call(library, 'guide.addSection', { versionId: doc.version.id, title: 'Episode' });
    const [opening, episode] = doc.sections;
    await call(library, 'guide.addQuestion', { sectionId: opening!.id, fields: { text: 'Tell me about yourself', timeBudgetSec: 180 } });
    doc = await call(library, 'guide.addQuestion', { sectionId: opening!.id, fields: { text: 'How did it start?', keywords: ['trigger'] } });
    const [first, second] = doc.sections[0]!.questions;
    doc = await call(library, 'guide.moveQuestion', { questionId: second!.id, sectionId: opening!.id, beforeId: first!.id });
    expect(doc.sections[0]!.questions.map((q) => q.text)).toEqual(['How did it start?', 'Tell me about yourself']);
    doc = await call(library, 'guide.moveQuestion', { questionId: first!.id, sectionId: episode!.id, beforeId: null });
    expect(doc.sections[1]!.questions.map((q) => q.text)).toEqual(['Tell me about yourself']);
    doc = await call(library, 'guide.moveSection', { sectionId: episode!.id, beforeId: opening!.id });
    expect(doc.sections.map((s) => s.title)).toEqual(['Episode', 'Opening']);
    doc = await call(library, 'guide.updateQuestion', { questionId: first!.id, fields: { purpose: 'Warm up', probes: ['Why?'] } });
    expect(doc.sections[0]!.questions[0]).toMatchObject({ purpose: 'Warm up', probes: ['Why?'], timeBudgetSec: 180 });
    const after = await call(library, 'guide.deleteSection', { sectionId: opening!.id });
    expect(after.sections.map((s) => s.title)).toEqual(['Episode']);
  });

  it('gives a new question the study language\'s default probes unless the caller names its own, or none', async () => {
    const { library, study } = await newStudy('zh-Hant');
    let doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'blank' } });
    doc = await call(library, 'guide.addSection', { versionId: doc.version.id, title: '開場' });
    const sectionId = doc.sections[0]!.id;
    await call(library, 'guide.addQuestion', { sectionId, fields: { text: '請回想最近一次購買' } });
    await call(library, 'guide.addQuestion', { sectionId, fields: { text: '您的職業是？', probes: [] } });
    doc = await call(library, 'guide.addQuestion', { sectionId, fields: { text: '誰幫您做決定？', probes: ['還有誰？'] } });
    expect(doc.sections[0]!.questions.map((q) => q.probes)).toEqual([[...DEFAULT_PROBES['zh-Hant']], [], ['還有誰？']]);
    // The study's language, not the language of the guide's title, decides.
    await call(library, 'study.update', { id: study.id, language: 'en' });
    doc = await call(library, 'guide.addQuestion', { sectionId, fields: {} });
    expect(doc.sections[0]!.questions.at(-1)!.probes).toEqual(['What did you do next?', 'What were you thinking then?', 'How did you feel?', 'Why?']);
  });

  it('puts a new question in the stage of the section it is added to, unless the caller names a stage or none', async () => {
    const { library, study } = await newStudy('zh-Hans');
    const doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hans' } });
    const section = doc.sections.find((s) => s.questions.some((q) => q.stageId !== null))!;
    const stageOfSection = section.questions.filter((q) => q.stageId !== null).at(-1)!.stageId;
    const [other] = (await call(library, 'study.overview', { id: study.id })).stages.filter((s) => s.id !== stageOfSection);
    const added = async (fields: { stageId?: string | null }) =>
      (await call(library, 'guide.addQuestion', { sectionId: section.id, fields: { text: '', ...fields } })).sections.find((s) => s.id === section.id)!.questions.at(-1)!;
    expect((await added({})).stageId).toBe(stageOfSection);
    expect((await added({ stageId: other!.id })).stageId).toBe(other!.id);
    expect((await added({ stageId: null })).stageId).toBeNull();
    // A section without staged questions gives none.
    const empty = (await call(library, 'guide.addSection', { versionId: doc.version.id, title: '收尾' })).sections.at(-1)!;
    const inEmpty = await call(library, 'guide.addQuestion', { sectionId: empty.id, fields: { text: '' } });
    expect(inEmpty.sections.at(-1)!.questions[0]!.stageId).toBeNull();
  });

  it('publishes v1 without a change note but asks for one from v2 on', async () => {
    const { library, study } = await newStudy();
    let doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    doc = await call(library, 'guide.publish', { versionId: doc.version.id, changeNote: '' });
    expect(doc.version).toMatchObject({ number: 1, changeNote: '' });
    doc = await call(library, 'guide.newVersion', { guideId: doc.guideId });
    for (const changeNote of ['', '  \n ']) {
      const refused = await library.dispatch('guide.publish', { versionId: doc.version.id, changeNote });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'change_note_required', message: expect.stringMatching(/v2.*change note|change note.*v2/i) } });
    }
    expect((await call(library, 'guide.get', { studyId: study.id }))!.version.publishedAt).toBeNull();
    doc = await call(library, 'guide.publish', { versionId: doc.version.id, changeNote: '  Probe on financing added  ' });
    expect(doc.version).toMatchObject({ number: 2, changeNote: 'Probe on financing added' });
    expect(doc.version.publishedAt).not.toBeNull();
  });

  it('publishes v1, keeps it frozen, and publishes v2 with a change note while v1 stays intact', async () => {
    const { library, study } = await newStudy();
    let doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    const v1 = doc.version.id;
    const firstQuestion = doc.sections[0]!.questions[0]!;
    doc = await call(library, 'guide.publish', { versionId: v1, changeNote: 'Ready for fieldwork' });
    expect(doc.version.publishedAt).not.toBeNull();
    expect(await failure(library, 'guide.updateQuestion', { questionId: firstQuestion.id, fields: { text: 'changed' } })).toBe('conflict');
    expect(await failure(library, 'guide.publish', { versionId: v1, changeNote: 'again' })).toBe('conflict');

    doc = await call(library, 'guide.newVersion', { guideId: doc.guideId });
    expect(doc.version.number).toBe(2);
    expect(await failure(library, 'guide.newVersion', { guideId: doc.guideId })).toBe('conflict');
    const copy = doc.sections[0]!.questions[0]!;
    expect(copy.id).not.toBe(firstQuestion.id);
    await call(library, 'guide.updateQuestion', { questionId: copy.id, fields: { text: 'A sharper opening question' } });
    doc = await call(library, 'guide.publish', { versionId: doc.version.id, changeNote: 'Sharper opening after 3 interviews' });
    expect(doc.versions.map((v) => [v.number, v.changeNote])).toEqual([
      [1, 'Ready for fieldwork'],
      [2, 'Sharper opening after 3 interviews'],
    ]);
    const old = await call(library, 'guide.get', { studyId: study.id, versionId: v1 });
    expect(old!.sections[0]!.questions[0]!.text).toBe(firstQuestion.text);
  });

  it('copies another study\'s guide, matching its stages by default key', async () => {
    const { library, study } = await newStudy();
    await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    const second = await call(library, 'study.create', { name: 'Second wave' });
    const doc = await call(library, 'guide.create', { studyId: second.id, source: { kind: 'study', studyId: study.id } });
    const stages = new Set((await call(library, 'study.overview', { id: second.id })).stages.map((s) => s.id));
    const staged = doc.sections.flatMap((s) => s.questions).filter((q) => q.stageId);
    expect(staged.length).toBeGreaterThan(5);
    for (const q of staged) expect(stages.has(q.stageId!)).toBe(true);
  });

  it('exports the hand card as Markdown with keywords in bold', async () => {
    const { library, study } = await newStudy('zh-Hant');
    const doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hant' } });
    const file = await call(library, 'guide.export', { versionId: doc.version.id, format: 'markdown' });
    expect(file.fileName).toMatch(/\.md$/);
    const markdown = Buffer.from(file.base64, 'base64').toString('utf8');
    const keyword = doc.sections.flatMap((s) => s.questions).find((q) => q.keywords.length)!.keywords[0]!;
    expect(markdown).toContain(`**${keyword}**`);
    expect(markdown).toMatch(/\p{Script=Han}/u);
  });

  it('says clearly when PDF printing is unavailable', async () => {
    const { library, study } = await newStudy();
    const doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'blank' } });
    const result = await library.dispatch('guide.export', { versionId: doc.version.id, format: 'pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/PDF printing is not available/) } });
  });
});
