// The fixed wording of persona and journey-map documents in each study language
// (section headings, field and lane names, TERMS kinds). Documents are written in
// the study's language, whatever language the app's interface is in; the words
// match the interface's catalogues.
import type { JourneyLane, PainKind, ParticipantSource, PersonaList, StudyLanguage } from '../domain.js';

export interface DocumentLabels {
  personas: string;
  persona: string;
  journeyMap: string;
  lists: Record<PersonaList, string>;
  lanes: Record<JourneyLane, string>;
  terms: Record<PainKind, string>;
  sources: Record<ParticipantSource, string>;
  age: string;
  occupation: string;
  income: string;
  about: string;
  participants: string;
  segment: string;
  stage: string;
  emotion: string;
  evidence: string;
  /** Evidence whose participant is unknown (a finding typed without a session). */
  unattributed: string;
  noPersonas: string;
  /** Label-to-value separator: ": " or the full-width "：". */
  colon: string;
  /** Separator between short items on one line. */
  listSeparator: string;
  /** Brackets around an aside: " (" and ")", or the full-width "（" and "）". */
  parens: readonly [string, string];
}

/** `main (aside)` with the study language's brackets: "P01 (Wang Li)", "P01（王丽华）". */
export function withAside(main: string, aside: string, labels: Pick<DocumentLabels, 'parens'>): string {
  return `${main}${labels.parens[0]}${aside}${labels.parens[1]}`;
}

export const DOCUMENT_LABELS: Record<StudyLanguage, DocumentLabels> = {
  en: {
    personas: 'Personas',
    persona: 'Persona',
    journeyMap: 'Customer journey map',
    lists: {
      motivations: 'Motivations',
      goals: 'Goals',
      challenges: 'Challenges and pain points',
      scenarios: 'Usage scenarios',
      decision_process: 'Purchase decision process',
      expectations: 'Expectations',
      quotes: 'Representative quotes',
      value_sought: 'Value sought',
    },
    lanes: {
      doing: 'Doing',
      thinking: 'Thinking',
      feeling: 'Feeling',
      touchpoints: 'Touchpoints',
      influencers: 'Influencers',
      pain_points: 'Pain points',
      opportunities: 'Opportunities',
    },
    terms: { T: 'Time', E: 'Emotion', R: 'Risk', M: 'Money', S: 'Situation' },
    sources: { own: 'Own customers', competitor: "Competitors' customers", other: 'Other' },
    age: 'Age',
    occupation: 'Occupation',
    income: 'Income',
    about: 'About',
    participants: 'Participants',
    segment: 'Segment',
    stage: 'Stage',
    emotion: 'Emotion',
    evidence: 'Evidence',
    unattributed: 'Unattributed',
    noPersonas: 'This study has no personas yet.',
    colon: ': ',
    listSeparator: ', ',
    parens: [' (', ')'],
  },
  'zh-Hans': {
    personas: '用户画像',
    persona: '用户画像',
    journeyMap: '客户旅程地图',
    lists: {
      motivations: '动机',
      goals: '目标',
      challenges: '挑战与痛点',
      scenarios: '使用场景',
      decision_process: '购买决策过程',
      expectations: '期望',
      quotes: '代表性原话',
      value_sought: '追求的价值',
    },
    lanes: {
      doing: '行为',
      thinking: '想法',
      feeling: '感受',
      touchpoints: '触点',
      influencers: '影响者',
      pain_points: '痛点',
      opportunities: '机会',
    },
    terms: { T: '时间', E: '情绪', R: '风险', M: '金钱', S: '情境' },
    sources: { own: '自有客户', competitor: '竞品客户', other: '其他' },
    age: '年龄',
    occupation: '职业',
    income: '收入',
    about: '简介',
    participants: '受访者',
    segment: '细分',
    stage: '阶段',
    emotion: '情绪曲线',
    evidence: '证据',
    unattributed: '未注明受访者',
    noPersonas: '本研究尚无用户画像。',
    colon: '：',
    listSeparator: '、',
    parens: ['（', '）'],
  },
  'zh-Hant': {
    personas: '使用者輪廓',
    persona: '使用者輪廓',
    journeyMap: '顧客旅程地圖',
    lists: {
      motivations: '動機',
      goals: '目標',
      challenges: '挑戰與痛點',
      scenarios: '使用情境',
      decision_process: '購買決策過程',
      expectations: '期望',
      quotes: '代表性原話',
      value_sought: '追求的價值',
    },
    lanes: {
      doing: '行為',
      thinking: '想法',
      feeling: '感受',
      touchpoints: '接觸點',
      influencers: '影響者',
      pain_points: '痛點',
      opportunities: '機會',
    },
    terms: { T: '時間', E: '情緒', R: '風險', M: '金錢', S: '情境' },
    sources: { own: '自有客戶', competitor: '競品客戶', other: '其他' },
    age: '年齡',
    occupation: '職業',
    income: '收入',
    about: '簡介',
    participants: '受訪者',
    segment: '區隔',
    stage: '階段',
    emotion: '情緒曲線',
    evidence: '證據',
    unattributed: '未註明受訪者',
    noPersonas: '本研究尚無使用者輪廓。',
    colon: '：',
    listSeparator: '、',
    parens: ['（', '）'],
  },
};

export const documentLabels = (language: StudyLanguage): DocumentLabels => DOCUMENT_LABELS[language];
