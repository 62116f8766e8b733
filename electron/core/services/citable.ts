// Evidence may cite only findings of the same study whose participant has not
// withdrawn consent; one check for personas and journey maps alike.
import { countCitableFindings } from '../db/repos/evidence.js';
import type { ServiceContext } from './context.js';
import { DomainError } from './errors.js';

export function assertCitable(ctx: ServiceContext, studyId: string, findingIds: readonly string[]): void {
  if (countCitableFindings(ctx.db, studyId, findingIds) !== new Set(findingIds).size) {
    throw new DomainError('not_found', 'A finding was not found in this study, or its participant has withdrawn consent.', 'finding_unavailable');
  }
}
