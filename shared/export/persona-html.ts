// The persona document as one self-contained HTML page, laid out to print on A4
// portrait: per persona a header with avatar, name and facts, the description, who it
// is based on, then its lists in two columns (quotes as pull quotes), evidence as
// numbered footnotes at the end. Each persona after the first starts a new page.
import type { PersonaDocument, PersonaSection } from './document.js';
import { documentLabels, type DocumentLabels } from './document-labels.js';
import { avatarHtml, baseStyles, htmlPage, itemHtml, notesHtml, t } from './document-html.js';

const PERSONA_STYLES = `
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
.doc { max-width: 182mm; margin: 0 auto; }
@media screen { .doc { padding: 10mm 0; } }
.persona + .persona { break-before: page; }
.persona-head { display: flex; gap: 5mm; align-items: center; margin-bottom: 4mm; }
.persona-head h2 { font-size: 17pt; margin-bottom: 1.5mm; }
.facts { display: flex; flex-wrap: wrap; gap: 1mm 6mm; margin: 0; font-size: 9.5pt; }
.facts div { display: flex; gap: 1.5mm; }
.facts dt { color: #5b6470; font-weight: 600; }
.facts dd { margin: 0; }
.about { margin: 0 0 3mm; font-size: 10.5pt; white-space: pre-line; overflow-wrap: anywhere; }
.who { margin: 0 0 4mm; font-size: 8.5pt; color: #3d444d; }
.who .label { font-weight: 700; color: #5b6470; }
.lists { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 7mm; }
.list { break-inside: avoid; }
.list h3 { font-size: 10.5pt; padding-bottom: 1mm; margin-bottom: 1.5mm; border-bottom: 1px solid #c9ced5; color: #2f5d8a; }
.list ul { margin: 0; padding-left: 4.5mm; }
.list li { margin-bottom: 1mm; }
.list.quotes { grid-column: 1 / -1; }
.list.quotes ul { list-style: none; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 7mm; }
.list.quotes li { border-left: 3px solid #2f5d8a; padding-left: 3mm; font-size: 10.5pt; font-style: italic; }
`;

function factsHtml(p: PersonaSection, labels: DocumentLabels): string {
  const facts = [
    [labels.age, p.age],
    [labels.occupation, p.occupation],
    [labels.income, p.income],
  ].filter(([, value]) => value !== '');
  if (facts.length === 0) return '';
  return `<dl class="facts">${facts.map(([label, value]) => `<div><dt>${t(label!)}</dt><dd>${t(value!)}</dd></div>`).join('')}</dl>`;
}

function personaArticle(p: PersonaSection, labels: DocumentLabels, headingLevel: 1 | 2): string {
  const who = [
    p.participants.length ? `<span class="label">${t(labels.participants)}${t(labels.colon)}</span>${t(p.participants.join(labels.listSeparator))}` : '',
    p.segment ? `<span class="label">${t(labels.segment)}${t(labels.colon)}</span>${t(p.segment)}` : '',
  ].filter((s) => s !== '');
  const lists = p.lists.map(
    ({ list, items }) =>
      `<section class="list ${list === 'quotes' ? 'quotes' : ''}"><h3>${t(labels.lists[list])}</h3><ul>${items.map((item) => `<li>${itemHtml(item, labels)}</li>`).join('')}</ul></section>`,
  );
  return [
    '<article class="persona">',
    `<header class="persona-head">${avatarHtml(p.avatar, p.name)}<div>${headingLevel === 2 ? `<h2>${t(p.name)}</h2>` : ''}${factsHtml(p, labels)}</div></header>`,
    p.description ? `<p class="about">${t(p.description)}</p>` : '',
    who.length ? `<p class="who">${who.join(' · ')}</p>` : '',
    `<div class="lists">${lists.join('')}</div>`,
    '</article>',
  ].join('\n');
}

export function personaDocumentHtml(doc: PersonaDocument): string {
  const labels = documentLabels(doc.language);
  const single = doc.personas.length === 1;
  const eyebrow = `${single ? labels.persona : labels.personas} · ${doc.studyName}`;
  const body = [
    '<main class="doc">',
    `<header class="doc-head"><p class="eyebrow">${t(eyebrow)}</p><h1>${t(doc.title)}</h1></header>`,
    doc.personas.length === 0 ? `<p>${t(labels.noPersonas)}</p>` : '',
    ...doc.personas.map((p) => personaArticle(p, labels, single ? 1 : 2)),
    notesHtml(doc.notes, labels),
    '</main>',
  ].join('\n');
  return htmlPage(doc.language, `${doc.title} — ${doc.studyName}`, baseStyles(doc.language) + PERSONA_STYLES, body);
}
