// Export labels come from the interface's message catalogues: every label of every
// document and data export resolves in all three study languages, no key is printed
// in place of a word, and Chinese exports keep full-width punctuation.
import { describe, expect, it } from 'vitest';
import { STUDY_LANGUAGES, type StudyLanguage } from '../../shared/domain.js';
import { dashboardLabels } from '../../shared/export/dashboard-labels.js';
import { documentLabels } from '../../shared/export/document-labels.js';
import { handCardLabels } from '../../shared/export/hand-card-labels.js';
import { studyLabels } from '../../shared/export/study-labels.js';
import { labelsUnder, MissingLabelError } from '../../shared/i18n/catalogue.js';
import { interopLabels } from '../../shared/interop/labels.js';
import en from '../../shared/i18n/locales/en.json';
import zhHant from '../../shared/i18n/locales/zh-Hant.json';

/** Every string a label set yields, calling each function label with sample values. */
function texts(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const samples: unknown[][] =
      fn.length === 1 && path.endsWith('reading')
        ? [[{ lastN: 1, newThemes: 0, newGroups: 1, newTags: 2 }], [{ lastN: 3, newThemes: 1, newGroups: 2, newTags: 0 }]]
        : path.endsWith('totalLine')
          ? [['58', 'x', null], ['58', 'x', 'y']]
          : [[0, 0, 0], [1, 1, 1], [2, 3, 4], [12, 1, 5]];
    return samples.flatMap((args, i) => texts(fn(...args), `${path}(${i})`));
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  throw new Error(`${path} is not a label`);
}

const allLabels = (language: StudyLanguage) => ({
  document: documentLabels(language),
  dashboard: dashboardLabels(language),
  handCard: handCardLabels(language),
  study: studyLabels(language),
  interop: interopLabels(language),
});

describe('export labels', () => {
  for (const language of STUDY_LANGUAGES) {
    it(`resolves every ${language} label to a word, never to a key or a blank placeholder`, () => {
      const all = texts(allLabels(language));
      expect(all.length).toBeGreaterThan(200);
      for (const [path, text] of all) {
        expect(text.trim(), path).not.toBe('');
        expect(text, path).not.toMatch(/\{\{|\}\}|^exports\.|undefined|null|NaN/);
      }
    });
  }

  it('gives every language the same label fields', () => {
    const fields = (language: StudyLanguage) => texts(allLabels(language)).map(([path]) => path);
    for (const language of STUDY_LANGUAGES) expect(fields(language)).toEqual(fields('en'));
  });

  it('uses the interface words where the interface says the same thing', () => {
    expect(documentLabels('zh-Hant').terms.T).toBe(zhHant.terms.T.name);
    expect(studyLabels('en').types.pain_point).toBe(en.findingTypes.pain_point.name);
    expect(studyLabels('en').sessionStatuses.missed).toBe(en.sessionStatuses.missed);
    expect(interopLabels('zh-Hant').dimensions.needs).toBe(zhHant.dimensions.needs);
    expect(documentLabels('en').journeyMap).toBe(en.exports.document.journeyMap);
  });

  it('counts in the study language: English picks singular or plural, Chinese has one form', () => {
    expect(dashboardLabels('en').findingsCount(1)).toBe('1 finding');
    expect(dashboardLabels('en').findingsCount(2)).toBe('2 findings');
    expect(dashboardLabels('en').reading({ lastN: 1, newThemes: 1, newGroups: 0, newTags: 2 })).toBe(
      'The last interview added 1 new theme, 0 new groups and 2 new tags.',
    );
    expect(dashboardLabels('zh-Hans').reading({ lastN: 1, newThemes: 1, newGroups: 0, newTags: 2 })).toBe(
      '最近 1 场访谈新增了 1 个主题、0 个分组和 2 个标签。',
    );
    expect(studyLabels('zh-Hant').findingCount(1)).toBe('1 條發現');
    expect(handCardLabels('en').totalLine('58 min', 'of a 60-minute session', '2 min to spare')).toBe(
      'Total planned time: 58 min of a 60-minute session (2 min to spare)',
    );
    expect(handCardLabels('zh-Hans').totalLine('58 分钟', '（单场访谈 60 分钟）', null)).toBe('计划总时长：58 分钟（单场访谈 60 分钟）');
  });

  for (const language of ['zh-Hans', 'zh-Hant'] as const) {
    it(`writes ${language} labels with full-width punctuation`, () => {
      for (const [path, text] of texts(allLabels(language))) expect(text, path).not.toMatch(/[:;,()!?]/);
      expect(documentLabels(language).colon).toBe('：');
      expect(documentLabels(language).parens).toEqual(['（', '）']);
    });
  }

  it('refuses a key the catalogue does not have instead of printing it', () => {
    expect(() => labelsUnder('exports.document', 'zh-Hans')('noSuchLabel')).toThrow(MissingLabelError);
  });
});
