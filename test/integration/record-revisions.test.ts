// Every editable record carries a revision in the reads the UI holds, bumped on every
// change of the record (its lists included). An edit may name the revision it started
// from instead of the value: refused only when the field it edits changed since, so a
// move, or an edit of another field, in between does not refuse it.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

async function sample() {
  const library = await openTestLibrary({ seedSample: true });
  const [study] = await call(library, 'study.list', {});
  return { library, studyId: study!.id };
}

describe('record revisions', () => {
  it('are read with every record the UI holds', async () => {
    const { library, studyId } = await sample();
    const isRevision = (r: { revision: number }) => Number.isInteger(r.revision) && r.revision >= 1;
    const overview = await call(library, 'study.overview', { id: studyId });
    expect([overview.study, ...overview.stages].every(isRevision)).toBe(true);
    expect((await call(library, 'study.list', {})).every(isRevision)).toBe(true);
    expect((await call(library, 'participant.list', { studyId })).every(isRevision)).toBe(true);
    expect((await call(library, 'tag.list', { studyId })).every(isRevision)).toBe(true);
    const guide = (await call(library, 'guide.get', { studyId }))!;
    expect([guide, ...guide.sections, ...guide.sections.flatMap((s) => s.questions)].every(isRevision)).toBe(true);
    const board = await call(library, 'board.get', { studyId });
    expect([...board.cards, ...board.groups, ...board.themes, ...board.links].every(isRevision)).toBe(true);
    const [summary] = await call(library, 'persona.list', { studyId });
    const persona = await call(library, 'persona.get', { id: summary!.id });
    expect([summary!, persona, ...Object.values(persona.lists).flat()].every(isRevision)).toBe(true);
    const map = await call(library, 'journey.get', { studyId });
    expect([map, ...map.items, ...map.emotions].every(isRevision)).toBe(true);
  });

  it('is bumped by a change of the record and of its lists, and by nothing else', async () => {
    const { library, studyId } = await sample();
    const stage = (await call(library, 'study.overview', { id: studyId })).stages[0]!;
    const withTouchpoint = await call(library, 'stage.addItem', { stageId: stage.id, kind: 'touchpoint', name: '微信' });
    expect(withTouchpoint.revision).toBeGreaterThan(stage.revision);
    const other = (await call(library, 'study.overview', { id: studyId })).stages[1]!;
    const [summary] = await call(library, 'persona.list', { studyId });
    const persona = await call(library, 'persona.get', { id: summary!.id });
    const item = Object.values(persona.lists).flat()[0]!;
    const finding = (await call(library, 'board.get', { studyId })).cards.find((c) => !item.evidence.some((e) => e.findingId === c.id))!;
    const cited = await call(library, 'persona.linkEvidence', { itemId: item.id, findingIds: [finding.id] });
    expect(Object.values(cited.lists).flat().find((i) => i.id === item.id)!.revision).toBeGreaterThan(item.revision);
    // A stage not changed keeps its revision.
    expect((await call(library, 'study.overview', { id: studyId })).stages[1]!.revision).toBe(other.revision);

    const map = await call(library, 'journey.get', { studyId });
    const scored = await call(library, 'journey.setEmotion', { mapId: map.id, stageId: stage.id, score: -2 });
    expect(scored.revision).toBeGreaterThan(map.revision);
    const emotion = scored.emotions.find((e) => e.stageId === stage.id)!;
    const rescored = await call(library, 'journey.setEmotion', { mapId: map.id, stageId: stage.id, score: 1 });
    expect(rescored.emotions.find((e) => e.stageId === stage.id)!.revision).toBe(emotion.revision + 1);
  });

  it('lets an edit based on a revision through after a move or another field changed, and refuses it when its field changed', async () => {
    const { library, studyId } = await sample();
    const board = await call(library, 'board.get', { studyId });
    const group = board.groups[0]!;
    const stage = (await call(library, 'study.overview', { id: studyId })).stages.find((s) => s.id !== group.stageId)!;
    // Moves name no revision: the last move wins; the group's revision moves on.
    await call(library, 'board.moveGroup', { id: group.id, stageId: stage.id, beforeId: null });
    await call(library, 'board.updateGroup', { id: group.id, fields: { color: '#2f5d62' } });
    const renamed = await call(library, 'board.updateGroup', { id: group.id, fields: { name: '报价太慢' }, basedOn: { revision: group.revision } });
    expect(renamed).toMatchObject({ name: '报价太慢', color: '#2f5d62', stageId: stage.id });
    expect(renamed.revision).toBeGreaterThan(group.revision + 2);

    // Another window, still at the group's first revision, renames it: refused, with the name now.
    expect(await library.dispatch('board.updateGroup', { id: group.id, fields: { name: 'Slow quotes' }, basedOn: { revision: group.revision } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'changes.edit_conflict', current: '报价太慢' },
    });
    // Based on the revision it now has, the rename goes through.
    expect((await call(library, 'board.updateGroup', { id: group.id, fields: { name: 'Slow quotes' }, basedOn: { revision: renamed.revision } })).name).toBe('Slow quotes');
  });

  it('keeps field-level merge for persona fields based on a revision', async () => {
    const { library, studyId } = await sample();
    const [summary] = await call(library, 'persona.list', { studyId });
    const persona = await call(library, 'persona.get', { id: summary!.id });
    await call(library, 'persona.update', { id: persona.id, fields: { occupation: '会计' }, basedOn: { revision: persona.revision } });
    const merged = await call(library, 'persona.update', { id: persona.id, fields: { age: '35–44' }, basedOn: { revision: persona.revision } });
    expect(merged).toMatchObject({ occupation: '会计', age: '35–44' });
    expect(await library.dispatch('persona.update', { id: persona.id, fields: { occupation: 'Accountant' }, basedOn: { revision: persona.revision } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', current: '会计' },
    });
  });
});
