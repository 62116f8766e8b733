// Schema version 1: the whole research domain, so later features extend it rather
// than rewrite it. Ids are text UUIDs (v7); order inside a list is a fractional
// index string (`position`) so a move rewrites one row. Times are ISO 8601 UTC text.
export const version = 1;

export const sql = /* sql */ `
CREATE TABLE study (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  goal               TEXT NOT NULL DEFAULT '',
  product            TEXT NOT NULL DEFAULT '',
  planned_interviews INTEGER NOT NULL DEFAULT 0 CHECK (planned_interviews >= 0),
  is_sample          INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT            -- set while the study is in the trash
);

CREATE TABLE journey_stage (
  id                TEXT PRIMARY KEY,
  study_id          TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  default_key       TEXT,            -- awareness, consideration... while the default name is untouched
  description       TEXT NOT NULL DEFAULT '',
  information_needs TEXT NOT NULL DEFAULT '',
  position          TEXT NOT NULL,
  created_at        TEXT NOT NULL
);
CREATE INDEX journey_stage_study ON journey_stage(study_id, position);

CREATE TABLE touchpoint (
  id         TEXT PRIMARY KEY,
  study_id   TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  stage_id   TEXT REFERENCES journey_stage(id) ON DELETE SET NULL,
  name       TEXT NOT NULL,
  position   TEXT NOT NULL
);
CREATE INDEX touchpoint_stage ON touchpoint(study_id, stage_id);

CREATE TABLE influencer (
  id         TEXT PRIMARY KEY,
  study_id   TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  stage_id   TEXT REFERENCES journey_stage(id) ON DELETE SET NULL,
  name       TEXT NOT NULL,
  position   TEXT NOT NULL
);
CREATE INDEX influencer_stage ON influencer(study_id, stage_id);

CREATE TABLE participant (
  id                 TEXT PRIMARY KEY,
  study_id           TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  code               TEXT NOT NULL,
  real_name          TEXT NOT NULL DEFAULT '',   -- personal data
  contact            TEXT NOT NULL DEFAULT '',   -- personal data
  source             TEXT NOT NULL CHECK (source IN ('own', 'competitor', 'other')),
  status             TEXT NOT NULL DEFAULT 'recruited'
                     CHECK (status IN ('recruited', 'scheduled', 'interviewed', 'no_show')),
  attributes         TEXT NOT NULL DEFAULT '{}', -- JSON: {dimension: {field: value}}
  screened_relevant  INTEGER NOT NULL DEFAULT 1 CHECK (screened_relevant IN (0, 1)),
  consent_date       TEXT,
  consent_scope      TEXT NOT NULL DEFAULT '',
  withdrawn_at       TEXT,           -- consent withdrawn: kept out of boards, analysis, exports
  created_at         TEXT NOT NULL,
  UNIQUE (study_id, code)
);

CREATE TABLE tag (
  id         TEXT PRIMARY KEY,
  study_id   TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  parent_id  TEXT REFERENCES tag(id) ON DELETE SET NULL,
  name       TEXT NOT NULL,
  definition TEXT NOT NULL DEFAULT '',
  usage_rule TEXT NOT NULL DEFAULT '',
  color      TEXT NOT NULL DEFAULT '#64748b',
  created_at TEXT NOT NULL
);
CREATE INDEX tag_study ON tag(study_id);

CREATE TABLE guide (
  id         TEXT PRIMARY KEY,
  study_id   TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  title      TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE guide_version (
  id         TEXT PRIMARY KEY,
  guide_id   TEXT NOT NULL REFERENCES guide(id) ON DELETE CASCADE,
  number     INTEGER NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  frozen_at  TEXT,                   -- a version used in a session is frozen; edits make a new one
  UNIQUE (guide_id, number)
);

CREATE TABLE guide_section (
  id               TEXT PRIMARY KEY,
  guide_version_id TEXT NOT NULL REFERENCES guide_version(id) ON DELETE CASCADE,
  title            TEXT NOT NULL,
  position         TEXT NOT NULL
);
CREATE INDEX guide_section_version ON guide_section(guide_version_id, position);

CREATE TABLE guide_question (
  id              TEXT PRIMARY KEY,
  section_id      TEXT NOT NULL REFERENCES guide_section(id) ON DELETE CASCADE,
  text            TEXT NOT NULL,
  purpose         TEXT NOT NULL DEFAULT '',
  stage_id        TEXT REFERENCES journey_stage(id) ON DELETE SET NULL,
  keywords        TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
  probes          TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
  time_budget_sec INTEGER NOT NULL DEFAULT 300 CHECK (time_budget_sec >= 0),
  position        TEXT NOT NULL
);
CREATE INDEX guide_question_section ON guide_question(section_id, position);

CREATE TABLE session (
  id                  TEXT PRIMARY KEY,
  study_id            TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  participant_id      TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  guide_version_id    TEXT REFERENCES guide_version(id) ON DELETE SET NULL,
  interviewer         TEXT NOT NULL DEFAULT '',
  status              TEXT NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'in_progress', 'paused', 'completed', 'missed')),
  scheduled_at        TEXT,
  started_at          TEXT,
  ended_at            TEXT,
  elapsed_ms          INTEGER NOT NULL DEFAULT 0,
  current_question_id TEXT REFERENCES guide_question(id) ON DELETE SET NULL,
  created_at          TEXT NOT NULL
);
CREATE INDEX session_study ON session(study_id);
CREATE INDEX session_participant ON session(participant_id);

-- One note per session and question (question_id NULL: the free "other" area), so no
-- rich-text document grows huge. content is the editor's JSON state; plain_text feeds
-- search and export.
CREATE TABLE note (
  id          TEXT PRIMARY KEY,
  session_id  TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  question_id TEXT REFERENCES guide_question(id) ON DELETE SET NULL,
  content     TEXT NOT NULL,
  plain_text  TEXT NOT NULL DEFAULT '',
  revision    INTEGER NOT NULL DEFAULT 0,
  updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX note_session_question ON note(session_id, ifnull(question_id, ''));

CREATE TABLE theme (
  id         TEXT PRIMARY KEY,
  study_id   TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  color      TEXT NOT NULL DEFAULT '#64748b',
  position   TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE affinity_group (
  id         TEXT PRIMARY KEY,
  study_id   TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  stage_id   TEXT REFERENCES journey_stage(id) ON DELETE SET NULL, -- NULL: the Unsorted column
  theme_id   TEXT REFERENCES theme(id) ON DELETE SET NULL,
  name       TEXT NOT NULL,
  color      TEXT NOT NULL DEFAULT '#64748b',
  collapsed  INTEGER NOT NULL DEFAULT 0 CHECK (collapsed IN (0, 1)),
  position   TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX affinity_group_study ON affinity_group(study_id, stage_id, position);

CREATE TABLE finding (
  id             TEXT PRIMARY KEY,
  study_id       TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  session_id     TEXT REFERENCES session(id) ON DELETE SET NULL,
  participant_id TEXT REFERENCES participant(id) ON DELETE SET NULL,
  note_id        TEXT REFERENCES note(id) ON DELETE SET NULL,
  question_id    TEXT REFERENCES guide_question(id) ON DELETE SET NULL,
  paragraph_key  TEXT,               -- the note paragraph this finding was marked in
  text           TEXT NOT NULL,
  type           TEXT NOT NULL CHECK (type IN ('touchpoint', 'influencer', 'pain_point',
                   'improvement_idea', 'quote', 'do', 'think', 'feel')),
  stage_id       TEXT REFERENCES journey_stage(id) ON DELETE SET NULL,
  terms          TEXT NOT NULL DEFAULT '' CHECK (terms NOT GLOB '*[^TERMS]*'), -- e.g. 'TM'
  group_id       TEXT REFERENCES affinity_group(id) ON DELETE SET NULL,
  position       TEXT NOT NULL,      -- order inside its group or column
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX finding_study ON finding(study_id, stage_id, group_id, position);
CREATE INDEX finding_session ON finding(session_id);
CREATE INDEX finding_group ON finding(group_id);

CREATE TABLE finding_tag (
  finding_id TEXT NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
  tag_id     TEXT NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
  PRIMARY KEY (finding_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX finding_tag_tag ON finding_tag(tag_id);

-- "A leads to B" between groups or themes: exactly one source and one target column is set.
CREATE TABLE causal_link (
  id            TEXT PRIMARY KEY,
  study_id      TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  from_group_id TEXT REFERENCES affinity_group(id) ON DELETE CASCADE,
  from_theme_id TEXT REFERENCES theme(id) ON DELETE CASCADE,
  to_group_id   TEXT REFERENCES affinity_group(id) ON DELETE CASCADE,
  to_theme_id   TEXT REFERENCES theme(id) ON DELETE CASCADE,
  label         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  CHECK ((from_group_id IS NULL) <> (from_theme_id IS NULL)),
  CHECK ((to_group_id IS NULL) <> (to_theme_id IS NULL))
);
CREATE INDEX causal_link_study ON causal_link(study_id);

CREATE TABLE persona (
  id             TEXT PRIMARY KEY,
  study_id       TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  avatar         TEXT NOT NULL DEFAULT '', -- 'generated:<palette>' or an image data URL
  age            TEXT NOT NULL DEFAULT '',
  occupation     TEXT NOT NULL DEFAULT '',
  income         TEXT NOT NULL DEFAULT '',
  description    TEXT NOT NULL DEFAULT '',
  segment_filter TEXT,                     -- JSON filter over participant attributes, or NULL
  position       TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE persona_participant (
  persona_id     TEXT NOT NULL REFERENCES persona(id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  PRIMARY KEY (persona_id, participant_id)
) WITHOUT ROWID;

-- One statement in one of a persona's lists (motivations, goals, quotes...).
CREATE TABLE persona_item (
  id         TEXT PRIMARY KEY,
  persona_id TEXT NOT NULL REFERENCES persona(id) ON DELETE CASCADE,
  list       TEXT NOT NULL CHECK (list IN ('motivations', 'goals', 'challenges', 'scenarios',
               'decision_process', 'expectations', 'quotes', 'value_sought')),
  text       TEXT NOT NULL,
  position   TEXT NOT NULL
);
CREATE INDEX persona_item_persona ON persona_item(persona_id, list, position);

CREATE TABLE persona_item_evidence (
  item_id    TEXT NOT NULL REFERENCES persona_item(id) ON DELETE CASCADE,
  finding_id TEXT NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, finding_id)
) WITHOUT ROWID;

CREATE TABLE journey_map (
  id         TEXT PRIMARY KEY,
  study_id   TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  persona_id TEXT REFERENCES persona(id) ON DELETE SET NULL,
  title      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE journey_emotion (
  map_id   TEXT NOT NULL REFERENCES journey_map(id) ON DELETE CASCADE,
  stage_id TEXT NOT NULL REFERENCES journey_stage(id) ON DELETE CASCADE,
  score    INTEGER NOT NULL CHECK (score BETWEEN -2 AND 2),
  PRIMARY KEY (map_id, stage_id)
) WITHOUT ROWID;

CREATE TABLE journey_item (
  id       TEXT PRIMARY KEY,
  map_id   TEXT NOT NULL REFERENCES journey_map(id) ON DELETE CASCADE,
  stage_id TEXT NOT NULL REFERENCES journey_stage(id) ON DELETE CASCADE,
  lane     TEXT NOT NULL CHECK (lane IN ('doing', 'thinking', 'feeling', 'touchpoints',
             'influencers', 'pain_points', 'opportunities')),
  text     TEXT NOT NULL,
  terms    TEXT NOT NULL DEFAULT '' CHECK (terms NOT GLOB '*[^TERMS]*'),
  position TEXT NOT NULL
);
CREATE INDEX journey_item_map ON journey_item(map_id, stage_id, lane, position);

CREATE TABLE journey_item_evidence (
  item_id    TEXT NOT NULL REFERENCES journey_item(id) ON DELETE CASCADE,
  finding_id TEXT NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, finding_id)
) WITHOUT ROWID;

-- Library-wide settings and markers (e.g. that the sample study was created once).
CREATE TABLE app_setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;
