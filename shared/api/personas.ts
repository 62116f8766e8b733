// Contract shapes for personas: a segment of participants written as one believable
// person, whose statements (motivations, goals, challenges, quotes...) each cite the
// findings behind them, and the PERSONAL checklist computed from that evidence.
import { z } from 'zod';
import { parseAvatar } from '../avatar.js';
import {
  FINDING_TYPES,
  PAIN_KINDS,
  PARTICIPANT_SOURCES,
  PERSONA_LISTS,
  PERSONAL_LETTERS,
  SEGMENT_DIMENSIONS,
} from '../domain.js';
import { Id, Name, Timestamp } from './fields.js';

/**
 * A segment: the participants whose source is one of `sources` (any, when absent) and
 * who, for every attribute condition, have one of its values. Conditions combine with
 * AND, values of one condition with OR.
 */
export const SegmentFilter = z.strictObject({
  sources: z.array(z.enum(PARTICIPANT_SOURCES)).max(PARTICIPANT_SOURCES.length).optional(),
  attributes: z
    .array(
      z.strictObject({
        dimension: z.enum(SEGMENT_DIMENSIONS),
        name: z.string().trim().min(1).max(100),
        values: z.array(z.string().max(500)).min(1).max(50),
      }),
    )
    .max(20),
});
export type SegmentFilter = z.infer<typeof SegmentFilter>;

/** Who a persona stands for: a segment (resolved to its participants now) or a hand-picked set. */
export const PersonaMembers = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('segment'), segment: SegmentFilter }),
  z.strictObject({ kind: z.literal('participants'), participantIds: z.array(Id).max(500) }),
]);
export type PersonaMembers = z.infer<typeof PersonaMembers>;

export const Avatar = z
  .string()
  .max(700_000)
  .superRefine((value, ctx) => {
    const parsed = parseAvatar(value);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: `The avatar is not usable (${parsed}): use "generated:<palette>" or a PNG, JPEG or WebP data URL of at most 512 KB.` });
    }
  });

export const PersonaFields = z.strictObject({
  name: Name.optional(),
  avatar: Avatar.optional(),
  age: z.string().trim().max(100).optional(),
  occupation: z.string().trim().max(200).optional(),
  income: z.string().trim().max(200).optional(),
  description: z.string().trim().max(10_000).optional(),
});

export const ItemText = z.string().trim().min(1).max(2_000);

/** A finding cited as evidence, as the persona or journey map shows it. */
export const EvidenceRef = z.strictObject({
  findingId: Id,
  text: z.string(),
  type: z.enum(FINDING_TYPES),
  participantCode: z.string().nullable(),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const PersonaItem = z.strictObject({
  id: Id,
  list: z.enum(PERSONA_LISTS),
  text: z.string(),
  position: z.string(),
  evidence: z.array(EvidenceRef),
  revision: z.number().int(),
});
export type PersonaItem = z.infer<typeof PersonaItem>;

/** Stable codes for why a PERSONAL letter passes or fails; the UI words them. */
export const PERSONAL_REASONS = [
  'ok',
  // P: primary research behind it
  'no_evidence',
  'single_participant',
  // E: empathy
  'missing_avatar',
  'missing_description',
  'consent_missing',
  // R: realistic
  'no_participants',
  'not_screened',
  // S: singular
  'overlaps_participants',
  'overlaps_evidence',
  // O: objectives
  'few_keyword_questions',
  // N: number
  'too_many_personas',
  // A: applicable
  'missing_goals',
  'missing_challenges',
  'not_on_journey',
  // L: long-lived
  'no_published_guide',
  'older_than_guide',
] as const;
export type PersonalReason = (typeof PERSONAL_REASONS)[number];

export const PersonalCheck = z.strictObject({
  letter: z.enum(PERSONAL_LETTERS),
  pass: z.boolean(),
  reason: z.enum(PERSONAL_REASONS),
  /** The measure behind the verdict, where there is one (e.g. 2 of 3 participants shared). */
  count: z.number().int().nullable(),
  total: z.number().int().nullable(),
  /** S: the persona overlapping most with this one. */
  otherPersona: z.strictObject({ id: Id, name: z.string() }).nullable(),
  /** L: the persona's last change. */
  at: Timestamp.nullable(),
});
export type PersonalCheck = z.infer<typeof PersonalCheck>;

/** What a persona card shows in lists and in full alike. */
const PersonaBasics = z.strictObject({
  id: Id,
  studyId: Id,
  name: z.string(),
  avatar: z.string(),
  age: z.string(),
  occupation: z.string(),
  position: z.string(),
  updatedAt: Timestamp,
  /** Bumped on every change of the persona (its fields, members and statements' membership). */
  revision: z.number().int(),
});

export const PersonaSummary = PersonaBasics.extend({
  participantCount: z.number().int(),
  evidenceCount: z.number().int(),
  /** How many of the eight PERSONAL letters pass. */
  checklistPassed: z.number().int(),
});
export type PersonaSummary = z.infer<typeof PersonaSummary>;

export const Persona = PersonaBasics.extend({
  income: z.string(),
  description: z.string(),
  /** The segment the participants were drawn from; null when hand-picked. */
  segment: SegmentFilter.nullable(),
  /** Participants behind the persona (never one who withdrew consent). */
  participants: z.array(z.strictObject({ id: Id, code: z.string(), source: z.enum(PARTICIPANT_SOURCES) })),
  lists: z.record(z.enum(PERSONA_LISTS), z.array(PersonaItem)),
  checklist: z.array(PersonalCheck),
  createdAt: Timestamp,
});
export type Persona = z.infer<typeof Persona>;

/** A finding from the board the persona could cite, with the list it would fit. */
export const EvidenceSuggestion = z.strictObject({
  findingId: Id,
  text: z.string(),
  type: z.enum(FINDING_TYPES),
  terms: z.array(z.enum(PAIN_KINDS)),
  participantCode: z.string().nullable(),
  stageId: Id.nullable(),
  groupName: z.string().nullable(),
  /** Distinct participants saying the same thing (the finding's board group), the ranking key. */
  corroboration: z.number().int(),
  list: z.enum(PERSONA_LISTS),
});
export type EvidenceSuggestion = z.infer<typeof EvidenceSuggestion>;
