// Version 1 of the archive's data: the study and everything in it, one list per kind
// of thing, each item the row as stored (ids, positions and times kept) in camelCase,
// with the join tables folded into their owner (a finding's tagIds, a persona's
// participantIds, a statement's evidence). The study id is implied: it is the
// manifest's. The board's undo log and search index are not part of it: undo history
// does not travel, and the index is rebuilt from the rows on import.
//
// Free-form JSON values (note states, segment attributes, segment filters) are checked
// without being rewritten, so they are stored back exactly as they were exported.
import { z } from 'zod';
import {
  AVATAR_PALETTES,
  FINDING_TYPES,
  JOURNEY_LANES,
  PAIN_KINDS,
  PARTICIPANT_SOURCES,
  PARTICIPANT_STATUSES,
  PERSONA_LISTS,
  SESSION_STATUSES,
  STUDY_LANGUAGES,
} from '../domain.js';
import { Colour, Id, Timestamp } from '../api/fields.js';
import { Attributes } from '../api/participants.js';
import { SegmentFilter } from '../api/personas.js';
import { EditorState } from '../api/sessions.js';
import { ARCHIVE_LIMITS, IMAGE_ENTRY } from './format.js';

const Name = z.string().max(1_000);
const Text = z.string().max(20_000);
const LongText = z.string().max(200_000);
const Position = z.string().min(1).max(1_000);
const Time = Timestamp;
const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Terms = z.array(z.enum(PAIN_KINDS)).max(PAIN_KINDS.length);
const Strings = z.array(z.string().max(2_000)).max(500);
const Ids = z.array(Id).max(100_000);

/** Deepest nesting of a JSON value, measured without recursion (a hostile value cannot overflow the stack). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (depth > ARCHIVE_LIMITS.jsonDepth) return depth;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Checks a JSON value against `schema` but keeps it exactly as given (no keys reordered, nothing trimmed). */
function preserved<S extends z.ZodType>(schema: S, what: string) {
  return z.custom<z.output<S>>((value) => jsonDepth(value) <= ARCHIVE_LIMITS.jsonDepth && schema.safeParse(value).success, { message: `Not a valid ${what}.` });
}

export const ArchiveStudy = z.strictObject({
  id: Id,
  name: Name,
  goal: Text,
  product: Text,
  plannedInterviews: z.number().int().min(0).max(1_000_000),
  language: z.enum(STUDY_LANGUAGES),
  isSample: z.boolean(),
  createdAt: Time,
  updatedAt: Time,
});

export const ArchiveStage = z.strictObject({
  id: Id,
  name: Name,
  defaultKey: z.string().max(40).nullable(),
  description: Text,
  informationNeeds: Text,
  position: Position,
  createdAt: Time,
});

export const ArchiveStageItem = z.strictObject({ id: Id, stageId: Id.nullable(), name: Name, position: Position });

export const ArchiveParticipant = z.strictObject({
  id: Id,
  code: z.string().min(1).max(100),
  /** Personal data: empty when the archive was made without it. */
  realName: Text,
  contact: Text,
  source: z.enum(PARTICIPANT_SOURCES),
  status: z.enum(PARTICIPANT_STATUSES),
  attributes: preserved(Attributes, 'set of segment attributes'),
  screenedRelevant: z.boolean(),
  consentDate: z.string().max(40).nullable(),
  consentScope: Text,
  withdrawnAt: Time.nullable(),
  createdAt: Time,
});

export const ArchiveTag = z.strictObject({
  id: Id,
  parentId: Id.nullable(),
  name: Name,
  definition: Text,
  usageRule: Text,
  color: Colour,
  createdAt: Time,
  deletedAt: Time.nullable(),
});

export const ArchiveGuide = z.strictObject({ id: Id, title: Name, createdAt: Time });

export const ArchiveGuideVersion = z.strictObject({
  id: Id,
  guideId: Id,
  number: z.number().int().min(1).max(1_000_000),
  note: Text,
  createdAt: Time,
  frozenAt: Time.nullable(),
});

export const ArchiveGuideSection = z.strictObject({ id: Id, guideVersionId: Id, title: Name, position: Position });

export const ArchiveGuideQuestion = z.strictObject({
  id: Id,
  sectionId: Id,
  text: Text,
  purpose: Text,
  stageId: Id.nullable(),
  keywords: preserved(Strings, 'list of keywords'),
  probes: preserved(Strings, 'list of probes'),
  timeBudgetSec: Count,
  position: Position,
});

export const ArchiveSession = z.strictObject({
  id: Id,
  participantId: Id,
  guideVersionId: Id.nullable(),
  interviewer: Name,
  status: z.enum(SESSION_STATUSES),
  scheduledAt: Time.nullable(),
  startedAt: Time.nullable(),
  endedAt: Time.nullable(),
  elapsedMs: Count,
  currentQuestionId: Id.nullable(),
  createdAt: Time,
  runningSince: Time.nullable(),
  questionEnteredMs: Count,
});

export const ArchiveSessionQuestion = z.strictObject({
  sessionId: Id,
  questionId: Id,
  state: z.enum(['asked', 'skipped']),
  timeSpentMs: Count,
});

/** A note paragraph as readable text: derived from `content` on export, for other tools; ignored on import. */
export const ArchiveParagraph = z.strictObject({ pid: z.string().max(100), atMs: z.number().int().nullable(), text: LongText });

export const ArchiveNote = z.strictObject({
  id: Id,
  sessionId: Id,
  questionId: Id.nullable(),
  /** The rich-text editor's state, as stored. */
  content: preserved(EditorState, 'note'),
  plainText: z.string().max(8_000_000),
  revision: Count,
  updatedAt: Time,
  paragraphs: z.array(ArchiveParagraph).max(50_000),
});

export const ArchiveTheme = z.strictObject({ id: Id, name: Name, color: Colour, position: Position, createdAt: Time });

export const ArchiveGroup = z.strictObject({
  id: Id,
  stageId: Id.nullable(),
  themeId: Id.nullable(),
  name: Name,
  color: Colour,
  collapsed: z.boolean(),
  position: Position,
  createdAt: Time,
});

export const ArchiveFinding = z.strictObject({
  id: Id,
  sessionId: Id.nullable(),
  participantId: Id.nullable(),
  noteId: Id.nullable(),
  questionId: Id.nullable(),
  paragraphKey: z.string().max(100).nullable(),
  text: LongText,
  type: z.enum(FINDING_TYPES),
  stageId: Id.nullable(),
  terms: Terms,
  groupId: Id.nullable(),
  position: Position,
  createdAt: Time,
  updatedAt: Time,
  tagIds: Ids,
});

/** "A leads to B": exactly one of each pair of ends is set. */
export const ArchiveLink = z
  .strictObject({
    id: Id,
    fromGroupId: Id.nullable(),
    fromThemeId: Id.nullable(),
    toGroupId: Id.nullable(),
    toThemeId: Id.nullable(),
    label: Text,
    createdAt: Time,
  })
  .refine((l) => (l.fromGroupId === null) !== (l.fromThemeId === null) && (l.toGroupId === null) !== (l.toThemeId === null), {
    message: 'A link needs exactly one source and one target.',
  });

/** A persona's picture: none, a generated one, or an image file in the archive. */
export const ArchiveAvatar = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('generated'), palette: z.enum(AVATAR_PALETTES) }),
  z.strictObject({ kind: z.literal('image'), file: z.string().regex(IMAGE_ENTRY) }),
]);
export type ArchiveAvatar = z.infer<typeof ArchiveAvatar>;

export const ArchivePersona = z.strictObject({
  id: Id,
  name: Name,
  avatar: ArchiveAvatar,
  age: Name,
  occupation: Name,
  income: Name,
  description: Text,
  segmentFilter: preserved(SegmentFilter, 'segment').nullable(),
  position: Position,
  createdAt: Time,
  updatedAt: Time,
  participantIds: Ids,
});

export const ArchivePersonaItem = z.strictObject({
  id: Id,
  personaId: Id,
  list: z.enum(PERSONA_LISTS),
  text: Text,
  position: Position,
  evidence: Ids,
});

export const ArchiveJourneyMap = z.strictObject({ id: Id, personaId: Id.nullable(), title: Name, createdAt: Time, updatedAt: Time });

export const ArchiveJourneyEmotion = z.strictObject({ mapId: Id, stageId: Id, score: z.number().int().min(-2).max(2) });

export const ArchiveJourneyItem = z.strictObject({
  id: Id,
  mapId: Id,
  stageId: Id,
  lane: z.enum(JOURNEY_LANES),
  text: Text,
  terms: Terms,
  position: Position,
  evidence: Ids,
});

const list = <T extends z.ZodType>(item: T) => z.array(item).max(500_000);

/** Every list of a version-1 archive; the data files split them between them (format.ts). */
export const ArchiveDataV1 = z.strictObject({
  study: ArchiveStudy,
  stages: list(ArchiveStage),
  touchpoints: list(ArchiveStageItem),
  influencers: list(ArchiveStageItem),
  participants: list(ArchiveParticipant),
  tags: list(ArchiveTag),
  guides: list(ArchiveGuide),
  guideVersions: list(ArchiveGuideVersion),
  guideSections: list(ArchiveGuideSection),
  guideQuestions: list(ArchiveGuideQuestion),
  sessions: list(ArchiveSession),
  sessionQuestions: list(ArchiveSessionQuestion),
  notes: list(ArchiveNote),
  themes: list(ArchiveTheme),
  groups: list(ArchiveGroup),
  findings: list(ArchiveFinding),
  links: list(ArchiveLink),
  personas: list(ArchivePersona),
  personaItems: list(ArchivePersonaItem),
  journeyMaps: list(ArchiveJourneyMap),
  journeyEmotions: list(ArchiveJourneyEmotion),
  journeyItems: list(ArchiveJourneyItem),
});
export type ArchiveDataV1 = z.infer<typeof ArchiveDataV1>;
