// What a field edit was based on, checked before it is written. An edit names, per field,
// the value it started from, or the revision of the record it started from (or both).
// A field saved otherwise since is refused with its value now; fields the edit does not
// touch never conflict, so edits of different fields of one record merge. With only a
// revision, the field's own last change (field_revision, kept by triggers) decides: a
// record changed since in another field, or moved, does not refuse the edit.
import type { ServiceContext } from './context.js';
import { checkBasedOn, editConflict } from './errors.js';

/** The tables whose records carry a revision and keep their text fields' last change. */
export type RevisedTable =
  | 'study'
  | 'journey_stage'
  | 'participant'
  | 'tag'
  | 'guide'
  | 'guide_section'
  | 'guide_question'
  | 'finding'
  | 'affinity_group'
  | 'theme'
  | 'causal_link'
  | 'persona'
  | 'persona_item'
  | 'journey_map'
  | 'journey_item';

export type EditBase<K extends string> = { readonly [P in K]?: string } & { readonly revision?: number };

const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Refuses the edit (`next`) of `record` when a field it writes changed since `basedOn`.
 * `current` holds the fields' values now; `fields` lists the text fields that are checked.
 */
export function checkEdit<K extends string>(
  ctx: ServiceContext,
  record: { table: RevisedTable; id: string },
  fields: readonly K[],
  current: { readonly [P in NoInfer<K>]: string },
  basedOn: EditBase<NoInfer<K>> | undefined,
  next: { readonly [P in NoInfer<K>]?: unknown },
): void {
  if (!basedOn) return;
  const { revision } = basedOn;
  const unchangedSince =
    revision === undefined || ctx.db.prepare(`SELECT revision FROM ${record.table} WHERE id = ?`).pluck().get(record.id) === revision;
  const changedAt = ctx.db.prepare('SELECT revision FROM field_revision WHERE tbl = ? AND id = ? AND field = ?').pluck();
  for (const field of fields) {
    const value = next[field];
    if (typeof value !== 'string') continue;
    const base = basedOn[field];
    if (base !== undefined) checkBasedOn(current[field], base, value);
    else if (!unchangedSince && current[field] !== value) {
      const at = changedAt.get(record.table, record.id, column(field)) as number | undefined;
      if (at !== undefined && revision !== undefined && at > revision) throw editConflict(current[field]);
    }
  }
}
