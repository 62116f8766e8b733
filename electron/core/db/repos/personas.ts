// Personas: a segment written as one believable person, each statement citing findings.
import type Database from 'better-sqlite3';
import type { PersonaList } from '../../../../shared/domain.js';
import { newId, nowIso, positionAfter } from '../ids.js';

export interface NewPersona {
  name: string;
  avatar?: string;
  age?: string;
  occupation?: string;
  income?: string;
  description?: string;
  participantIds?: readonly string[];
}

export function createPersona(db: Database.Database, studyId: string, p: NewPersona): string {
  const last = db.prepare('SELECT max(position) AS p FROM persona WHERE study_id = ?').get(studyId) as {
    p: string | null;
  };
  const id = newId();
  const now = nowIso();
  db.prepare(
    `INSERT INTO persona (id, study_id, name, avatar, age, occupation, income, description, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    studyId,
    p.name,
    p.avatar ?? '',
    p.age ?? '',
    p.occupation ?? '',
    p.income ?? '',
    p.description ?? '',
    positionAfter(last.p),
    now,
    now,
  );
  const member = db.prepare('INSERT OR IGNORE INTO persona_participant (persona_id, participant_id) VALUES (?, ?)');
  for (const participantId of p.participantIds ?? []) member.run(id, participantId);
  return id;
}

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
  const cite = db.prepare('INSERT OR IGNORE INTO persona_item_evidence (item_id, finding_id) VALUES (?, ?)');
  for (const findingId of evidence) cite.run(id, findingId);
  return id;
}
