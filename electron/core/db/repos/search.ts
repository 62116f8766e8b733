// The search index's query: FTS5 matches ranked by bm25 weighted by kind, with what is
// hidden left out (studies in the trash, participants who withdrew consent, tags in
// the trash, questions of older guide versions) and the filters applied.
//
// Two phases, because a common word matches tens of thousands of paragraphs: the kind
// is in the low bits of each search_text rowid, so the weighted ranking and the kind
// filter need nothing but the full-text index (as cheap as a bare FTS5 query); only
// the best few candidates are then looked up, checked and filtered. When filtering
// leaves too few of them, the query runs again over every match.
import type Database from 'better-sqlite3';
import type { PainKind } from '../../../../shared/domain.js';
import { SEARCH_KIND_CODES } from '../migrations/0006_search_index.js';

/** How search_doc names what it indexes (a persona statement is its own kind here). */
export type DocKind = keyof typeof SEARCH_KIND_CODES;

/**
 * Multiplies bm25 by kind: named things (groups, themes, personas, participants) are
 * what people look for by name, and they are short, so a match in them says more
 * than the same word in one of thousands of note paragraphs.
 */
const KIND_WEIGHT: Record<DocKind, number> = {
  participant: 1.6,
  group: 1.5,
  theme: 1.5,
  persona: 1.4,
  tag: 1.3,
  finding: 1.2,
  persona_item: 1.2,
  question: 1.1,
  note: 1,
};

/** Candidates looked at per hit wanted before falling back to every match. */
const CANDIDATES_PER_HIT = 4;

export interface DocFilters {
  studyId?: string | undefined;
  kinds: readonly DocKind[];
  stageId?: string | undefined;
  terms?: readonly PainKind[] | undefined;
  participantId?: string | undefined;
  tagId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface DocMatch {
  id: number;
  kind: DocKind;
  sourceId: string;
  seq: number;
  part: string;
  studyId: string;
  body: string;
  /** Weighted bm25: lower is better, as FTS5 ranks. */
  rank: number;
}

const STAGE_OF = `CASE d.kind
  WHEN 'finding' THEN (SELECT stage_id FROM finding WHERE id = d.source_id)
  WHEN 'group' THEN (SELECT stage_id FROM affinity_group WHERE id = d.source_id)
  WHEN 'question' THEN (SELECT stage_id FROM guide_question WHERE id = d.source_id)
  WHEN 'note' THEN (SELECT q.stage_id FROM note n JOIN guide_question q ON q.id = n.question_id WHERE n.id = d.source_id)
END`;

const DATE_OF = `CASE d.kind
  WHEN 'note' THEN (SELECT coalesce(s.started_at, s.scheduled_at, s.created_at) FROM note n JOIN session s ON s.id = n.session_id WHERE n.id = d.source_id)
  WHEN 'finding' THEN (SELECT coalesce(s.started_at, f.created_at) FROM finding f LEFT JOIN session s ON s.id = f.session_id WHERE f.id = d.source_id)
  WHEN 'group' THEN (SELECT created_at FROM affinity_group WHERE id = d.source_id)
  WHEN 'theme' THEN (SELECT created_at FROM theme WHERE id = d.source_id)
  WHEN 'persona' THEN (SELECT updated_at FROM persona WHERE id = d.source_id)
  WHEN 'persona_item' THEN (SELECT p.updated_at FROM persona_item i JOIN persona p ON p.id = i.persona_id WHERE i.id = d.source_id)
  WHEN 'participant' THEN (SELECT created_at FROM participant WHERE id = d.source_id)
  WHEN 'question' THEN (SELECT v.created_at FROM guide_question q JOIN guide_section s ON s.id = q.section_id
                          JOIN guide_version v ON v.id = s.guide_version_id WHERE q.id = d.source_id)
  WHEN 'tag' THEN (SELECT created_at FROM tag WHERE id = d.source_id)
END`;

/** Tags in the trash and questions of older guide versions are not searched. */
const STILL_SHOWN = `CASE d.kind
  WHEN 'tag' THEN (SELECT deleted_at IS NULL FROM tag WHERE id = d.source_id)
  WHEN 'question' THEN (SELECT v.number = (SELECT max(number) FROM guide_version WHERE guide_id = v.guide_id)
                        FROM guide_question q JOIN guide_section s ON s.id = q.section_id
                        JOIN guide_version v ON v.id = s.guide_version_id WHERE q.id = d.source_id)
  ELSE 1
END`;

const WEIGHTED_RANK = `bm25(search_text) * CASE search_text.rowid & 15 ${(Object.keys(SEARCH_KIND_CODES) as DocKind[])
  .map((k) => `WHEN ${SEARCH_KIND_CODES[k]} THEN ${KIND_WEIGHT[k]}`)
  .join(' ')} ELSE 1 END`;

/** Matches by weighted rank, of the wanted kinds only: reads the full-text index alone. */
const RANKED_MATCHES = `SELECT search_text.rowid AS fts, ${WEIGHTED_RANK} AS rank FROM search_text
  WHERE search_text MATCH @match AND (search_text.rowid & 15) IN (SELECT value FROM json_each(@kindCodes))
  ORDER BY rank, search_text.rowid LIMIT @candidates`;

function filterClauses(f: DocFilters): string[] {
  const clauses: string[] = [];
  if (f.studyId !== undefined) clauses.push('d.study_id = @studyId');
  if (f.stageId !== undefined) clauses.push(`${STAGE_OF} = @stageId`);
  if (f.terms !== undefined) clauses.push(`d.kind = 'finding' AND (SELECT terms FROM finding WHERE id = d.source_id) GLOB @termsGlob`);
  if (f.tagId !== undefined) {
    clauses.push(`d.kind = 'finding' AND EXISTS (SELECT 1 FROM finding_tag WHERE finding_id = d.source_id AND tag_id = @tagId)`);
  }
  if (f.participantId !== undefined) clauses.push('d.participant_id = @participantId');
  if (f.from !== undefined || f.to !== undefined) clauses.push(`(${DATE_OF}) >= @from AND (${DATE_OF}) < @to`);
  return clauses;
}

/** The visible, filtered candidates, best first. */
function candidatesSql(f: DocFilters): string {
  return `
    WITH ranked AS MATERIALIZED (${RANKED_MATCHES})
    SELECT d.id, d.kind, d.source_id AS sourceId, d.seq, d.part, d.study_id AS studyId, d.body, ranked.rank
    FROM ranked
    JOIN search_doc d ON d.id = ranked.fts >> 4
    JOIN study st ON st.id = d.study_id
    LEFT JOIN participant pa ON pa.id = d.participant_id
    WHERE st.deleted_at IS NULL
      AND pa.withdrawn_at IS NULL
      AND ${[STILL_SHOWN, ...filterClauses(f)].join('\n      AND ')}
    ORDER BY ranked.rank, ranked.fts
    LIMIT @limit`;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepares each combination of filters once per connection (at most 64 statements). */
function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

function parameters(match: string, f: DocFilters, limit: number): Record<string, string | number> {
  const params: Record<string, string | number> = { match, limit, kindCodes: JSON.stringify(f.kinds.map((k) => SEARCH_KIND_CODES[k])) };
  if (f.studyId !== undefined) params.studyId = f.studyId;
  if (f.stageId !== undefined) params.stageId = f.stageId;
  if (f.terms !== undefined) params.termsGlob = `*[${f.terms.join('')}]*`;
  if (f.tagId !== undefined) params.tagId = f.tagId;
  if (f.participantId !== undefined) params.participantId = f.participantId;
  if (f.from !== undefined || f.to !== undefined) {
    params.from = f.from ?? '';
    params.to = f.to ?? '\uffff';
  }
  return params;
}

/** The best `limit` visible matches of an FTS5 MATCH expression that pass the filters. */
export function searchDocs(db: Database.Database, match: string, filters: DocFilters, limit: number): DocMatch[] {
  if (filters.kinds.length === 0) return [];
  const statement = prepared(db, candidatesSql(filters));
  const params = parameters(match, filters, limit);
  const candidates = limit * CANDIDATES_PER_HIT;
  const best = statement.all({ ...params, candidates }) as DocMatch[];
  if (best.length >= limit) return best;
  // Too few of the best candidates survived the filters; were there more to look at?
  const matched = prepared(db, `SELECT count(*) FROM (${RANKED_MATCHES})`).pluck().get({ ...params, candidates: candidates + 1 }) as number;
  return matched > candidates ? (statement.all({ ...params, candidates: -1 }) as DocMatch[]) : best;
}
