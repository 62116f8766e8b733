// The hypothesis journey on a real database: study background, stages added,
// renamed, reordered and removed (their findings moving where the user chose), and
// each stage's touchpoints and influencers.
import { describe, expect, it } from 'vitest';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import { openTestLibrary } from '../helpers/library.js';
import { call, failure } from '../helpers/call.js';

async function newStudy() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Home insurance', language: 'zh-Hans' });
  const { stages } = await call(library, 'study.overview', { id: study.id });
  return { library, study, stages };
}

describe('study background and stages', () => {
  it('updates the goal, product, planned interviews and language', async () => {
    const { library, study } = await newStudy();
    expect(study.language).toBe('zh-Hans');
    const updated = await call(library, 'study.update', { id: study.id, goal: '了解首次投保', plannedInterviews: 16, language: 'zh-Hant' });
    expect(updated).toMatchObject({ goal: '了解首次投保', plannedInterviews: 16, language: 'zh-Hant', product: '' });
  });

  it('adds a stage at the end and renaming a default stage drops its translatable key', async () => {
    const { library, study, stages } = await newStudy();
    const added = await call(library, 'stage.create', { studyId: study.id, name: 'Renewal' });
    expect(added.defaultKey).toBeNull();
    const renamed = await call(library, 'stage.update', { id: stages[0]!.id, name: 'Trigger' });
    expect(renamed).toMatchObject({ name: 'Trigger', defaultKey: null });
    const described = await call(library, 'stage.update', { id: stages[1]!.id, description: 'Compares quotes', informationNeeds: 'Price, cover' });
    expect(described).toMatchObject({ defaultKey: 'consideration', description: 'Compares quotes', informationNeeds: 'Price, cover' });
    const { stages: after } = await call(library, 'study.overview', { id: study.id });
    expect(after.map((s) => s.name)).toEqual(['Trigger', 'Consideration', 'Decision', 'Purchase', 'Experience', 'Loyalty', 'Renewal']);
  });

  it('reorders stages by moving one before another or to the end', async () => {
    const { library, stages } = await newStudy();
    const [awareness, consideration, decision] = stages;
    let order = await call(library, 'stage.move', { id: decision!.id, beforeId: awareness!.id });
    expect(order.map((s) => s.defaultKey).slice(0, 3)).toEqual(['decision', 'awareness', 'consideration']);
    order = await call(library, 'stage.move', { id: awareness!.id, beforeId: null });
    expect(order.at(-1)!.defaultKey).toBe('awareness');
    order = await call(library, 'stage.move', { id: consideration!.id, beforeId: consideration!.id });
    expect(order).toHaveLength(6);
    expect(await failure(library, 'stage.move', { id: awareness!.id, beforeId: '0190b5a2-7c1e-7000-8000-000000000000' })).toBe('not_found');
  });

  it('removes a stage and moves its findings to the chosen stage, or to unsorted', async () => {
    const { library, study, stages } = await newStudy();
    const { db } = library.context;
    const [awareness, consideration, decision] = stages;
    const f1 = createFinding(db, study.id, { text: 'Saw an ad', type: 'touchpoint', stageId: awareness!.id });
    const f2 = createFinding(db, study.id, { text: '比较了三家', type: 'do', stageId: decision!.id });
    await call(library, 'stage.delete', { id: awareness!.id, moveTo: consideration!.id });
    await call(library, 'stage.delete', { id: decision!.id, moveTo: null });
    const stageOf = (id: string) => (db.prepare('SELECT stage_id FROM finding WHERE id = ?').get(id) as { stage_id: string | null }).stage_id;
    expect(stageOf(f1)).toBe(consideration!.id);
    expect(stageOf(f2)).toBeNull();
    expect((await call(library, 'study.overview', { id: study.id })).stages).toHaveLength(4);
  });

  it('keeps at least one journey stage: removing the last one is refused and changes nothing', async () => {
    const { library, study, stages } = await newStudy();
    const [last, ...rest] = stages;
    for (const stage of rest) await call(library, 'stage.delete', { id: stage.id, moveTo: last!.id });
    const finding = createFinding(library.context.db, study.id, { text: '看了三家的报价', type: 'do', stageId: last!.id });
    const refused = await library.dispatch('stage.delete', { id: last!.id, moveTo: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'last_stage', message: expect.stringMatching(/at least one journey stage/) } });
    expect((await call(library, 'study.overview', { id: study.id })).stages.map((s) => s.id)).toEqual([last!.id]);
    const stageOf = library.context.db.prepare('SELECT stage_id FROM finding WHERE id = ?').get(finding) as { stage_id: string | null };
    expect(stageOf.stage_id).toBe(last!.id);
    // With a second stage added, the first can go.
    const added = await call(library, 'stage.create', { studyId: study.id, name: '续保' });
    await call(library, 'stage.delete', { id: last!.id, moveTo: added.id });
    expect((await call(library, 'study.overview', { id: study.id })).stages.map((s) => s.name)).toEqual(['续保']);
  });

  it('updates the product or service a study is about, on its own and along with the goal', async () => {
    const { library, study } = await newStudy();
    const updated = await call(library, 'study.update', { id: study.id, product: '家庭财产保险' });
    expect(updated).toMatchObject({ product: '家庭财产保险', goal: '' });
    const both = await call(library, 'study.update', { id: study.id, goal: '了解首次投保', product: 'Home insurance, online and by phone' });
    expect(both).toMatchObject({ goal: '了解首次投保', product: 'Home insurance, online and by phone' });
    // Leaving the product out keeps it; clearing it is a change too.
    expect((await call(library, 'study.update', { id: study.id, plannedInterviews: 12 })).product).toBe('Home insurance, online and by phone');
    expect((await call(library, 'study.update', { id: study.id, product: '' })).product).toBe('');
    expect((await call(library, 'study.overview', { id: study.id })).study.product).toBe('');
  });

  it('puts a removed stage\'s groups and loose cards after those of the stage they join, so every one can still be placed', async () => {
    const { library, study, stages } = await newStudy();
    const [awareness, consideration, decision] = stages;
    const card = (text: string, stageId: string) => createFinding(library.context.db, study.id, { text, type: 'do', stageId });
    const group = (name: string, stageId: string) => call(library, 'board.createGroup', { studyId: study.id, stageId, name, findingIds: [] });
    // Each column numbers its groups and cards from the start, so both columns hold the same positions.
    const kept = await group('Kept', consideration!.id);
    const moved = await group('Moved', awareness!.id);
    const third = await group('Third', decision!.id);
    const keptCard = card('Compared prices', consideration!.id);
    const movedCard = card('Saw an ad', awareness!.id);
    const thirdCard = card('比较了三家', decision!.id);
    await call(library, 'stage.delete', { id: awareness!.id, moveTo: consideration!.id });

    const board = await call(library, 'board.get', { studyId: study.id });
    const column = board.groups.filter((g) => g.stageId === consideration!.id);
    expect(column.map((g) => g.id)).toEqual([kept.id, moved.id]);
    expect(new Set(column.map((g) => g.position)).size).toBe(2);
    // Placing something between two of them needs a position strictly between theirs.
    await call(library, 'board.moveGroup', { id: third.id, stageId: consideration!.id, beforeId: moved.id });
    await call(library, 'board.moveCards', { studyId: study.id, findingIds: [thirdCard], stageId: consideration!.id, groupId: null, beforeId: movedCard });
    const after = await call(library, 'board.get', { studyId: study.id });
    expect(after.groups.filter((g) => g.stageId === consideration!.id).map((g) => g.id)).toEqual([kept.id, third.id, moved.id]);
    const loose = after.cards.filter((c) => c.stageId === consideration!.id && c.groupId === null).map((c) => c.id);
    expect(loose).toEqual([keptCard, thirdCard, movedCard]);
  });

  it('refuses to move findings into a stage of another study', async () => {
    const { library, stages } = await newStudy();
    const other = await call(library, 'study.create', { name: 'Other' });
    const otherStages = (await call(library, 'study.overview', { id: other.id })).stages;
    expect(await failure(library, 'stage.delete', { id: stages[0]!.id, moveTo: otherStages[0]!.id })).toBe('conflict');
  });

  it('keeps touchpoints and influencers per stage, in Chinese too', async () => {
    const { library, stages } = await newStudy();
    const stage = stages[0]!;
    await call(library, 'stage.addItem', { stageId: stage.id, kind: 'touchpoint', name: '小红书' });
    let updated = await call(library, 'stage.addItem', { stageId: stage.id, kind: 'influencer', name: 'Spouse' });
    expect(updated.touchpoints.map((t) => t.name)).toEqual(['小红书']);
    expect(updated.influencers.map((t) => t.name)).toEqual(['Spouse']);
    updated = await call(library, 'stage.removeItem', { stageId: stage.id, kind: 'touchpoint', itemId: updated.touchpoints[0]!.id });
    expect(updated.touchpoints).toEqual([]);
  });
});
