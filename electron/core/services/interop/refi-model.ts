// A study as a REFI-QDA project:
// - each interview is one text source: its notes as plain text, question by question
//   in guide order (the question as a heading line, then its paragraphs, one per
//   line; a blank line between questions). One source per interview rather than one
//   per question keeps a participant's account together, as QDA tools expect of a
//   transcript, and a case (participant) then refers to its interviews.
// - journey stages, TERMS kinds, finding types, tags (with their children) and the
//   board's themes and groups are codes, a parent code per taxonomy;
// - each finding is a selection coded with its stage, type, TERMS, tags and group,
//   over the exact words of the finding when they occur in its note paragraph, else
//   over the whole paragraph. Findings whose paragraph is gone get a source of their own.
// - participants are cases with their source and segment attributes as text variables.
// GUIDs are the entities' own ids (UUID v7) where they have one, and otherwise UUID v5
// derived from the study id and a fixed name, so exporting twice gives the same GUIDs.
import { v5 as uuidv5 } from 'uuid';
import { PAIN_KINDS, FINDING_TYPES } from '../../../../shared/domain.js';
import { codePointLength, type QdaCode, type QdaProject, type QdaSelection, type QdaTextSource } from '../../../../shared/interop/refi-qda.js';
import { xmlSafeText } from '../../../../shared/interop/xml.js';
import type { BoardCard } from '../../../../shared/api/board.js';
import { dateFormatter } from './findings-table.js';
import { attributeValue, segmentAttributes, type ExportSession, type StudyData } from './study-data.js';

/** Text as it goes into the project: one line-end convention, only characters XML can carry. */
const clean = (text: string) => xmlSafeText(text.replace(/\r\n?/g, '\n'));

/** Accumulates a source's plain text and knows where each piece starts, in code points. */
class PlainText {
  private readonly parts: string[] = [];
  private length = 0;

  /** Appends a line (a newline goes before every line but the first); returns its start. */
  line(text: string): number {
    if (this.parts.length > 0) this.append('\n');
    const start = this.length;
    this.append(text);
    return start;
  }

  private append(text: string): void {
    this.parts.push(text);
    this.length += codePointLength(text);
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** Where a finding's words are inside its paragraph, in code points: its text if found, else the whole paragraph. */
export function spanInParagraph(paragraph: string, finding: string): { offset: number; length: number } {
  const at = finding === '' ? -1 : paragraph.indexOf(finding);
  if (at < 0) return { offset: 0, length: codePointLength(paragraph) };
  return { offset: codePointLength(paragraph.slice(0, at)), length: codePointLength(finding) };
}

const shorten = (text: string, max = 80) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

export function refiProject(data: StudyData, options: { appVersion: string; now: string; timeZone?: string | undefined }): QdaProject {
  const { labels, study } = data;
  const derived = (name: string) => uuidv5(name, study.id);
  const date = dateFormatter(options.timeZone);

  // Users: the interviewers, or the app when nobody is named.
  const interviewers = [...new Set(data.sessions.map((s) => s.interviewer.trim()).filter((n) => n !== ''))];
  const users = interviewers.length > 0 ? interviewers.map((name) => ({ guid: derived(`user:${name}`), name })) : [{ guid: derived('user:'), name: 'Fieldwork' }];
  const userOf = (interviewer: string) => (interviewer.trim() ? derived(`user:${interviewer.trim()}`) : undefined);

  // The code book.
  const taxonomy = (key: string, name: string, children: QdaCode[]): QdaCode => ({ guid: derived(`taxonomy:${key}`), name, isCodable: false, children });
  const termGuid = (kind: string) => derived(`terms:${kind}`);
  const typeGuid = (type: string) => derived(`type:${type}`);
  const activeTags = new Set(data.tags.map((t) => t.id));
  const tagCode = (tag: StudyData['tags'][number]): QdaCode => ({
    guid: tag.id,
    name: clean(tag.name),
    isCodable: true,
    color: tag.color,
    description: clean([tag.definition, tag.usageRule].filter((s) => s.trim()).join('\n')) || undefined,
    children: data.tags.filter((c) => c.parentId === tag.id).map(tagCode),
  });
  const groupCode = (g: StudyData['groups'][number]): QdaCode => ({ guid: g.id, name: clean(g.name), isCodable: true, color: g.color, children: [] });
  const codes: QdaCode[] = [
    taxonomy('stages', labels.taxonomies.stages, data.stages.map((s) => ({ guid: s.id, name: clean(s.name), isCodable: true, children: [] }))),
    taxonomy('terms', labels.taxonomies.terms, PAIN_KINDS.map((k) => ({ guid: termGuid(k), name: `${k} ${labels.document.terms[k]}`, isCodable: true, children: [] }))),
    taxonomy('types', labels.taxonomies.types, FINDING_TYPES.map((t) => ({ guid: typeGuid(t), name: labels.findingTypes[t], isCodable: true, children: [] }))),
    taxonomy('tags', labels.taxonomies.tags, data.tags.filter((t) => !t.parentId || !activeTags.has(t.parentId)).map(tagCode)),
    taxonomy('groups', labels.taxonomies.groups, [
      ...data.themes.map((theme) => ({ guid: theme.id, name: clean(theme.name), isCodable: false, color: theme.color, children: data.groups.filter((g) => g.themeId === theme.id).map(groupCode) })),
      ...data.groups.filter((g) => !g.themeId || !data.themes.some((t) => t.id === g.themeId)).map(groupCode),
    ]),
  ];
  const stageIds = new Set(data.stages.map((s) => s.id));
  const groupIds = new Set(data.groups.map((g) => g.id));
  const codesOf = (f: BoardCard): string[] => [
    ...(f.stageId && stageIds.has(f.stageId) ? [f.stageId] : []),
    typeGuid(f.type),
    ...f.terms.map(termGuid),
    ...f.tagIds.filter((id) => activeTags.has(id)),
    ...(f.groupId && groupIds.has(f.groupId) ? [f.groupId] : []),
  ];
  const selection = (f: BoardCard, start: number, length: number, creatingUser: string | undefined): QdaSelection => ({
    guid: f.id,
    name: shorten(clean(f.text)),
    description: clean(f.text),
    start,
    end: start + length,
    creatingUser,
    codings: codesOf(f).map((codeGuid) => ({ guid: derived(`coding:${f.id}:${codeGuid}`), codeGuid, creatingUser })),
  });

  // Sources: one per interview, plus one for findings whose paragraph is gone.
  const participants = new Map(data.participants.map((p) => [p.id, p]));
  const findingsBySession = new Map<string, BoardCard[]>();
  for (const f of data.findings) if (f.sessionId) findingsBySession.set(f.sessionId, [...(findingsBySession.get(f.sessionId) ?? []), f]);
  const placed = new Set<string>();

  const interviewSource = (session: ExportSession): QdaTextSource => {
    const text = new PlainText();
    const paragraphs = new Map<string, { start: number; text: string }>();
    const headed = session.notes.length > 1 || session.notes.some((n) => n.questionId !== null);
    session.notes.forEach((note, i) => {
      if (i > 0) text.line('');
      if (headed) text.line(clean(note.questionText ?? labels.otherNotes));
      for (const p of note.paragraphs) {
        const line = clean(p.text);
        const start = text.line(line);
        if (p.pid) paragraphs.set(p.pid, { start, text: line });
      }
    });
    const creatingUser = userOf(session.interviewer);
    const selections = (findingsBySession.get(session.id) ?? []).flatMap((f) => {
      const paragraph = f.paragraphKey ? paragraphs.get(f.paragraphKey) : undefined;
      if (!paragraph) return [];
      placed.add(f.id);
      const span = spanInParagraph(paragraph.text, clean(f.text));
      return [selection(f, paragraph.start + span.offset, span.length, creatingUser)];
    });
    const code = participants.get(session.participantId)?.code ?? '';
    const when = date(session.at).slice(0, 10);
    return {
      guid: session.id,
      name: clean([code, when].filter(Boolean).join(' · ') || labels.interview),
      description: clean(`${labels.interview}${labels.document.colon}${[code, session.interviewer.trim(), when].filter(Boolean).join(labels.document.listSeparator)}`),
      plainTextPath: `internal://${session.id}.txt`,
      content: text.toString(),
      creatingUser,
      creationDateTime: session.at ?? undefined,
      selections,
    };
  };
  const sources = data.sessions.filter((s) => s.notes.length > 0).map(interviewSource);

  const unplaced = data.findings.filter((f) => !placed.has(f.id));
  if (unplaced.length > 0) {
    const text = new PlainText();
    const guid = derived('source:unlinked-findings');
    const selections = unplaced.map((f) => {
      const line = clean(f.text);
      return selection(f, text.line(line), codePointLength(line), undefined);
    });
    sources.push({
      guid,
      name: labels.unlinkedFindings,
      description: labels.unlinkedFindingsDescription,
      plainTextPath: `internal://${guid}.txt`,
      content: text.toString(),
      selections,
    });
  }

  // Cases and variables: participants, their source and segment attributes.
  const attributes = segmentAttributes(data);
  const sourceVariable = derived('variable:source');
  const attributeVariable = (a: { dimension: string; name: string }) => derived(`variable:${a.dimension}:${a.name}`);
  const variables = [
    { guid: sourceVariable, name: labels.participantSource },
    ...attributes.map((a) => ({ guid: attributeVariable(a), name: clean(a.label), description: labels.dimensions[a.dimension] })),
  ];
  const sourcesByParticipant = new Map<string, string[]>();
  for (const s of data.sessions) if (s.notes.length > 0) sourcesByParticipant.set(s.participantId, [...(sourcesByParticipant.get(s.participantId) ?? []), s.id]);
  const cases = data.participants.map((p) => ({
    guid: p.id,
    name: clean(p.code),
    values: [
      { variableGuid: sourceVariable, value: labels.document.sources[p.source] },
      ...attributes.flatMap((a) => {
        const value = attributeValue(p, a);
        return value === undefined ? [] : [{ variableGuid: attributeVariable(a), value: clean(value) }];
      }),
    ],
    sourceGuids: sourcesByParticipant.get(p.id) ?? [],
  }));

  // Cause-and-effect links between groups and themes.
  const names = new Map([...data.groups, ...data.themes].map((x) => [x.id, x.name]));
  const links = data.links
    .filter((l) => names.has(l.from.id) && names.has(l.to.id))
    .map((l) => ({ guid: l.id, name: clean(l.label.trim() || `${names.get(l.from.id)} → ${names.get(l.to.id)}`), originGuid: l.from.id, targetGuid: l.to.id }));

  return {
    name: clean(study.name),
    origin: `Fieldwork ${options.appVersion}`,
    creationDateTime: options.now,
    creatingUser: users[0]!.guid,
    description: clean([study.goal, study.product].filter((s) => s.trim()).join('\n')) || undefined,
    users,
    codes,
    variables,
    cases,
    sources,
    links,
  };
}
