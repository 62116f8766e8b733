// The whole study as one readable document, as plain data the Markdown renderer lays
// out. The core builds it with the options applied: participants by code (real names
// only when asked), withdrawn participants absent, real names in typed text replaced
// by codes, default stage names in the study's language.
import type { FindingType, PainKind, ParticipantSource, ParticipantStatus, SessionStatus, StudyLanguage } from '../domain.js';
import type { JourneyDocument, PersonaDocument } from './document.js';

export interface StudyDocumentStage {
  name: string;
  description: string;
  informationNeeds: string;
  touchpoints: string[];
  influencers: string[];
}

export interface StudyDocumentParticipant {
  code: string;
  /** Only when the reader asked for real names. */
  realName: string | null;
  source: ParticipantSource;
  status: ParticipantStatus;
  /** Segment attributes as "name: value". */
  segments: string[];
  consentDate: string | null;
}

export interface StudyDocumentQuestion {
  text: string;
  stage: string | null;
  keywords: string[];
  probes: string[];
}

export interface StudyDocumentGuide {
  title: string;
  version: number;
  publishedAt: string | null;
  sections: Array<{ title: string; questions: StudyDocumentQuestion[] }>;
}

export interface StudyDocumentInterview {
  participant: string;
  interviewer: string;
  status: SessionStatus;
  /** When it started (or was scheduled), ISO 8601. */
  date: string | null;
  /** One block per question that has notes; `question` null: the free notes. */
  notes: Array<{ question: string | null; paragraphs: Array<{ at: string | null; text: string }> }>;
}

export interface StudyDocumentFinding {
  text: string;
  type: FindingType;
  terms: PainKind[];
  tags: string[];
  participant: string;
}

export interface StudyDocument {
  language: StudyLanguage;
  name: string;
  goal: string;
  product: string;
  plannedInterviews: number;
  stages: StudyDocumentStage[];
  participants: StudyDocumentParticipant[];
  guide: StudyDocumentGuide | null;
  interviews: StudyDocumentInterview[];
  /** By stage in journey order; `stage` null: findings not on a stage yet. */
  findings: Array<{ stage: string | null; items: StudyDocumentFinding[] }>;
  board: {
    groups: Array<{ stage: string | null; name: string; findings: number; theme: string | null }>;
    themes: Array<{ name: string; groups: string[] }>;
    links: Array<{ from: string; to: string; label: string }>;
  };
  /** Rendered without footnotes: the findings above are the evidence. */
  personas: PersonaDocument;
  journey: JourneyDocument | null;
}
