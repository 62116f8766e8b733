// Real ids for hostile input: ids of rows that exist, chosen by what a field's name
// points at, and a study to point into (seeded again when a call deleted the last).
import path from 'node:path';
import type { Library } from '../../../electron/core/library.js';
import { readSampleStudy, seedSampleStudy } from '../../../electron/core/services/sample/seed.js';

/** Tables a field's ids come from, where the field's name does not say so plainly. */
const FIELD_TABLES: Record<string, string[]> = {
  stage: ['journey_stage'],
  moveTo: ['journey_stage'],
  group: ['affinity_group'],
  link: ['causal_link'],
  item: ['persona_item', 'journey_item'],
  version: ['guide_version'],
  guideVersion: ['guide_version'],
  section: ['guide_section'],
  question: ['guide_question'],
  map: ['journey_map'],
  source: ['tag'],
  target: ['tag'],
  parent: ['tag'],
};

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Ids of existing rows by table (a few per table), and a chooser that gives an
 * operation's id fields ids from the table their name points at (`studyId` gets
 * study ids; an `id` of `board.updateGroup` gets group ids), so hostile input
 * reaches the handlers' real paths and not only "not found".
 */
export function idPool(library: Library, perTable = 40): (operation: string) => (field: string | null) => readonly string[] {
  const db = library.context.db;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const byTable = new Map<string, string[]>();
  for (const table of tables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    if (!columns.includes('id')) continue;
    byTable.set(table, db.prepare(`SELECT id FROM "${table}" WHERE typeof(id) = 'text' LIMIT ?`).pluck().all(perTable) as string[]);
  }
  const all = [...byTable.values()].flat();
  const idsOf = (noun: string) => (FIELD_TABLES[noun] ?? [snakeCase(noun)]).flatMap((table) => byTable.get(table) ?? []);
  return (operation) => {
    const [area = '', action = ''] = operation.split('.');
    const actionNoun = /[A-Z][a-z]+$/.exec(action)?.[0].toLowerCase() ?? '';
    return (field) => {
      const noun = field === null || field === 'id' ? null : field.replace(/Ids?$/, '');
      const ids = noun === null ? [...idsOf(actionNoun), ...idsOf(area)] : idsOf(noun);
      return ids.length > 0 ? ids : all;
    };
  };
}

/** Seeds the sample study again when no study is left outside the trash. */
export function ensureLiveStudy(library: Library): void {
  const db = library.context.db;
  if (db.prepare('SELECT 1 FROM study WHERE deleted_at IS NULL LIMIT 1').get()) return;
  seedSampleStudy(library.context, readSampleStudy(path.join(library.context.resourcesDir, 'sample-study', 'study.json')));
}
