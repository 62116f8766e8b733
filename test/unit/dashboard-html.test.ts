// The exported analysis dashboard as HTML, from a hand-made dashboard: the reading in
// plain words, the heatmap coloured as on screen with the stages named in the study's
// language, the longest lists cut to their top entries, user text escaped, no script.
import { describe, expect, it } from 'vitest';
import type { Dashboard, PainMatrix } from '../../shared/api/analysis.js';
import { heatColour, heatInk } from '../../shared/analysis/chart-geometry.js';
import { dashboardDocumentHtml, TOP_PAIRS, TOP_TAGS } from '../../shared/export/dashboard-html.js';
import { dashboardLabels } from '../../shared/export/dashboard-labels.js';
import { STUDY_LANGUAGES, type StudyLanguage } from '../../shared/domain.js';

const SCRIPT = '<script>alert(1)</script>';

const emptyMatrix = (): PainMatrix => ({ cells: [], byStage: [], byKind: [], total: { findings: 0, participants: 0 } });

/** Two stages (one renamed), pain points at the first and some without a stage. */
function dashboard(): Dashboard {
  const interview = (code: string, i: number) => ({
    sessionId: `s${i}`,
    participantId: `p${i}`,
    participantCode: code,
    date: null,
    findings: 3,
    newTagIds: i === 0 ? ['t1', 't2'] : [],
    newGroupIds: i === 2 ? ['g1', 'g2'] : [],
    newThemeIds: i === 3 ? ['h1'] : [],
    tagsSoFar: 2,
    groupsSoFar: i >= 2 ? 2 : 0,
    themesSoFar: i >= 3 ? 1 : 0,
  });
  const tags = Array.from({ length: 25 }, (_, i) => ({ tagId: `t${i}`, name: i === 0 ? `price ${SCRIPT}` : `tag ${i}`, parentId: null, findings: 30 - i, participants: 3 }));
  return {
    studyId: 'study',
    stages: [
      { id: 'a', name: 'Awareness', defaultKey: 'awareness' },
      { id: 'b', name: 'Showroom & test drive', defaultKey: null },
    ],
    progress: {
      planned: 12,
      completed: 4,
      inProgress: 1,
      scheduled: 2,
      missed: 1,
      checkpoint: { target: 3, reached: true },
      coverage: { attributes: [], dimension: 'geographic', attribute: 'city', values: ['Beijing', ''], cells: [], planned: 12, interviewed: 4, scheduled: 2, recruited: 8, withdrawn: 0 },
      gaps: [
        { value: '', source: 'competitor', participants: 2, interviewed: 0 },
        { value: `Wuhan ${SCRIPT}`, source: 'own', participants: 0, interviewed: 0 },
      ],
    },
    saturation: { interviews: ['P01', 'P02', 'P03', 'P04'].map(interview), recent: { lastN: 3, newTags: 0, newGroups: 2, newThemes: 1 } },
    painPoints: {
      cells: [
        { stageId: 'a', kind: 'T', findings: 4, participants: 3 },
        { stageId: 'a', kind: 'M', findings: 1, participants: 1 },
        { stageId: null, kind: 'R', findings: 2, participants: 2 },
      ],
      byStage: [
        { stageId: 'a', findings: 5, participants: 3 },
        { stageId: null, findings: 2, participants: 2 },
      ],
      byKind: [
        { kind: 'T', findings: 4, participants: 3 },
        { kind: 'M', findings: 1, participants: 1 },
        { kind: 'R', findings: 2, participants: 2 },
      ],
      total: { findings: 7, participants: 4 },
    },
    segments: {
      dimension: 'geographic',
      attribute: 'city',
      values: [
        { value: 'Beijing', participants: 3, painPoints: { ...emptyMatrix(), byKind: [{ kind: 'T', findings: 4, participants: 3 }], total: { findings: 4, participants: 3 } } },
        { value: '', participants: 1, painPoints: emptyMatrix() },
      ],
    },
    tags: {
      tags,
      pairs: Array.from({ length: 20 }, (_, i) => ({ tagIds: ['t0', `t${i + 1}`] as [string, string], findings: 20 - i })),
    },
  };
}

const html = (language: StudyLanguage = 'en', d: Dashboard = dashboard()) =>
  dashboardDocumentHtml({ language, studyName: `Car buyers ${SCRIPT}`, date: '2026-10-20', dashboard: d });

describe('dashboard document', () => {
  it('reads the saturation in plain words and states progress against the plan', () => {
    const page = html();
    expect(page).toContain('The last 3 interviews added 1 new theme, 2 new groups and 0 new tags.');
    expect(page).toContain('4 of 12 interviews done');
    expect(page).toContain('Past the 25% checkpoint (3 interviews)');
    expect(page).toContain('1 in progress, 2 scheduled, 1 missed.');
    expect(page).toContain('2 coverage gaps');
    expect(page).toContain('(none) · Competitors&#39; customers <span class="muted">(2 recruited, not yet interviewed)</span>');
    expect(page).toContain('Exported 2026-10-20');
    expect(page).toContain('@page { size: A4 landscape;');
  });

  it('draws the saturation curve as inline SVG: three lines, a bar per interview, the codes under it', () => {
    const page = html();
    const svg = /<svg class="saturation"[^>]*>(.*?)<\/svg>/s.exec(page)?.[1] ?? '';
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg.match(/<rect /g)).toHaveLength(4);
    expect(svg).toContain('>P04</text>');
    expect(page).toContain('Tags (2)');
    expect(page).toContain('Themes (1)');
  });

  it('colours the heatmap as the screen does, each cell "findings (participants)", with a row for unstaged findings', () => {
    const page = html();
    expect(page).toContain(`<td style="background:${heatColour(4, 4)};color:${heatInk(4, 4)}">4 (3)</td>`);
    expect(page).toContain(`<td style="background:${heatColour(1, 4)};color:${heatInk(1, 4)}">1 (1)</td>`);
    expect(page).toContain('<th scope="row">Awareness</th>');
    expect(page).toContain('<th scope="row">Showroom &amp; test drive</th>');
    expect(page).toMatch(/<th scope="row">No stage<\/th>(<td[^>]*>[^<]*<\/td>){2}<td[^>]*>2 \(2\)<\/td>/);
    expect(page).toContain('<td class="total"><strong>7 (4)</strong></td>');
    const noUnstaged = dashboard();
    noUnstaged.painPoints.byStage = noUnstaged.painPoints.byStage.filter((r) => r.stageId !== null);
    expect(html('en', noUnstaged)).not.toContain('No stage');
  });

  it('names default stages and every label in the study language', () => {
    const page = html('zh-Hant');
    expect(page).toContain('<html lang="zh-Hant">');
    expect(page).toContain('<th scope="row">認知</th>');
    expect(page).toContain('<th scope="row">Showroom &amp; test drive</th>');
    expect(page).toContain('最近 3 場訪談新增了 1 個主題、2 個分組和 0 個標籤。');
    expect(page).toContain('拆分依據：city · 地理');
    expect(page).toContain('Noto Sans CJK TC');
    for (const language of STUDY_LANGUAGES) expect(dashboardLabels(language).reading({ lastN: 1, newTags: 1, newGroups: 1, newThemes: 1 })).not.toBe('');
  });

  it('compares segments on the chosen attribute and shows the top tags and pairs only', () => {
    const page = html();
    expect(page).toContain('Split by: city · Geographic');
    expect(page).toMatch(/<tr><th scope="row">Beijing<\/th><td>3<\/td><td[^>]*>4 \(3\)<\/td>/);
    expect(page).toContain('<tr><th scope="row">(none)</th><td>1</td>');
    const tagRows = /<section class="tags">(.*?)<\/section>/s.exec(page)?.[1]?.match(/<tr>/g);
    const pairRows = /<section class="pairs">(.*?)<\/section>/s.exec(page)?.[1]?.match(/<tr>/g);
    expect(tagRows).toHaveLength(TOP_TAGS);
    expect(pairRows).toHaveLength(TOP_PAIRS);
    expect(page).toContain('30 findings · 3 participants');
    expect(page).not.toContain('tag 24');
  });

  it('escapes every user string and contains no script', () => {
    const page = html();
    expect(page).toContain('price &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<h1>Car buyers &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(page).toContain('Wuhan &lt;script&gt;');
    expect(page).not.toMatch(/<script\b|<[^>]*\son[a-z]+\s*=/i);
    expect(page).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
  });

  it('says so when there is nothing to chart yet', () => {
    const d = dashboard();
    d.saturation = { interviews: [], recent: { lastN: 0, newTags: 0, newGroups: 0, newThemes: 0 } };
    d.segments = { dimension: null, attribute: null, values: [] };
    d.tags = { tags: [], pairs: [] };
    d.progress = { ...d.progress, planned: 0, checkpoint: { target: 0, reached: false }, gaps: [] };
    const page = html('en', d);
    expect(page).toContain('No completed interviews yet.');
    expect(page).not.toContain('<svg');
    expect(page).toContain('Add segment attributes to participants to compare segments.');
    expect(page).toContain('No tags used on findings yet.');
    expect(page).toContain('4 interviews done');
    expect(page).toContain('No interviews planned yet');
    expect(page).toContain('Every segment × source cell has an interview.');
  });
});
