// The ordered list of schema migrations. A new schema change is a new numbered file
// appended here, with a test that starts from the previous version holding data.
// Versions rise but need not be consecutive in this list (a number may be reserved
// for a change that lands later); a library records the last version it applied.
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_study_design.js';
import * as m0003 from './0003_live_capture.js';
import * as m0004 from './0004_board_undo.js';
import * as m0005 from './0005_persona_journey_indexes.js';
import * as m0006 from './0006_search_index.js';
import * as m0007 from './0007_study_archive_origin.js';
import * as m0008 from './0008_board_undo_fields.js';
import * as m0009 from './0009_search_chinese_folding.js';
import * as m0010 from './0010_change_log.js';
import * as m0011 from './0011_note_updates.js';
import * as m0012 from './0012_record_revisions.js';
import * as m0013 from './0013_team_sessions.js';

export interface Migration {
  version: number;
  sql: string;
}

export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
