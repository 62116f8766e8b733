// Whether a participant belongs to a segment (a filter over source and segment
// attributes). Pure, so the persona screen can preview a segment with the same rule
// the core applies when it creates the persona.
import type { SegmentFilter } from './api/personas.js';
import type { ParticipantSource, SegmentDimension } from './domain.js';

export interface SegmentCandidate {
  source: ParticipantSource;
  attributes: Partial<Record<SegmentDimension, Record<string, string>>>;
}

/**
 * A participant's value of one attribute, or undefined. Own properties only: an
 * attribute someone named "constructor" or "toString" must not find Object's methods
 * on the participants who do not have it.
 */
export function attributeValue(attributes: SegmentCandidate['attributes'], dimension: SegmentDimension, name: string): string | undefined {
  const values = attributes[dimension];
  return values !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
}

export function inSegment(participant: SegmentCandidate, segment: SegmentFilter): boolean {
  if (segment.sources && segment.sources.length > 0 && !segment.sources.includes(participant.source)) return false;
  return segment.attributes.every((condition) => {
    const value = attributeValue(participant.attributes, condition.dimension, condition.name);
    return value !== undefined && condition.values.includes(value);
  });
}
