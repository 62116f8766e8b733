// Schema version 7: where an imported study came from. Each study imported from a
// `.fieldwork` archive remembers the archive's id and the study's id in the library
// that exported it, so importing the same archive (or another export of the same
// study) again is recognised and the user asked whether to add a copy or skip it.
// The row goes with its study (purging the study forgets its origin).
export const version = 7;

export const sql = /* sql */ `
CREATE TABLE study_archive_origin (
  study_id        TEXT PRIMARY KEY REFERENCES study(id) ON DELETE CASCADE,
  archive_id      TEXT NOT NULL,
  source_study_id TEXT NOT NULL,
  file_name       TEXT NOT NULL DEFAULT '',
  exported_at     TEXT NOT NULL,
  imported_at     TEXT NOT NULL
);
CREATE INDEX study_archive_origin_archive ON study_archive_origin(archive_id);
CREATE INDEX study_archive_origin_source ON study_archive_origin(source_study_id);
`;
