// The fixed wording of the printed hand card in each study language, plus the small
// helpers both renderings (Markdown and HTML) share: minutes, version, publication
// state and the total planned time against a one-hour session. The words come from
// the interface's catalogues (section "exports.handCard").
import { SESSION_MINUTES, type StudyLanguage } from '../domain.js';
import { labelRecord, labelsUnder } from '../i18n/catalogue.js';
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

const OWN_TEXTS = [
  'interviewGuide',
  'study',
  'version',
  'published',
  'draft',
  'section',
  'question',
  'purpose',
  'stage',
  'keywords',
  'probes',
  'time',
  'min',
  'totalPlannedTime',
  'colon',
  'dot',
] as const satisfies ReadonlyArray<keyof HandCardLabels>;

function buildHandCardLabels(language: StudyLanguage): HandCardLabels {
  const label = labelsUnder('exports.handCard', language);
  return {
    ...labelRecord(labelsUnder('', language), 'exports.handCard', OWN_TEXTS),
    ofSession: (minutes) => label('ofSession', { minutes }),
    spare: (minutes) => label('spare', { minutes }),
    over: (minutes) => label('over', { minutes }),
    totalLine: (total, ofSession, balance) =>
      balance === null ? label('totalLine', { total, ofSession }) : label('totalLineBalance', { total, ofSession, balance }),
  };
}

const cache = new Map<StudyLanguage, HandCardLabels>();

export function handCardLabels(language: StudyLanguage): HandCardLabels {
  let labels = cache.get(language);
  if (!labels) cache.set(language, (labels = buildHandCardLabels(language)));
  return labels;
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
