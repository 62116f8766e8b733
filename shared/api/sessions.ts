// Contract shapes for interviews: sessions, their timer and progress through the
// guide, the notes typed live (editor JSON per question) and the findings marked.
import { z } from 'zod';
import { FINDING_TYPES, PAIN_KINDS, PARTICIPANT_SOURCES, SESSION_STATUSES } from '../domain.js';
import { Id, LongText, ShortText, Timestamp } from './fields.js';
import { GuideSection } from './guide.js';
import { jsonDataProblem } from './json-data.js';

export const SessionSummary = z.strictObject({
  id: Id,
  studyId: Id,
  participantId: Id,
  participantCode: z.string(),
  participantWithdrawn: z.boolean(),
  guideVersionId: Id.nullable(),
  guideVersionNumber: z.number().int().nullable(),
  interviewer: z.string(),
  status: z.enum(SESSION_STATUSES),
  scheduledAt: Timestamp.nullable(),
  startedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  /** Time accrued while the timer ran, up to `runningSince`. */
  elapsedMs: z.number().int(),
  /** Wall-clock time the timer last started; null while paused or not running. */
  runningSince: Timestamp.nullable(),
  currentQuestionId: Id.nullable(),
  /** Session time at which the current question was entered. */
  questionEnteredMs: z.number().int(),
  findingCount: z.number().int(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const QuestionProgress = z.strictObject({
  questionId: Id,
  state: z.enum(['asked', 'skipped']),
  timeSpentMs: z.number().int(),
});
export type QuestionProgress = z.infer<typeof QuestionProgress>;

export const SessionState = z.strictObject({ session: SessionSummary, progress: z.array(QuestionProgress) });
export type SessionState = z.infer<typeof SessionState>;

/** Nesting of a note's rich-text state: real notes are a handful of levels deep (lists nest a few more). */
const EDITOR_STATE_DEPTH = 64;

/** The rich-text editor's serialized state: a root node with children, plain JSON of bounded depth. */
export const EditorState = z
  .looseObject({
    // Every child of the root is a node (an object): the search index reads each one's key.
    root: z.looseObject({ type: z.literal('root'), children: z.array(z.looseObject({})).max(50_000) }),
  })
  .superRefine((state, ctx) => {
    const problem = jsonDataProblem(state, EDITOR_STATE_DEPTH);
    if (problem) ctx.addIssue({ code: 'custom', message: `The note is not valid rich text: ${problem}` });
  });
export type EditorState = z.infer<typeof EditorState>;

export const NoteDoc = z.strictObject({
  id: Id,
  questionId: Id.nullable(),
  content: EditorState,
  revision: z.number().int(),
  updatedAt: Timestamp,
});
export type NoteDoc = z.infer<typeof NoteDoc>;

export const Finding = z.strictObject({
  id: Id,
  studyId: Id,
  sessionId: Id.nullable(),
  participantId: Id.nullable(),
  questionId: Id.nullable(),
  paragraphKey: z.string().nullable(),
  text: z.string(),
  type: z.enum(FINDING_TYPES),
  stageId: Id.nullable(),
  terms: z.array(z.enum(PAIN_KINDS)),
  tagIds: z.array(Id),
  groupId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Bumped on every change of the record: an edit may name the revision it started from. */
  revision: z.number().int(),
});
export type Finding = z.infer<typeof Finding>;

export const SessionDetail = z.strictObject({
  session: SessionSummary,
  participant: z.strictObject({ id: Id, code: z.string(), source: z.enum(PARTICIPANT_SOURCES) }),
  guide: z
    .strictObject({ versionId: Id, number: z.number().int(), title: z.string(), sections: z.array(GuideSection) })
    .nullable(),
  progress: z.array(QuestionProgress),
  notes: z.array(NoteDoc),
  findings: z.array(Finding),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

export const SessionReport = z.strictObject({
  durationMs: z.number().int(),
  questions: z.number().int(),
  asked: z.number().int(),
  skipped: z.number().int(),
  findings: z.number().int(),
  byStage: z.array(z.strictObject({ stageId: Id.nullable(), count: z.number().int() })),
  byTerms: z.array(z.strictObject({ kind: z.enum(PAIN_KINDS), count: z.number().int() })),
  byType: z.array(z.strictObject({ type: z.enum(FINDING_TYPES), count: z.number().int() })),
  /** Pain points per stage and TERMS kind. */
  matrix: z.array(z.strictObject({ stageId: Id.nullable(), kind: z.enum(PAIN_KINDS), count: z.number().int() })),
  /** Completed interviews of the study against the plan, for the 25% checkpoint. */
  completedInStudy: z.number().int(),
  plannedInStudy: z.number().int(),
});
export type SessionReport = z.infer<typeof SessionReport>;

export const FindingFields = z.strictObject({
  text: LongText.optional(),
  type: z.enum(FINDING_TYPES).optional(),
  stageId: Id.nullable().optional(),
  terms: z.array(z.enum(PAIN_KINDS)).max(5).optional(),
  tagIds: z.array(Id).max(100).optional(),
  /** Toggles sent as intents (see shared/listIntent.ts): applied to the finding as it is now. */
  addTerms: z.array(z.enum(PAIN_KINDS)).max(5).optional(),
  removeTerms: z.array(z.enum(PAIN_KINDS)).max(5).optional(),
  addTags: z.array(Id).max(100).optional(),
  removeTags: z.array(Id).max(100).optional(),
});

export const NewSessionFields = z.strictObject({
  studyId: Id,
  participantId: Id,
  guideVersionId: Id.nullable(),
  interviewer: ShortText,
  scheduledAt: Timestamp.nullable().optional(),
  /** When the chosen version is a draft it is published now; from v2 on it needs this note. */
  changeNote: ShortText.optional(),
});
