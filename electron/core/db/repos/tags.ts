// The codebook: tags with a definition and usage rule, two levels deep.
import type Database from 'better-sqlite3';
import { newId, nowIso } from '../ids.js';

export interface NewTag {
  name: string;
  definition?: string;
  usageRule?: string;
  color?: string;
  parentId?: string | null;
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
