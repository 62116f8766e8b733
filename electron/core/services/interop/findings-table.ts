// The findings of a study as one table, a row per finding, for spreadsheets: its
// stage, type, TERMS and tags, who said it (code, source, every segment attribute as
// its own column), the interview (interviewer, date, question), the note paragraph
// it came from, and where it sits on the board (group, theme). Real names appear
// only in their own column, and only when the export asks for them.
import { attributeValue, paragraphIndex, segmentAttributes, type StudyData } from './study-data.js';

export interface FindingsTable {
  header: string[];
  rows: string[][];
  /** Columns holding a date and time as "YYYY-MM-DD HH:mm" (or empty): a workbook makes them date cells. */
  dateColumns: number[];
}

/** A function formatting an ISO time as "YYYY-MM-DD HH:mm" in the reader's time zone (UTC when unknown). */
export function dateFormatter(timeZone: string | undefined): (iso: string | null) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }
  return (iso) => {
    if (!iso || Number.isNaN(Date.parse(iso))) return '';
    const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
}

export function findingsTable(data: StudyData, timeZone: string | undefined): FindingsTable {
  const { labels } = data;
  const c = labels.columns;
  const join = (items: readonly string[]) => items.join(labels.document.listSeparator);
  const date = dateFormatter(timeZone);

  const attributes = segmentAttributes(data);

  const header = [
    c.id,
    c.text,
    c.stage,
    c.type,
    c.terms,
    c.tags,
    c.participant,
    c.source,
    ...(data.hideRealNames ? [] : [c.realName]),
    ...attributes.map((a) => a.label),
    c.interviewer,
    c.sessionDate,
    c.question,
    c.evidence,
    c.group,
    c.theme,
  ];

  const stageName = new Map(data.stages.map((s) => [s.id, s.name]));
  const tagName = new Map(data.tags.map((t) => [t.id, t.name]));
  const groups = new Map(data.groups.map((g) => [g.id, g]));
  const themeName = new Map(data.themes.map((t) => [t.id, t.name]));
  const participants = new Map(data.participants.map((p) => [p.id, p]));
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const paragraphs = paragraphIndex(data.sessions);

  const rows = data.findings.map((f) => {
    const participant = f.participantId ? participants.get(f.participantId) : undefined;
    const session = f.sessionId ? sessions.get(f.sessionId) : undefined;
    const group = f.groupId ? groups.get(f.groupId) : undefined;
    return [
      f.id,
      f.text,
      f.stageId ? (stageName.get(f.stageId) ?? '') : '',
      labels.findingTypes[f.type],
      // TERMS as words in the study's language ("Emotion, Money"), as documents name them.
      join(f.terms.map((k) => labels.document.terms[k])),
      join(f.tagIds.flatMap((id) => tagName.get(id) ?? [])),
      participant?.code ?? '',
      participant ? labels.document.sources[participant.source] : '',
      ...(data.hideRealNames ? [] : [participant?.realName ?? '']),
      ...attributes.map((a) => (participant ? (attributeValue(participant, a) ?? '') : '')),
      session?.interviewer ?? '',
      date(session?.at ?? null),
      f.questionId ? (data.questionText.get(f.questionId) ?? '') : '',
      f.sessionId && f.paragraphKey ? (paragraphs.get(`${f.sessionId}/${f.paragraphKey}`) ?? '') : '',
      group?.name ?? '',
      group?.themeId ? (themeName.get(group.themeId) ?? '') : '',
    ];
  });
  return { header, rows, dateColumns: [header.indexOf(c.sessionDate)] };
}
