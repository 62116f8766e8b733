// Schema version 13: live team sessions. A researcher opens a study's board to
// teammates on the local network; each team session keeps its listener's address and
// certificate (so it can resume as it was after the host restarts), one invitation per
// role (only the SHA-256 of its token: a token read from the file cannot be used), and
// the people who joined, each with the hash of the credential their browser holds.
// "team session", never "session": a session is an interview.
export const version = 13;

export const sql = /* sql */ `
CREATE TABLE team_session (
  id            TEXT PRIMARY KEY,
  study_id      TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  address       TEXT NOT NULL,
  port          INTEGER NOT NULL,
  secure        INTEGER NOT NULL CHECK (secure IN (0, 1)),
  certificate   TEXT,
  private_key   TEXT,
  fingerprint   TEXT,
  allow_exports INTEGER NOT NULL DEFAULT 0 CHECK (allow_exports IN (0, 1)),
  started_at    TEXT NOT NULL,
  ended_at      TEXT
);
CREATE INDEX team_session_study ON team_session(study_id);
-- At most one running team session per library.
CREATE UNIQUE INDEX team_session_running ON team_session((1)) WHERE ended_at IS NULL;

CREATE TABLE team_invite (
  team_session_id TEXT NOT NULL REFERENCES team_session(id) ON DELETE CASCADE,
  role            TEXT NOT NULL CHECK (role IN ('facilitator', 'editor', 'viewer', 'note_taker')),
  token_hash      TEXT NOT NULL UNIQUE,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (team_session_id, role)
);

CREATE TABLE team_member (
  id              TEXT PRIMARY KEY,
  team_session_id TEXT NOT NULL REFERENCES team_session(id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('facilitator', 'editor', 'viewer', 'note_taker')),
  color           TEXT NOT NULL,
  credential_hash TEXT NOT NULL UNIQUE,
  joined_at       TEXT NOT NULL,
  removed_at      TEXT
);
CREATE INDEX team_member_session ON team_member(team_session_id);
`;
