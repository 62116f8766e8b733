// The shape of resources/sample-study/study.json: a whole study described by keys
// (not ids), which the seeder turns into calls of the contract's operations.
import { z } from 'zod';
import {
  FINDING_TYPES,
  JOURNEY_LANES,
  PAIN_KINDS,
  PARTICIPANT_SOURCES,
  PARTICIPANT_STATUSES,
  PERSONA_LISTS,
  STUDY_LANGUAGES,
} from '../../../../shared/domain.js';

const key = z.string().regex(/^[a-z0-9_-]+$/);
const clock = z.string().regex(/^\d{1,3}:[0-5]\d$/); // mm:ss from the start of the session
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localTime = z.string().datetime({ local: true }); // read as UTC

const attributes = z.strictObject({
  demographic: z.record(z.string(), z.string()),
  geographic: z.record(z.string(), z.string()),
  behavioural: z.record(z.string(), z.string()),
  psychographic: z.record(z.string(), z.string()),
  needs: z.record(z.string(), z.string()),
});

export const SampleStudyFile = z.strictObject({
  study: z.strictObject({
    name: z.string(),
    goal: z.string(),
    product: z.string(),
    plannedInterviews: z.number().int().positive(),
    /** The study's language (exports, default probes); English when absent. */
    language: z.enum(STUDY_LANGUAGES).optional(),
  }),
  stages: z.array(
    z.strictObject({
      key,
      name: z.string(),
      description: z.string(),
      informationNeeds: z.string(),
      touchpoints: z.array(z.string()),
      influencers: z.array(z.string()),
    }),
  ),
  tags: z.array(
    z.strictObject({
      key,
      name: z.string(),
      definition: z.string(),
      usageRule: z.string(),
      color: z.string().regex(/^#[0-9a-f]{6}$/i),
      parent: key.nullable(),
    }),
  ),
  guide: z.strictObject({
    title: z.string(),
    sections: z.array(
      z.strictObject({
        title: z.string(),
        questions: z.array(
          z.strictObject({
            key,
            text: z.string(),
            purpose: z.string(),
            stage: key.nullable(),
            keywords: z.array(z.string()),
            probes: z.array(z.string()),
            timeBudgetMinutes: z.number().int().positive(),
          }),
        ),
      }),
    ),
    /** The change note of v1, which the interviews used. */
    firstVersionNote: z.string(),
    /** v2, published after early analysis: what it adds to which questions, and its change note. */
    revision: z.strictObject({
      note: z.string().min(1),
      questions: z.array(z.strictObject({ question: key, addProbes: z.array(z.string()), addKeywords: z.array(z.string()) })),
    }),
  }),
  participants: z.array(
    z.strictObject({
      key,
      code: z.string(),
      realName: z.string(),
      contact: z.string(),
      source: z.enum(PARTICIPANT_SOURCES),
      status: z.enum(PARTICIPANT_STATUSES),
      attributes,
      consent: z.strictObject({ date: calendarDate, scope: z.string() }).nullable(),
      /** The day the participant withdrew consent, or null. */
      withdrawnOn: calendarDate.nullable(),
    }),
  ),
  sessions: z.array(
    z.strictObject({
      key,
      participant: key,
      interviewer: z.string(),
      startedAt: localTime,
      durationMinutes: z.number().int().positive(),
      language: z.enum(['en', 'zh']),
      notes: z.array(
        z.strictObject({
          question: key.nullable(), // null: the free "other" area
          paragraphs: z.array(z.strictObject({ at: clock, text: z.string().min(1) })),
        }),
      ),
    }),
  ),
  /** Interviews still to hold, on the newest guide version: one to try live capture on. */
  plannedSessions: z.array(z.strictObject({ participant: key, interviewer: z.string(), scheduledAt: localTime })),
  findings: z.array(
    z.strictObject({
      key,
      session: key,
      question: key.nullable(),
      paragraph: z.number().int().nonnegative(),
      text: z.string().min(1),
      type: z.enum(FINDING_TYPES),
      stage: key.nullable(),
      terms: z.array(z.enum(PAIN_KINDS)),
      tags: z.array(key),
    }),
  ),
  themes: z.array(z.strictObject({ key, name: z.string(), color: z.string() })),
  groups: z.array(
    z.strictObject({
      key,
      name: z.string(),
      stage: key.nullable(),
      color: z.string(),
      theme: key.nullable(),
      findings: z.array(key),
    }),
  ),
  links: z.array(z.strictObject({ from: key, to: key, label: z.string() })),
  persona: z.strictObject({
    name: z.string(),
    avatar: z.string(),
    age: z.string(),
    occupation: z.string(),
    income: z.string(),
    description: z.string(),
    participants: z.array(key),
    lists: z.partialRecord(
      z.enum(PERSONA_LISTS),
      z.array(z.strictObject({ text: z.string(), evidence: z.array(key) })),
    ),
  }),
  journeyMap: z.strictObject({
    title: z.string(),
    emotions: z.record(key, z.number().int().min(-2).max(2)),
    items: z.array(
      z.strictObject({
        stage: key,
        lane: z.enum(JOURNEY_LANES),
        text: z.string(),
        terms: z.array(z.enum(PAIN_KINDS)),
        evidence: z.array(key),
      }),
    ),
  }),
});
export type SampleStudyFile = z.infer<typeof SampleStudyFile>;
