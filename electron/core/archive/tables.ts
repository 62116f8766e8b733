// Where each list of an archive lives in the library: its table, its columns (with
// how a value converts between the row and the archive's JSON), and the query that
// selects one study's rows. Export reads through these and import writes through
// them, so a column added to both sides is added here once.
//
// Rows are read in insertion order (rowid), and written back in that order, so an
// imported study lists things in the order they were made, as the original did.
import type { ArchiveData } from '../../../shared/archive/read.js';

export type ListName = keyof ArchiveData;

/** How a column's value travels: as is, 0/1 as a boolean, JSON text as its value, TERMS text as letters. */
export type ColumnKind = 'value' | 'bool' | 'json' | 'terms' | 'avatar';

export interface ColumnSpec {
  column: string;
  field: string;
  kind: ColumnKind;
}

export interface TableSpec {
  list: ListName;
  table: string;
  columns: readonly ColumnSpec[];
  /** Whether rows carry study_id (set to the importing study on write). */
  studyColumn: boolean;
  /** FROM ... WHERE ... ORDER BY, with `t` the table and one `?` for the study id. */
  from: string;
}

/** A join table folded into its owner's rows as an array of ids. */
export interface JoinSpec {
  list: ListName;
  field: string;
  table: string;
  ownerColumn: string;
  memberColumn: string;
  /** FROM ... WHERE ... ORDER BY, with `t` the join table and one `?` for the study id. */
  from: string;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function columns(...specs: Array<string | [string, ColumnKind]>): ColumnSpec[] {
  return specs.map((s) => {
    const [column, kind] = typeof s === 'string' ? [s, 'value' as const] : s;
    return { column, field: camel(column), kind };
  });
}

const byStudy = (table: string) => `FROM ${table} t WHERE t.study_id = ? ORDER BY t.rowid`;
const VERSIONS = 'JOIN guide g ON g.id = t.guide_id WHERE g.study_id = ?';
const SECTIONS = 'JOIN guide_version v ON v.id = t.guide_version_id JOIN guide g ON g.id = v.guide_id WHERE g.study_id = ?';
const QUESTIONS =
  'JOIN guide_section sec ON sec.id = t.section_id JOIN guide_version v ON v.id = sec.guide_version_id JOIN guide g ON g.id = v.guide_id WHERE g.study_id = ?';

/** In the order they are written: everything a row points at is written before it. */
export const TABLES: readonly TableSpec[] = [
  {
    list: 'study',
    table: 'study',
    columns: columns('id', 'name', 'goal', 'product', 'planned_interviews', 'language', ['is_sample', 'bool'], 'created_at', 'updated_at'),
    studyColumn: false,
    from: 'FROM study t WHERE t.id = ?',
  },
  {
    list: 'stages',
    table: 'journey_stage',
    columns: columns('id', 'name', 'default_key', 'description', 'information_needs', 'position', 'created_at'),
    studyColumn: true,
    from: byStudy('journey_stage'),
  },
  { list: 'touchpoints', table: 'touchpoint', columns: columns('id', 'stage_id', 'name', 'position'), studyColumn: true, from: byStudy('touchpoint') },
  { list: 'influencers', table: 'influencer', columns: columns('id', 'stage_id', 'name', 'position'), studyColumn: true, from: byStudy('influencer') },
  {
    list: 'participants',
    table: 'participant',
    columns: columns(
      'id',
      'code',
      'real_name',
      'contact',
      'source',
      'status',
      ['attributes', 'json'],
      ['screened_relevant', 'bool'],
      'consent_date',
      'consent_scope',
      'withdrawn_at',
      'created_at',
    ),
    studyColumn: true,
    from: byStudy('participant'),
  },
  {
    list: 'tags',
    table: 'tag',
    columns: columns('id', 'parent_id', 'name', 'definition', 'usage_rule', 'color', 'created_at', 'deleted_at'),
    studyColumn: true,
    from: byStudy('tag'),
  },
  { list: 'guides', table: 'guide', columns: columns('id', 'title', 'created_at'), studyColumn: true, from: byStudy('guide') },
  {
    list: 'guideVersions',
    table: 'guide_version',
    columns: columns('id', 'guide_id', 'number', 'note', 'created_at', 'frozen_at'),
    studyColumn: false,
    from: `FROM guide_version t ${VERSIONS} ORDER BY t.rowid`,
  },
  {
    list: 'guideSections',
    table: 'guide_section',
    columns: columns('id', 'guide_version_id', 'title', 'position'),
    studyColumn: false,
    from: `FROM guide_section t ${SECTIONS} ORDER BY t.rowid`,
  },
  {
    list: 'guideQuestions',
    table: 'guide_question',
    columns: columns('id', 'section_id', 'text', 'purpose', 'stage_id', ['keywords', 'json'], ['probes', 'json'], 'time_budget_sec', 'position'),
    studyColumn: false,
    from: `FROM guide_question t ${QUESTIONS} ORDER BY t.rowid`,
  },
  {
    list: 'sessions',
    table: 'session',
    columns: columns(
      'id',
      'participant_id',
      'guide_version_id',
      'interviewer',
      'status',
      'scheduled_at',
      'started_at',
      'ended_at',
      'elapsed_ms',
      'current_question_id',
      'created_at',
      'running_since',
      'question_entered_ms',
    ),
    studyColumn: true,
    from: byStudy('session'),
  },
  {
    list: 'sessionQuestions',
    table: 'session_question',
    columns: columns('session_id', 'question_id', 'state', 'time_spent_ms'),
    studyColumn: false,
    // A table without rowids: ordered by the rows it joins.
    from: 'FROM session_question t JOIN session s ON s.id = t.session_id JOIN guide_question q ON q.id = t.question_id WHERE s.study_id = ? ORDER BY s.rowid, q.rowid',
  },
  {
    list: 'notes',
    table: 'note',
    columns: columns('id', 'session_id', 'question_id', ['content', 'json'], 'plain_text', 'revision', 'updated_at'),
    studyColumn: false,
    from: 'FROM note t JOIN session s ON s.id = t.session_id WHERE s.study_id = ? ORDER BY t.rowid',
  },
  { list: 'themes', table: 'theme', columns: columns('id', 'name', 'color', 'position', 'created_at'), studyColumn: true, from: byStudy('theme') },
  {
    list: 'groups',
    table: 'affinity_group',
    columns: columns('id', 'stage_id', 'theme_id', 'name', 'color', ['collapsed', 'bool'], 'position', 'created_at'),
    studyColumn: true,
    from: byStudy('affinity_group'),
  },
  {
    list: 'findings',
    table: 'finding',
    columns: columns(
      'id',
      'session_id',
      'participant_id',
      'note_id',
      'question_id',
      'paragraph_key',
      'text',
      'type',
      'stage_id',
      ['terms', 'terms'],
      'group_id',
      'position',
      'created_at',
      'updated_at',
    ),
    studyColumn: true,
    from: byStudy('finding'),
  },
  {
    list: 'links',
    table: 'causal_link',
    columns: columns('id', 'from_group_id', 'from_theme_id', 'to_group_id', 'to_theme_id', 'label', 'created_at'),
    studyColumn: true,
    from: byStudy('causal_link'),
  },
  {
    list: 'personas',
    table: 'persona',
    columns: columns(
      'id',
      'name',
      ['avatar', 'avatar'],
      'age',
      'occupation',
      'income',
      'description',
      ['segment_filter', 'json'],
      'position',
      'created_at',
      'updated_at',
    ),
    studyColumn: true,
    from: byStudy('persona'),
  },
  {
    list: 'personaItems',
    table: 'persona_item',
    columns: columns('id', 'persona_id', 'list', 'text', 'position'),
    studyColumn: false,
    from: 'FROM persona_item t JOIN persona p ON p.id = t.persona_id WHERE p.study_id = ? ORDER BY t.rowid',
  },
  { list: 'journeyMaps', table: 'journey_map', columns: columns('id', 'persona_id', 'title', 'created_at', 'updated_at'), studyColumn: true, from: byStudy('journey_map') },
  {
    list: 'journeyEmotions',
    table: 'journey_emotion',
    columns: columns('map_id', 'stage_id', 'score'),
    studyColumn: false,
    from: 'FROM journey_emotion t JOIN journey_map m ON m.id = t.map_id JOIN journey_stage st ON st.id = t.stage_id WHERE m.study_id = ? ORDER BY m.rowid, st.rowid',
  },
  {
    list: 'journeyItems',
    table: 'journey_item',
    columns: columns('id', 'map_id', 'stage_id', 'lane', 'text', ['terms', 'terms'], 'position'),
    studyColumn: false,
    from: 'FROM journey_item t JOIN journey_map m ON m.id = t.map_id WHERE m.study_id = ? ORDER BY t.rowid',
  },
];

/** Written after their owners' lists (and everything they point at). Members are listed in their own insertion order. */
export const JOINS: readonly JoinSpec[] = [
  {
    list: 'findings',
    field: 'tagIds',
    table: 'finding_tag',
    ownerColumn: 'finding_id',
    memberColumn: 'tag_id',
    from: 'FROM finding_tag t JOIN finding f ON f.id = t.finding_id JOIN tag x ON x.id = t.tag_id WHERE f.study_id = ? ORDER BY x.rowid',
  },
  {
    list: 'personas',
    field: 'participantIds',
    table: 'persona_participant',
    ownerColumn: 'persona_id',
    memberColumn: 'participant_id',
    from: 'FROM persona_participant t JOIN persona p ON p.id = t.persona_id JOIN participant x ON x.id = t.participant_id WHERE p.study_id = ? ORDER BY x.rowid',
  },
  {
    list: 'personaItems',
    field: 'evidence',
    table: 'persona_item_evidence',
    ownerColumn: 'item_id',
    memberColumn: 'finding_id',
    from: 'FROM persona_item_evidence t JOIN persona_item i ON i.id = t.item_id JOIN persona p ON p.id = i.persona_id JOIN finding x ON x.id = t.finding_id WHERE p.study_id = ? ORDER BY x.rowid',
  },
  {
    list: 'journeyItems',
    field: 'evidence',
    table: 'journey_item_evidence',
    ownerColumn: 'item_id',
    memberColumn: 'finding_id',
    from: 'FROM journey_item_evidence t JOIN journey_item i ON i.id = t.item_id JOIN journey_map m ON m.id = i.map_id JOIN finding x ON x.id = t.finding_id WHERE m.study_id = ? ORDER BY x.rowid',
  },
];
