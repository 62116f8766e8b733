// Schema version 10: the change feed. Every committed write appends one row: the
// library's revision (monotonic, never reused: AUTOINCREMENT), who made it (the
// caller's mutation id and actor, a per-window id) and which kinds of records it
// touched in which studies. Clients catch up from it after a dropped connection, and
// per-person undo and team sessions read it as history. It holds no record text.
//
// `mutation_result` answers a retried write (same mutation id) with its first result
// instead of applying it twice. Results can hold study text, so they are kept briefly
// and scrubbed with the rest when consent is withdrawn.
export const version = 10;

export const sql = /* sql */ `
CREATE TABLE change_log (
  revision    INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  mutation_id TEXT,
  actor       TEXT,
  operation   TEXT NOT NULL,
  studies     TEXT NOT NULL              -- JSON: [{ "studyId": ..., "kinds": [...] }]
);
CREATE INDEX change_log_at ON change_log(at);

CREATE TABLE mutation_result (
  mutation_id TEXT PRIMARY KEY,
  revision    INTEGER,                   -- the change it made; NULL when it touched nothing
  operation   TEXT NOT NULL,
  study_id    TEXT,
  at          TEXT NOT NULL,
  result      TEXT                       -- JSON of the answer; NULL once scrubbed
) WITHOUT ROWID;
CREATE INDEX mutation_result_at ON mutation_result(at);
CREATE INDEX mutation_result_study ON mutation_result(study_id);
`;
