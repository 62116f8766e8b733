// The shape of a bundled interview-guide template (resources/guide-templates/*.json)
// and the four default probes (do, think, feel, why) in each study language. A new
// guide starts from a template in the study's language; every question offers the
// default probes of that language.
import { z } from 'zod';
import { DEFAULT_STAGE_KEYS, STUDY_LANGUAGES, type StudyLanguage } from './domain.js';

/** The default probes in DEFAULT_PROBE_KEYS order: next (do), thinking, feeling, why. */
export const DEFAULT_PROBES: Record<StudyLanguage, readonly [string, string, string, string]> = {
  en: ['What did you do next?', 'What were you thinking then?', 'How did you feel?', 'Why?'],
  'zh-Hans': ['接下来你做了什么？', '当时你在想什么？', '你当时感觉如何？', '为什么？'],
  'zh-Hant': ['接下來你做了什麼？', '當時你在想什麼？', '你當時感覺如何？', '為什麼？'],
};

const Text = z.string().trim().min(1).max(2_000);

export const GuideTemplateQuestion = z.strictObject({
  text: Text,
  purpose: Text,
  /** The default journey stage the question belongs to, or null (intro, close). */
  stage: z.enum(DEFAULT_STAGE_KEYS).nullable(),
  keywords: z.array(z.string().trim().min(1).max(100)).max(30),
  probes: z.array(z.string().trim().min(1).max(500)).max(20),
  timeBudgetMinutes: z.number().int().positive(),
});
export type GuideTemplateQuestion = z.infer<typeof GuideTemplateQuestion>;

export const GuideTemplateSection = z.strictObject({
  title: Text,
  questions: z.array(GuideTemplateQuestion).min(1),
});
export type GuideTemplateSection = z.infer<typeof GuideTemplateSection>;

export const GuideTemplate = z.strictObject({
  id: z.literal('customer-journey'),
  language: z.enum(STUDY_LANGUAGES),
  title: Text,
  description: Text,
  /** The four default probes in DEFAULT_PROBE_KEYS order: next, thinking, feeling, why. */
  defaultProbes: z.tuple([Text, Text, Text, Text]),
  sections: z.array(GuideTemplateSection).min(1),
});
export type GuideTemplate = z.infer<typeof GuideTemplate>;
