// Schema version 6: the full-text search index, kept current by triggers and built
// here from the rows already in the library.
//
// search_doc holds one row per searchable piece of text (a note paragraph, a finding,
// a group, a theme, a persona or one of its statements, a participant, a guide
// question, a tag) with the plain text shown in results; search_text is a contentless
// FTS5 table over the tokens of that text (CJK bigrams and unigrams, words: see
// shared/search/fts-text.ts). A search_text rowid is search_doc's id * 16 + the code
// of its kind, so a query can rank by kind and filter kinds from the full-text index
// alone, and look up only the few best rows (see db/repos/search.ts).
//
// Why triggers: every path that writes these tables (services, the sample study, the
// board's undo log writing raw rows back, foreign-key cascades when a study is purged,
// other features' repositories) keeps the index current in the same transaction,
// with nothing to remember. The tokenizer is ours, so the triggers call the SQL
// functions registered on each connection (db/search-functions.ts).
//
// Participants are indexed by code and segment attribute values only: real names and
// contact details are personal data and never enter the index.
//
// When the indexed text or the tokenizer changes, a later migration drops these
// triggers, recreates them and rebuilds the index the way this one does (search_doc
// emptied, then filled from the source tables).
export const version = 6;

/** The kind codes in the low four bits of a search_text rowid. */
export const SEARCH_KIND_CODES = {
  note: 0,
  finding: 1,
  group: 2,
  theme: 3,
  persona: 4,
  persona_item: 5,
  participant: 6,
  question: 7,
  tag: 8,
} as const;

const ftsRowid = (doc: string) =>
  `(${doc}.id * 16 + CASE ${doc}.kind ${Object.entries(SEARCH_KIND_CODES).map(([k, code]) => `WHEN '${k}' THEN ${code}`).join(' ')} ELSE 15 END)`;

interface Source {
  table: string;
  kind: string;
  /** Columns whose change changes the indexed text or the participant. */
  watched: readonly string[];
  studyId: (r: string) => string;
  participantId: (r: string) => string;
  body: (r: string) => string;
}

const NL = 'char(10)';
/** A JSON column read defensively: a malformed value indexes as empty, never blocks a write. */
const json = (column: string, empty: string) => `CASE WHEN json_valid(${column}) THEN ${column} ELSE '${empty}' END`;
const joinedStrings = (column: string, table: 'json_each' | 'json_tree') =>
  `ifnull((SELECT group_concat(value, ' ') FROM ${table}(${json(column, table === 'json_each' ? '[]' : '{}')}) WHERE type = 'text'), '')`;

const SOURCES: readonly Source[] = [
  {
    table: 'finding',
    kind: 'finding',
    watched: ['text', 'participant_id'],
    studyId: (r) => `${r}.study_id`,
    participantId: (r) => `${r}.participant_id`,
    body: (r) => `${r}.text`,
  },
  { table: 'affinity_group', kind: 'group', watched: ['name'], studyId: (r) => `${r}.study_id`, participantId: () => 'NULL', body: (r) => `${r}.name` },
  { table: 'theme', kind: 'theme', watched: ['name'], studyId: (r) => `${r}.study_id`, participantId: () => 'NULL', body: (r) => `${r}.name` },
  {
    table: 'persona',
    kind: 'persona',
    watched: ['name', 'occupation', 'description'],
    studyId: (r) => `${r}.study_id`,
    participantId: () => 'NULL',
    body: (r) => `${r}.name || ${NL} || ${r}.occupation || ${NL} || ${r}.description`,
  },
  {
    table: 'persona_item',
    kind: 'persona_item',
    watched: ['text'],
    studyId: (r) => `(SELECT study_id FROM persona WHERE id = ${r}.persona_id)`,
    participantId: () => 'NULL',
    body: (r) => `${r}.text`,
  },
  {
    table: 'participant',
    kind: 'participant',
    // Not real_name or contact: personal data stays out of the index.
    watched: ['code', 'attributes'],
    studyId: (r) => `${r}.study_id`,
    participantId: (r) => `${r}.id`,
    body: (r) => `${r}.code || ${NL} || ${joinedStrings(`${r}.attributes`, 'json_tree')}`,
  },
  {
    table: 'guide_question',
    kind: 'question',
    watched: ['text', 'purpose', 'probes', 'keywords'],
    studyId: (r) =>
      `(SELECT g.study_id FROM guide_section s JOIN guide_version v ON v.id = s.guide_version_id JOIN guide g ON g.id = v.guide_id WHERE s.id = ${r}.section_id)`,
    participantId: () => 'NULL',
    body: (r) =>
      `${r}.text || ${NL} || ${r}.purpose || ${NL} || ${joinedStrings(`${r}.probes`, 'json_each')} || ${NL} || ${joinedStrings(`${r}.keywords`, 'json_each')}`,
  },
  {
    table: 'tag',
    kind: 'tag',
    watched: ['name', 'definition'],
    studyId: (r) => `${r}.study_id`,
    participantId: () => 'NULL',
    body: (r) => `${r}.name || ${NL} || ${r}.definition`,
  },
];

const DOC_COLUMNS = 'kind, source_id, study_id, participant_id, body';
const NOTE_COLUMNS = 'kind, source_id, seq, part, study_id, participant_id, body';

function sourceTriggers(s: Source): string {
  const upsert = `INSERT INTO search_doc (${DOC_COLUMNS})
    VALUES ('${s.kind}', NEW.id, ${s.studyId('NEW')}, ${s.participantId('NEW')}, ifnull(${s.body('NEW')}, ''))
    ON CONFLICT (kind, source_id, seq, part) DO UPDATE SET body = excluded.body, participant_id = excluded.participant_id
    WHERE body IS NOT excluded.body OR participant_id IS NOT excluded.participant_id;`;
  return `
CREATE TRIGGER search_${s.table}_insert AFTER INSERT ON ${s.table} BEGIN ${upsert} END;
CREATE TRIGGER search_${s.table}_update AFTER UPDATE OF ${s.watched.join(', ')} ON ${s.table} BEGIN ${upsert} END;
CREATE TRIGGER search_${s.table}_delete AFTER DELETE ON ${s.table} BEGIN
  DELETE FROM search_doc WHERE kind = '${s.kind}' AND source_id = OLD.id;
END;`;
}

const sourceRebuild = (s: Source) => `
INSERT INTO search_doc (${DOC_COLUMNS})
  SELECT '${s.kind}', r.id, ${s.studyId('r')}, ${s.participantId('r')}, ifnull(${s.body('r')}, '') FROM ${s.table} r;`;

// A note is one editor document per session and question; each paragraph is its own
// search_doc row, keyed by its position and paragraph key (pid), so an edit re-indexes
// only the paragraphs whose text changed and a result opens at its paragraph.
const paragraphs = (note: string) => `json_each(${json(`${note}.content`, '{}')}, '$.root.children')`;
const PARAGRAPH_KEY = `ifnull(p.value ->> '$."$".pid', '')`;

const NOTE_UPSERT = `INSERT INTO search_doc (${NOTE_COLUMNS})
    SELECT 'note', NEW.id, p.key, ${PARAGRAPH_KEY}, s.study_id, s.participant_id, fw_note_block_text(p.value)
    FROM ${paragraphs('NEW')} p LEFT JOIN session s ON s.id = NEW.session_id WHERE true
    ON CONFLICT (kind, source_id, seq, part) DO UPDATE SET body = excluded.body WHERE body IS NOT excluded.body;`;

const NOTE_TRIGGERS = `
CREATE TRIGGER search_note_insert AFTER INSERT ON note BEGIN ${NOTE_UPSERT} END;
CREATE TRIGGER search_note_update AFTER UPDATE OF content ON note BEGIN
  DELETE FROM search_doc WHERE kind = 'note' AND source_id = NEW.id
    AND (seq || ' ' || part) NOT IN (SELECT p.key || ' ' || ${PARAGRAPH_KEY} FROM ${paragraphs('NEW')} p);
  ${NOTE_UPSERT}
END;
CREATE TRIGGER search_note_delete AFTER DELETE ON note BEGIN
  DELETE FROM search_doc WHERE kind = 'note' AND source_id = OLD.id;
END;`;

const NOTE_REBUILD = `
INSERT INTO search_doc (${NOTE_COLUMNS})
  SELECT 'note', n.id, p.key, ${PARAGRAPH_KEY}, s.study_id, s.participant_id, fw_note_block_text(p.value)
  FROM note n JOIN session s ON s.id = n.session_id, ${paragraphs('n')} p;`;

export const sql = /* sql */ `
CREATE TABLE search_doc (
  id             INTEGER PRIMARY KEY,   -- its tokens' rowid in search_text is id * 16 + kind code
  kind           TEXT NOT NULL,         -- note, finding, group, theme, persona, persona_item, participant, question, tag
  source_id      TEXT NOT NULL,         -- the row the text comes from
  seq            INTEGER NOT NULL DEFAULT 0,  -- a note paragraph's position in its note
  part           TEXT NOT NULL DEFAULT '',    -- a note paragraph's key (pid)
  study_id       TEXT,                  -- nullable: an orphan row is hidden, never a failed write
  participant_id TEXT,                  -- whose words (notes, findings) or who (participants): withdrawal hides them
  body           TEXT NOT NULL,         -- the text shown in results
  UNIQUE (kind, source_id, seq, part)
);

CREATE VIRTUAL TABLE search_text USING fts5(
  tokens, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_doc_insert AFTER INSERT ON search_doc BEGIN
  INSERT INTO search_text (rowid, tokens) VALUES (${ftsRowid('NEW')}, fw_search_tokens(NEW.body));
END;
CREATE TRIGGER search_doc_update AFTER UPDATE OF body ON search_doc WHEN OLD.body IS NOT NEW.body BEGIN
  DELETE FROM search_text WHERE rowid = ${ftsRowid('OLD')};
  INSERT INTO search_text (rowid, tokens) VALUES (${ftsRowid('NEW')}, fw_search_tokens(NEW.body));
END;
CREATE TRIGGER search_doc_delete AFTER DELETE ON search_doc BEGIN
  DELETE FROM search_text WHERE rowid = ${ftsRowid('OLD')};
END;
${SOURCES.map(sourceTriggers).join('\n')}
${NOTE_TRIGGERS}
${SOURCES.map(sourceRebuild).join('\n')}
${NOTE_REBUILD}
`;
