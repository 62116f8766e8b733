// The board's read model: every card (finding of a participant who has not
// withdrawn), group, theme and link of a study, in board order.
import type Database from 'better-sqlite3';
import type { Board, BoardCard, BoardGroup, BoardLink, BoardTheme } from '../../../../shared/api/board.js';
import { PAIN_KINDS, type FindingType } from '../../../../shared/domain.js';
import { undoState } from './board-log.js';

interface CardRow {
  id: string;
  text: string;
  type: FindingType;
  terms: string;
  tag_ids: string | null;
  stage_id: string | null;
  group_id: string | null;
  position: string;
  participant_id: string | null;
  participant_code: string | null;
  session_id: string | null;
  question_id: string | null;
  paragraph_key: string | null;
  revision: number;
}

export function loadCards(db: Database.Database, studyId: string): BoardCard[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.text, f.type, f.terms, f.stage_id, f.group_id, f.position, f.participant_id, p.code AS participant_code,
         f.session_id, f.question_id, f.paragraph_key, f.revision,
         (SELECT group_concat(ft.tag_id) FROM finding_tag ft JOIN tag t ON t.id = ft.tag_id
            WHERE ft.finding_id = f.id AND t.deleted_at IS NULL) AS tag_ids
       FROM active_finding f LEFT JOIN participant p ON p.id = f.participant_id
       WHERE f.study_id = ? ORDER BY f.position, f.id`,
    )
    .all(studyId) as CardRow[];
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    type: r.type,
    terms: PAIN_KINDS.filter((k) => r.terms.includes(k)),
    tagIds: r.tag_ids ? r.tag_ids.split(',').sort() : [],
    stageId: r.stage_id,
    groupId: r.group_id,
    position: r.position,
    participantId: r.participant_id,
    participantCode: r.participant_code,
    sessionId: r.session_id,
    questionId: r.question_id,
    paragraphKey: r.paragraph_key,
    revision: r.revision,
  }));
}

export function loadGroups(db: Database.Database, studyId: string): BoardGroup[] {
  const rows = db
    .prepare('SELECT id, stage_id, theme_id, name, color, collapsed, position, revision FROM affinity_group WHERE study_id = ? ORDER BY position, id')
    .all(studyId) as Array<{ id: string; stage_id: string | null; theme_id: string | null; name: string; color: string; collapsed: number; position: string; revision: number }>;
  return rows.map((r) => ({
    id: r.id,
    stageId: r.stage_id,
    themeId: r.theme_id,
    name: r.name,
    color: r.color,
    collapsed: r.collapsed === 1,
    position: r.position,
    revision: r.revision,
  }));
}

export function loadThemes(db: Database.Database, studyId: string): BoardTheme[] {
  return db.prepare('SELECT id, name, color, position, revision FROM theme WHERE study_id = ? ORDER BY position, id').all(studyId) as BoardTheme[];
}

interface LinkRow {
  id: string;
  from_group_id: string | null;
  from_theme_id: string | null;
  to_group_id: string | null;
  to_theme_id: string | null;
  label: string;
  revision: number;
}

export function loadLinks(db: Database.Database, studyId: string): BoardLink[] {
  const rows = db
    .prepare('SELECT id, from_group_id, from_theme_id, to_group_id, to_theme_id, label, revision FROM causal_link WHERE study_id = ? ORDER BY created_at, id')
    .all(studyId) as LinkRow[];
  return rows.map((r) => ({
    id: r.id,
    from: r.from_group_id ? { kind: 'group', id: r.from_group_id } : { kind: 'theme', id: r.from_theme_id! },
    to: r.to_group_id ? { kind: 'group', id: r.to_group_id } : { kind: 'theme', id: r.to_theme_id! },
    label: r.label,
    revision: r.revision,
  }));
}

/** The board as `actor` sees it: its Undo and Redo are the actor's own. */
export function loadBoard(db: Database.Database, studyId: string, actor: string | null = null): Board {
  return {
    studyId,
    groups: loadGroups(db, studyId),
    themes: loadThemes(db, studyId),
    links: loadLinks(db, studyId),
    cards: loadCards(db, studyId),
    undo: undoState(db, studyId, actor),
  };
}
