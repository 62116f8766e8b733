// A persona's statements: one row per motivation, goal, challenge, quote... in its
// list, ordered by a fractional position, each citing findings (evidence.ts).
import type Database from 'better-sqlite3';
import type { PersonaItem } from '../../../../shared/api/personas.js';
import type { PersonaList } from '../../../../shared/domain.js';
import { positionForMove } from '../ids.js';
import { loadEvidence } from './evidence.js';

interface ItemRow {
  id: string;
  persona_id: string;
  list: PersonaList;
  text: string;
  position: string;
  revision: number;
}

/** The persona an item belongs to, with its study; undefined for an unknown item. */
export function itemPlace(db: Database.Database, itemId: string): { personaId: string; studyId: string; list: PersonaList } | undefined {
  return db
    .prepare('SELECT i.persona_id AS personaId, p.study_id AS studyId, i.list FROM persona_item i JOIN persona p ON p.id = i.persona_id WHERE i.id = ?')
    .get(itemId) as { personaId: string; studyId: string; list: PersonaList } | undefined;
}

export function listPersonaItems(db: Database.Database, personaId: string): PersonaItem[] {
  const rows = db.prepare('SELECT * FROM persona_item WHERE persona_id = ? ORDER BY list, position, id').all(personaId) as ItemRow[];
  const evidence = loadEvidence(db, 'persona_item_evidence', rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, list: r.list, text: r.text, position: r.position, evidence: evidence.get(r.id) ?? [], revision: r.revision }));
}

export function updatePersonaItemText(db: Database.Database, itemId: string, text: string): void {
  db.prepare('UPDATE persona_item SET text = ? WHERE id = ?').run(text, itemId);
}

/** Moves an item into `list` before `beforeId` (null: last); false when `beforeId` is not in that list. */
export function movePersonaItem(db: Database.Database, itemId: string, personaId: string, list: PersonaList, beforeId: string | null): boolean {
  const siblings = db
    .prepare('SELECT id, position FROM persona_item WHERE persona_id = ? AND list = ? ORDER BY position, id')
    .all(personaId, list) as Array<{ id: string; position: string }>;
  const position = positionForMove(siblings, itemId, beforeId);
  if (position === null) return false;
  db.prepare('UPDATE persona_item SET list = ?, position = ? WHERE id = ?').run(list, position, itemId);
  return true;
}

export function deletePersonaItem(db: Database.Database, itemId: string): void {
  db.prepare('DELETE FROM persona_item WHERE id = ?').run(itemId);
}
