// Schema version 8: the board's undo log as field-level changes. Version 4 stored
// whole rows before and after each action, so undo wrote back a card's wording and
// TERMS edited since, re-inserted findings deleted since (without their tags), and
// kept deleted and withdrawn participants' words in the log. Now an entry lists, per
// row it touched, only the fields the board owns (a card's stage, group and place; a
// group's, theme's or link's own fields) with their value before and after; a group,
// theme or link the action created or deleted is one change of the whole row.
// Undo applies "before" only where the value still equals "after", else refuses.
// `actor` says whose action it was (empty until libraries have several people).
//
// Old entries are converted: the owned fields that differ between their rows become
// field changes, created or deleted groups, themes and links stay whole rows, and the
// rest (a finding's text, type, TERMS, times) is dropped with the old table.
export const version = 8;

export const sql = /* sql */ `
CREATE TABLE board_undo_entry (
  id         TEXT PRIMARY KEY,
  study_id   TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,             -- order of the actions within the study
  label      TEXT NOT NULL,                -- the kind of action: move, group, rename...
  actor      TEXT,                         -- who did it; NULL: the library's one user
  undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (study_id, seq)
);

-- One field of one row as the action left it (after) and as it found it (before), as
-- JSON values; field NULL: the whole row was created (before NULL) or deleted (after NULL).
CREATE TABLE board_undo_change (
  entry_id  TEXT NOT NULL REFERENCES board_undo_entry(id) ON DELETE CASCADE,
  ord       INTEGER NOT NULL,              -- undo goes backwards through an entry, redo forwards
  entity    TEXT NOT NULL CHECK (entity IN ('finding', 'affinity_group', 'theme', 'causal_link')),
  entity_id TEXT NOT NULL,
  field     TEXT,
  before    TEXT,
  after     TEXT,
  PRIMARY KEY (entry_id, ord)
) WITHOUT ROWID;
CREATE INDEX board_undo_change_entity ON board_undo_change(entity, entity_id);

INSERT INTO board_undo_entry (id, study_id, seq, label, actor, undone, created_at)
  SELECT id, study_id, seq, label, NULL, undone, created_at FROM board_action;

WITH
  owned(entity, field, k) AS (VALUES
    ('finding', 'stage_id', 1), ('finding', 'group_id', 2), ('finding', 'position', 3),
    ('affinity_group', 'stage_id', 1), ('affinity_group', 'theme_id', 2), ('affinity_group', 'name', 3),
    ('affinity_group', 'color', 4), ('affinity_group', 'collapsed', 5), ('affinity_group', 'position', 6),
    ('theme', 'name', 1), ('theme', 'color', 2), ('theme', 'position', 3),
    ('causal_link', 'label', 1)),
  old AS (
    SELECT a.id AS entry_id, c.key AS n,
      json_extract(c.value, '$.table') AS entity, json_extract(c.value, '$.id') AS entity_id,
      json_extract(c.value, '$.before') AS before_row, json_extract(c.value, '$.after') AS after_row
    FROM board_action a, json_each(a.changes) c),
  converted AS (
    SELECT entry_id, n, 0 AS k, entity, entity_id, NULL AS field, before_row AS before, after_row AS after
      FROM old
      WHERE entity IN ('affinity_group', 'theme', 'causal_link') AND (before_row IS NULL) <> (after_row IS NULL)
    UNION ALL
    SELECT o.entry_id, o.n, w.k, o.entity, o.entity_id, w.field,
      json_quote(json_extract(o.before_row, '$.' || w.field)), json_quote(json_extract(o.after_row, '$.' || w.field))
      FROM old o JOIN owned w ON w.entity = o.entity
      WHERE o.before_row IS NOT NULL AND o.after_row IS NOT NULL
        AND json_extract(o.before_row, '$.' || w.field) IS NOT json_extract(o.after_row, '$.' || w.field))
INSERT INTO board_undo_change (entry_id, ord, entity, entity_id, field, before, after)
  SELECT entry_id, row_number() OVER (PARTITION BY entry_id ORDER BY n, k), entity, entity_id, field, before, after
  FROM converted;

-- Changes of findings deleted since can never be undone: forget them, and the entries left empty.
DELETE FROM board_undo_change WHERE entity = 'finding' AND entity_id NOT IN (SELECT id FROM finding);
DELETE FROM board_undo_entry WHERE NOT EXISTS (SELECT 1 FROM board_undo_change c WHERE c.entry_id = board_undo_entry.id);

DROP TABLE board_action;
`;
