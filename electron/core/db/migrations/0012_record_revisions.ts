// Schema version 12: every editable record carries a revision, bumped on every change
// of the record, so an edit can name the revision it was based on. Triggers bump it,
// whatever code path writes (edits, board undo, imports), and never a caller: a write
// that sets the revision itself (a row brought back whole by undo) is left as written.
// A change of a record's list (a finding's tags, a stage's touchpoints, a statement's
// cited evidence, a map's emotions) is a change of the record too.
//
// `field_revision` says at which revision each text field last changed, so an edit
// based on a revision is refused only when the field it edits changed since: edits of
// different fields of one record still merge. Its rows outlive a deleted record (ids
// and numbers only), so a group or link brought back by undo keeps its history.
export const version = 12;

interface Revised {
  table: string;
  /** Text fields whose last change is kept in field_revision. */
  fields: readonly string[];
}

const REVISED: readonly Revised[] = [
  { table: 'study', fields: ['name', 'goal', 'product'] },
  { table: 'journey_stage', fields: ['name', 'description', 'information_needs'] },
  { table: 'participant', fields: ['code', 'real_name', 'contact', 'consent_scope', 'source', 'status'] },
  { table: 'tag', fields: ['name', 'definition', 'usage_rule'] },
  { table: 'guide', fields: ['title'] },
  { table: 'guide_section', fields: ['title'] },
  { table: 'guide_question', fields: ['text', 'purpose'] },
  { table: 'finding', fields: ['text'] },
  { table: 'affinity_group', fields: ['name'] },
  { table: 'theme', fields: ['name'] },
  { table: 'causal_link', fields: ['label'] },
  { table: 'persona', fields: ['name', 'age', 'occupation', 'income', 'description'] },
  { table: 'persona_item', fields: ['text'] },
  { table: 'journey_map', fields: ['title'] },
  { table: 'journey_item', fields: ['text'] },
];

/** Lists whose rows are part of another record: adding or removing one changes that record. */
const LISTS: ReadonlyArray<{ table: string; parent: string; key: string }> = [
  { table: 'finding_tag', parent: 'finding', key: 'finding_id' },
  { table: 'touchpoint', parent: 'journey_stage', key: 'stage_id' },
  { table: 'influencer', parent: 'journey_stage', key: 'stage_id' },
  { table: 'persona_participant', parent: 'persona', key: 'persona_id' },
  { table: 'persona_item_evidence', parent: 'persona_item', key: 'item_id' },
  { table: 'journey_item_evidence', parent: 'journey_item', key: 'item_id' },
  { table: 'journey_emotion', parent: 'journey_map', key: 'map_id' },
];

const bump = (table: string) => /* sql */ `
ALTER TABLE ${table} ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER revision_${table} AFTER UPDATE ON ${table} WHEN NEW.revision IS OLD.revision BEGIN
  UPDATE ${table} SET revision = OLD.revision + 1 WHERE id = NEW.id;
END;`;

const fieldTrigger = (table: string, field: string) => /* sql */ `
CREATE TRIGGER field_revision_${table}_${field} AFTER UPDATE OF ${field} ON ${table} WHEN NEW.${field} IS NOT OLD.${field} BEGIN
  INSERT INTO field_revision (tbl, id, field, revision) VALUES ('${table}', NEW.id, '${field}', OLD.revision + 1)
    ON CONFLICT (tbl, id, field) DO UPDATE SET revision = excluded.revision;
END;`;

const listTriggers = ({ table, parent, key }: (typeof LISTS)[number]) => /* sql */ `
CREATE TRIGGER revision_${parent}_on_${table}_insert AFTER INSERT ON ${table} BEGIN
  UPDATE ${parent} SET revision = revision + 1 WHERE id = NEW.${key};
END;
CREATE TRIGGER revision_${parent}_on_${table}_update AFTER UPDATE ON ${table}${table === 'journey_emotion' ? ' WHEN NEW.revision IS OLD.revision' : ''} BEGIN
  UPDATE ${parent} SET revision = revision + 1 WHERE id IN (OLD.${key}, NEW.${key});
END;
CREATE TRIGGER revision_${parent}_on_${table}_delete AFTER DELETE ON ${table} BEGIN
  UPDATE ${parent} SET revision = revision + 1 WHERE id = OLD.${key};
END;`;

export const sql = /* sql */ `
CREATE TABLE field_revision (
  tbl      TEXT NOT NULL,
  id       TEXT NOT NULL,
  field    TEXT NOT NULL,
  revision INTEGER NOT NULL,
  PRIMARY KEY (tbl, id, field)
) WITHOUT ROWID;
${REVISED.map((r) => bump(r.table) + r.fields.map((f) => fieldTrigger(r.table, f)).join('')).join('\n')}
-- An emotion score is a record of its own too (the map's emotion curve is also the map's).
ALTER TABLE journey_emotion ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER revision_journey_emotion AFTER UPDATE ON journey_emotion WHEN NEW.revision IS OLD.revision BEGIN
  UPDATE journey_emotion SET revision = OLD.revision + 1 WHERE map_id = NEW.map_id AND stage_id = NEW.stage_id;
END;
${LISTS.map(listTriggers).join('\n')}
`;
