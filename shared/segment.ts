// Whether a participant belongs to a segment (a filter over source and segment
// attributes). Pure, so the persona screen can preview a segment with the same rule
// the core applies when it creates the persona.
import type { SegmentFilter } from './api/personas.js';
import type { ParticipantSource, SegmentDimension } from './domain.js';

export interface SegmentCandidate {
  source: ParticipantSource;
  attributes: Partial<Record<SegmentDimension, Record<string, string>>>;
}

export function inSegment(participant: SegmentCandidate, segment: SegmentFilter): boolean {
  if (segment.sources && segment.sources.length > 0 && !segment.sources.includes(participant.source)) return false;
  return segment.attributes.every((condition) => {
    const value = participant.attributes[condition.dimension]?.[condition.name];
    return value !== undefined && condition.values.includes(value);
  });
}
