// The dashboard's counting rules on hand-computed fixtures: saturation (what first
// appeared in each interview), the stage x TERMS heatmap with distinct participants,
// and tag frequency with co-occurrence.
import { describe, expect, it } from 'vitest';
import { inPainCell, painMatrix, type PainFinding } from '../../shared/analysis/pain-matrix.js';
import { saturation } from '../../shared/analysis/saturation.js';
import { tagStats } from '../../shared/analysis/tag-stats.js';

const interview = (n: number) => ({ sessionId: `S${n}`, participantId: `P${n}`, participantCode: `P0${n}`, date: `2026-10-0${n}` });

describe('saturation', () => {
  const interviews = [1, 2, 3, 4].map(interview);
  const findings = [
    { id: 'f5', sessionId: 'S3', tagIds: ['a'], groupId: 'G3' }, // listed first, held third
    { id: 'f1', sessionId: 'S1', tagIds: ['a', 'b'], groupId: 'G1' },
    { id: 'f2', sessionId: 'S1', tagIds: ['a'], groupId: null },
    { id: 'f3', sessionId: 'S2', tagIds: ['b', 'c'], groupId: 'G1' },
    { id: 'f4', sessionId: 'S2', tagIds: [], groupId: 'G2' },
    { id: 'f6', sessionId: 'S4', tagIds: ['d'], groupId: 'G2' },
    { id: 'f7', sessionId: 'S4', tagIds: ['e', 'c'], groupId: 'G4' },
    { id: 'f8', sessionId: 'S0', tagIds: ['z'], groupId: 'G5' }, // an interview not completed: ignored
  ];
  const themes = new Map<string, string | null>([
    ['G1', 'T1'],
    ['G4', 'T1'],
    ['G3', 'T2'],
    ['G2', null],
    ['G5', 'T3'],
  ]);

  it('counts the tags, groups and themes that first appeared in each interview, in the order held', () => {
    const result = saturation(interviews, findings, themes);
    expect(result.interviews.map((p) => [p.sessionId, p.findings, p.newTagIds, p.newGroupIds, p.newThemeIds])).toEqual([
      ['S1', 2, ['a', 'b'], ['G1'], ['T1']],
      ['S2', 2, ['c'], ['G2'], []],
      ['S3', 1, [], ['G3'], ['T2']],
      ['S4', 2, ['d', 'e'], ['G4'], []],
    ]);
    expect(result.interviews.map((p) => [p.tagsSoFar, p.groupsSoFar, p.themesSoFar])).toEqual([
      [2, 1, 1],
      [3, 2, 1],
      [3, 3, 2],
      [5, 4, 2],
    ]);
  });

  it('reads the last three interviews as data for a plain-language sentence', () => {
    expect(saturation(interviews, findings, themes).recent).toEqual({ lastN: 3, newTags: 3, newGroups: 3, newThemes: 1 });
    expect(saturation(interviews.slice(0, 1), findings, themes).recent).toEqual({ lastN: 1, newTags: 2, newGroups: 1, newThemes: 1 });
    expect(saturation([], findings, themes)).toEqual({ interviews: [], recent: { lastN: 0, newTags: 0, newGroups: 0, newThemes: 0 } });
  });
});

describe('pain-point heatmap', () => {
  const findings: PainFinding[] = [
    { id: '1', participantId: 'A', stageId: 's1', type: 'pain_point', terms: ['T', 'M'] },
    { id: '2', participantId: 'A', stageId: 's1', type: 'pain_point', terms: ['T'] },
    { id: '3', participantId: 'B', stageId: 's1', type: 'pain_point', terms: ['T'] },
    { id: '4', participantId: 'B', stageId: 's2', type: 'pain_point', terms: ['E'] },
    { id: '5', participantId: null, stageId: null, type: 'pain_point', terms: ['M'] },
    { id: '6', participantId: 'C', stageId: 's2', type: 'pain_point', terms: [] }, // no TERMS: not counted
    { id: '7', participantId: 'C', stageId: 's1', type: 'influencer', terms: ['T'] }, // TERMS on another type: not a pain point
    { id: '8', participantId: 'D', stageId: 's2', type: 'improvement_idea', terms: ['E', 'M'] },
  ];

  it('counts findings and distinct participants per stage and TERMS kind, with row and column totals', () => {
    const m = painMatrix(findings, ['s1', 's2', null]);
    const cell = (stageId: string | null, kind: string) => m.cells.find((c) => c.stageId === stageId && c.kind === kind);
    expect(m.cells).toHaveLength(15);
    expect(cell('s1', 'T')).toEqual({ stageId: 's1', kind: 'T', findings: 3, participants: 2 });
    expect(cell('s1', 'M')).toEqual({ stageId: 's1', kind: 'M', findings: 1, participants: 1 });
    expect(cell('s2', 'E')).toMatchObject({ findings: 1, participants: 1 });
    expect(cell(null, 'M')).toMatchObject({ findings: 1, participants: 0 });
    expect(cell('s2', 'R')).toMatchObject({ findings: 0, participants: 0 });
    expect(m.byStage).toEqual([
      { stageId: 's1', findings: 3, participants: 2 },
      { stageId: 's2', findings: 1, participants: 1 },
      { stageId: null, findings: 1, participants: 0 },
    ]);
    expect(m.byKind.find((k) => k.kind === 'M')).toEqual({ kind: 'M', findings: 2, participants: 1 });
    expect(m.total).toEqual({ findings: 5, participants: 2 });
  });

  it('drills into exactly the findings a cell, row or column counts', () => {
    const ids = (stageId: string | null | undefined, kind?: 'T' | 'M') => findings.filter((f) => inPainCell(f, stageId, kind)).map((f) => f.id);
    expect(ids('s1', 'T')).toEqual(['1', '2', '3']);
    expect(ids(undefined, 'M')).toEqual(['1', '5']);
    expect(ids(null)).toEqual(['5']);
    expect(ids(undefined)).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('tag frequency and co-occurrence', () => {
  it('counts uses, participants and pairs of tags on the same finding', () => {
    const tags = [
      { id: 'a', name: 'Price', parentId: null },
      { id: 'b', name: 'Waiting', parentId: null },
      { id: 'c', name: 'Trust', parentId: 'a' },
      { id: 'd', name: 'Unused', parentId: null },
    ];
    const stats = tagStats(
      [
        { id: '1', participantId: 'A', tagIds: ['a', 'b', 'c'] },
        { id: '2', participantId: 'B', tagIds: ['a', 'b'] },
        { id: '3', participantId: 'B', tagIds: ['b'] },
        { id: '4', participantId: null, tagIds: ['c', 'gone'] }, // a tag in the trash is not listed
      ],
      tags,
    );
    expect(stats.tags).toEqual([
      { tagId: 'b', name: 'Waiting', parentId: null, findings: 3, participants: 2 },
      { tagId: 'a', name: 'Price', parentId: null, findings: 2, participants: 2 },
      { tagId: 'c', name: 'Trust', parentId: 'a', findings: 2, participants: 1 },
    ]);
    expect(stats.pairs).toEqual([
      { tagIds: ['a', 'b'], findings: 2 },
      { tagIds: ['a', 'c'], findings: 1 },
      { tagIds: ['b', 'c'], findings: 1 },
    ]);
  });
});
