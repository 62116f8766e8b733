// The journey map as Markdown (GFM): the emotion curve as a table row of scores, then
// one section per stage with its lanes as bullet lists (TERMS in bold on pain
// points), evidence as footnotes. A grid of lists does not fit a Markdown table.
import type { JourneyDocument } from './document.js';
import { documentLabels } from './document-labels.js';
import { journeyHeading } from './journey-heading.js';
import { itemMarkdown, md, notesMarkdown, oneLine } from './document-markdown.js';

const cell = (s: string) => oneLine(s).replace(/\|/g, '\\|');
const signed = (score: number | null) => (score === null ? '–' : score > 0 ? `+${score}` : String(score));

export function journeyDocumentMarkdown(doc: JourneyDocument): string {
  const labels = documentLabels(doc.language);
  const head = journeyHeading(doc, labels);
  const lines = [`# ${oneLine(head.title)}`, '', `*${[labels.journeyMap, ...head.meta].map(oneLine).join(' · ')}*`];
  if (doc.stages.length) {
    lines.push('', `| ${md(labels.stage)} | ${doc.stages.map((s) => cell(s.name)).join(' | ')} |`);
    lines.push(`| --- | ${doc.stages.map(() => ':---:').join(' | ')} |`);
    lines.push(`| ${md(labels.emotion)} | ${doc.stages.map((s) => signed(s.emotion)).join(' | ')} |`);
  }
  doc.stages.forEach((stage, i) => {
    lines.push('', `## ${i + 1}. ${oneLine(stage.name)}`);
    for (const { lane, cells } of doc.lanes) {
      const items = cells[i] ?? [];
      if (items.length === 0) continue;
      lines.push('', `### ${md(labels.lanes[lane])}`, '', ...items.map((item) => `- ${itemMarkdown(item)}`));
    }
  });
  lines.push(...notesMarkdown(doc.notes, labels), '');
  return lines.join('\n');
}
