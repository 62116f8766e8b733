// Schema version 4: the affinity board's undo log. Each board action stores the rows
// it touched as they were before and after, so undo and redo work the same after a
// reload; a new action drops the actions that were undone.
export const version = 4;

export const sql = /* sql */ `
CREATE TABLE board_action (
  id         TEXT PRIMARY KEY,
  study_id   TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  label      TEXT NOT NULL,
  changes    TEXT NOT NULL,               -- JSON: [{table, id, before, after}]
  undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (study_id, seq)
);
`;
