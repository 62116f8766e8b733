// The persona document as Markdown (GFM): a heading per persona, its facts, who it is
// based on, each list as bullets (quotes as block quotes), evidence as footnotes.
import type { PersonaDocument, PersonaSection } from './document.js';
import { documentLabels, type DocumentLabels } from './document-labels.js';
import { itemMarkdown, md, notesMarkdown, oneLine } from './document-markdown.js';

function personaMarkdown(p: PersonaSection, labels: DocumentLabels, heading: string | null): string[] {
  const lines: string[] = heading === null ? [] : ['', `## ${oneLine(heading)}`];
  const facts = [
    [labels.age, p.age],
    [labels.occupation, p.occupation],
    [labels.income, p.income],
  ].filter(([, value]) => value !== '');
  if (facts.length) lines.push('', ...facts.map(([label, value]) => `- **${md(label!)}**${labels.colon}${oneLine(value!)}`));
  if (p.description) lines.push('', md(p.description));
  const who = [
    p.participants.length ? `**${md(labels.participants)}**${labels.colon}${oneLine(p.participants.join(labels.listSeparator))}` : '',
    p.segment ? `**${md(labels.segment)}**${labels.colon}${oneLine(p.segment)}` : '',
  ].filter((s) => s !== '');
  if (who.length) lines.push('', who.join('  \n'));
  for (const { list, items } of p.lists) {
    lines.push('', `### ${md(labels.lists[list])}`, '');
    lines.push(...items.map((item) => (list === 'quotes' ? `> ${itemMarkdown(item)}\n` : `- ${itemMarkdown(item)}`)));
  }
  return lines;
}

export function personaDocumentMarkdown(doc: PersonaDocument): string {
  const labels = documentLabels(doc.language);
  const single = doc.personas.length === 1;
  const lines = [`# ${oneLine(doc.title)}`, '', `*${oneLine(doc.studyName)}*`];
  if (doc.personas.length === 0) lines.push('', md(labels.noPersonas));
  for (const p of doc.personas) lines.push(...personaMarkdown(p, labels, single ? null : p.name));
  lines.push(...notesMarkdown(doc.notes, labels), '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
