// Participants of a study: code, source, status, segment attributes and consent.
import type Database from 'better-sqlite3';
import type { ParticipantSource, ParticipantStatus } from '../../../../shared/domain.js';
import type { ParticipantSummary, SegmentAttributes } from '../../../../shared/api/entities.js';
import { newId, nowIso } from '../ids.js';

export interface NewParticipant {
  code: string;
  realName?: string;
  contact?: string;
  source: ParticipantSource;
  status?: ParticipantStatus;
  attributes?: Partial<SegmentAttributes>;
  consentDate?: string | null;
  consentScope?: string;
}

export function createParticipant(db: Database.Database, studyId: string, p: NewParticipant): string {
  const id = newId();
  db.prepare(
    `INSERT INTO participant (id, study_id, code, real_name, contact, source, status, attributes,
       consent_date, consent_scope, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    studyId,
    p.code,
    p.realName ?? '',
    p.contact ?? '',
    p.source,
    p.status ?? 'recruited',
    JSON.stringify(p.attributes ?? {}),
    p.consentDate ?? null,
    p.consentScope ?? '',
    nowIso(),
  );
  return id;
}

interface ParticipantRow {
  id: string;
  code: string;
  source: ParticipantSource;
  status: ParticipantStatus;
  attributes: string;
  withdrawn_at: string | null;
}

export function listParticipantSummaries(db: Database.Database, studyId: string): ParticipantSummary[] {
  const rows = db
    .prepare(
      'SELECT id, code, source, status, attributes, withdrawn_at FROM participant WHERE study_id = ? ORDER BY code, id',
    )
    .all(studyId) as ParticipantRow[];
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    source: r.source,
    status: r.status,
    withdrawn: r.withdrawn_at !== null,
    attributes: JSON.parse(r.attributes) as ParticipantSummary['attributes'],
  }));
}
