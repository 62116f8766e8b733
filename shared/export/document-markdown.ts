// Pieces the persona and journey-map Markdown documents share: GFM footnotes
// ([^n] markers and their definitions) and items with TERMS. User text is escaped,
// so it renders literally.
import type { DocumentItem, DocumentNote } from './document.js';
import type { DocumentLabels } from './document-labels.js';
import { escapeMarkdown } from './escape.js';

export const md = escapeMarkdown;

/** One line: the text never breaks the list or table it sits in. */
export const oneLine = (s: string) => md(s).replace(/\s*\n\s*/g, ' ');

export function itemMarkdown(item: DocumentItem): string {
  const terms = item.terms.length ? `**${item.terms.map((k) => `\\[${k}\\]`).join(' ')}** ` : '';
  return `${terms}${oneLine(item.text)}${item.notes.map((n) => `[^${n}]`).join('')}`;
}

export function notesMarkdown(notes: readonly DocumentNote[], labels: DocumentLabels): string[] {
  if (notes.length === 0) return [];
  return ['', `## ${md(labels.evidence)}`, '', ...notes.map((note, i) => `[^${i + 1}]: **${oneLine(note.participant)}**${labels.colon}${oneLine(note.text)}`)];
}
