// Schema version 11: notes typed by several people at once. Each note is a Yjs
// document kept as an append-only log of updates: a row is written, and only then
// acknowledged, for each batch an editor sends. The note row itself (content,
// plain text) stays, derived from the log, for search, findings and exports. A
// note without log rows is converted the first time someone opens it. The log is
// compacted into one row when its last editor has left and when the interview ends.
export const version = 11;

export const sql = /* sql */ `
CREATE TABLE note_update (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  note_id    TEXT NOT NULL REFERENCES note(id) ON DELETE CASCADE,
  data       BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX note_update_note ON note_update(note_id, seq);
`;
