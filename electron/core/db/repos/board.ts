// The affinity board's structure: groups (level 1), themes and cause-effect links (level 2).
import type Database from 'better-sqlite3';
import { newId, nowIso, positionAfter } from '../ids.js';

export function createTheme(db: Database.Database, studyId: string, name: string, color: string, id = newId()): string {
  const last = db.prepare('SELECT max(position) AS p FROM theme WHERE study_id = ?').get(studyId) as { p: string | null };
  db.prepare('INSERT INTO theme (id, study_id, name, color, position, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    studyId,
    name,
    color,
    positionAfter(last.p),
    nowIso(),
  );
  return id;
}

export interface NewGroup {
  name: string;
  stageId: string | null;
  color: string;
  themeId: string | null;
}

export function createGroup(db: Database.Database, studyId: string, g: NewGroup, id = newId()): string {
  const last = db
    .prepare('SELECT max(position) AS p FROM affinity_group WHERE study_id = ? AND stage_id IS ?')
    .get(studyId, g.stageId) as { p: string | null };
  db.prepare(
    `INSERT INTO affinity_group (id, study_id, stage_id, theme_id, name, color, position, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, studyId, g.stageId, g.themeId, g.name, g.color, positionAfter(last.p), nowIso());
  return id;
}

/** Puts a finding at the end of a group (its stage follows the group's column). */
export function moveFindingToGroup(db: Database.Database, findingId: string, groupId: string): void {
  const group = db.prepare('SELECT study_id, stage_id FROM affinity_group WHERE id = ?').get(groupId) as
    | { study_id: string; stage_id: string | null }
    | undefined;
  if (!group) throw new Error('group not found');
  const last = db.prepare('SELECT max(position) AS p FROM finding WHERE group_id = ?').get(groupId) as {
    p: string | null;
  };
  db.prepare('UPDATE finding SET group_id = ?, stage_id = ?, position = ?, updated_at = ? WHERE id = ?').run(
    groupId,
    group.stage_id,
    positionAfter(last.p),
    nowIso(),
    findingId,
  );
}

export type LinkEnd = { kind: 'group' | 'theme'; id: string };

/** Creates a link; the id may be chosen up front (the board's undo log records it before the insert). */
export function createCausalLink(db: Database.Database, studyId: string, from: LinkEnd, to: LinkEnd, label: string, id = newId()): string {
  db.prepare(
    `INSERT INTO causal_link (id, study_id, from_group_id, from_theme_id, to_group_id, to_theme_id, label, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    studyId,
    from.kind === 'group' ? from.id : null,
    from.kind === 'theme' ? from.id : null,
    to.kind === 'group' ? to.id : null,
    to.kind === 'theme' ? to.id : null,
    label,
    nowIso(),
  );
  return id;
}
