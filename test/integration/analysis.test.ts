// The analysis dashboard and suggested grouping through the service layer, on a
// study built through the contract: every number drills down to exactly the findings
// it counts, withdrawn participants leave every figure, and accepting a suggestion is
// one undoable board action.
import { describe, expect, it } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import { dashboardDocument } from '../../electron/core/services/dashboard-export.js';
import { dashboardDocumentHtml } from '../../shared/export/dashboard-html.js';
import type { OperationInput } from '../../shared/api/contract.js';
import type { PainKind } from '../../shared/domain.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

interface Spec {
  who: 0 | 1 | 2 | 3;
  text: string;
  stage: number | null;
  terms?: PainKind[];
  tags?: string[];
}

const SPECS: readonly Spec[] = [
  { who: 0, text: '等了三天才拿到报价', stage: 1, terms: ['T'], tags: ['waiting', 'price'] },
  { who: 0, text: 'Hidden fees at signing', stage: 2, terms: ['M', 'E'], tags: ['price'] },
  { who: 1, text: '报价单上多了精品包', stage: 2, terms: ['M'], tags: ['price', 'trust'] },
  { who: 1, text: 'Salesperson kept calling', stage: 1, terms: ['E'], tags: ['waiting', 'price'] },
  { who: 2, text: '保养预约要等一周', stage: 4, terms: ['T'], tags: ['service'] },
  { who: 2, text: 'Quote took a week', stage: 1, terms: ['T'] },
  { who: 3, text: '退订金要等一个月', stage: 2, terms: ['T', 'M'], tags: ['trust'] },
];

async function setUp() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Analysis', plannedInterviews: 8 });
  const studyId = study.id;
  const { stages } = await call(library, 'study.overview', { id: studyId });
  const tags: Record<string, string> = {};
  for (const name of ['waiting', 'price', 'trust', 'service']) tags[name] = (await call(library, 'tag.create', { studyId, fields: { name } })).id;
  const people: string[] = [];
  const sessions: string[] = [];
  for (const [i, age] of ['25-34', '35-44', '35-44', '25-34'].entries()) {
    const p = await call(library, 'participant.create', { studyId, fields: { code: `P0${i + 1}`, source: i === 3 ? 'competitor' : 'own', attributes: { demographic: { age } } } });
    people.push(p.id);
    const s = await call(library, 'session.create', { studyId, participantId: p.id, guideVersionId: null, interviewer: '' });
    sessions.push(s.id);
    await call(library, 'session.start', { id: s.id });
    if (i < 3) await call(library, 'session.end', { id: s.id }); // the fourth interview is still running
    // Held on consecutive days, in order.
    library.context.db.prepare('UPDATE session SET started_at = ? WHERE id = ?').run(`2026-10-0${i + 1}T09:00:00.000Z`, s.id);
  }
  const findings: string[] = [];
  for (const spec of SPECS) {
    const f = await call(library, 'finding.create', {
      sessionId: sessions[spec.who]!,
      questionId: null,
      paragraphKey: null,
      text: spec.text,
      type: 'pain_point',
      fields: { stageId: spec.stage === null ? null : stages[spec.stage]!.id, terms: spec.terms ?? [], tagIds: (spec.tags ?? []).map((t) => tags[t]!) },
    });
    findings.push(f.id);
  }
  const slow = await call(library, 'board.createGroup', { studyId, stageId: stages[1]!.id, name: 'Slow quotes', findingIds: [findings[0]!, findings[5]!] });
  const fees = await call(library, 'board.createGroup', { studyId, stageId: stages[2]!.id, name: 'Fees', findingIds: [findings[1]!, findings[2]!] });
  const theme = await call(library, 'board.createTheme', { studyId, name: 'Opaque pricing', groupIds: [fees.id] });
  return { library, studyId, stages, tags, people, sessions, findings, slow, fees, theme };
}

type Selection = OperationInput<'analysis.evidence'>['selection'];
const evidence = async (library: Library, studyId: string, selection: Selection) =>
  (await call(library, 'analysis.evidence', { studyId, selection })).map((c) => c.id).sort();

describe('analysis dashboard', () => {
  it('shows progress against the plan, the 25% checkpoint and coverage gaps', async () => {
    const { library, studyId } = await setUp();
    const { progress } = await call(library, 'analysis.dashboard', { studyId });
    expect(progress).toMatchObject({ planned: 8, completed: 3, inProgress: 1, scheduled: 0, missed: 0, checkpoint: { target: 2, reached: true } });
    expect(progress.coverage.attribute).toBe('age');
    expect(progress.gaps).toEqual(expect.arrayContaining([{ value: '35-44', source: 'competitor', participants: 0, interviewed: 0 }]));
    expect(progress.gaps).not.toContainEqual(expect.objectContaining({ value: '35-44', source: 'own' }));
  });

  it('counts what each completed interview added, in the order they were held', async () => {
    const { library, studyId, sessions, tags, slow, fees, theme, findings } = await setUp();
    const { saturation } = await call(library, 'analysis.dashboard', { studyId });
    expect(saturation.interviews.map((p) => [p.sessionId, p.participantCode, p.findings])).toEqual([
      [sessions[0], 'P01', 2],
      [sessions[1], 'P02', 2],
      [sessions[2], 'P03', 2],
    ]);
    expect(saturation.interviews.map((p) => [p.newTagIds, p.newGroupIds, p.newThemeIds])).toEqual([
      [[tags.waiting, tags.price].sort(), [slow.id, fees.id].sort(), [theme.id]],
      [[tags.trust], [], []],
      [[tags.service], [], []],
    ]);
    expect(saturation.recent).toEqual({ lastN: 3, newTags: 4, newGroups: 2, newThemes: 1 });
    expect(await evidence(library, studyId, { chart: 'saturation', sessionId: sessions[1]!, what: 'tags' })).toEqual([findings[2]]);
    expect(await evidence(library, studyId, { chart: 'saturation', sessionId: sessions[0]!, what: 'groups' })).toEqual([findings[0], findings[1]].sort());
    expect(await evidence(library, studyId, { chart: 'saturation', sessionId: sessions[0]!, what: 'themes' })).toEqual([findings[1]]);
  });

  it('maps pain points by stage and TERMS with distinct participants, and each cell drills down to its findings', async () => {
    const { library, studyId, stages, findings } = await setUp();
    const { painPoints, stages: rows } = await call(library, 'analysis.dashboard', { studyId });
    expect(rows.map((s) => s.id)).toEqual(stages.map((s) => s.id));
    const cell = (stage: number, kind: PainKind) => painPoints.cells.find((c) => c.stageId === stages[stage]!.id && c.kind === kind)!;
    expect(cell(1, 'T')).toMatchObject({ findings: 2, participants: 2 });
    expect(cell(2, 'M')).toMatchObject({ findings: 3, participants: 3 });
    expect(cell(1, 'E')).toMatchObject({ findings: 1, participants: 1 });
    expect(painPoints.total).toEqual({ findings: 7, participants: 4 });
    expect(await evidence(library, studyId, { chart: 'painPoints', stageId: stages[2]!.id, kind: 'M' })).toEqual([findings[1], findings[2], findings[6]].sort());
    expect(await evidence(library, studyId, { chart: 'painPoints', kind: 'T' })).toEqual([findings[0], findings[4], findings[5], findings[6]].sort());
    for (const c of painPoints.cells) {
      expect(await evidence(library, studyId, { chart: 'painPoints', stageId: c.stageId, kind: c.kind })).toHaveLength(c.findings);
    }
  });

  it('counts pain-point findings only: an influencer or an improvement idea carrying TERMS stays out of the heatmap, its drill-down, the segment comparison and the exported document', async () => {
    const { library, studyId, stages, sessions } = await setUp();
    const typed = async (type: 'influencer' | 'improvement_idea', text: string) =>
      call(library, 'finding.create', {
        sessionId: sessions[0]!,
        questionId: null,
        paragraphKey: null,
        text,
        type,
        fields: { stageId: stages[1]!.id, terms: ['T', 'M'], tagIds: [] },
      });
    const influencer = await typed('influencer', '朋友说这家店报价慢');
    const idea = await typed('improvement_idea', 'Send the quote the same day');
    const segment = { dimension: 'demographic' as const, attribute: 'age' };
    const { painPoints, segments } = await call(library, 'analysis.dashboard', { studyId, segment });
    const cell = (kind: PainKind) => painPoints.cells.find((c) => c.stageId === stages[1]!.id && c.kind === kind)!;
    expect(cell('T')).toMatchObject({ findings: 2, participants: 2 });
    expect(cell('M')).toMatchObject({ findings: 0, participants: 0 });
    expect(painPoints.total).toEqual({ findings: 7, participants: 4 });
    expect(segments.values.map((v) => [v.value, v.painPoints.total.findings])).toEqual([
      ['25-34', 3],
      ['35-44', 4],
    ]);
    const drilled = [
      ...(await evidence(library, studyId, { chart: 'painPoints', stageId: stages[1]!.id, kind: 'T' })),
      ...(await evidence(library, studyId, { chart: 'painPoints', kind: 'M' })),
      ...(await evidence(library, studyId, { chart: 'painPoints', kind: 'T', segment: { ...segment, value: '25-34' } })),
    ];
    expect(drilled).not.toContain(influencer.id);
    expect(drilled).not.toContain(idea.id);
    const doc = dashboardDocument(library.context, studyId, segment);
    expect(doc.dashboard.painPoints).toEqual(painPoints);
    expect(dashboardDocumentHtml(doc)).toContain('Pain-point findings');
  });

  it('splits the heatmap by a chosen participant attribute', async () => {
    const { library, studyId, stages, findings } = await setUp();
    const { segments } = await call(library, 'analysis.dashboard', { studyId, segment: { dimension: 'demographic', attribute: 'age' } });
    expect(segments.values.map((v) => [v.value, v.participants, v.painPoints.total.findings])).toEqual([
      ['25-34', 2, 3],
      ['35-44', 2, 4],
    ]);
    const older = segments.values[1]!.painPoints.cells.find((c) => c.stageId === stages[1]!.id && c.kind === 'T')!;
    expect(older).toMatchObject({ findings: 1, participants: 1 });
    const segment = { dimension: 'demographic' as const, attribute: 'age', value: '35-44' };
    expect(await evidence(library, studyId, { chart: 'painPoints', stageId: stages[1]!.id, kind: 'T', segment })).toEqual([findings[5]]);
  });

  it('counts tag use and co-occurrence, and drills into a pair', async () => {
    const { library, studyId, tags, findings } = await setUp();
    const { tags: stats } = await call(library, 'analysis.dashboard', { studyId });
    expect(stats.tags.map((t) => [t.name, t.findings, t.participants])).toEqual([
      ['price', 4, 2],
      ['trust', 2, 2],
      ['waiting', 2, 2],
      ['service', 1, 1],
    ]);
    const pair = [tags.price!, tags.waiting!].sort();
    expect(stats.pairs[0]).toEqual({ tagIds: pair, findings: 2 });
    expect(await evidence(library, studyId, { chart: 'tags', tagIds: pair })).toEqual([findings[0], findings[3]].sort());
  });

  it('leaves a withdrawn participant out of every figure', async () => {
    const { library, studyId, people } = await setUp();
    await call(library, 'participant.setWithdrawn', { id: people[1]!, withdrawn: true });
    const d = await call(library, 'analysis.dashboard', { studyId });
    expect(d.progress.completed).toBe(2);
    expect(d.saturation.interviews.map((p) => p.participantCode)).toEqual(['P01', 'P03']);
    expect(d.painPoints.total).toEqual({ findings: 5, participants: 3 });
    expect(d.tags.tags.find((t) => t.name === 'trust')).toMatchObject({ findings: 1, participants: 1 });
    expect(await evidence(library, studyId, { chart: 'painPoints' })).toHaveLength(5);
  });
});

describe('suggested grouping', () => {
  async function loose(library: Library, studyId: string, stageId: string | null, texts: readonly string[]) {
    const p = await call(library, 'participant.create', { studyId, fields: { code: `L${Math.random().toString(36).slice(2, 8)}` } });
    const s = await call(library, 'session.create', { studyId, participantId: p.id, guideVersionId: null, interviewer: '' });
    const ids: string[] = [];
    for (const text of texts) ids.push((await call(library, 'finding.create', { sessionId: s.id, questionId: null, paragraphKey: null, text, type: 'pain_point', fields: { stageId } })).id);
    return ids;
  }

  it('proposes groups per column from ungrouped findings; accepting one is a single undoable action', async () => {
    const { library, studyId, stages } = await setUp();
    const unsorted = await loose(library, studyId, null, ['试驾路线太短，没上高架', '试驾只绕了店门口一圈，路线太短', 'Loved the coffee in the lounge']);
    const staged = await loose(library, studyId, stages[3]!.id, ['The price quote took a week to arrive', 'Waited a week for the price quote']);
    const all = await call(library, 'board.suggestGroups', { studyId });
    const sorted = all.groups.map((g) => [g.stageId, [...g.findingIds].sort()]);
    expect(sorted).toEqual(expect.arrayContaining([[null, [unsorted[0], unsorted[1]].sort()], [stages[3]!.id, [...staged].sort()]]));
    expect(all.groups.flatMap((g) => g.findingIds)).not.toContain(unsorted[2]);
    const only = await call(library, 'board.suggestGroups', { studyId, stageId: null });
    expect(only.groups.every((g) => g.stageId === null)).toBe(true);

    const suggestion = all.groups.find((g) => g.stageId === null)!;
    expect(suggestion.name).toContain('试驾');
    const before = await call(library, 'board.get', { studyId });
    const group = await call(library, 'board.createGroup', { studyId, stageId: suggestion.stageId, name: suggestion.name, findingIds: suggestion.findingIds });
    const after = await call(library, 'board.get', { studyId });
    expect(after.cards.filter((c) => c.groupId === group.id).map((c) => c.id).sort()).toEqual([...suggestion.findingIds].sort());
    expect(after.undo.undo).toBe('group');
    await call(library, 'board.undo', { studyId });
    const undone = await call(library, 'board.get', { studyId });
    expect(undone.groups).toEqual(before.groups);
    expect(undone.cards.map((c) => [c.id, c.groupId, c.stageId])).toEqual(before.cards.map((c) => [c.id, c.groupId, c.stageId]));
    expect((await call(library, 'board.suggestGroups', { studyId, stageId: null })).groups).toHaveLength(1);
  });

  it('refuses a column of another study', async () => {
    const { library, studyId } = await setUp();
    const other = await call(library, 'study.create', { name: 'Other' });
    const { stages } = await call(library, 'study.overview', { id: other.id });
    expect((await library.dispatch('board.suggestGroups', { studyId, stageId: stages[0]!.id })).ok).toBe(false);
  });
});
