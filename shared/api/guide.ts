// Contract shapes for the interview guide: versions, sections, questions.
import { z } from 'zod';
import { STUDY_LANGUAGES } from '../domain.js';
import { Id, ShortText, Timestamp } from './fields.js';

export const GuideQuestion = z.strictObject({
  id: Id,
  sectionId: Id,
  text: z.string(),
  purpose: z.string(),
  stageId: Id.nullable(),
  keywords: z.array(z.string()),
  probes: z.array(z.string()),
  timeBudgetSec: z.number().int(),
  position: z.string(),
  revision: z.number().int(),
});
export type GuideQuestion = z.infer<typeof GuideQuestion>;

export const GuideSection = z.strictObject({
  id: Id,
  title: z.string(),
  position: z.string(),
  questions: z.array(GuideQuestion),
  revision: z.number().int(),
});
export type GuideSection = z.infer<typeof GuideSection>;

export const GuideVersionSummary = z.strictObject({
  id: Id,
  number: z.number().int(),
  changeNote: z.string(),
  createdAt: Timestamp,
  publishedAt: Timestamp.nullable(),
  sessionCount: z.number().int(),
});
export type GuideVersionSummary = z.infer<typeof GuideVersionSummary>;

export const GuideDocument = z.strictObject({
  guideId: Id,
  studyId: Id,
  title: z.string(),
  /** The guide's revision (its title's record). */
  revision: z.number().int(),
  version: GuideVersionSummary,
  versions: z.array(GuideVersionSummary),
  sections: z.array(GuideSection),
});
export type GuideDocument = z.infer<typeof GuideDocument>;

export const GuideSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('blank') }),
  z.strictObject({ kind: z.literal('template'), language: z.enum(STUDY_LANGUAGES) }),
  z.strictObject({ kind: z.literal('study'), studyId: Id }),
]);

const Keywords = z.array(z.string().trim().min(1).max(100)).max(30);
const Probes = z.array(z.string().trim().min(1).max(500)).max(20);

export const QuestionFields = z.strictObject({
  text: ShortText.optional(),
  purpose: ShortText.optional(),
  stageId: Id.nullable().optional(),
  keywords: Keywords.optional(),
  probes: Probes.optional(),
  timeBudgetSec: z.number().int().min(0).max(4 * 3600).optional(),
});

export const ExportedFile = z.strictObject({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;
