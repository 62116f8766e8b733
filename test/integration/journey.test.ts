// The journey map on a real library: one per study, created on demand; the emotion
// curve within -2..+2; items per stage and lane with TERMS on pain points and
// evidence; and pre-filling empty cells from the affinity board.
import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../shared/api/journey.js';
import { personaStudy, type FindingSpec } from '../fixtures/persona-study.js';
import { call, failure } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

async function setUp(findings?: readonly FindingSpec[]) {
  const library = await openTestLibrary();
  const built = await personaStudy(library, 'zh-Hans', findings);
  const map = await call(library, 'journey.get', { studyId: built.study.id });
  return { library, map, ...built };
}

const cell = (map: JourneyMap, stageId: string, lane: string) => map.items.filter((i) => i.stageId === stageId && i.lane === lane);

describe('journey map', () => {
  it('is created once per study on first request, titled in the study language, with the stages as columns', async () => {
    const { library, study, stages, map } = await setUp();
    expect(map).toMatchObject({ studyId: study.id, title: '客户旅程地图', personaId: null, emotions: [], items: [] });
    expect(map.stages.map((s) => s.id)).toEqual(stages.map((s) => s.id));
    expect((await call(library, 'journey.get', { studyId: study.id })).id).toBe(map.id);
  });

  it('sets its title and the persona it is for, only a persona of the same study', async () => {
    const { library, study, map } = await setUp();
    const persona = await call(library, 'persona.create', { studyId: study.id, name: '谨慎的家庭换车者', members: { kind: 'participants', participantIds: [] } });
    const updated = await call(library, 'journey.update', { mapId: map.id, title: '换车之旅', personaId: persona.id });
    expect(updated).toMatchObject({ title: '换车之旅', personaId: persona.id });
    expect((await call(library, 'journey.update', { mapId: map.id, personaId: null })).personaId).toBeNull();
    const other = await call(library, 'study.create', { name: 'Other' });
    const stranger = await call(library, 'persona.create', { studyId: other.id, name: 'X', members: { kind: 'participants', participantIds: [] } });
    expect(await failure(library, 'journey.update', { mapId: map.id, personaId: stranger.id })).toBe('not_found');
  });

  it('keeps an emotion score per stage from -2 to +2, clears it with null, and rejects anything else by schema', async () => {
    const { library, stages, map } = await setUp();
    await call(library, 'journey.setEmotion', { mapId: map.id, stageId: stages[2]!.id, score: -2 });
    const set = await call(library, 'journey.setEmotion', { mapId: map.id, stageId: stages[0]!.id, score: 2 });
    expect(set.emotions).toEqual([
      { stageId: stages[0]!.id, score: 2, revision: 1 },
      { stageId: stages[2]!.id, score: -2, revision: 1 },
    ]);
    expect((await call(library, 'journey.setEmotion', { mapId: map.id, stageId: stages[0]!.id, score: null })).emotions).toEqual([
      { stageId: stages[2]!.id, score: -2, revision: 1 },
    ]);
    for (const score of [3, -3, 1.5, '1']) {
      expect(await failure(library, 'journey.setEmotion', { mapId: map.id, stageId: stages[0]!.id, score })).toBe('invalid_input');
    }
    const other = await call(library, 'study.create', { name: 'Other' });
    const foreignStage = (await call(library, 'study.overview', { id: other.id })).stages[0]!;
    expect(await failure(library, 'journey.setEmotion', { mapId: map.id, stageId: foreignStage.id, score: 1 })).toBe('not_found');
  });

  it('adds, edits, moves and deletes items; TERMS only on pain points, dropped when an item leaves them', async () => {
    const { library, stages, map, findings } = await setUp();
    let now = await call(library, 'journey.addItem', { mapId: map.id, stageId: stages[2]!.id, lane: 'pain_points', text: '隐藏费用', terms: ['M', 'E'], evidence: [findings[0]!] });
    const item = now.items[0]!;
    expect(item).toMatchObject({ lane: 'pain_points', terms: ['E', 'M'], evidence: [{ findingId: findings[0], participantCode: 'P01', type: 'pain_point' }] });
    expect(await failure(library, 'journey.addItem', { mapId: map.id, stageId: stages[2]!.id, lane: 'doing', text: 'x', terms: ['T'] })).toBe('conflict');
    await call(library, 'journey.addItem', { mapId: map.id, stageId: stages[2]!.id, lane: 'pain_points', text: '试驾太短' });
    await call(library, 'journey.updateItem', { itemId: item.id, text: '落地价不透明', terms: ['M'] });
    now = await call(library, 'journey.moveItem', { itemId: item.id, stageId: stages[2]!.id, lane: 'pain_points', beforeId: null });
    expect(cell(now, stages[2]!.id, 'pain_points').map((i) => i.text)).toEqual(['试驾太短', '落地价不透明']);
    now = await call(library, 'journey.moveItem', { itemId: item.id, stageId: stages[3]!.id, lane: 'opportunities', beforeId: null });
    expect(cell(now, stages[3]!.id, 'opportunities')).toMatchObject([{ id: item.id, terms: [] }]);
    now = await call(library, 'journey.linkEvidence', { itemId: item.id, findingIds: [findings[8]!] });
    expect(now.items.find((i) => i.id === item.id)!.evidence.map((e) => e.findingId)).toEqual([findings[0], findings[8]]);
    now = await call(library, 'journey.unlinkEvidence', { itemId: item.id, findingId: findings[0]! });
    expect(now.items.find((i) => i.id === item.id)!.evidence.map((e) => e.findingId)).toEqual([findings[8]]);
    now = await call(library, 'journey.deleteItem', { itemId: item.id });
    expect(now.items.map((i) => i.text)).toEqual(['试驾太短']);
    expect(await failure(library, 'journey.addItem', { mapId: map.id, stageId: stages[0]!.id, lane: 'moods', text: 'x' })).toBe('invalid_input');
  });

  it('never shows a withdrawn participant\'s finding as evidence, nor accepts it', async () => {
    const { library, stages, map, findings, participants } = await setUp();
    await call(library, 'journey.addItem', { mapId: map.id, stageId: stages[3]!.id, lane: 'feeling', text: '失望', evidence: [findings[9]!, findings[3]!] });
    await call(library, 'participant.setWithdrawn', { id: participants.P04, withdrawn: true });
    const now = await call(library, 'journey.get', { studyId: map.studyId });
    expect(now.items[0]!.evidence.map((e) => e.participantCode)).toEqual(['P01']);
    expect(await failure(library, 'journey.linkEvidence', { itemId: now.items[0]!.id, findingIds: [findings[9]!] })).toBe('not_found');
  });

  it('prefills empty cells from the board: groups by finding type, themes merged, TERMS kept, most evidenced first, evidence linked', async () => {
    const { library, study, stages, map, findings } = await setUp();
    const decision = stages[2]!.id;
    const fees = await call(library, 'board.createGroup', { studyId: study.id, stageId: decision, name: '隐藏费用', findingIds: [findings[0]!, findings[1]!, findings[5]!] });
    const test = await call(library, 'board.createGroup', { studyId: study.id, stageId: decision, name: '试驾太短', findingIds: [findings[2]!] });
    await call(library, 'board.createGroup', { studyId: study.id, stageId: decision, name: '空组', findingIds: [] });
    // An item already in the touchpoints of Awareness: that cell stays as it is.
    await call(library, 'journey.addItem', { mapId: map.id, stageId: stages[0]!.id, lane: 'touchpoints', text: '手写的触点' });

    const { map: filled, added } = await call(library, 'journey.prefill', { mapId: map.id });
    expect(cell(filled, decision, 'pain_points')).toMatchObject([
      // Two participants and two findings before one; the "do" card of the group goes to Doing.
      { text: '隐藏费用', terms: ['E', 'M'], evidence: [{ findingId: findings[0] }, { findingId: findings[1] }] },
      { text: '试驾太短', terms: ['S'], evidence: [{ findingId: findings[2] }] },
    ]);
    expect(cell(filled, decision, 'doing')).toMatchObject([{ text: '隐藏费用', terms: [], evidence: [{ findingId: findings[5] }] }]);
    // No group for ideas in Decision: the single ungrouped finding fills the cell.
    expect(cell(filled, decision, 'opportunities')).toMatchObject([{ text: '希望一口价，所有费用一张单子列清楚', terms: [], evidence: [{ findingId: findings[8] }] }]);
    expect(cell(filled, stages[1]!.id, 'thinking')).toMatchObject([{ text: '先看和自己差不多的人开得怎么样' }]);
    expect(cell(filled, stages[0]!.id, 'touchpoints').map((i) => i.text)).toEqual(['手写的触点']);
    // Quotes fill no lane.
    expect(filled.items.map((i) => i.evidence.map((e) => e.findingId)).flat()).not.toContain(findings[3]);
    expect(added).toBe(5);

    // Groups of one theme in one cell become one item named after the theme.
    await call(library, 'journey.deleteItem', { itemId: cell(filled, decision, 'pain_points')[0]!.id });
    await call(library, 'journey.deleteItem', { itemId: cell(filled, decision, 'pain_points')[1]!.id });
    await call(library, 'board.createTheme', { studyId: study.id, name: '门店体验差', groupIds: [fees.id, test.id] });
    const again = await call(library, 'journey.prefill', { mapId: map.id });
    expect(again.added).toBe(1);
    expect(cell(again.map, decision, 'pain_points')).toMatchObject([{ text: '门店体验差', terms: ['E', 'M', 'S'] }]);
    expect(cell(again.map, decision, 'pain_points')[0]!.evidence).toHaveLength(3);
    expect((await call(library, 'journey.prefill', { mapId: map.id })).added).toBe(0);
  });

  it('gives a group of mixed types one item per lane, each citing only its own findings, and keeps ungrouped findings beside groups', async () => {
    const { library, study, stages, map, findings: ids } = await setUp([
      { who: 'P01', text: '等了三天才拿到报价', type: 'pain_point', stage: 1, terms: ['T'] },
      { who: 'P02', text: '朋友说这家店报价慢', type: 'influencer', stage: 1, terms: ['R'] },
      { who: 'P03', text: '网上评论说要货比三家', type: 'influencer', stage: 1 },
      { who: 'P02', text: '销售电话催得太紧', type: 'pain_point', stage: 1, terms: ['E'] },
      { who: 'P03', text: '看车时想要一份书面报价', type: 'improvement_idea', stage: 1 },
    ]);
    const consideration = stages[1]!.id;
    // One pain point and one influencer: no majority may carry it into Influencers alone.
    await call(library, 'board.createGroup', { studyId: study.id, stageId: consideration, name: '报价慢', findingIds: [ids[0]!, ids[1]!] });
    await call(library, 'board.createGroup', { studyId: study.id, stageId: consideration, name: '口碑', findingIds: [ids[2]!, ids[4]!] });

    const { map: filled } = await call(library, 'journey.prefill', { mapId: map.id });
    const evidence = (lane: string) => cell(filled, consideration, lane).map((i) => [i.text, i.terms, i.evidence.map((e) => e.findingId)]);
    expect(evidence('pain_points')).toEqual([
      ['报价慢', ['T'], [ids[0]]],
      // The loose pain point of the same cell is kept beside the group.
      ['销售电话催得太紧', ['E'], [ids[3]]],
    ]);
    expect(evidence('influencers')).toEqual([
      ['报价慢', [], [ids[1]]],
      ['口碑', [], [ids[2]]],
    ]);
    expect(evidence('opportunities')).toEqual([['口碑', [], [ids[4]]]]);
  });

  it('leaves a withdrawn participant\'s findings out of the prefill', async () => {
    const { library, map, participants, stages } = await setUp([
      { who: 'P04', text: '只有P04说过的痛点', type: 'pain_point', stage: 1, terms: ['T'] },
      { who: 'P01', text: '门店离家太远', type: 'pain_point', stage: 4, terms: ['S'] },
    ]);
    await call(library, 'participant.setWithdrawn', { id: participants.P04, withdrawn: true });
    const { map: filled } = await call(library, 'journey.prefill', { mapId: map.id });
    expect(filled.items.map((i) => i.text)).toEqual(['门店离家太远']);
    expect(cell(filled, stages[1]!.id, 'pain_points')).toEqual([]);
  });
});
