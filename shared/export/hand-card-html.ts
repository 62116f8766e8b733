// The hand card as one self-contained HTML document, laid out to print on A4 through
// Chromium's printToPDF: a header with study, guide and version; per section a
// heading; per question its number, text, stage, purpose, keywords as bold chips,
// probes in a lighter list and a time column; a footer with the total planned time
// against the one-hour session. Inline styles only: no scripts, no external
// resources. Every user string is escaped.
import { SESSION_MINUTES, type StudyLanguage } from '../domain.js';
import { escapeHtml } from './escape.js';
import { documentFontStack } from './fonts.js';
import type { HandCard, HandCardQuestion } from './hand-card.js';
import {
  formatMinutes,
  handCardLabels,
  plannedMinutes,
  sectionMinutes,
  totalTimeLine,
  versionLine,
  type HandCardLabels,
} from './hand-card-labels.js';

/** The font stack: Traditional Chinese fonts first for zh-Hant, Simplified otherwise. */
export const handCardFontStack = documentFontStack;

function styles(language: StudyLanguage): string {
  return `
@page { size: A4; margin: 16mm 15mm 16mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: #1c1f24; background: #fff;
  font-family: ${handCardFontStack(language)};
  font-size: 10.5pt; line-height: 1.45;
}
.page { max-width: 180mm; margin: 0 auto; }
@media screen { .page { padding: 12mm 0; } }
header.card-head { border-bottom: 2px solid #1c1f24; padding-bottom: 3mm; margin-bottom: 5mm; }
.eyebrow { margin: 0; font-size: 8.5pt; letter-spacing: 0.06em; text-transform: uppercase; color: #5b6470; }
h1 { margin: 1mm 0 1.5mm; font-size: 20pt; line-height: 1.2; font-weight: 700; }
.meta { margin: 0; font-size: 9.5pt; color: #3d444d; }
.meta .sep { color: #a0a7b0; padding: 0 0.4em; }
.draft { color: #a4461b; font-weight: 600; }
section.section { margin-top: 6mm; }
h2 {
  display: flex; align-items: baseline; gap: 3mm;
  margin: 0 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #c9ced5;
  font-size: 13pt; font-weight: 700; break-after: avoid; page-break-after: avoid;
}
h2 .section-title { flex: 1; }
h2 .section-time { font-size: 9.5pt; font-weight: 500; color: #5b6470; white-space: nowrap; }
ol.questions { list-style: none; margin: 0; padding: 0; }
li.question {
  display: grid; grid-template-columns: 9mm 1fr 16mm; column-gap: 3mm;
  padding: 2.5mm 0; border-bottom: 1px dotted #d5d9df;
  break-inside: avoid; page-break-inside: avoid;
}
li.question:last-child { border-bottom: none; }
.q-no { font-weight: 700; font-size: 12pt; color: #2f5d8a; text-align: right; font-variant-numeric: tabular-nums; }
.q-body { min-width: 0; }
.q-text { margin: 0; font-size: 11.5pt; font-weight: 600; white-space: pre-line; overflow-wrap: anywhere; }
.q-meta { margin: 1mm 0 0; font-size: 9pt; color: #3d444d; }
.label { font-size: 8pt; font-weight: 600; letter-spacing: 0.03em; color: #5b6470; margin-right: 0.4em; }
.stage { display: inline-block; padding: 0 2mm; border: 1px solid #9fb5cc; border-radius: 2mm; color: #2f5d8a; font-weight: 600; }
.purpose { margin: 1mm 0 0; font-size: 9pt; font-style: italic; color: #4a525c; white-space: pre-line; }
/* Chinese has no true italics: keep the glyphs upright rather than synthetically slanted. */
:lang(zh) .purpose { font-style: normal; }
.keywords { margin: 1.5mm 0 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: 1mm 1.5mm; }
.chip {
  display: inline-block; padding: 0.2mm 2mm; border-radius: 3mm;
  background: #e7eef6; border: 1px solid #b7c8da; color: #16324f;
  font-size: 9.5pt; font-weight: 700;
}
ul.probes { margin: 1.5mm 0 0; padding-left: 5mm; font-size: 9pt; color: #5b6470; }
ul.probes li { margin: 0.3mm 0; }
.q-time { text-align: right; font-size: 10pt; font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
footer.card-foot {
  margin-top: 6mm; padding-top: 2mm; border-top: 2px solid #1c1f24;
  font-size: 9.5pt; break-inside: avoid; page-break-inside: avoid;
}
footer.card-foot.over { color: #a4461b; font-weight: 600; }
`;
}

const t = escapeHtml;

function questionHtml(q: HandCardQuestion, n: number, labels: HandCardLabels): string {
  const parts: string[] = [`<p class="q-text">${t(q.text.trim())}</p>`];
  const stage = q.stageName?.trim() ?? '';
  if (stage !== '') {
    parts.push(`<p class="q-meta"><span class="label">${t(labels.stage)}</span><span class="stage">${t(stage)}</span></p>`);
  }
  const purpose = q.purpose.trim();
  if (purpose !== '') {
    parts.push(`<p class="purpose"><span class="label">${t(labels.purpose)}</span>${t(purpose)}</p>`);
  }
  const keywords = q.keywords.map((k) => k.trim()).filter((k) => k !== '');
  if (keywords.length > 0) {
    const chips = keywords.map((k) => `<strong class="chip">${t(k)}</strong>`).join(' ');
    parts.push(`<p class="keywords"><span class="label">${t(labels.keywords)}</span>${chips}</p>`);
  }
  const probes = q.probes.map((p) => p.trim()).filter((p) => p !== '');
  if (probes.length > 0) {
    parts.push(`<ul class="probes" aria-label="${t(labels.probes)}">${probes.map((p) => `<li>${t(p)}</li>`).join('')}</ul>`);
  }
  return [
    `<li class="question">`,
    `<div class="q-no" aria-label="${t(labels.question)} ${n}">${n}</div>`,
    `<div class="q-body">${parts.join('')}</div>`,
    `<div class="q-time">${t(formatMinutes(labels, q.timeBudgetMinutes))}</div>`,
    `</li>`,
  ].join('');
}

export function handCardHtml(card: HandCard): string {
  const labels = handCardLabels(card.language);
  const title = card.guideTitle.trim() === '' ? labels.interviewGuide : card.guideTitle.trim();
  const study = card.studyName.trim();
  const sep = '<span class="sep">·</span>';
  const versionText = versionLine(labels, card);
  const meta = [
    study === '' ? '' : `<span class="study">${t(study)}</span>`,
    card.publishedAt === null ? `<span class="draft">${t(versionText)}</span>` : `<span>${t(versionText)}</span>`,
  ].filter((s) => s !== '');

  let n = 0;
  const sections = card.sections.map((section) => {
    const questions = section.questions.map((q) => {
      n += 1;
      return questionHtml(q, n, labels);
    });
    const heading = section.title.trim() === '' ? labels.section : section.title.trim();
    return [
      `<section class="section">`,
      `<h2><span class="section-title">${t(heading)}</span><span class="section-time">${t(formatMinutes(labels, sectionMinutes(section.questions)))}</span></h2>`,
      `<ol class="questions" start="${n - questions.length + 1}">${questions.join('\n')}</ol>`,
      `</section>`,
    ].join('\n');
  });

  const over = plannedMinutes(card) > SESSION_MINUTES;
  return [
    '<!doctype html>',
    `<html lang="${t(card.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${t(`${title}${study === '' ? '' : ` — ${study}`}`)}</title>`,
    `<style>${styles(card.language)}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    '<header class="card-head">',
    `<p class="eyebrow">${t(labels.interviewGuide)}</p>`,
    `<h1>${t(title)}</h1>`,
    `<p class="meta">${meta.join(sep)}</p>`,
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    `<footer class="card-foot${over ? ' over' : ''}">${t(totalTimeLine(labels, card))}</footer>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
