// The interviewer's hand card: the printed guide with keywords in bold. This file
// defines its model; the Markdown and HTML renderings live beside it.
import type { StudyLanguage } from '../domain.js';

export interface HandCardQuestion {
  text: string;
  purpose: string;
  /** The journey stage's display name, or null when the question is not tied to one. */
  stageName: string | null;
  keywords: string[];
  probes: string[];
  timeBudgetMinutes: number;
}

export interface HandCardSection {
  title: string;
  questions: HandCardQuestion[];
}

export interface HandCard {
  studyName: string;
  guideTitle: string;
  versionNumber: number;
  /** Set when the version is published: ISO date. */
  publishedAt: string | null;
  language: StudyLanguage;
  sections: HandCardSection[];
}
