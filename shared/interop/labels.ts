// The fixed wording of data exports (findings tables, REFI-QDA projects) in each study
// language. Like documents, data exports are written in the study's language whatever
// the interface's language. The words come from the interface's catalogues: section
// "exports.interop", segment dimensions from "dimensions"; TERMS kinds and participant
// sources come from the document labels, finding types and the free notes' name from
// the study labels, so every export says them alike.
import { SEGMENT_DIMENSIONS, type FindingType, type SegmentDimension, type StudyLanguage } from '../domain.js';
import { labelRecord, labelsUnder } from '../i18n/catalogue.js';
import { documentLabels, type DocumentLabels } from '../export/document-labels.js';
import { studyLabels } from '../export/study-labels.js';

export interface InteropLabels {
  document: DocumentLabels;
  findingTypes: Record<FindingType, string>;
  columns: {
    id: string;
    text: string;
    stage: string;
    type: string;
    terms: string;
    tags: string;
    participant: string;
    source: string;
    realName: string;
    interviewer: string;
    sessionDate: string;
    question: string;
    evidence: string;
    group: string;
    theme: string;
  };
  dimensions: Record<SegmentDimension, string>;
  /** The parent codes of a REFI-QDA code book, one per taxonomy. */
  taxonomies: { stages: string; terms: string; types: string; tags: string; groups: string };
  participantSource: string;
  otherNotes: string;
  unlinkedFindings: string;
  unlinkedFindingsDescription: string;
  /** Sheet name in Excel (at most 31 characters, none of : \ / ? * [ ]). */
  findingsSheet: string;
  findingsFile: string;
  interview: string;
}

const COLUMNS = [
  'id',
  'text',
  'stage',
  'type',
  'terms',
  'tags',
  'participant',
  'source',
  'realName',
  'interviewer',
  'sessionDate',
  'question',
  'evidence',
  'group',
  'theme',
] as const satisfies ReadonlyArray<keyof InteropLabels['columns']>;
const TAXONOMIES = ['stages', 'terms', 'types', 'tags', 'groups'] as const satisfies ReadonlyArray<keyof InteropLabels['taxonomies']>;
const OWN_TEXTS = [
  'participantSource',
  'unlinkedFindings',
  'unlinkedFindingsDescription',
  'findingsSheet',
  'findingsFile',
  'interview',
] as const satisfies ReadonlyArray<keyof InteropLabels>;

function buildInteropLabels(language: StudyLanguage): InteropLabels {
  const label = labelsUnder('', language);
  const study = studyLabels(language);
  return {
    ...labelRecord(label, 'exports.interop', OWN_TEXTS),
    columns: labelRecord(label, 'exports.interop.columns', COLUMNS),
    taxonomies: labelRecord(label, 'exports.interop.taxonomies', TAXONOMIES),
    dimensions: labelRecord(label, 'dimensions', SEGMENT_DIMENSIONS),
    document: documentLabels(language),
    findingTypes: study.types,
    otherNotes: study.otherNotes,
  };
}

const cache = new Map<StudyLanguage, InteropLabels>();

export function interopLabels(language: StudyLanguage): InteropLabels {
  let labels = cache.get(language);
  if (!labels) cache.set(language, (labels = buildInteropLabels(language)));
  return labels;
}
