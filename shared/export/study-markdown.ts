// The whole study as Markdown (GFM): background and hypothesis journey, participants
// by code, the interview guide, each interview's notes by question with paragraph
// times, findings by stage with TERMS and tags, the affinity board's groups, themes
// and links, then the personas and the journey map (their own documents, one heading
// level down). User text is escaped everywhere, so it renders literally.
import { documentLabels, type DocumentLabels } from './document-labels.js';
import { md, oneLine } from './document-markdown.js';
import { journeyDocumentMarkdown } from './journey-markdown.js';
import { personaDocumentMarkdown } from './persona-markdown.js';
import type { StudyDocument, StudyDocumentFinding, StudyDocumentGuide, StudyDocumentInterview } from './study-document.js';
import { studyLabels, type StudyLabels } from './study-labels.js';

/**
 * One heading level down. Only real headings start a line with "#": user text has its
 * "#" escaped, so this never touches what a person typed.
 */
export const demoteHeadings = (markdown: string) => markdown.replace(/^(#{1,5}) /gm, '#$1 ');

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

function field(label: string, value: string, colon: string): string[] {
  return value.trim() === '' ? [] : [`- **${md(label)}**${colon}${oneLine(value)}`];
}

function backgroundMarkdown(doc: StudyDocument, l: StudyLabels, d: DocumentLabels): string[] {
  const lines = ['', `## ${md(l.background)}`];
  doc.stages.forEach((stage, i) => {
    lines.push('', `### ${i + 1}. ${oneLine(stage.name)}`);
    if (stage.description.trim()) lines.push('', md(stage.description));
    const facts = [
      ...field(l.informationNeeds, stage.informationNeeds, d.colon),
      ...field(l.touchpoints, stage.touchpoints.join(d.listSeparator), d.colon),
      ...field(l.influencers, stage.influencers.join(d.listSeparator), d.colon),
    ];
    if (facts.length) lines.push('', ...facts);
  });
  return lines;
}

function participantsMarkdown(doc: StudyDocument, l: StudyLabels, d: DocumentLabels): string[] {
  if (doc.participants.length === 0) return [];
  const named = doc.participants.some((p) => p.realName !== null);
  const head = [l.code, ...(named ? [l.realName] : []), l.source, l.status, l.segment, l.consent];
  return [
    '',
    `## ${md(d.participants)}`,
    '',
    `| ${head.map(md).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...doc.participants.map((p) => {
      const cells = [p.code, ...(named ? [p.realName ?? ''] : []), d.sources[p.source], l.statuses[p.status], p.segments.join('; '), day(p.consentDate) || l.none];
      return `| ${cells.map(oneLine).join(' | ')} |`;
    }),
  ];
}

function guideMarkdown(guide: StudyDocumentGuide | null, l: StudyLabels, d: DocumentLabels): string[] {
  if (!guide) return [];
  const state = guide.publishedAt ? day(guide.publishedAt) : l.draft;
  const lines = ['', `## ${md(l.guide)}`, '', `*${oneLine(guide.title)} · ${md(l.version(guide.version))} · ${md(state)}*`];
  let n = 0;
  for (const section of guide.sections) {
    lines.push('', `### ${oneLine(section.title)}`, '');
    for (const q of section.questions) {
      n += 1;
      const indent = ' '.repeat(`${n}. `.length);
      lines.push(`${n}. ${oneLine(q.text)}${q.stage ? `${d.parens[0]}*${oneLine(q.stage)}*${d.parens[1]}` : ''}`);
      if (q.keywords.length) lines.push(`${indent}- **${md(l.keywords)}**${d.colon}${q.keywords.map(oneLine).join(d.listSeparator)}`);
      if (q.probes.length) lines.push(`${indent}- **${md(l.probes)}**${d.colon}${q.probes.map(oneLine).join(' / ')}`);
    }
  }
  return lines;
}

function interviewMarkdown(interview: StudyDocumentInterview, l: StudyLabels): string[] {
  const title = [interview.participant, interview.interviewer, day(interview.date), l.sessionStatuses[interview.status]].filter((s) => s.trim() !== '');
  const lines = ['', `### ${title.map(oneLine).join(' · ')}`];
  if (interview.notes.length === 0) lines.push('', md(l.noNotes));
  for (const note of interview.notes) {
    lines.push('', `#### ${oneLine(note.question ?? l.otherNotes)}`, '');
    // Each paragraph is one list item; its time (mm:ss into the interview) leads it as code.
    lines.push(...note.paragraphs.map((p) => `- ${p.at ? `\`${p.at}\` ` : ''}${oneLine(p.text)}`));
  }
  return lines;
}

function findingMarkdown(f: StudyDocumentFinding, l: StudyLabels, d: DocumentLabels): string {
  const terms = f.terms.length ? ` **${f.terms.map((k) => `\\[${k}\\]`).join(' ')}**` : '';
  const tags = f.tags.length ? ` *${f.tags.map(oneLine).join(d.listSeparator)}*` : '';
  return `- **${md(l.types[f.type])}**${terms} ${oneLine(f.text)} — ${oneLine(f.participant)}${tags}`;
}

function findingsMarkdown(doc: StudyDocument, l: StudyLabels, d: DocumentLabels): string[] {
  const lines = ['', `## ${md(l.findingsByStage)}`];
  if (doc.findings.every((s) => s.items.length === 0)) return [...lines, '', md(l.noFindings)];
  for (const { stage, items } of doc.findings) {
    if (items.length === 0) continue;
    lines.push('', `### ${oneLine(stage ?? l.unstaged)}`, '', ...items.map((f) => findingMarkdown(f, l, d)));
  }
  const legend = Object.entries(d.terms).map(([k, name]) => `\\[${k}\\] ${md(name)}`);
  lines.push('', `*${legend.join(' · ')}*`);
  return lines;
}

function boardMarkdown(doc: StudyDocument, l: StudyLabels, d: DocumentLabels): string[] {
  const { groups, themes, links } = doc.board;
  if (groups.length + themes.length + links.length === 0) return [];
  const lines = ['', `## ${md(l.board)}`];
  if (groups.length) {
    lines.push('', `### ${md(l.groups)}`, '');
    for (const g of groups) {
      const where = [g.stage ?? l.unstaged, l.findingCount(g.findings), ...(g.theme ? [`${l.theme}${d.colon}${g.theme}`] : [])];
      lines.push(`- **${oneLine(g.name)}**${d.parens[0]}${where.map(oneLine).join(' · ')}${d.parens[1]}`);
    }
  }
  if (themes.length) {
    lines.push('', `### ${md(l.themes)}`, '');
    lines.push(...themes.map((t) => `- **${oneLine(t.name)}**${t.groups.length ? `${d.colon}${t.groups.map(oneLine).join(d.listSeparator)}` : ''}`));
  }
  if (links.length) {
    lines.push('', `### ${md(l.links)}`, '');
    lines.push(...links.map((k) => `- ${oneLine(k.from)} → ${oneLine(k.to)}${k.label.trim() ? `${d.colon}*${oneLine(k.label)}*` : ''}`));
  }
  return lines;
}

export function studyDocumentMarkdown(doc: StudyDocument): string {
  const l = studyLabels(doc.language);
  const d = documentLabels(doc.language);
  const lines = [`# ${oneLine(doc.name)}`];
  const facts = [
    ...field(l.goal, doc.goal, d.colon),
    ...field(l.product, doc.product, d.colon),
    ...(doc.plannedInterviews > 0 ? [`- **${md(l.plannedInterviews)}**${d.colon}${doc.plannedInterviews}`] : []),
  ];
  if (facts.length) lines.push('', ...facts);
  lines.push(...backgroundMarkdown(doc, l, d), ...participantsMarkdown(doc, l, d), ...guideMarkdown(doc.guide, l, d));
  if (doc.interviews.length) lines.push('', `## ${md(l.interviews)}`, ...doc.interviews.flatMap((i) => interviewMarkdown(i, l)));
  lines.push(...findingsMarkdown(doc, l, d), ...boardMarkdown(doc, l, d));
  lines.push('', demoteHeadings(personaDocumentMarkdown(doc.personas)).trim());
  if (doc.journey) lines.push('', demoteHeadings(journeyDocumentMarkdown(doc.journey)).trim());
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
