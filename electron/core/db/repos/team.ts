// Rows of live team sessions: the running one (at most one per library), its
// invitations (hashes only) and the people who joined (with their credential's hash).
import type Database from 'better-sqlite3';
import type { TeamRole } from '../../../../shared/api/team-roles.js';
import { newId, nowIso } from '../ids.js';

export interface TeamSessionRow {
  id: string;
  studyId: string;
  address: string;
  port: number;
  secure: boolean;
  certificate: string | null;
  privateKey: string | null;
  fingerprint: string | null;
  startedAt: string;
}

export interface TeamMemberRow {
  id: string;
  teamSessionId: string;
  name: string;
  role: TeamRole;
  color: string;
  joinedAt: string;
  removedAt: string | null;
}

interface SessionRecord {
  id: string;
  study_id: string;
  address: string;
  port: number;
  secure: number;
  certificate: string | null;
  private_key: string | null;
  fingerprint: string | null;
  started_at: string;
}

interface MemberRecord {
  id: string;
  team_session_id: string;
  name: string;
  role: TeamRole;
  color: string;
  joined_at: string;
  removed_at: string | null;
}

const session = (row: SessionRecord): TeamSessionRow => ({
  id: row.id,
  studyId: row.study_id,
  address: row.address,
  port: row.port,
  secure: row.secure === 1,
  certificate: row.certificate,
  privateKey: row.private_key,
  fingerprint: row.fingerprint,
  startedAt: row.started_at,
});

const member = (row: MemberRecord): TeamMemberRow => ({
  id: row.id,
  teamSessionId: row.team_session_id,
  name: row.name,
  role: row.role,
  color: row.color,
  joinedAt: row.joined_at,
  removedAt: row.removed_at,
});

export function runningTeamSession(db: Database.Database): TeamSessionRow | null {
  const row = db.prepare('SELECT * FROM team_session WHERE ended_at IS NULL').get() as SessionRecord | undefined;
  return row ? session(row) : null;
}

export function insertTeamSession(db: Database.Database, fields: Omit<TeamSessionRow, 'id' | 'startedAt'>): TeamSessionRow {
  const id = newId();
  db.prepare(
    `INSERT INTO team_session (id, study_id, address, port, secure, certificate, private_key, fingerprint, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, fields.studyId, fields.address, fields.port, fields.secure ? 1 : 0, fields.certificate, fields.privateKey, fields.fingerprint, nowIso());
  return runningTeamSession(db)!;
}

export function endTeamSession(db: Database.Database, id: string): void {
  db.prepare('UPDATE team_session SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(nowIso(), id);
  db.prepare('DELETE FROM team_invite WHERE team_session_id = ?').run(id);
}

/** Replaces a role's invitation: the old link stops working. */
export function setInvitation(db: Database.Database, teamSessionId: string, role: TeamRole, tokenHash: string): void {
  db.prepare(
    `INSERT INTO team_invite (team_session_id, role, token_hash, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (team_session_id, role) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
  ).run(teamSessionId, role, tokenHash, nowIso());
}

/** The role an invitation of the running team session grants, or null. */
export function invitationRole(db: Database.Database, tokenHash: string): { teamSessionId: string; role: TeamRole } | null {
  const row = db
    .prepare(
      `SELECT i.team_session_id AS teamSessionId, i.role AS role FROM team_invite i
       JOIN team_session s ON s.id = i.team_session_id AND s.ended_at IS NULL WHERE i.token_hash = ?`,
    )
    .get(tokenHash) as { teamSessionId: string; role: TeamRole } | undefined;
  return row ?? null;
}

export function insertMember(
  db: Database.Database,
  fields: { teamSessionId: string; name: string; role: TeamRole; color: string; credentialHash: string },
): TeamMemberRow {
  const id = newId();
  db.prepare('INSERT INTO team_member (id, team_session_id, name, role, color, credential_hash, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    fields.teamSessionId,
    fields.name,
    fields.role,
    fields.color,
    fields.credentialHash,
    nowIso(),
  );
  return memberById(db, id)!;
}

export function memberById(db: Database.Database, id: string): TeamMemberRow | null {
  const row = db.prepare('SELECT * FROM team_member WHERE id = ?').get(id) as MemberRecord | undefined;
  return row ? member(row) : null;
}

/** The person a credential belongs to, while they are in the running team session. */
export function memberByCredential(db: Database.Database, credentialHash: string): TeamMemberRow | null {
  const row = db
    .prepare(
      `SELECT m.* FROM team_member m JOIN team_session s ON s.id = m.team_session_id AND s.ended_at IS NULL
       WHERE m.credential_hash = ? AND m.removed_at IS NULL`,
    )
    .get(credentialHash) as MemberRecord | undefined;
  return row ? member(row) : null;
}

/** The people in a team session, in the order they joined (removed ones left out). */
export function membersOf(db: Database.Database, teamSessionId: string): TeamMemberRow[] {
  return (db.prepare('SELECT * FROM team_member WHERE team_session_id = ? AND removed_at IS NULL ORDER BY joined_at, id').all(teamSessionId) as MemberRecord[]).map(
    member,
  );
}

export function countMembers(db: Database.Database, teamSessionId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM team_member WHERE team_session_id = ?').get(teamSessionId) as { n: number }).n;
}

export function setMemberRole(db: Database.Database, id: string, role: TeamRole): boolean {
  return db.prepare('UPDATE team_member SET role = ? WHERE id = ? AND removed_at IS NULL').run(role, id).changes === 1;
}

export function removeMember(db: Database.Database, id: string): boolean {
  return db.prepare('UPDATE team_member SET removed_at = ? WHERE id = ? AND removed_at IS NULL').run(nowIso(), id).changes === 1;
}
