// Which cached queries a change makes stale: those of an operation that reads one of
// the kinds the change touched, in the same study. A query's study comes from its
// input (studyId, or the id of study.overview) or, failing that, from its answer;
// one with neither (the study list, the snapshot list) is stale for a change in any study.
import type { Change } from '../../shared/api/changes';
import { isOperationName, policyOf } from '../../shared/api/contract';
import type { EntityKind } from '../../shared/api/policy';

const field = (value: unknown, key: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : null;
};

/** The study a cached query belongs to, or null when it spans the library. */
export function studyOfQuery(name: string, input: unknown, data: unknown): string | null {
  if (name === 'study.overview') return field(input, 'id');
  return field(input, 'studyId') ?? field(data, 'studyId');
}

/** The kinds of records an operation's answer shows (none for a write or a control). */
export function kindsRead(name: string): readonly EntityKind[] {
  if (!isOperationName(name)) return [];
  const policy = policyOf(name);
  return policy.kind === 'read' ? policy.reads : [];
}

/**
 * Whether a cached query (`name`, `input`, its `data`) is stale after `change`.
 * `skip` leaves out queries the caller already shows correctly (a board's own move).
 */
export function isStale(change: Pick<Change, 'studies'>, name: string, input: unknown, data: unknown, skip: ReadonlySet<string> = new Set()): boolean {
  if (skip.has(name)) return false;
  const reads = kindsRead(name);
  if (reads.length === 0) return false;
  const study = studyOfQuery(name, input, data);
  return change.studies.some(
    (changed) => (changed.studyId === null || study === null || changed.studyId === study) && changed.kinds.some((kind) => reads.includes(kind)),
  );
}
