// The bundled customer-journey guide templates: valid, one hour long, covering every
// default stage with the default probes, and the three languages aligned question for
// question.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_KEYS, SESSION_MINUTES, STUDY_LANGUAGES, type StudyLanguage } from '../../shared/domain.js';
import { DEFAULT_PROBES, GuideTemplate } from '../../shared/guide-template.js';

const dir = path.resolve(import.meta.dirname, '../../resources/guide-templates');

function load(language: StudyLanguage): GuideTemplate {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, `customer-journey.${language}.json`), 'utf8'));
  return GuideTemplate.parse(raw);
}

const templates = Object.fromEntries(STUDY_LANGUAGES.map((l) => [l, load(l)])) as Record<StudyLanguage, GuideTemplate>;
const questionsOf = (t: GuideTemplate) => t.sections.flatMap((s) => s.questions);
const han = /\p{Script=Han}/u;

describe('customer-journey guide templates', () => {
  it.each(STUDY_LANGUAGES)('%s parses and declares its own language', (language) => {
    const t = templates[language];
    expect(t.id).toBe('customer-journey');
    expect(t.language).toBe(language);
    expect(t.defaultProbes).toEqual([...DEFAULT_PROBES[language]]);
  });

  it.each(STUDY_LANGUAGES)('%s plans exactly one session of time', (language) => {
    const total = questionsOf(templates[language]).reduce((sum, q) => sum + q.timeBudgetMinutes, 0);
    expect(total).toBe(SESSION_MINUTES);
  });

  it.each(STUDY_LANGUAGES)('%s covers all six default stages, in journey order', (language) => {
    const stages = questionsOf(templates[language]).flatMap((q) => (q.stage === null ? [] : [q.stage]));
    expect([...new Set(stages)]).toEqual([...DEFAULT_STAGE_KEYS]);
  });

  it.each(STUDY_LANGUAGES)('%s offers the four default probes of its language on every question', (language) => {
    for (const q of questionsOf(templates[language])) {
      expect(q.probes.slice(0, 4), q.text).toEqual([...DEFAULT_PROBES[language]]);
      expect(q.probes.length, q.text).toBeLessThanOrEqual(6);
    }
  });

  it.each(STUDY_LANGUAGES)('%s names keywords to listen for on every stage question', (language) => {
    for (const q of questionsOf(templates[language]).filter((x) => x.stage !== null)) {
      expect(q.keywords.length, q.text).toBeGreaterThanOrEqual(2);
      expect(q.keywords.length, q.text).toBeLessThanOrEqual(4);
    }
  });

  it('opens with consent, recalls one episode, and closes by asking for referrals', () => {
    const en = templates.en;
    expect(en.sections.length).toBe(DEFAULT_STAGE_KEYS.length + 3);
    expect(en.sections[0]?.questions.some((q) => /consent/i.test(q.keywords.join(' ')))).toBe(true);
    expect(en.sections[1]?.questions[0]?.text).toMatch(/most recent time/);
    expect(en.sections.at(-1)?.questions.some((q) => q.keywords.includes('referral'))).toBe(true);
    expect(questionsOf(en).every((q) => !/\b(car|app|bank|phone)\b/i.test(q.text))).toBe(true);
  });

  it('has the same shape in all three languages', () => {
    const shape = (t: GuideTemplate) =>
      t.sections.map((s) => s.questions.map((q) => ({ stage: q.stage, minutes: q.timeBudgetMinutes, probes: q.probes.length })));
    expect(shape(templates['zh-Hans'])).toEqual(shape(templates.en));
    expect(shape(templates['zh-Hant'])).toEqual(shape(templates.en));
  });

  it('writes the Chinese templates in Chinese, with Traditional differing from Simplified', () => {
    for (const language of ['zh-Hans', 'zh-Hant'] as const) {
      const t = templates[language];
      for (const s of [t.title, t.description, ...t.sections.map((x) => x.title), ...questionsOf(t).map((q) => q.text)]) {
        expect(s, s).toMatch(han);
      }
    }
    expect(han.test(JSON.stringify(templates.en))).toBe(false);
    const hans = questionsOf(templates['zh-Hans']).map((q) => q.text);
    const hant = questionsOf(templates['zh-Hant']).map((q) => q.text);
    expect(hant.every((text, i) => text !== hans[i])).toBe(true);
    expect(templates['zh-Hant'].title).not.toBe(templates['zh-Hans'].title);
  });
});
