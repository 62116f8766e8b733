// The hand card as Markdown: title and version, total planned time against the
// one-hour session, then each section as a heading and each question as a numbered
// item (numbers run across the whole card) with its time, stage, purpose in italics,
// keywords in bold and the probes as a sub-list. All user text is escaped.
import { escapeMarkdown } from './escape.js';
import type { HandCard, HandCardQuestion } from './hand-card.js';
import {
  formatMinutes,
  handCardLabels,
  sectionMinutes,
  totalTimeLine,
  versionLine,
  type HandCardLabels,
} from './hand-card-labels.js';

/** User text on one line (newlines would break the list structure), escaped. */
function inline(s: string): string {
  return escapeMarkdown(s.replace(/\s+/g, ' ').trim());
}

function nonEmpty(items: readonly string[]): string[] {
  return items.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
}

function questionMarkdown(q: HandCardQuestion, n: number, labels: HandCardLabels): string[] {
  const indent = ' '.repeat(`${n}. `.length);
  const text = inline(q.text);
  const lines: string[] = [`${n}. ${text === '' ? '…' : text}${labels.dot}${formatMinutes(labels, q.timeBudgetMinutes)}`];
  const stage = q.stageName === null ? '' : inline(q.stageName);
  if (stage !== '') lines.push(`${labels.stage}${labels.colon}${stage}`);
  const purpose = inline(q.purpose);
  if (purpose !== '') lines.push(`*${labels.purpose}${labels.colon}${purpose}*`);
  const keywords = nonEmpty(q.keywords);
  if (keywords.length > 0) {
    lines.push(`${labels.keywords}${labels.colon}${keywords.map((k) => `**${escapeMarkdown(k)}**`).join(labels.dot)}`);
  }
  // Consecutive lines of the item are joined by hard line breaks (a trailing backslash).
  const item = lines.map((line, i) => (i === 0 ? line : indent + line)).join('\\\n');
  const probes = nonEmpty(q.probes);
  if (probes.length === 0) return [item];
  return [item, '', ...probes.map((p) => `${indent}- ${escapeMarkdown(p)}`)];
}

export function handCardMarkdown(card: HandCard): string {
  const labels = handCardLabels(card.language);
  const title = inline(card.guideTitle);
  const out: string[] = [
    `# ${title === '' ? labels.interviewGuide : title}`,
    '',
    [labels.interviewGuide, inline(card.studyName), escapeMarkdown(versionLine(labels, card))]
      .filter((s) => s !== '')
      .join(labels.dot),
    '',
    escapeMarkdown(totalTimeLine(labels, card)),
  ];
  let n = 0;
  for (const section of card.sections) {
    const heading = inline(section.title);
    const time = formatMinutes(labels, sectionMinutes(section.questions));
    out.push('', `## ${heading === '' ? labels.section : heading}${labels.dot}${time}`);
    for (const q of section.questions) {
      n += 1;
      out.push('', ...questionMarkdown(q, n, labels));
    }
  }
  return `${out.join('\n')}\n`;
}
