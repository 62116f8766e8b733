// Turns index matches into search hits: reads, per kind, what the UI needs to name
// the hit and open its source in place (a note in its session at the paragraph, a
// card on the board, a persona statement...), and cuts the highlighted snippet.
import type Database from 'better-sqlite3';
import type { SearchHit, StageRef } from '../../../shared/api/search.js';
import { PAIN_KINDS, type FindingType, type PersonaList } from '../../../shared/domain.js';
import type { QueryPart } from '../../../shared/search/fts-text.js';
import { makeSnippet, matchRanges } from '../../../shared/search/snippet.js';
import type { DocKind, DocMatch } from '../db/repos/search.js';

type Common = Pick<SearchHit, 'key' | 'studyId' | 'studyName' | 'snippet' | 'score'>;
type Row = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function stage(row: Row): StageRef | null {
  if (typeof row.stage_id !== 'string') return null;
  return { id: row.stage_id, name: text(row.stage_name), defaultKey: textOrNull(row.stage_key) };
}

const STAGE_JOIN = 'LEFT JOIN journey_stage st ON st.id = x.stage_id';
const STAGE_COLUMNS = 'x.stage_id, st.name AS stage_name, st.default_key AS stage_key';

/** Per kind: the statement reading its details by source id, and how to build the hit. */
const DETAILS: Record<DocKind, { sql: string; build: (row: Row, common: Common, match: DocMatch) => SearchHit }> = {
  note: {
    sql: `SELECT x.id, x.session_id, x.question_id, q.text AS question_text, s.participant_id, p.code,
            coalesce(s.started_at, s.scheduled_at, s.created_at) AS session_date
          FROM note x JOIN session s ON s.id = x.session_id JOIN participant p ON p.id = s.participant_id
          LEFT JOIN guide_question q ON q.id = x.question_id WHERE x.id = ?`,
    build: (r, common, match) => ({
      kind: 'note',
      ...common,
      title: text(r.code),
      id: text(r.id),
      sessionId: text(r.session_id),
      questionId: textOrNull(r.question_id),
      questionText: textOrNull(r.question_text),
      paragraphKey: match.part === '' ? null : match.part,
      participantId: text(r.participant_id),
      participantCode: text(r.code),
      sessionDate: textOrNull(r.session_date),
    }),
  },
  finding: {
    sql: `SELECT x.id, x.type, x.terms, ${STAGE_COLUMNS}, x.group_id, g.name AS group_name, x.session_id, x.question_id,
            x.paragraph_key, x.participant_id, p.code
          FROM finding x ${STAGE_JOIN} LEFT JOIN affinity_group g ON g.id = x.group_id
          LEFT JOIN participant p ON p.id = x.participant_id WHERE x.id = ?`,
    build: (r, common) => ({
      kind: 'finding',
      ...common,
      title: text(r.code),
      id: text(r.id),
      type: r.type as FindingType,
      terms: PAIN_KINDS.filter((k) => text(r.terms).includes(k)),
      stage: stage(r),
      groupId: textOrNull(r.group_id),
      groupName: textOrNull(r.group_name),
      sessionId: textOrNull(r.session_id),
      questionId: textOrNull(r.question_id),
      paragraphKey: textOrNull(r.paragraph_key),
      participantId: textOrNull(r.participant_id),
      participantCode: textOrNull(r.code),
    }),
  },
  group: {
    sql: `SELECT x.id, x.name, x.theme_id, ${STAGE_COLUMNS} FROM affinity_group x ${STAGE_JOIN} WHERE x.id = ?`,
    build: (r, common) => ({ kind: 'group', ...common, title: text(r.name), id: text(r.id), stage: stage(r), themeId: textOrNull(r.theme_id) }),
  },
  theme: {
    sql: 'SELECT id, name FROM theme WHERE id = ?',
    build: (r, common) => ({ kind: 'theme', ...common, title: text(r.name), id: text(r.id) }),
  },
  persona: {
    sql: 'SELECT id, name FROM persona WHERE id = ?',
    build: (r, common) => ({ kind: 'persona', ...common, title: text(r.name), id: text(r.id), itemId: null, list: null }),
  },
  persona_item: {
    sql: 'SELECT x.id AS item_id, x.list, p.id, p.name FROM persona_item x JOIN persona p ON p.id = x.persona_id WHERE x.id = ?',
    build: (r, common) => ({
      kind: 'persona',
      ...common,
      title: text(r.name),
      id: text(r.id),
      itemId: text(r.item_id),
      list: r.list as PersonaList,
    }),
  },
  participant: {
    sql: 'SELECT id, code FROM participant WHERE id = ?',
    build: (r, common) => ({ kind: 'participant', ...common, title: text(r.code), id: text(r.id) }),
  },
  question: {
    sql: `SELECT x.id, x.text, x.section_id, s.guide_version_id, v.guide_id, ${STAGE_COLUMNS}
          FROM guide_question x JOIN guide_section s ON s.id = x.section_id JOIN guide_version v ON v.id = s.guide_version_id
          ${STAGE_JOIN} WHERE x.id = ?`,
    build: (r, common) => ({
      kind: 'question',
      ...common,
      title: text(r.text).split('\n')[0] ?? '',
      id: text(r.id),
      guideId: text(r.guide_id),
      versionId: text(r.guide_version_id),
      sectionId: text(r.section_id),
      stage: stage(r),
    }),
  },
  tag: {
    sql: 'SELECT id, name FROM tag WHERE id = ?',
    build: (r, common) => ({ kind: 'tag', ...common, title: text(r.name), id: text(r.id) }),
  },
};

/** Builds the hits for a page of matches, in the same order. */
export function buildHits(db: Database.Database, matches: readonly DocMatch[], parts: readonly QueryPart[]): SearchHit[] {
  const studyName = db.prepare('SELECT name FROM study WHERE id = ?').pluck();
  const names = new Map<string, string>();
  const statements = new Map<DocKind, Database.Statement>();
  const hits: SearchHit[] = [];
  // A persona is one result: its best match (its narrative or one of its items) stands for it.
  const personasListed = new Set<string>();
  for (const match of matches) {
    const detail = DETAILS[match.kind];
    let statement = statements.get(match.kind);
    if (!statement) statements.set(match.kind, (statement = db.prepare(detail.sql)));
    const row = statement.get(match.sourceId) as Row | undefined;
    if (!row) continue; // removed between the match and now: cannot happen inside one transaction
    if (!names.has(match.studyId)) names.set(match.studyId, text(studyName.get(match.studyId)));
    const common: Common = {
      // search_doc is unique by kind, source, position and paragraph key.
      key: `${match.kind}:${match.sourceId}:${match.seq}:${match.part}`,
      studyId: match.studyId,
      studyName: names.get(match.studyId) ?? '',
      snippet: makeSnippet(match.body, matchRanges(match.body, parts)),
      // FTS5's bm25 is lower-is-better; hits say higher-is-better.
      score: -match.rank,
    };
    const hit = detail.build(row, common, match);
    if (hit.kind === 'persona') {
      if (personasListed.has(hit.id)) continue;
      personasListed.add(hit.id);
    }
    hits.push(hit);
  }
  return hits;
}
