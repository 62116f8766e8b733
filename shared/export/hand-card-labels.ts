// The fixed wording of the printed hand card in each study language, plus the small
// helpers both renderings (Markdown and HTML) share: minutes, version, publication
// state and the total planned time against a one-hour session.
import { SESSION_MINUTES, type StudyLanguage } from '../domain.js';
import type { HandCard } from './hand-card.js';

export interface HandCardLabels {
  interviewGuide: string;
  study: string;
  version: string;
  published: string;
  draft: string;
  section: string;
  question: string;
  purpose: string;
  stage: string;
  keywords: string;
  probes: string;
  time: string;
  /** Unit after a number of minutes. */
  min: string;
  totalPlannedTime: string;
  /** Follows the total: "of a 60-minute session". */
  ofSession: (sessionMinutes: number) => string;
  spare: (minutes: number) => string;
  over: (minutes: number) => string;
  /** Joins the total, the session length and the spare or excess time into one line. */
  totalLine: (total: string, ofSession: string, balance: string | null) => string;
  /** Label-to-value separator: ": " or the full-width "：". */
  colon: string;
  /** Separator between short items on one line. */
  dot: string;
}

export const HAND_CARD_LABELS: Record<StudyLanguage, HandCardLabels> = {
  en: {
    interviewGuide: 'Interview guide',
    study: 'Study',
    version: 'Version',
    published: 'Published',
    draft: 'Draft',
    section: 'Section',
    question: 'Question',
    purpose: 'Purpose',
    stage: 'Stage',
    keywords: 'Keywords',
    probes: 'Probes',
    time: 'Time',
    min: 'min',
    totalPlannedTime: 'Total planned time',
    ofSession: (n) => `of a ${n}-minute session`,
    spare: (n) => `${n} min to spare`,
    over: (n) => `${n} min over`,
    totalLine: (total, ofSession, balance) =>
      `Total planned time: ${total} ${ofSession}${balance === null ? '' : ` (${balance})`}`,
    colon: ': ',
    dot: ' · ',
  },
  'zh-Hans': {
    interviewGuide: '访谈提纲',
    study: '研究',
    version: '版本',
    published: '已发布',
    draft: '草稿',
    section: '部分',
    question: '问题',
    purpose: '目的',
    stage: '阶段',
    keywords: '关键词',
    probes: '追问',
    time: '时间',
    min: '分钟',
    totalPlannedTime: '计划总时长',
    ofSession: (n) => `（单场访谈 ${n} 分钟）`,
    totalLine: (total, ofSession, balance) => `计划总时长：${total}${ofSession}${balance === null ? '' : `，${balance}`}`,
    spare: (n) => `剩余 ${n} 分钟`,
    over: (n) => `超出 ${n} 分钟`,
    colon: '：',
    dot: ' · ',
  },
  'zh-Hant': {
    interviewGuide: '訪談大綱',
    study: '研究',
    version: '版本',
    published: '已發布',
    draft: '草稿',
    section: '部分',
    question: '問題',
    purpose: '目的',
    stage: '階段',
    keywords: '關鍵字',
    probes: '追問',
    time: '時間',
    min: '分鐘',
    totalPlannedTime: '預計總時長',
    ofSession: (n) => `（單場訪談 ${n} 分鐘）`,
    totalLine: (total, ofSession, balance) => `預計總時長：${total}${ofSession}${balance === null ? '' : `，${balance}`}`,
    spare: (n) => `剩餘 ${n} 分鐘`,
    over: (n) => `超出 ${n} 分鐘`,
    colon: '：',
    dot: ' · ',
  },
};

export function handCardLabels(language: StudyLanguage): HandCardLabels {
  return HAND_CARD_LABELS[language];
}

/** "5 min" / "5 分钟". */
export function formatMinutes(labels: HandCardLabels, minutes: number): string {
  return `${minutes} ${labels.min}`;
}

/** The sum of every question's time budget, in minutes. */
export function plannedMinutes(card: HandCard): number {
  return card.sections.reduce((sum, s) => sum + sectionMinutes(s.questions), 0);
}

export function sectionMinutes(questions: ReadonlyArray<{ timeBudgetMinutes: number }>): number {
  return questions.reduce((sum, q) => sum + q.timeBudgetMinutes, 0);
}

/** The date part of an ISO timestamp, or the string itself when it is not one. */
export function formatDate(iso: string): string {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(iso);
  return m ? m[0] : iso;
}

/** "Version 3 · Published 2025-05-01" or "Version 3 · Draft". Plain text: escape it. */
export function versionLine(labels: HandCardLabels, card: HandCard): string {
  const state = card.publishedAt === null ? labels.draft : `${labels.published} ${formatDate(card.publishedAt)}`;
  return `${labels.version} ${card.versionNumber}${labels.dot}${state}`;
}

/**
 * "Total planned time: 58 min of a 60-minute session (2 min to spare)", in the
 * card's language. Plain text: escape it.
 */
export function totalTimeLine(labels: HandCardLabels, card: HandCard): string {
  const planned = plannedMinutes(card);
  const diff = SESSION_MINUTES - planned;
  const balance = diff > 0 ? labels.spare(diff) : diff < 0 ? labels.over(-diff) : null;
  return labels.totalLine(formatMinutes(labels, planned), labels.ofSession(SESSION_MINUTES), balance);
}
