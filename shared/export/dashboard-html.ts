// The analysis dashboard as one self-contained, printable HTML page (A4 landscape; the
// same page is screenshotted for the PNG export): progress against the plan and the
// coverage gaps, the saturation curve with its plain-language reading, the stage x
// TERMS heatmap, the segment comparison, tag frequency and co-occurring pairs. Charts
// are drawn from the same geometry and colours as the screen (chart-geometry.ts), so
// the document shows what the researcher saw. Every user string is escaped.
import { TERMS_COLOURS } from '../terms-colours.js';
import type { Dashboard } from '../api/analysis.js';
import { heatColour, heatInk, saturationChart } from '../analysis/chart-geometry.js';
import { PAIN_KINDS, type StudyLanguage } from '../domain.js';
import { stageDisplayName } from '../stage-names.js';
import { dashboardLabels, type DashboardLabels, type SaturationSeriesKey } from './dashboard-labels.js';
import { baseStyles, htmlPage, t } from './document-html.js';
import { documentLabels, withAside, type DocumentLabels } from './document-labels.js';

export interface DashboardDocument {
  language: StudyLanguage;
  studyName: string;
  /** The day it was exported (YYYY-MM-DD), shown under the title. */
  date: string;
  dashboard: Dashboard;
}

/** Width in CSS pixels of the dashboard image. */
export const DASHBOARD_IMAGE_WIDTH = 1400;
/** The tag-frequency list and the co-occurring pairs show the most frequent ones. */
export const TOP_TAGS = 20;
export const TOP_PAIRS = 15;
/** Above this many interviews, only every n-th participant code is written under the curve. */
const MAX_TICK_LABELS = 16;

/** Line colours of the saturation curve, as on the screen. */
const SERIES_COLOURS: Record<SaturationSeriesKey, string> = { tags: '#5b7db1', groups: '#2f5d62', themes: '#8e6bb8' };
const BAR_FILL = '#f2d9a9';
const BAR_LEGEND = '#c99a4b';

interface Labels {
  doc: DocumentLabels;
  dash: DashboardLabels;
}

function styles(language: StudyLanguage): string {
  return `${baseStyles(language)}
@page { size: A4 landscape; margin: 10mm; }
@media screen { .doc { padding: 24px; } }
.row { display: flex; gap: 7mm; margin-bottom: 6mm; break-inside: avoid; }
.row > section { flex: 1 1 0; min-width: 0; }
.row > section.wide { flex-grow: 1.4; }
section h2 { font-size: 12pt; margin-bottom: 2mm; }
section h3 { font-size: 10pt; margin: 3mm 0 1.5mm; }
.muted { color: #5b6470; }
.big { font-size: 14pt; font-weight: 700; margin: 0 0 2mm; }
.track { position: relative; height: 3mm; background: #e7e9ed; border-radius: 1.5mm; margin-bottom: 2.5mm; }
.track .fill { position: absolute; left: 0; top: 0; bottom: 0; background: #2f5d62; border-radius: 1.5mm; }
.track .checkpoint { position: absolute; top: -1mm; bottom: -1mm; width: 0.6mm; background: #c2410c; }
.ok { color: #15803d; }
p { margin: 0 0 1.5mm; }
ul.gaps { margin: 0; padding-left: 5mm; }
.reading { font-weight: 600; font-size: 10.5pt; }
svg.saturation { display: block; width: 100%; height: auto; }
svg.saturation text { font-size: 11px; fill: #5b6470; }
.legend { margin-top: 1.5mm; }
.legend .swatch { display: inline-block; width: 5mm; height: 1mm; margin-right: 1.5mm; vertical-align: middle; }
table.heat { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
table.heat caption { text-align: left; font-size: 8pt; color: #5b6470; margin-bottom: 1mm; }
table.heat th, table.heat td { border: 1px solid #d5d9df; padding: 1mm 1.5mm; }
table.heat thead th { background: #f4f6f9; font-weight: 700; text-align: center; }
table.heat thead th .kind { display: block; font-weight: 400; font-size: 7.5pt; color: #5b6470; }
table.heat tbody th, table.heat tfoot th { text-align: left; font-weight: 600; overflow-wrap: anywhere; }
table.heat td { text-align: center; white-space: nowrap; }
table.heat .total { background: #f4f6f9; font-weight: 600; }
table.bars { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
table.bars td { padding: 0.6mm 1.5mm 0.6mm 0; vertical-align: middle; }
table.bars td.name { width: 32%; overflow-wrap: anywhere; }
table.bars td.bar { width: 38%; }
table.bars td.count { color: #5b6470; white-space: nowrap; }
table.bars .bar span { display: block; height: 2.5mm; background: #2f5d62; border-radius: 0.5mm; min-width: 0.5mm; }
`;
}

const evidence = (n: { findings: number; participants: number } | undefined, labels: Labels) => (n && n.findings > 0 ? withAside(String(n.findings), String(n.participants), labels.doc) : '—');

function heatCell(n: { findings: number; participants: number } | undefined, max: number, labels: Labels): string {
  const findings = n?.findings ?? 0;
  return `<td style="background:${heatColour(findings, max)};color:${heatInk(findings, max)}">${evidence(n, labels)}</td>`;
}

function kindHeaders(labels: Labels): string {
  return PAIN_KINDS.map((k) => `<th scope="col"><span class="term-letter" style="color:${TERMS_COLOURS[k]}">${k}</span><span class="kind">${t(labels.doc.terms[k])}</span></th>`).join('');
}

function progressHtml(progress: Dashboard['progress'], labels: Labels): string {
  const { dash } = labels;
  const share = progress.planned > 0 ? Math.min(1, progress.completed / progress.planned) : 0;
  const checkpointAt = progress.planned > 0 ? Math.min(1, progress.checkpoint.target / progress.planned) : 0;
  const checkpoint =
    progress.planned === 0
      ? `<p class="muted">${t(dash.noPlan)}</p>`
      : progress.checkpoint.reached
        ? `<p class="ok">✓ ${t(dash.checkpointReached(progress.checkpoint.target))}</p>`
        : `<p class="muted">${t(dash.checkpointAhead(progress.checkpoint.target))}</p>`;
  const gaps = progress.gaps.map((g) => {
    const recruited = g.participants > 0 ? ` <span class="muted">${t(dash.gapRecruited(g.participants))}</span>` : '';
    return `<li>${t(g.value || dash.noValue)} · ${t(labels.doc.sources[g.source])}${recruited}</li>`;
  });
  return [
    `<section class="progress"><h2>${t(dash.progress)}</h2>`,
    `<p class="big">${t(dash.completedOf(progress.completed, progress.planned))}</p>`,
    `<div class="track"><span class="fill" style="width:${(share * 100).toFixed(1)}%"></span>${
      progress.planned > 0 ? `<span class="checkpoint" style="left:${(checkpointAt * 100).toFixed(1)}%"></span>` : ''
    }</div>`,
    checkpoint,
    `<p class="muted">${t(dash.pipeline(progress.inProgress, progress.scheduled, progress.missed))}</p>`,
    `<h3>${t(dash.gaps(progress.gaps.length))}</h3>`,
    gaps.length === 0 ? `<p class="muted">${t(dash.noGaps)}</p>` : `<ul class="gaps">${gaps.join('')}</ul>`,
    '</section>',
  ].join('\n');
}

function saturationSvg(saturation: Dashboard['saturation'], labels: Labels): string {
  const chart = saturationChart(saturation);
  const { plot } = chart;
  const every = Math.ceil(chart.ticks.length / MAX_TICK_LABELS);
  const parts = [
    ...chart.grid.map(
      (g) =>
        `<line x1="${plot.left}" x2="${plot.right}" y1="${g.y.toFixed(1)}" y2="${g.y.toFixed(1)}" stroke="#e1e4e8"/>` +
        `<text x="${plot.left - 6}" y="${(g.y + 4).toFixed(1)}" text-anchor="end">${g.value}</text>`,
    ),
    ...chart.bars.map(
      (bar) => `<rect x="${bar.x.toFixed(1)}" y="${bar.y.toFixed(1)}" width="${bar.width.toFixed(1)}" height="${bar.height.toFixed(1)}" fill="${BAR_FILL}"/>`,
    ),
    ...chart.series.map(
      (s) => `<polyline points="${s.points}" fill="none" stroke="${SERIES_COLOURS[s.key]}" stroke-width="2.5" stroke-linejoin="round"/>`,
    ),
    ...chart.ticks.map((tick, i) =>
      i % every === 0 ? `<text x="${tick.x.toFixed(1)}" y="${chart.height - 8}" text-anchor="middle">${t(tick.label)}</text>` : '',
    ),
  ];
  const legend = [
    ...chart.series.map((s) => `<span class="legend-entry"><span class="swatch" style="background:${SERIES_COLOURS[s.key]}"></span>${t(withAside(labels.dash.series[s.key], String(s.last), labels.doc))}</span>`),
    `<span class="legend-entry"><span class="swatch" style="background:${BAR_LEGEND};height:2.5mm"></span>${t(labels.dash.added)}</span>`,
  ];
  return [
    `<svg class="saturation" viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-label="${t(labels.dash.saturation)}">${parts.join('')}</svg>`,
    `<p class="legend">${legend.join('')}</p>`,
  ].join('\n');
}

function saturationHtml(saturation: Dashboard['saturation'], labels: Labels): string {
  const body =
    saturation.interviews.length === 0
      ? `<p class="muted">${t(labels.dash.noInterviews)}</p>`
      : `<p class="reading">${t(labels.dash.reading(saturation.recent))}</p>\n${saturationSvg(saturation, labels)}`;
  return `<section class="wide saturation-panel"><h2>${t(labels.dash.saturation)}</h2>\n${body}\n</section>`;
}

function heatmapHtml(doc: DashboardDocument, labels: Labels): string {
  const matrix = doc.dashboard.painPoints;
  const max = Math.max(0, ...matrix.cells.map((c) => c.findings));
  const hasUnstaged = matrix.byStage.some((r) => r.stageId === null && r.findings > 0);
  const rows = [
    ...doc.dashboard.stages.map((s) => ({ id: s.id as string | null, name: stageDisplayName(s, doc.language) })),
    ...(hasUnstaged ? [{ id: null, name: labels.dash.noStage }] : []),
  ];
  const body = rows.map((row) => {
    const cells = PAIN_KINDS.map((k) => heatCell(matrix.cells.find((c) => c.stageId === row.id && c.kind === k), max, labels));
    const total = matrix.byStage.find((r) => r.stageId === row.id);
    return `<tr><th scope="row">${t(row.name)}</th>${cells.join('')}<td class="total">${evidence(total, labels)}</td></tr>`;
  });
  const totals = PAIN_KINDS.map((k) => `<td class="total">${evidence(matrix.byKind.find((c) => c.kind === k), labels)}</td>`);
  return [
    `<section class="heatmap"><h2>${t(labels.dash.painPoints)}</h2>`,
    `<table class="heat"><caption>${t(labels.dash.painHint)}</caption>`,
    `<thead><tr><th scope="col">${t(labels.doc.stage)}</th>${kindHeaders(labels)}<th scope="col">${t(labels.dash.all)}</th></tr></thead>`,
    `<tbody>${body.join('\n')}</tbody>`,
    `<tfoot><tr><th scope="row">${t(labels.dash.all)}</th>${totals.join('')}<td class="total"><strong>${evidence(matrix.total, labels)}</strong></td></tr></tfoot>`,
    '</table></section>',
  ].join('\n');
}

function segmentsHtml(segments: Dashboard['segments'], labels: Labels): string {
  const { dash } = labels;
  if (segments.values.length === 0 || segments.dimension === null || segments.attribute === null) {
    return `<section class="segments"><h2>${t(dash.segments)}</h2><p class="muted">${t(dash.noSegments)}</p></section>`;
  }
  const max = Math.max(0, ...segments.values.flatMap((v) => v.painPoints.byKind.map((k) => k.findings)));
  const body = segments.values.map((v) => {
    const cells = PAIN_KINDS.map((k) => heatCell(v.painPoints.byKind.find((c) => c.kind === k), max, labels));
    return `<tr><th scope="row">${t(v.value || dash.noValue)}</th><td>${v.participants}</td>${cells.join('')}<td class="total">${evidence(v.painPoints.total, labels)}</td></tr>`;
  });
  return [
    `<section class="segments"><h2>${t(dash.segments)}</h2>`,
    `<p class="muted">${t(dash.splitBy)}${t(labels.doc.colon)}${t(segments.attribute)} · ${t(dash.dimensions[segments.dimension])}</p>`,
    `<table class="heat"><caption>${t(dash.segmentHint)}</caption>`,
    `<thead><tr><th scope="col">${t(segments.attribute)}</th><th scope="col">${t(labels.doc.participants)}</th>${kindHeaders(labels)}<th scope="col">${t(dash.all)}</th></tr></thead>`,
    `<tbody>${body.join('\n')}</tbody>`,
    '</table></section>',
  ].join('\n');
}

/** One line of a bar list: the name, a bar as long as its share of the longest, the count in words. */
function barRow(name: string, value: number, max: number, count: string): string {
  return (
    `<tr><td class="name">${t(name)}</td><td class="bar"><span style="width:${((value / max) * 100).toFixed(1)}%"></span></td>` +
    `<td class="count">${t(count)}</td></tr>`
  );
}

function tagsHtml(tags: Dashboard['tags'], labels: Labels): string {
  const { dash } = labels;
  const top = tags.tags.slice(0, TOP_TAGS);
  const max = Math.max(1, ...top.map((tag) => tag.findings));
  const rows = top.map((tag) => barRow(tag.name, tag.findings, max, dash.findingsParticipants(tag.findings, tag.participants)));
  return `<section class="tags"><h2>${t(dash.tags)}</h2>${
    rows.length === 0 ? `<p class="muted">${t(dash.noTags)}</p>` : `<table class="bars"><tbody>${rows.join('\n')}</tbody></table>`
  }</section>`;
}

function pairsHtml(tags: Dashboard['tags'], labels: Labels): string {
  if (tags.pairs.length === 0) return '<section class="pairs"></section>';
  const names = new Map(tags.tags.map((tag) => [tag.tagId, tag.name]));
  const top = tags.pairs.slice(0, TOP_PAIRS);
  const max = Math.max(1, ...top.map((p) => p.findings));
  const rows = top.map((pair) =>
    barRow(`${names.get(pair.tagIds[0]) ?? '?'} + ${names.get(pair.tagIds[1]) ?? '?'}`, pair.findings, max, labels.dash.findingsCount(pair.findings)),
  );
  return `<section class="pairs"><h2>${t(labels.dash.together)}</h2><table class="bars"><tbody>${rows.join('\n')}</tbody></table></section>`;
}

export function dashboardDocumentHtml(doc: DashboardDocument): string {
  const labels: Labels = { doc: documentLabels(doc.language), dash: dashboardLabels(doc.language) };
  const { dashboard } = doc;
  const body = [
    '<main class="doc">',
    `<header class="doc-head"><p class="eyebrow">${t(labels.dash.dashboard)}</p><h1>${t(doc.studyName)}</h1><p class="meta">${t(labels.dash.exportedOn(doc.date))}</p></header>`,
    `<div class="row">${progressHtml(dashboard.progress, labels)}\n${saturationHtml(dashboard.saturation, labels)}</div>`,
    `<div class="row">${heatmapHtml(doc, labels)}\n${segmentsHtml(dashboard.segments, labels)}</div>`,
    `<div class="row">${tagsHtml(dashboard.tags, labels)}\n${pairsHtml(dashboard.tags, labels)}</div>`,
    '</main>',
  ].join('\n');
  return htmlPage(doc.language, `${doc.studyName} — ${labels.dash.dashboard}`, styles(doc.language), body);
}
