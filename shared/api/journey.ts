// Contract shapes for the journey map: stages as columns, lanes as rows (doing,
// thinking, feeling, touchpoints, influencers, pain points, opportunities), an
// emotion score per stage, and items that each cite the findings behind them.
import { z } from 'zod';
import { EMOTION_MAX, EMOTION_MIN, JOURNEY_LANES, PAIN_KINDS } from '../domain.js';
import { Id, Timestamp } from './fields.js';
import { EvidenceRef } from './personas.js';

export const EmotionScore = z.number().int().min(EMOTION_MIN).max(EMOTION_MAX);

export const JourneyItem = z.strictObject({
  id: Id,
  stageId: Id,
  lane: z.enum(JOURNEY_LANES),
  text: z.string(),
  /** TERMS kinds; only pain points carry them. */
  terms: z.array(z.enum(PAIN_KINDS)),
  position: z.string(),
  evidence: z.array(EvidenceRef),
  revision: z.number().int(),
});
export type JourneyItem = z.infer<typeof JourneyItem>;

export const JourneyMap = z.strictObject({
  id: Id,
  studyId: Id,
  /** The persona whose journey this is, or null for the study's customers at large. */
  personaId: Id.nullable(),
  title: z.string(),
  /** The study's stages in order: the map's columns. */
  stages: z.array(z.strictObject({ id: Id, name: z.string(), defaultKey: z.string().nullable() })),
  /** Emotion score per stage; stages without a score are absent. */
  emotions: z.array(z.strictObject({ stageId: Id, score: EmotionScore, revision: z.number().int() })),
  items: z.array(JourneyItem),
  updatedAt: Timestamp,
  /** Bumped on every change of the record: an edit may name the revision it started from. */
  revision: z.number().int(),
});
export type JourneyMap = z.infer<typeof JourneyMap>;
