// Output shapes of the contract: what the core hands to the renderer. Plain JSON.
import { z } from 'zod';
import { PARTICIPANT_SOURCES, PARTICIPANT_STATUSES, SEGMENT_DIMENSIONS, STUDY_LANGUAGES } from '../domain.js';
import { Id, Timestamp } from './fields.js';

export const Study = z.strictObject({
  id: Id,
  name: z.string(),
  goal: z.string(),
  product: z.string(),
  plannedInterviews: z.number().int(),
  language: z.enum(STUDY_LANGUAGES),
  isSample: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
  /** Bumped on every change of the record: an edit may name the revision it started from. */
  revision: z.number().int(),
});
export type Study = z.infer<typeof Study>;

export const StudyCounts = z.strictObject({
  participants: z.number().int(),
  sessions: z.number().int(),
  findings: z.number().int(),
  groups: z.number().int(),
  personas: z.number().int(),
});
export type StudyCounts = z.infer<typeof StudyCounts>;

export const StudySummary = Study.extend({ counts: StudyCounts });
export type StudySummary = z.infer<typeof StudySummary>;

export const JourneyStage = z.strictObject({
  id: Id,
  studyId: Id,
  name: z.string(),
  /** Set while a stage still carries its default name, so the UI can translate it. */
  defaultKey: z.string().nullable(),
  description: z.string(),
  informationNeeds: z.string(),
  position: z.string(),
  touchpoints: z.array(z.strictObject({ id: Id, name: z.string() })),
  influencers: z.array(z.strictObject({ id: Id, name: z.string() })),
  revision: z.number().int(),
});
export type JourneyStage = z.infer<typeof JourneyStage>;

export const SegmentAttributes = z.record(z.enum(SEGMENT_DIMENSIONS), z.record(z.string(), z.string()));
export type SegmentAttributes = z.infer<typeof SegmentAttributes>;

export const ParticipantSummary = z.strictObject({
  id: Id,
  code: z.string(),
  source: z.enum(PARTICIPANT_SOURCES),
  status: z.enum(PARTICIPANT_STATUSES),
  withdrawn: z.boolean(),
  attributes: z.partialRecord(z.enum(SEGMENT_DIMENSIONS), z.record(z.string(), z.string())),
});
export type ParticipantSummary = z.infer<typeof ParticipantSummary>;

export const StudyOverview = z.strictObject({
  study: Study,
  counts: StudyCounts,
  stages: z.array(JourneyStage),
  participants: z.array(ParticipantSummary),
});
export type StudyOverview = z.infer<typeof StudyOverview>;

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  readOnly: z.boolean(),
  /** Why the library is read-only, when it is (e.g. a failed integrity check). */
  readOnlyReason: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;
