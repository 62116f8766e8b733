// The fixed wording of persona and journey-map documents in each study language
// (section headings, field and lane names, TERMS kinds). Documents are written in
// the study's language, whatever language the app's interface is in; the words come
// from the interface's catalogues (section "exports.document", TERMS names from "terms").
import {
  JOURNEY_LANES,
  PAIN_KINDS,
  PARTICIPANT_SOURCES,
  PERSONA_LISTS,
  type JourneyLane,
  type PainKind,
  type ParticipantSource,
  type PersonaList,
  type StudyLanguage,
} from '../domain.js';
import { labelRecord, labelsUnder } from '../i18n/catalogue.js';

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

function buildDocumentLabels(language: StudyLanguage): DocumentLabels {
  const label = labelsUnder('', language);
  const own = (key: string) => label(`exports.document.${key}`);
  return {
    personas: own('personas'),
    persona: own('persona'),
    journeyMap: own('journeyMap'),
    lists: labelRecord(label, 'exports.document.lists', PERSONA_LISTS),
    lanes: labelRecord(label, 'exports.document.lanes', JOURNEY_LANES),
    terms: labelRecord(label, 'terms', PAIN_KINDS, '.name'),
    sources: labelRecord(label, 'exports.document.sources', PARTICIPANT_SOURCES),
    age: own('age'),
    occupation: own('occupation'),
    income: own('income'),
    about: own('about'),
    participants: own('participants'),
    segment: own('segment'),
    stage: own('stage'),
    emotion: own('emotion'),
    evidence: own('evidence'),
    unattributed: own('unattributed'),
    noPersonas: own('noPersonas'),
    colon: own('colon'),
    listSeparator: own('listSeparator'),
    parens: [own('parensOpen'), own('parensClose')],
  };
}

const cache = new Map<StudyLanguage, DocumentLabels>();

export function documentLabels(language: StudyLanguage): DocumentLabels {
  let labels = cache.get(language);
  if (!labels) cache.set(language, (labels = buildDocumentLabels(language)));
  return labels;
}
