// Schema version 3: live capture. The session timer survives a crash (running_since
// is the wall-clock time the timer last started; elapsed_ms what had accrued before),
// the current question remembers when it was entered, and each question of a session
// records whether it was asked or skipped and how long was spent on it.
export const version = 3;

export const sql = /* sql */ `
ALTER TABLE session ADD COLUMN running_since TEXT;
ALTER TABLE session ADD COLUMN question_entered_ms INTEGER NOT NULL DEFAULT 0;

CREATE TABLE session_question (
  session_id    TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  question_id   TEXT NOT NULL REFERENCES guide_question(id) ON DELETE CASCADE,
  state         TEXT NOT NULL DEFAULT 'asked' CHECK (state IN ('asked', 'skipped')),
  time_spent_ms INTEGER NOT NULL DEFAULT 0 CHECK (time_spent_ms >= 0),
  PRIMARY KEY (session_id, question_id)
) WITHOUT ROWID;
`;
