// Global search: the typed query becomes an FTS5 expression over the index that
// migration 6 built and its triggers keep current (so a search always sees the last
// committed edit), then the best matches become hits that open in place.
import type { SearchKind } from '../../../shared/api/search.js';
import { matchExpression, queryParts } from '../../../shared/search/fts-text.js';
import { type DocKind, searchDocs } from '../db/repos/search.js';
import { getStudy } from '../db/repos/studies.js';
import { notFound } from './errors.js';
import type { Handler } from './handler-types.js';
import { buildHits } from './search-hits.js';

const DEFAULT_LIMIT = 30;

const DOC_KINDS_OF: Record<SearchKind, readonly DocKind[]> = {
  note: ['note'],
  finding: ['finding'],
  group: ['group'],
  theme: ['theme'],
  persona: ['persona', 'persona_item'],
  participant: ['participant'],
  question: ['question'],
  tag: ['tag'],
};

export const searchHandlers: { 'search.query': Handler<'search.query'> } = {
  'search.query': (input, ctx) => {
    if (input.studyId !== undefined && !getStudy(ctx.db, input.studyId)) throw notFound('The study');
    const parts = queryParts(input.text);
    const match = matchExpression(parts);
    if (match === null) return { hits: [], more: false };
    const kinds = (input.kinds ?? (Object.keys(DOC_KINDS_OF) as SearchKind[])).flatMap((k) => DOC_KINDS_OF[k]);
    const limit = input.limit ?? DEFAULT_LIMIT;
    const matches = searchDocs(ctx.db, match, { ...input, kinds }, limit + 1);
    return { hits: buildHits(ctx.db, matches.slice(0, limit), parts), more: matches.length > limit };
  },
};
