// The journey map as one self-contained HTML page, a printable visual: stages as
// columns, lanes as rows, the emotion curve drawn as a line under the Feeling lane,
// TERMS chips on pain points, evidence as numbered footnotes below. Printed landscape
// (A4 up to six stages, larger paper beyond, so columns stay readable); the same page
// is screenshotted for the PNG export.
import { EMOTION_MAX, type StudyLanguage } from '../domain.js';
import type { JourneyDocument } from './document.js';
import { documentLabels, type DocumentLabels } from './document-labels.js';
import { journeyHeading } from './journey-heading.js';
import { baseStyles, htmlPage, itemHtml, notesHtml, t, termsLegendHtml } from './document-html.js';

/** Paper big enough for the number of stage columns, landscape. */
export function journeyPaper(stageCount: number): 'A4' | 'A3' | 'A2' {
  return stageCount <= 6 ? 'A4' : stageCount <= 9 ? 'A3' : 'A2';
}

/** Width in CSS pixels of the journey-map image: wide enough for every stage column. */
export function journeyImageWidth(stageCount: number): number {
  return Math.min(4000, Math.max(1280, 180 + 240 * stageCount));
}

const LANE_TINT = '#f4f6f9';

function styles(language: StudyLanguage, stageCount: number): string {
  return `${baseStyles(language)}
@page { size: ${journeyPaper(stageCount)} landscape; margin: 10mm; }
@media screen { .doc { padding: 24px; } }
.journey-grid { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; }
.journey-grid col.lane-col { width: 26mm; }
.journey-grid th, .journey-grid td { border: 1px solid #d5d9df; vertical-align: top; padding: 1.5mm 2mm; }
.journey-grid thead th { background: #1c1f24; color: #fff; font-size: 10pt; text-align: left; padding: 2mm; overflow-wrap: anywhere; }
.journey-grid thead th.corner { background: #fff; border-color: #fff #d5d9df #d5d9df #fff; }
.journey-grid tbody th { background: ${LANE_TINT}; text-align: left; font-size: 9pt; color: #2f5d8a; }
.journey-grid tr { break-inside: avoid; }
.journey-grid ul { margin: 0; padding-left: 3.5mm; }
.journey-grid li { margin-bottom: 1mm; }
.journey-grid tr.pain_points td { background: #fff8f6; }
.journey-grid tr.opportunities td { background: #f5fbf7; }
.journey-grid tr.emotion td { padding: 0; vertical-align: middle; }
.emotion svg { display: block; width: 100%; height: 20mm; }
.emotion .score { display: block; text-align: center; font-size: 8pt; font-weight: 700; padding-bottom: 1mm; }
.emotion .score.none { color: #a0a7b0; font-weight: 400; }
/* On paper the map pages stand alone; the evidence follows on its own pages. */
@media print { .notes { break-before: page; } }
`;
}

const y = (score: number) => 50 - (score / EMOTION_MAX) * 42;
const line = (x1: number, y1: number, x2: number, y2: number) =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#2f5d8a" stroke-width="2.5" vector-effect="non-scaling-stroke"/>`;

/**
 * One stage's piece of the emotion curve. Each cell draws half of the line to each
 * neighbour, meeting it at their average on the shared border, so the cells join
 * into one line whatever width the columns get (the drawing stretches, the stroke
 * and the dot keep their size).
 */
function emotionCell(scores: ReadonlyArray<number | null>, i: number): string {
  const score = scores[i] ?? null;
  const parts = [`<line x1="0" y1="50" x2="100" y2="50" stroke="#c9ced5" stroke-dasharray="4 3" stroke-width="1" vector-effect="non-scaling-stroke"/>`];
  if (score !== null) {
    const before = scores[i - 1] ?? null;
    const after = scores[i + 1] ?? null;
    if (before !== null) parts.push(line(0, y((before + score) / 2), 50, y(score)));
    if (after !== null) parts.push(line(50, y(score), 100, y((score + after) / 2)));
    const colour = score > 0 ? '#15803d' : score < 0 ? '#b91c1c' : '#5b6470';
    parts.push(`<path d="M50 ${y(score)} h0" stroke="${colour}" stroke-width="9" stroke-linecap="round" vector-effect="non-scaling-stroke"/>`);
  }
  const label = score === null ? '<span class="score none">–</span>' : `<span class="score">${score > 0 ? `+${score}` : String(score)}</span>`;
  return `<td><svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">${parts.join('')}</svg>${label}</td>`;
}

function laneRows(doc: JourneyDocument, labels: DocumentLabels): string[] {
  const scores = doc.stages.map((s) => s.emotion);
  const rows: string[] = [];
  for (const { lane, cells } of doc.lanes) {
    const tds = cells.map((items) => `<td>${items.length ? `<ul>${items.map((item) => `<li>${itemHtml(item, labels)}</li>`).join('')}</ul>` : ''}</td>`);
    rows.push(`<tr class="${lane}"><th scope="row">${t(labels.lanes[lane])}</th>${tds.join('')}</tr>`);
    if (lane === 'feeling') {
      rows.push(`<tr class="emotion"><th scope="row">${t(labels.emotion)}</th>${scores.map((_, i) => emotionCell(scores, i)).join('')}</tr>`);
    }
  }
  return rows;
}

export function journeyDocumentHtml(doc: JourneyDocument): string {
  const labels = documentLabels(doc.language);
  const head = journeyHeading(doc, labels);
  const body = [
    '<main class="doc">',
    `<header class="doc-head"><p class="eyebrow">${t(labels.journeyMap)}</p><h1>${t(head.title)}</h1>${head.meta.length ? `<p class="meta">${t(head.meta.join(' · '))}</p>` : ''}</header>`,
    '<table class="journey-grid">',
    `<colgroup><col class="lane-col">${doc.stages.map(() => '<col>').join('')}</colgroup>`,
    `<thead><tr><th class="corner"></th>${doc.stages.map((s) => `<th scope="col">${t(s.name)}</th>`).join('')}</tr></thead>`,
    `<tbody>${laneRows(doc, labels).join('\n')}</tbody>`,
    '</table>',
    termsLegendHtml(labels),
    notesHtml(doc.notes, labels),
    '</main>',
  ].join('\n');
  return htmlPage(doc.language, head.fileName, styles(doc.language, doc.stages.length), body);
}
