// Schema version 2: study design. A study has a language (it picks default probes,
// templates and export labels); tags can be deleted with undo (soft delete); and
// the `active_*` views leave out everything from participants who withdrew
// consent, so boards, analysis and exports built on them never show it.
export const version = 2;

export const sql = /* sql */ `
ALTER TABLE study ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh-Hans', 'zh-Hant'));

ALTER TABLE tag ADD COLUMN deleted_at TEXT;

CREATE VIEW active_participant AS
  SELECT * FROM participant WHERE withdrawn_at IS NULL;

CREATE VIEW active_finding AS
  SELECT f.* FROM finding f
  LEFT JOIN participant p ON p.id = f.participant_id
  WHERE p.withdrawn_at IS NULL;

CREATE VIEW active_note AS
  SELECT n.* FROM note n
  JOIN session s ON s.id = n.session_id
  JOIN participant p ON p.id = s.participant_id
  WHERE p.withdrawn_at IS NULL;
`;
