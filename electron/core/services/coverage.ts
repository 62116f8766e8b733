// The sample's coverage: participants counted per segment value and source, so the
// team sees which cells of the maximum-variation grid are still empty, and progress
// against the planned number of interviews.
import type Database from 'better-sqlite3';
import { PARTICIPANT_SOURCES, SEGMENT_DIMENSIONS, type SegmentDimension } from '../../../shared/domain.js';
import type { Coverage } from '../../../shared/api/participants.js';
import { attributeValue } from '../../../shared/segment.js';
import { listParticipants } from '../db/repos/participants.js';
import { getStudy } from '../db/repos/studies.js';
import { notFound } from './errors.js';
import type { Handler } from './handler-types.js';

/** The value shown for participants who have no value for the chosen attribute. */
export const NOT_SET = '';

export function studyCoverage(
  db: Database.Database,
  studyId: string,
  dimension?: SegmentDimension,
  attribute?: string,
): Coverage {
  const study = getStudy(db, studyId);
  if (!study) throw notFound('The study');
  const everyone = listParticipants(db, studyId);
  const active = everyone.filter((p) => p.withdrawnAt === null);

  const attributes: Coverage['attributes'] = [];
  for (const dim of SEGMENT_DIMENSIONS) {
    const names = new Set<string>();
    for (const p of everyone) for (const name of Object.keys(p.attributes[dim] ?? {})) names.add(name);
    for (const name of [...names].sort((a, b) => a.localeCompare(b))) attributes.push({ dimension: dim, name });
  }
  const chosen =
    dimension && attribute ? attributes.find((a) => a.dimension === dimension && a.name === attribute) : attributes[0];

  const valueOf = (p: (typeof active)[number]) => (chosen ? (attributeValue(p.attributes, chosen.dimension, chosen.name) ?? NOT_SET) : NOT_SET);
  const values = [...new Set(active.map(valueOf))].sort((a, b) => (a === NOT_SET ? 1 : b === NOT_SET ? -1 : a.localeCompare(b)));
  const cells = values.flatMap((value) =>
    PARTICIPANT_SOURCES.map((source) => {
      const inCell = active.filter((p) => p.source === source && valueOf(p) === value);
      return { value, source, participants: inCell.length, interviewed: inCell.filter((p) => p.status === 'interviewed').length };
    }),
  );
  const count = (status: string) => active.filter((p) => p.status === status).length;
  return {
    attributes,
    dimension: chosen?.dimension ?? null,
    attribute: chosen?.name ?? null,
    values,
    cells,
    planned: study.plannedInterviews,
    interviewed: count('interviewed'),
    scheduled: count('scheduled'),
    recruited: count('recruited'),
    withdrawn: everyone.length - active.length,
  };
}

export const coverageHandlers: { 'study.coverage': Handler<'study.coverage'> } = {
  'study.coverage': ({ studyId, dimension, attribute }, ctx) => studyCoverage(ctx.db, studyId, dimension, attribute),
};
