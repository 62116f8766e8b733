// Pieces the persona and journey-map HTML documents share: the page shell (with a
// Content-Security-Policy that forbids scripts and outside resources, so even a
// document opened in a browser runs nothing), footnote markers and the notes list,
// TERMS chips and avatars. Every user string goes through escapeHtml.
import { initials, PALETTE_COLOURS, type ParsedAvatar } from '../avatar.js';
import { PAIN_KINDS, type PainKind, type StudyLanguage } from '../domain.js';
import type { DocumentItem, DocumentNote } from './document.js';
import type { DocumentLabels } from './document-labels.js';
import { escapeHtml } from './escape.js';
import { TERMS_COLOURS } from '../terms-colours.js';
import { documentFontStack } from './fonts.js';

export const t = escapeHtml;


export function avatarHtml(avatar: ParsedAvatar, name: string): string {
  if (avatar.kind === 'image') return `<img class="avatar" alt="" src="data:${t(avatar.mimeType)};base64,${t(avatar.base64)}">`;
  const colours = PALETTE_COLOURS[avatar.kind === 'generated' ? avatar.palette : 'slate'];
  return `<div class="avatar generated" style="background:${colours.background};color:${colours.text}" aria-hidden="true">${t(initials(name))}</div>`;
}

export function termsHtml(terms: readonly PainKind[], labels: DocumentLabels): string {
  if (terms.length === 0) return '';
  const chips = terms.map((k) => `<span class="term" style="border-color:${TERMS_COLOURS[k]};color:${TERMS_COLOURS[k]}" title="${t(labels.terms[k])}">${k}</span>`);
  return `<span class="terms">${chips.join('')}</span>`;
}

export function noteRefsHtml(notes: readonly number[]): string {
  if (notes.length === 0) return '';
  return `<sup class="fn">${notes.map((n) => `<a href="#note-${n}">${n}</a>`).join(',')}</sup>`;
}

export function itemHtml(item: DocumentItem, labels: DocumentLabels): string {
  return `${termsHtml(item.terms, labels)}<span class="text">${t(item.text)}</span>${noteRefsHtml(item.notes)}`;
}

export function notesHtml(notes: readonly DocumentNote[], labels: DocumentLabels): string {
  if (notes.length === 0) return '';
  const items = notes.map((note, i) => `<li id="note-${i + 1}"><span class="who">${t(note.participant)}</span>${t(labels.colon)}${t(note.text)}</li>`);
  return `<section class="notes"><h2>${t(labels.evidence)}</h2><ol>${items.join('')}</ol></section>`;
}

export function termsLegendHtml(labels: DocumentLabels): string {
  const entries = PAIN_KINDS.map((k) => `<span class="legend-entry">${termsHtml([k], labels)} ${t(labels.terms[k])}</span>`);
  return `<p class="legend">${entries.join('')}</p>`;
}

/** Styles both documents share: type, chips, footnotes. */
export function baseStyles(language: StudyLanguage): string {
  return `
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #1c1f24; background: #fff; font-family: ${documentFontStack(language)}; font-size: 10pt; line-height: 1.45; }
h1, h2, h3 { line-height: 1.2; margin: 0; }
.eyebrow { margin: 0 0 1mm; font-size: 8.5pt; letter-spacing: 0.06em; text-transform: uppercase; color: #5b6470; }
.doc-head { border-bottom: 2px solid #1c1f24; padding-bottom: 3mm; margin-bottom: 5mm; }
.doc-head h1 { font-size: 20pt; }
.doc-head .meta { margin: 1.5mm 0 0; color: #3d444d; font-size: 9.5pt; }
.text { white-space: pre-line; overflow-wrap: anywhere; }
.terms { display: inline-flex; gap: 1mm; margin-right: 1.5mm; vertical-align: 1px; }
.term { display: inline-block; min-width: 4.2mm; padding: 0 1mm; border: 1px solid; border-radius: 1mm; font-size: 7.5pt; font-weight: 700; line-height: 1.35; text-align: center; }
sup.fn { font-size: 6.5pt; line-height: 0; margin-left: 0.5mm; color: #2f5d8a; }
sup.fn a { color: inherit; text-decoration: none; }
.notes { margin-top: 7mm; padding-top: 2mm; border-top: 1px solid #c9ced5; font-size: 8pt; color: #3d444d; break-before: auto; }
.notes h2 { font-size: 10pt; margin-bottom: 1.5mm; color: #1c1f24; }
.notes ol { margin: 0; padding-left: 7mm; columns: 2; column-gap: 8mm; }
.notes li { break-inside: avoid; margin-bottom: 0.8mm; overflow-wrap: anywhere; }
.notes .who { font-weight: 700; }
.legend { display: flex; flex-wrap: wrap; gap: 1.5mm 5mm; margin: 2.5mm 0 0; font-size: 8pt; color: #3d444d; }
.avatar { width: 24mm; height: 24mm; border-radius: 50%; object-fit: cover; flex: none; }
.avatar.generated { display: flex; align-items: center; justify-content: center; font-size: 15pt; font-weight: 700; }
:lang(zh) em, :lang(zh) blockquote { font-style: normal; }
`;
}

/** The page shell: metadata, a CSP allowing only inline styles and data: images, the styles, the body. */
export function htmlPage(language: StudyLanguage, title: string, styles: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${t(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<title>${t(title)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
