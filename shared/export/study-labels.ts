// The fixed wording of the whole-study Markdown document in each study language. Like
// the other documents it is written in the study's language, whatever the interface's.
// The words come from the interface's catalogues: section "exports.study", with finding
// types and participant and session statuses from the interface's own sections and the
// finding count from the dashboard's. TERMS kinds, sources, stage and participants come
// from document-labels.ts so every document says them the same way.
import {
  FINDING_TYPES,
  PARTICIPANT_STATUSES,
  SESSION_STATUSES,
  type FindingType,
  type ParticipantStatus,
  type SessionStatus,
  type StudyLanguage,
} from '../domain.js';
import { labelRecord, labelsUnder } from '../i18n/catalogue.js';

export interface StudyLabels {
  goal: string;
  product: string;
  plannedInterviews: string;
  background: string;
  informationNeeds: string;
  touchpoints: string;
  influencers: string;
  code: string;
  realName: string;
  source: string;
  status: string;
  segment: string;
  consent: string;
  guide: string;
  version: (n: number) => string;
  draft: string;
  keywords: string;
  probes: string;
  interviews: string;
  otherNotes: string;
  noNotes: string;
  findingsByStage: string;
  unstaged: string;
  noFindings: string;
  board: string;
  groups: string;
  themes: string;
  links: string;
  findingCount: (n: number) => string;
  theme: string;
  none: string;
  types: Record<FindingType, string>;
  statuses: Record<ParticipantStatus, string>;
  sessionStatuses: Record<SessionStatus, string>;
}

const OWN_TEXTS = [
  'goal',
  'product',
  'plannedInterviews',
  'background',
  'informationNeeds',
  'touchpoints',
  'influencers',
  'code',
  'realName',
  'source',
  'status',
  'segment',
  'consent',
  'guide',
  'draft',
  'keywords',
  'probes',
  'interviews',
  'otherNotes',
  'noNotes',
  'findingsByStage',
  'unstaged',
  'noFindings',
  'board',
  'groups',
  'themes',
  'links',
  'theme',
  'none',
] as const satisfies ReadonlyArray<keyof StudyLabels>;

function buildStudyLabels(language: StudyLanguage): StudyLabels {
  const label = labelsUnder('', language);
  return {
    ...labelRecord(label, 'exports.study', OWN_TEXTS),
    version: (version) => label('exports.study.version', { version }),
    findingCount: (count) => label('exports.dashboard.findings', { count }),
    types: labelRecord(label, 'findingTypes', FINDING_TYPES, '.name'),
    statuses: labelRecord(label, 'statuses', PARTICIPANT_STATUSES),
    sessionStatuses: labelRecord(label, 'sessionStatuses', SESSION_STATUSES),
  };
}

const cache = new Map<StudyLanguage, StudyLabels>();

export function studyLabels(language: StudyLanguage): StudyLabels {
  let labels = cache.get(language);
  if (!labels) cache.set(language, (labels = buildStudyLabels(language)));
  return labels;
}
