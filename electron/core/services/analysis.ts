// The analysis dashboard of a study and its drill-down. Both start from the same facts
// (the board's cards: every finding of a participant who has not withdrawn, with its
// stage, TERMS, tags and group) and the same pure rules in shared/analysis, so the
// findings behind a number are exactly the ones it counted.
import type { AnalysisSelection, Dashboard } from '../../../shared/api/analysis.js';
import type { BoardCard } from '../../../shared/api/board.js';
import type { Participant } from '../../../shared/api/participants.js';
import type { StageRef } from '../../../shared/api/search.js';
import { inPainCell, painMatrix } from '../../../shared/analysis/pain-matrix.js';
import { firstAppearances, saturation, type SaturationFinding } from '../../../shared/analysis/saturation.js';
import { tagStats } from '../../../shared/analysis/tag-stats.js';
import type { SegmentDimension } from '../../../shared/domain.js';
import { attributeValue } from '../../../shared/segment.js';
import type Database from 'better-sqlite3';
import { completedInterviews, sessionCounts } from '../db/repos/analysis.js';
import { loadCards, loadGroups } from '../db/repos/board-read.js';
import { listParticipants } from '../db/repos/participants.js';
import { listStages } from '../db/repos/stages.js';
import { getStudy } from '../db/repos/studies.js';
import { listTags } from '../db/repos/tags.js';
import { NOT_SET, studyCoverage } from './coverage.js';
import { notFound } from './errors.js';
import type { HandlerGroup } from './handler-types.js';

/** DOMAIN.md section 3: analysis starts at a quarter of the planned interviews. */
const CHECKPOINT_SHARE = 0.25;

interface Segment {
  dimension: SegmentDimension;
  attribute: string;
}

const segmentValue = (p: Participant, s: Segment): string => attributeValue(p.attributes, s.dimension, s.attribute) ?? NOT_SET;

function stageRefs(db: Database.Database, studyId: string): StageRef[] {
  return listStages(db, studyId).map((s) => ({ id: s.id, name: s.name, defaultKey: s.defaultKey }));
}

const interviewFindings = (cards: readonly BoardCard[]): SaturationFinding[] =>
  cards.flatMap((c) => (c.sessionId === null ? [] : [{ id: c.id, sessionId: c.sessionId, tagIds: c.tagIds, groupId: c.groupId }]));

const themeOfGroup = (db: Database.Database, studyId: string) => new Map(loadGroups(db, studyId).map((g) => [g.id, g.themeId]));

export function dashboard(db: Database.Database, studyId: string, segment: Segment | undefined): Dashboard {
  const study = getStudy(db, studyId);
  if (!study) throw notFound('The study');
  const cards = loadCards(db, studyId);
  const stages = stageRefs(db, studyId);
  const rows = [...stages.map((s) => s.id), null];
  const coverage = studyCoverage(db, studyId, segment?.dimension, segment?.attribute);
  const sessions = sessionCounts(db, studyId);
  const target = Math.ceil(study.plannedInterviews * CHECKPOINT_SHARE);

  const chosen = coverage.dimension && coverage.attribute ? { dimension: coverage.dimension, attribute: coverage.attribute } : undefined;
  const active = listParticipants(db, studyId).filter((p) => p.withdrawnAt === null);
  const values = chosen
    ? coverage.values.map((value) => {
        const members = new Set(active.filter((p) => segmentValue(p, chosen) === value).map((p) => p.id));
        const theirs = cards.filter((c) => c.participantId !== null && members.has(c.participantId));
        return { value, participants: members.size, painPoints: painMatrix(theirs, rows) };
      })
    : [];

  return {
    studyId,
    stages,
    progress: {
      planned: study.plannedInterviews,
      completed: sessions.completed,
      inProgress: sessions.in_progress + sessions.paused,
      scheduled: sessions.planned,
      missed: sessions.missed,
      checkpoint: { target, reached: study.plannedInterviews > 0 && sessions.completed >= target },
      coverage,
      gaps: coverage.cells.filter((c) => c.interviewed === 0),
    },
    saturation: saturation(completedInterviews(db, studyId), interviewFindings(cards), themeOfGroup(db, studyId)),
    painPoints: painMatrix(cards, rows),
    segments: { dimension: chosen?.dimension ?? null, attribute: chosen?.attribute ?? null, values },
    tags: tagStats(cards, listTags(db, studyId, false)),
  };
}

function evidence(db: Database.Database, studyId: string, selection: AnalysisSelection): BoardCard[] {
  if (!getStudy(db, studyId)) throw notFound('The study');
  const cards = loadCards(db, studyId);
  switch (selection.chart) {
    case 'painPoints': {
      const { segment } = selection;
      const members = segment
        ? new Set(listParticipants(db, studyId).filter((p) => p.withdrawnAt === null && segmentValue(p, segment) === segment.value).map((p) => p.id))
        : null;
      return cards.filter(
        (c) => inPainCell(c, selection.stageId, selection.kind) && (members === null || (c.participantId !== null && members.has(c.participantId))),
      );
    }
    case 'saturation': {
      const groups = themeOfGroup(db, studyId);
      const first = firstAppearances(completedInterviews(db, studyId), interviewFindings(cards), groups);
      const here = (map: ReadonlyMap<string, string>, key: string | null | undefined) => !!key && map.get(key) === selection.sessionId;
      return cards.filter((c) => {
        if (c.sessionId !== selection.sessionId) return false;
        if (selection.what === 'tags') return c.tagIds.some((t) => here(first.tags, t));
        if (selection.what === 'groups') return here(first.groups, c.groupId);
        return c.groupId !== null && here(first.themes, groups.get(c.groupId));
      });
    }
    case 'tags':
      return cards.filter((c) => selection.tagIds.every((t) => c.tagIds.includes(t)));
  }
}

export const analysisHandlers: Omit<HandlerGroup<'analysis'>, 'analysis.export'> = {
  'analysis.dashboard': ({ studyId, segment }, ctx) => dashboard(ctx.db, studyId, segment),
  'analysis.evidence': ({ studyId, selection }, ctx) => evidence(ctx.db, studyId, selection),
};
