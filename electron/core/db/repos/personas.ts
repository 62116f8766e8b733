// Personas: a segment written as one believable person. This module keeps the persona
// rows and who they stand for; persona-items.ts keeps their statements.
import type Database from 'better-sqlite3';
import type { SegmentFilter } from '../../../../shared/api/personas.js';
import type { ParticipantSource, PersonaList } from '../../../../shared/domain.js';
import { newId, nowIso, positionAfter, positionForMove } from '../ids.js';
import { linkEvidence } from './evidence.js';

export interface PersonaFieldValues {
  name?: string | undefined;
  avatar?: string | undefined;
  age?: string | undefined;
  occupation?: string | undefined;
  income?: string | undefined;
  description?: string | undefined;
}

export interface NewPersona extends PersonaFieldValues {
  name: string;
  segment?: SegmentFilter | null;
  participantIds?: readonly string[];
}

export interface PersonaRow {
  id: string;
  study_id: string;
  name: string;
  avatar: string;
  age: string;
  occupation: string;
  income: string;
  description: string;
  segment_filter: string | null;
  position: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

export function createPersona(db: Database.Database, studyId: string, p: NewPersona): string {
  const last = db.prepare('SELECT max(position) AS p FROM persona WHERE study_id = ?').get(studyId) as {
    p: string | null;
  };
  const id = newId();
  const now = nowIso();
  db.prepare(
    `INSERT INTO persona (id, study_id, name, avatar, age, occupation, income, description, segment_filter, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    studyId,
    p.name,
    p.avatar ?? '',
    p.age ?? '',
    p.occupation ?? '',
    p.income ?? '',
    p.description ?? '',
    p.segment ? JSON.stringify(p.segment) : null,
    positionAfter(last.p),
    now,
    now,
  );
  setPersonaParticipants(db, id, p.participantIds ?? []);
  return id;
}

export function getPersonaRow(db: Database.Database, id: string): PersonaRow | undefined {
  return db.prepare('SELECT * FROM persona WHERE id = ?').get(id) as PersonaRow | undefined;
}

export function listPersonaRows(db: Database.Database, studyId: string): PersonaRow[] {
  return db.prepare('SELECT * FROM persona WHERE study_id = ? ORDER BY position, id').all(studyId) as PersonaRow[];
}

/** Marks a persona as changed now: its PERSONAL "long-lived" check reads this. */
export function touchPersona(db: Database.Database, id: string): void {
  db.prepare('UPDATE persona SET updated_at = ? WHERE id = ?').run(nowIso(), id);
}

export function updatePersonaFields(db: Database.Database, id: string, f: PersonaFieldValues): void {
  db.prepare(
    `UPDATE persona SET name = coalesce(?, name), avatar = coalesce(?, avatar), age = coalesce(?, age),
       occupation = coalesce(?, occupation), income = coalesce(?, income), description = coalesce(?, description)
     WHERE id = ?`,
  ).run(f.name ?? null, f.avatar ?? null, f.age ?? null, f.occupation ?? null, f.income ?? null, f.description ?? null, id);
  touchPersona(db, id);
}

/** Replaces who the persona stands for; `segment` records how they were chosen (null: by hand). */
export function setPersonaMembers(db: Database.Database, id: string, segment: SegmentFilter | null, participantIds: readonly string[]): void {
  db.prepare('UPDATE persona SET segment_filter = ? WHERE id = ?').run(segment ? JSON.stringify(segment) : null, id);
  db.prepare('DELETE FROM persona_participant WHERE persona_id = ?').run(id);
  setPersonaParticipants(db, id, participantIds);
  touchPersona(db, id);
}

function setPersonaParticipants(db: Database.Database, id: string, participantIds: readonly string[]): void {
  const member = db.prepare('INSERT OR IGNORE INTO persona_participant (persona_id, participant_id) VALUES (?, ?)');
  for (const participantId of participantIds) member.run(id, participantId);
}

export interface PersonaParticipant {
  id: string;
  code: string;
  source: ParticipantSource;
}

/** The persona's participants who have not withdrawn, by code. */
export function personaParticipants(db: Database.Database, personaId: string): PersonaParticipant[] {
  return db
    .prepare(
      `SELECT p.id, p.code, p.source FROM persona_participant pp JOIN active_participant p ON p.id = pp.participant_id
       WHERE pp.persona_id = ? ORDER BY p.code COLLATE NOCASE, p.id`,
    )
    .all(personaId) as PersonaParticipant[];
}

/** Reorders a persona before `beforeId` (null: last); false when `beforeId` is not a persona of the study. */
export function movePersona(db: Database.Database, id: string, studyId: string, beforeId: string | null): boolean {
  const siblings = db.prepare('SELECT id, position FROM persona WHERE study_id = ? ORDER BY position, id').all(studyId) as Array<{ id: string; position: string }>;
  const position = positionForMove(siblings, id, beforeId);
  if (position === null) return false;
  db.prepare('UPDATE persona SET position = ? WHERE id = ?').run(position, id);
  return true;
}

export function deletePersona(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM persona WHERE id = ?').run(id);
}

/** Appends a statement to one of the persona's lists, citing `evidence`. */
export function addPersonaItem(
  db: Database.Database,
  personaId: string,
  list: PersonaList,
  text: string,
  evidence: readonly string[],
): string {
  const last = db
    .prepare('SELECT max(position) AS p FROM persona_item WHERE persona_id = ? AND list = ?')
    .get(personaId, list) as { p: string | null };
  const id = newId();
  db.prepare('INSERT INTO persona_item (id, persona_id, list, text, position) VALUES (?, ?, ?, ?, ?)').run(
    id,
    personaId,
    list,
    text,
    positionAfter(last.p),
  );
  linkEvidence(db, 'persona_item_evidence', id, evidence);
  return id;
}
