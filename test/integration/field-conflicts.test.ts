// Every editable text field names the value its edit started from: an edit of a field
// someone saved otherwise meanwhile is refused with the value now, while edits of other
// fields of the same record merge (the check is per field, never per record).
import { describe, expect, it } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import type { OperationName } from '../../shared/api/contract.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

async function sample() {
  const library = await openTestLibrary({ seedSample: true });
  const [study] = await call(library, 'study.list', {});
  return { library, study: study! };
}

/** The refusal of a stale edit: a typed conflict carrying the value now. */
async function expectConflict(library: Library, name: OperationName, input: unknown, current: string) {
  expect(await library.dispatch(name, input)).toEqual({
    ok: false,
    error: { code: 'conflict', message: 'This was changed elsewhere since the edit began.', reason: 'changes.edit_conflict', current },
  });
}

describe('field edits based on a value changed meanwhile', () => {
  it('tag: a stale name is refused, while its definition, edited from its own value, merges', async () => {
    const { library, study } = await sample();
    const tag = (await call(library, 'tag.list', { studyId: study.id }))[0]!;
    await call(library, 'tag.update', { id: tag.id, fields: { name: '价格' }, basedOn: { name: tag.name } });
    await expectConflict(library, 'tag.update', { id: tag.id, fields: { name: 'Price' }, basedOn: { name: tag.name } }, '价格');
    const merged = await call(library, 'tag.update', { id: tag.id, fields: { definition: 'Anything about price' }, basedOn: { definition: tag.definition } });
    expect(merged).toMatchObject({ name: '价格', definition: 'Anything about price' });
  });

  it('journey stage: a stale name is refused; description and information needs merge', async () => {
    const { library, study } = await sample();
    const stage = (await call(library, 'study.overview', { id: study.id })).stages[0]!;
    await call(library, 'stage.update', { id: stage.id, name: '认知', basedOn: { name: stage.name } });
    await expectConflict(library, 'stage.update', { id: stage.id, name: 'Noticing', basedOn: { name: stage.name } }, '认知');
    await call(library, 'stage.update', { id: stage.id, description: 'First heard of it', basedOn: { description: stage.description } });
    const merged = await call(library, 'stage.update', { id: stage.id, informationNeeds: 'Prices', basedOn: { informationNeeds: stage.informationNeeds } });
    expect(merged).toMatchObject({ name: '认知', description: 'First heard of it', informationNeeds: 'Prices' });
  });

  it('guide: a stale question text, section title or guide title is refused; the purpose merges', async () => {
    const { library, study } = await sample();
    const created = await call(library, 'study.create', { name: 'Guide conflicts' });
    const guide = await call(library, 'guide.create', { studyId: created.id, source: { kind: 'blank' } });
    const withSection = await call(library, 'guide.addSection', { versionId: guide.version.id, title: 'Opening' });
    const section = withSection.sections[0]!;
    const question = (await call(library, 'guide.addQuestion', { sectionId: section.id, fields: { text: 'What did you do next?' } })).sections[0]!.questions[0]!;
    await call(library, 'guide.updateQuestion', { questionId: question.id, fields: { text: '然后你做了什么？' }, basedOn: { text: question.text } });
    await expectConflict(library, 'guide.updateQuestion', { questionId: question.id, fields: { text: 'And then?' }, basedOn: { text: question.text } }, '然后你做了什么？');
    const merged = await call(library, 'guide.updateQuestion', { questionId: question.id, fields: { purpose: 'The next step' }, basedOn: { purpose: question.purpose } });
    expect(merged.sections[0]!.questions[0]).toMatchObject({ text: '然后你做了什么？', purpose: 'The next step' });

    await call(library, 'guide.updateSection', { sectionId: section.id, title: '开场', basedOn: { title: section.title } });
    await expectConflict(library, 'guide.updateSection', { sectionId: section.id, title: 'Warm-up', basedOn: { title: section.title } }, '开场');
    await call(library, 'guide.rename', { guideId: guide.guideId, title: '访谈提纲', basedOn: { title: guide.title } });
    await expectConflict(library, 'guide.rename', { guideId: guide.guideId, title: 'Script', basedOn: { title: guide.title } }, '访谈提纲');
    expect(study.id).not.toBe(created.id);
  });

  it('participant: a stale code or consent scope is refused; another field merges', async () => {
    const { library, study } = await sample();
    const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'R01', consentScope: 'Notes only' } });
    await call(library, 'participant.update', { id: participant.id, fields: { consentScope: '仅笔记' }, basedOn: { consentScope: 'Notes only' } });
    await expectConflict(library, 'participant.update', { id: participant.id, fields: { consentScope: 'Notes and quotes' }, basedOn: { consentScope: 'Notes only' } }, '仅笔记');
    await call(library, 'participant.update', { id: participant.id, fields: { code: 'R02' }, basedOn: { code: 'R01' } });
    await expectConflict(library, 'participant.update', { id: participant.id, fields: { code: 'R03' }, basedOn: { code: 'R01' } }, 'R02');
    // A choice (status, source) is checked the same way.
    await call(library, 'participant.update', { id: participant.id, fields: { status: 'scheduled' }, basedOn: { status: 'recruited' } });
    await expectConflict(library, 'participant.update', { id: participant.id, fields: { status: 'no_show' }, basedOn: { status: 'recruited' } }, 'scheduled');
    const merged = await call(library, 'participant.update', { id: participant.id, fields: { realName: 'Li Wei', source: 'competitor' }, basedOn: { realName: '', source: participant.source } });
    expect(merged).toMatchObject({ code: 'R02', consentScope: '仅笔记', realName: 'Li Wei', status: 'scheduled', source: 'competitor' });
  });

  it('study: a stale name, goal or product is refused; the other fields merge', async () => {
    const { library, study } = await sample();
    await call(library, 'study.rename', { id: study.id, name: '家装研究', basedOn: { name: study.name } });
    await expectConflict(library, 'study.rename', { id: study.id, name: 'Home study', basedOn: { name: study.name } }, '家装研究');
    const before = (await call(library, 'study.overview', { id: study.id })).study;
    await call(library, 'study.update', { id: study.id, goal: '找出痛点', basedOn: { goal: before.goal } });
    await expectConflict(library, 'study.update', { id: study.id, goal: 'Find pains', basedOn: { goal: before.goal } }, '找出痛点');
    const merged = await call(library, 'study.update', { id: study.id, product: 'Kitchens', basedOn: { product: before.product } });
    expect(merged).toMatchObject({ name: '家装研究', goal: '找出痛点', product: 'Kitchens' });
  });

  it('link label, persona statement and journey-map title: a stale edit is refused with the value now', async () => {
    const { library, study } = await sample();
    const board = await call(library, 'board.get', { studyId: study.id });
    const link = board.links[0]!;
    await call(library, 'board.updateLink', { id: link.id, label: '导致', basedOn: { label: link.label } });
    await expectConflict(library, 'board.updateLink', { id: link.id, label: 'causes', basedOn: { label: link.label } }, '导致');

    const [summary] = await call(library, 'persona.list', { studyId: study.id });
    const persona = await call(library, 'persona.get', { id: summary!.id });
    const item = Object.values(persona.lists).flat()[0]!;
    await call(library, 'persona.updateItem', { itemId: item.id, text: '想少花时间', basedOn: { text: item.text } });
    await expectConflict(library, 'persona.updateItem', { itemId: item.id, text: 'Wants less hassle', basedOn: { text: item.text } }, '想少花时间');

    const map = await call(library, 'journey.get', { studyId: study.id });
    await call(library, 'journey.update', { mapId: map.id, title: '旅程', basedOn: { title: map.title } });
    await expectConflict(library, 'journey.update', { mapId: map.id, title: 'Journey', basedOn: { title: map.title } }, '旅程');
    // The persona shown on the map is not a text field: it changes regardless.
    expect((await call(library, 'journey.update', { mapId: map.id, personaId: null })).title).toBe('旅程');
  });
});
