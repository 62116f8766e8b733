// Contract shapes for global search (Ctrl+K): what can be found, the filters, and a
// hit with everything needed to open its source in place and to show the matched
// passage highlighted (offset ranges into the snippet, never markup).
import { z } from 'zod';
import { FINDING_TYPES, PAIN_KINDS, PERSONA_LISTS } from '../domain.js';
import { Id } from './fields.js';

/** What search finds. A persona hit may be the persona itself or one of its statements. */
export const SEARCH_KINDS = ['note', 'finding', 'group', 'theme', 'persona', 'participant', 'question', 'tag'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** An instant, ISO 8601 in UTC (as stored), e.g. the start of a local day converted by the UI. */
const Instant = z.iso.datetime();

/**
 * Filters combine with AND. A filter keeps only the kinds it applies to:
 * `stageId` notes (their question's stage), findings, groups and questions;
 * `terms` (any of the kinds) and `tagId` findings; `participantId` notes, findings and
 * that participant. `from` (inclusive) and `to` (exclusive) bound the interview's
 * start for notes and findings, and when the item was created otherwise (a persona:
 * last updated).
 */
export const SearchQuery = z.strictObject({
  /** One study; every study not in the trash when omitted. */
  studyId: Id.optional(),
  text: z.string().max(500),
  kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
  stageId: Id.optional(),
  terms: z.array(z.enum(PAIN_KINDS)).min(1).max(PAIN_KINDS.length).optional(),
  participantId: Id.optional(),
  tagId: Id.optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  /** 30 when omitted. */
  limit: z.number().int().min(1).max(200).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const Snippet = z.strictObject({
  /** At most about 160 characters of the source around the first match, on one line. */
  text: z.string(),
  /** Matches as [start, end) offsets into `text` (UTF-16 code units, as String.slice uses), in order. */
  highlights: z.array(z.strictObject({ start: z.number().int(), end: z.number().int() })),
});
export type Snippet = z.infer<typeof Snippet>;

/** A journey stage named as stored; `defaultKey` lets the UI translate an untouched default name. */
export const StageRef = z.strictObject({ id: Id, name: z.string(), defaultKey: z.string().nullable() });
export type StageRef = z.infer<typeof StageRef>;

/**
 * Common to every hit. `title` names the hit from the data, never translated: a note's
 * or a finding's participant code, a group's, theme's, tag's or persona's name, a
 * participant's code, a question's text.
 */
const HitBase = {
  /**
   * Names the indexed passage the hit comes from (a note has one per paragraph):
   * unique within an answer and the same in the next answer, so a list keys its rows by it.
   */
  key: z.string(),
  studyId: Id,
  studyName: z.string(),
  title: z.string(),
  snippet: Snippet,
  /** Higher is better; only the order within one answer means anything. */
  score: z.number(),
};

export const SearchHit = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('note'),
    ...HitBase,
    /** The note (one per session and question). */
    id: Id,
    sessionId: Id,
    /** Null: the session's free "other" notes. */
    questionId: Id.nullable(),
    questionText: z.string().nullable(),
    /** The matched paragraph's key, to scroll to it; null for a paragraph without one. */
    paragraphKey: z.string().nullable(),
    participantId: Id,
    participantCode: z.string(),
    /** When the interview started (or was planned). */
    sessionDate: z.string().nullable(),
  }),
  z.strictObject({
    kind: z.literal('finding'),
    ...HitBase,
    id: Id,
    type: z.enum(FINDING_TYPES),
    terms: z.array(z.enum(PAIN_KINDS)),
    stage: StageRef.nullable(),
    groupId: Id.nullable(),
    groupName: z.string().nullable(),
    sessionId: Id.nullable(),
    questionId: Id.nullable(),
    paragraphKey: z.string().nullable(),
    participantId: Id.nullable(),
    participantCode: z.string().nullable(),
  }),
  z.strictObject({ kind: z.literal('group'), ...HitBase, id: Id, stage: StageRef.nullable(), themeId: Id.nullable() }),
  z.strictObject({ kind: z.literal('theme'), ...HitBase, id: Id }),
  z.strictObject({
    kind: z.literal('persona'),
    ...HitBase,
    /** The persona. */
    id: Id,
    /** Set when the match is in one of its statements. */
    itemId: Id.nullable(),
    list: z.enum(PERSONA_LISTS).nullable(),
  }),
  z.strictObject({ kind: z.literal('participant'), ...HitBase, id: Id }),
  z.strictObject({
    kind: z.literal('question'),
    ...HitBase,
    id: Id,
    guideId: Id,
    versionId: Id,
    sectionId: Id,
    stage: StageRef.nullable(),
  }),
  z.strictObject({ kind: z.literal('tag'), ...HitBase, id: Id }),
]);
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.strictObject({
  hits: z.array(SearchHit),
  /** More hits than `limit` matched. */
  more: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;
