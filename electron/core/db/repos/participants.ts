// Participants of a study: code, personal data, source, status, segment attributes,
// screening and consent (with withdrawal).
import type Database from 'better-sqlite3';
import type { ParticipantSource, ParticipantStatus } from '../../../../shared/domain.js';
import type { ParticipantSummary, SegmentAttributes } from '../../../../shared/api/entities.js';
import type { Attributes, Participant } from '../../../../shared/api/participants.js';
import { newId, nowIso } from '../ids.js';

export interface NewParticipant {
  code: string;
  realName?: string | undefined;
  contact?: string | undefined;
  source?: ParticipantSource | undefined;
  status?: ParticipantStatus | undefined;
  attributes?: Partial<SegmentAttributes> | undefined;
  screenedRelevant?: boolean | undefined;
  consentDate?: string | null | undefined;
  consentScope?: string | undefined;
}

export function createParticipant(db: Database.Database, studyId: string, p: NewParticipant): string {
  const id = newId();
  db.prepare(
    `INSERT INTO participant (id, study_id, code, real_name, contact, source, status, attributes,
       screened_relevant, consent_date, consent_scope, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    studyId,
    p.code,
    p.realName ?? '',
    p.contact ?? '',
    p.source ?? 'other',
    p.status ?? 'recruited',
    JSON.stringify(p.attributes ?? {}),
    p.screenedRelevant === false ? 0 : 1,
    p.consentDate ?? null,
    p.consentScope ?? '',
    nowIso(),
  );
  return id;
}

interface ParticipantRow {
  id: string;
  study_id: string;
  code: string;
  real_name: string;
  contact: string;
  source: ParticipantSource;
  status: ParticipantStatus;
  attributes: string;
  screened_relevant: number;
  consent_date: string | null;
  consent_scope: string;
  withdrawn_at: string | null;
  session_count: number;
  finding_count: number;
  revision: number;
}

const SELECT = `
  SELECT p.*,
    (SELECT count(*) FROM session s WHERE s.participant_id = p.id) AS session_count,
    (SELECT count(*) FROM finding f WHERE f.participant_id = p.id) AS finding_count
  FROM participant p`;

const toParticipant = (r: ParticipantRow): Participant => ({
  id: r.id,
  studyId: r.study_id,
  code: r.code,
  realName: r.real_name,
  contact: r.contact,
  source: r.source,
  status: r.status,
  attributes: JSON.parse(r.attributes) as Attributes,
  screenedRelevant: r.screened_relevant === 1,
  consentDate: r.consent_date,
  consentScope: r.consent_scope,
  withdrawnAt: r.withdrawn_at,
  sessionCount: r.session_count,
  revision: r.revision,
  findingCount: r.finding_count,
});

export function listParticipants(db: Database.Database, studyId: string): Participant[] {
  const rows = db.prepare(`${SELECT} WHERE p.study_id = ? ORDER BY p.code COLLATE NOCASE, p.id`).all(studyId) as ParticipantRow[];
  return rows.map(toParticipant);
}

export function getParticipant(db: Database.Database, id: string): Participant | undefined {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ParticipantRow | undefined;
  return row && toParticipant(row);
}

export function listParticipantSummaries(db: Database.Database, studyId: string): ParticipantSummary[] {
  return listParticipants(db, studyId).map((p) => ({
    id: p.id,
    code: p.code,
    source: p.source,
    status: p.status,
    withdrawn: p.withdrawnAt !== null,
    attributes: p.attributes,
  }));
}

/** Codes already used in a study, lower-cased (codes are unique per study regardless of case). */
export function participantCodes(db: Database.Database, studyId: string, exceptId: string | null = null): Set<string> {
  const rows = db.prepare('SELECT code FROM participant WHERE study_id = ? AND id IS NOT ?').all(studyId, exceptId) as Array<{
    code: string;
  }>;
  return new Set(rows.map((r) => r.code.toLowerCase()));
}

export function updateParticipant(db: Database.Database, id: string, p: Partial<NewParticipant>): void {
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (p.code !== undefined) set('code', p.code);
  if (p.realName !== undefined) set('real_name', p.realName);
  if (p.contact !== undefined) set('contact', p.contact);
  if (p.source !== undefined) set('source', p.source);
  if (p.status !== undefined) set('status', p.status);
  if (p.attributes !== undefined) set('attributes', JSON.stringify(p.attributes));
  if (p.screenedRelevant !== undefined) set('screened_relevant', p.screenedRelevant ? 1 : 0);
  if (p.consentDate !== undefined) set('consent_date', p.consentDate);
  if (p.consentScope !== undefined) set('consent_scope', p.consentScope);
  if (sets.length === 0) return;
  db.prepare(`UPDATE participant SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
}

export function setWithdrawn(db: Database.Database, id: string, withdrawn: boolean): void {
  db.prepare('UPDATE participant SET withdrawn_at = ? WHERE id = ?').run(withdrawn ? nowIso() : null, id);
}

export function deleteParticipant(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM participant WHERE id = ?').run(id);
}
