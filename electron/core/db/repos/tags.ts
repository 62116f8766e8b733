// The codebook: tags with a definition and usage rule, two levels deep. Deleting a
// tag moves it to the trash (its uses stay, hidden, so restoring brings them back);
// merging moves every use and child onto the surviving tag.
//
// A child keeps its link to a parent in the trash, so restoring the parent brings the
// hierarchy back. While the parent is in the trash the link is dormant: every read
// gives the child `parentId: null`, and it is an ordinary top-level tag.
import type Database from 'better-sqlite3';
import type { Tag } from '../../../../shared/api/codebook.js';
import { newId, nowIso } from '../ids.js';

export interface NewTag {
  name: string;
  definition?: string | undefined;
  usageRule?: string | undefined;
  color?: string | undefined;
  parentId?: string | null | undefined;
}

interface TagRow {
  id: string;
  study_id: string;
  /** The parent while it is live; null for a top-level tag or one whose parent is in the trash. */
  live_parent_id: string | null;
  name: string;
  definition: string;
  usage_rule: string;
  color: string;
  deleted_at: string | null;
  uses: number;
  revision: number;
}

const SELECT = `SELECT t.id, t.study_id, t.name, t.definition, t.usage_rule, t.color, t.deleted_at, t.revision,
  CASE WHEN p.deleted_at IS NULL THEN t.parent_id END AS live_parent_id,
  (SELECT count(*) FROM finding_tag ft WHERE ft.tag_id = t.id) AS uses
  FROM tag t LEFT JOIN tag p ON p.id = t.parent_id`;

const toTag = (r: TagRow): Tag => ({
  id: r.id,
  studyId: r.study_id,
  parentId: r.live_parent_id,
  name: r.name,
  definition: r.definition,
  usageRule: r.usage_rule,
  color: r.color,
  uses: r.uses,
  deletedAt: r.deleted_at,
  revision: r.revision,
});

export function listTags(db: Database.Database, studyId: string, trash: boolean): Tag[] {
  const rows = db
    .prepare(`${SELECT} WHERE t.study_id = ? AND (t.deleted_at IS NOT NULL) = ? ORDER BY t.name COLLATE NOCASE, t.id`)
    .all(studyId, trash ? 1 : 0) as TagRow[];
  return rows.map(toTag);
}

export function getTag(db: Database.Database, id: string): Tag | undefined {
  const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TagRow | undefined;
  return row && toTag(row);
}

export function createTag(db: Database.Database, studyId: string, tag: NewTag): string {
  const id = newId();
  db.prepare(
    `INSERT INTO tag (id, study_id, parent_id, name, definition, usage_rule, color, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    studyId,
    tag.parentId ?? null,
    tag.name,
    tag.definition ?? '',
    tag.usageRule ?? '',
    tag.color ?? '#64748b',
    nowIso(),
  );
  return id;
}

export function updateTag(db: Database.Database, id: string, tag: Partial<NewTag>): void {
  const current = getTag(db, id);
  if (!current) return;
  // The parent is written only when given, so an edit keeps a dormant link (see above).
  db.prepare(
    'UPDATE tag SET name = ?, definition = ?, usage_rule = ?, color = ?, parent_id = iif(?, ?, parent_id) WHERE id = ?',
  ).run(
    tag.name ?? current.name,
    tag.definition ?? current.definition,
    tag.usageRule ?? current.usageRule,
    tag.color ?? current.color,
    tag.parentId === undefined ? 0 : 1,
    tag.parentId ?? null,
    id,
  );
}

export function setTagDeleted(db: Database.Database, id: string, deleted: boolean): void {
  db.prepare('UPDATE tag SET deleted_at = ? WHERE id = ?').run(deleted ? nowIso() : null, id);
}

export function hasChildren(db: Database.Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM tag WHERE parent_id = ? AND deleted_at IS NULL LIMIT 1').get(id) !== undefined;
}

/** The live children of a tag, counting those whose link is dormant because the tag is in the trash. */
function childIds(db: Database.Database, id: string): string[] {
  return (db.prepare('SELECT id FROM tag WHERE parent_id = ? AND deleted_at IS NULL').all(id) as Array<{ id: string }>).map((r) => r.id);
}

function moveToTopLevel(db: Database.Database, id: string): void {
  db.prepare('UPDATE tag SET parent_id = NULL WHERE id = ?').run(id);
}

/**
 * After a tag comes back from the trash, wakes the dormant links around it without
 * breaking the two levels: a child whose parent has meanwhile become a child itself
 * goes to the top level, and so does a former child that has meanwhile got children of
 * its own. Every other former child is back under the restored tag.
 */
export function settleRestoredTag(db: Database.Database, id: string): void {
  const tag = getTag(db, id);
  if (!tag) return;
  const children = childIds(db, id);
  if (tag.parentId !== null && (children.length > 0 || getTag(db, tag.parentId)?.parentId !== null)) moveToTopLevel(db, id);
  for (const child of children) if (hasChildren(db, child)) moveToTopLevel(db, child);
}

/**
 * Moves the source tag's uses onto the target and its children under `childrenParentId`
 * (the target, or the target's parent when the target is itself a child, so the
 * codebook stays two levels deep), then deletes the source for good.
 */
export function mergeTags(db: Database.Database, sourceId: string, targetId: string, childrenParentId: string | null): void {
  db.prepare(
    'INSERT OR IGNORE INTO finding_tag (finding_id, tag_id) SELECT finding_id, ? FROM finding_tag WHERE tag_id = ?',
  ).run(targetId, sourceId);
  db.prepare('UPDATE tag SET parent_id = ? WHERE parent_id = ? AND id <> ?').run(childrenParentId, sourceId, targetId);
  db.prepare('DELETE FROM tag WHERE id = ?').run(sourceId);
}
