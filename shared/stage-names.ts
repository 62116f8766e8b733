// The default journey stages' names in each study language, for exports written in
// the study's language (the UI translates through its own catalogues).
import { DEFAULT_STAGE_KEYS, type DefaultStageKey, type StudyLanguage } from './domain.js';

export const DEFAULT_STAGE_NAMES_BY_LANGUAGE: Record<StudyLanguage, Record<DefaultStageKey, string>> = {
  en: {
    awareness: 'Awareness',
    consideration: 'Consideration',
    decision: 'Decision',
    purchase: 'Purchase',
    experience: 'Experience',
    loyalty: 'Loyalty',
  },
  'zh-Hans': { awareness: '认知', consideration: '考虑', decision: '决策', purchase: '购买', experience: '体验', loyalty: '忠诚' },
  'zh-Hant': { awareness: '認知', consideration: '考慮', decision: '決策', purchase: '購買', experience: '體驗', loyalty: '忠誠' },
};

/** A stage's name in a document: an untouched default name in the study's language, else the name as typed. */
export function stageDisplayName(stage: { name: string; defaultKey: string | null }, language: StudyLanguage): string {
  const key = DEFAULT_STAGE_KEYS.find((k) => k === stage.defaultKey);
  return key ? DEFAULT_STAGE_NAMES_BY_LANGUAGE[language][key] : stage.name;
}
