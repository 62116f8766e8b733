// Everything a data export of a study needs, read in one synchronous step: stages,
// tags, the board, participants who have not withdrawn, their interviews' notes as
// paragraphs (in guide order), and the findings. Withdrawn participants are left out
// through the active_* views; real names typed into notes or findings are replaced by
// participant codes unless the export asks to keep them.
import type { BoardCard, BoardGroup, BoardLink, BoardTheme } from '../../../../shared/api/board.js';
import type { Tag } from '../../../../shared/api/codebook.js';
import type { Study } from '../../../../shared/api/entities.js';
import type { InteropExportOptions } from '../../../../shared/api/interop.js';
import type { Participant } from '../../../../shared/api/participants.js';
import { SEGMENT_DIMENSIONS, type SegmentDimension } from '../../../../shared/domain.js';
import { nameRedactor } from '../../../../shared/export/document.js';
import { withAside } from '../../../../shared/export/document-labels.js';
import { interopLabels, type InteropLabels } from '../../../../shared/interop/labels.js';
import { noteParagraphs } from '../../../../shared/notes.js';
import { stageDisplayName } from '../../../../shared/stage-names.js';
import { loadCards, loadGroups, loadLinks, loadThemes } from '../../db/repos/board-read.js';
import { loadSections } from '../../db/repos/guides.js';
import { listParticipants } from '../../db/repos/participants.js';
import { listSessions } from '../../db/repos/sessions.js';
import { listStages } from '../../db/repos/stages.js';
import { getStudy } from '../../db/repos/studies.js';
import { listTags } from '../../db/repos/tags.js';
import type { ServiceContext } from '../context.js';
import { notFound } from '../errors.js';

export interface ExportParagraph {
  pid: string | null;
  text: string;
}

/** One question's notes in an interview (questionId null: the free "other" notes). */
export interface ExportNote {
  questionId: string | null;
  questionText: string | null;
  paragraphs: ExportParagraph[];
}

export interface ExportSession {
  id: string;
  participantId: string;
  interviewer: string;
  /** When it took place (or was planned), ISO 8601. */
  at: string | null;
  notes: ExportNote[];
}

export interface StudyData {
  study: Study;
  labels: InteropLabels;
  hideRealNames: boolean;
  stages: Array<{ id: string; name: string }>;
  tags: Tag[];
  groups: BoardGroup[];
  themes: BoardTheme[];
  links: BoardLink[];
  participants: Participant[];
  sessions: ExportSession[];
  /** Findings of participants who have not withdrawn, oldest first. */
  findings: BoardCard[];
  questionText: Map<string, string>;
}

interface NoteRow {
  session_id: string;
  question_id: string | null;
  content: string;
}

function parseContent(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export function readStudyData(ctx: ServiceContext, studyId: string, options: InteropExportOptions | undefined): StudyData {
  const study = getStudy(ctx.db, studyId);
  if (!study) throw notFound('The study');
  const hideRealNames = options?.hideRealNames ?? true;
  // Every participant's name, withdrawn ones too: their names must not leak through typed text either.
  const everyone = listParticipants(ctx.db, studyId);
  const text = hideRealNames ? nameRedactor(everyone) : (s: string) => s;
  const participants = everyone.filter((p) => p.withdrawnAt === null);

  const questionText = new Map<string, string>();
  const questionOrder = new Map<string, string[]>();
  const sessions = listSessions(ctx.db, studyId).filter((s) => !s.participantWithdrawn);
  for (const versionId of new Set(sessions.flatMap((s) => (s.guideVersionId ? [s.guideVersionId] : [])))) {
    const questions = loadSections(ctx.db, versionId).flatMap((section) => section.questions);
    for (const q of questions) questionText.set(q.id, text(q.text));
    questionOrder.set(versionId, questions.map((q) => q.id));
  }

  const notesBySession = new Map<string, NoteRow[]>();
  const noteRows = ctx.db
    .prepare('SELECT n.session_id, n.question_id, n.content FROM active_note n JOIN session s ON s.id = n.session_id WHERE s.study_id = ?')
    .all(studyId) as NoteRow[];
  for (const row of noteRows) notesBySession.set(row.session_id, [...(notesBySession.get(row.session_id) ?? []), row]);

  const exportSessions = sessions
    .map((s): ExportSession => {
      const order = questionOrder.get(s.guideVersionId ?? '') ?? [];
      // Guide order first, then the free notes, then notes of questions no longer in the guide.
      const rank = (questionId: string | null) => (questionId === null ? order.length : order.includes(questionId) ? order.indexOf(questionId) : order.length + 1);
      const notes = (notesBySession.get(s.id) ?? [])
        .sort((a, b) => rank(a.question_id) - rank(b.question_id))
        .map((n) => ({
          questionId: n.question_id,
          questionText: n.question_id ? (questionText.get(n.question_id) ?? null) : null,
          paragraphs: noteParagraphs(parseContent(n.content))
            .filter((p) => p.text.trim() !== '')
            .map((p) => ({ pid: p.pid, text: text(p.text) })),
        }))
        .filter((n) => n.paragraphs.length > 0);
      return { id: s.id, participantId: s.participantId, interviewer: s.interviewer, at: s.startedAt ?? s.scheduledAt, notes };
    })
    .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '') || a.id.localeCompare(b.id));

  const findings = loadCards(ctx.db, studyId)
    .map((card) => ({ ...card, text: text(card.text) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  // Questions of findings typed in sessions whose guide is not among those read above.
  for (const f of findings) {
    if (f.questionId && !questionText.has(f.questionId)) {
      const row = ctx.db.prepare('SELECT text FROM guide_question WHERE id = ?').get(f.questionId) as { text: string } | undefined;
      if (row) questionText.set(f.questionId, text(row.text));
    }
  }

  return {
    study,
    labels: interopLabels(study.language),
    hideRealNames,
    stages: listStages(ctx.db, studyId).map((s) => ({ id: s.id, name: stageDisplayName(s, study.language) })),
    tags: listTags(ctx.db, studyId, false).map((t) => ({ ...t, name: text(t.name) })),
    groups: loadGroups(ctx.db, studyId).map((g) => ({ ...g, name: text(g.name) })),
    themes: loadThemes(ctx.db, studyId).map((t) => ({ ...t, name: text(t.name) })),
    links: loadLinks(ctx.db, studyId),
    participants,
    sessions: exportSessions,
    findings,
    questionText,
  };
}

export interface SegmentAttribute {
  dimension: SegmentDimension;
  name: string;
  /** The name, with its dimension when two dimensions use the same name (rare). */
  label: string;
}

/** Every segment attribute the participants use, by dimension, in the order they first name it. */
export function segmentAttributes(data: Pick<StudyData, 'participants' | 'labels'>): SegmentAttribute[] {
  const found: Array<{ dimension: SegmentDimension; name: string }> = [];
  for (const dimension of SEGMENT_DIMENSIONS) {
    const seen = new Set<string>();
    for (const p of data.participants) {
      for (const name of Object.keys(p.attributes[dimension] ?? {})) {
        if (!seen.has(name)) found.push({ dimension, name });
        seen.add(name);
      }
    }
  }
  const repeated = new Set(found.filter((a, i) => found.findIndex((b) => b.name === a.name) !== i).map((a) => a.name));
  return found.map((a) => ({ ...a, label: repeated.has(a.name) ? withAside(a.name, data.labels.dimensions[a.dimension], data.labels.document) : a.name }));
}

/**
 * A participant's value for an attribute, read as data: attribute names are typed by
 * people ("constructor", "__proto__"), so a plain lookup could reach Object.prototype.
 */
export function attributeValue(participant: Participant, attribute: Pick<SegmentAttribute, 'dimension' | 'name'>): string | undefined {
  const values = participant.attributes[attribute.dimension];
  if (!values || !Object.hasOwn(values, attribute.name)) return undefined;
  const value: unknown = values[attribute.name];
  return typeof value === 'string' ? value : undefined;
}

/** Where each note paragraph is, by session and paragraph key. */
export function paragraphIndex(sessions: readonly ExportSession[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const s of sessions) {
    for (const note of s.notes) for (const p of note.paragraphs) if (p.pid) index.set(`${s.id}/${p.pid}`, p.text);
  }
  return index;
}
