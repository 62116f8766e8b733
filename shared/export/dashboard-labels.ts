// The fixed wording of the exported analysis dashboard in each study language. Like
// the persona and journey-map documents, it is written in the study's language
// whatever the interface's language; the words come from the interface's catalogues
// (section "exports.dashboard", segment dimensions from "dimensions"). Names of TERMS
// kinds, participant sources, "Stage" and "Participants" come from document-labels.ts
// so every document says them the same way.
import type { Saturation } from '../api/analysis.js';
import { SEGMENT_DIMENSIONS, type SegmentDimension, type StudyLanguage } from '../domain.js';
import { labelRecord, labelsUnder } from '../i18n/catalogue.js';

export type SaturationSeriesKey = 'tags' | 'groups' | 'themes';

export interface DashboardLabels {
  dashboard: string;
  exportedOn: (date: string) => string;
  progress: string;
  /** Interviews done against the plan (just the count when nothing is planned). */
  completedOf: (completed: number, planned: number) => string;
  checkpointReached: (target: number) => string;
  checkpointAhead: (target: number) => string;
  /** No interviews planned: there is no checkpoint to reach. */
  noPlan: string;
  pipeline: (inProgress: number, scheduled: number, missed: number) => string;
  gaps: (count: number) => string;
  noGaps: string;
  gapRecruited: (count: number) => string;
  saturation: string;
  noInterviews: string;
  /** "The last 3 interviews added 1 new theme, 2 new groups and 0 new tags." */
  reading: (recent: Saturation['recent']) => string;
  series: Record<SaturationSeriesKey, string>;
  added: string;
  painPoints: string;
  painHint: string;
  all: string;
  noStage: string;
  segments: string;
  /** What each figure of the segment comparison counts. */
  segmentHint: string;
  splitBy: string;
  /** A segment value nobody filled in. */
  noValue: string;
  noSegments: string;
  tags: string;
  noTags: string;
  together: string;
  findingsParticipants: (findings: number, participants: number) => string;
  findingsCount: (count: number) => string;
  dimensions: Record<SegmentDimension, string>;
}

const OWN_TEXTS = [
  'dashboard',
  'progress',
  'noPlan',
  'noGaps',
  'saturation',
  'noInterviews',
  'added',
  'painPoints',
  'painHint',
  'all',
  'noStage',
  'segments',
  'segmentHint',
  'splitBy',
  'noValue',
  'noSegments',
  'tags',
  'noTags',
  'together',
] as const satisfies ReadonlyArray<keyof DashboardLabels>;

function buildDashboardLabels(language: StudyLanguage): DashboardLabels {
  const label = labelsUnder('', language);
  const own = (key: string, values?: Record<string, string | number>) => label(`exports.dashboard.${key}`, values);
  const findings = (count: number) => own('findings', { count });
  return {
    ...labelRecord(label, 'exports.dashboard', OWN_TEXTS),
    exportedOn: (date) => own('exportedOn', { date }),
    completedOf: (completed, planned) => (planned > 0 ? own('completedOf', { completed, planned }) : own('completedCount', { count: completed })),
    checkpointReached: (target) => own('checkpointReached', { count: target }),
    checkpointAhead: (target) => own('checkpointAhead', { count: target }),
    pipeline: (inProgress, scheduled, missed) => own('pipeline', { inProgress, scheduled, missed }),
    gaps: (count) => own('gaps', { count }),
    gapRecruited: (count) => own('gapRecruited', { recruited: count }),
    reading: ({ lastN, newThemes, newGroups, newTags }) =>
      own('reading', {
        interviews: own('readingInterviews', { count: lastN }),
        themes: own('newThemes', { count: newThemes }),
        groups: own('newGroups', { count: newGroups }),
        tags: own('newTags', { count: newTags }),
      }),
    series: labelRecord(label, 'exports.dashboard.series', ['tags', 'groups', 'themes']),
    findingsParticipants: (count, participants) =>
      own('findingsParticipants', { findings: findings(count), participants: own('participants', { count: participants }) }),
    findingsCount: findings,
    dimensions: labelRecord(label, 'dimensions', SEGMENT_DIMENSIONS),
  };
}

const cache = new Map<StudyLanguage, DashboardLabels>();

export function dashboardLabels(language: StudyLanguage): DashboardLabels {
  let labels = cache.get(language);
  if (!labels) cache.set(language, (labels = buildDashboardLabels(language)));
  return labels;
}
