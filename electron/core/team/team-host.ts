// The live team session runtime: at most one per library. Starting one picks a
// certificate (HTTPS unless the host trusts the network), opens the guest listener on
// the one address the host chose, and makes one invitation per role; the tokens live
// only in this process (the library keeps their hashes), so links are shown here and
// nowhere else. People who join get a credential; removing one closes their connection
// at once; new links leave people already in; ending kills every link and credential.
// A team session still running when the host stopped (a crash, a quit) resumes when
// the library opens again, on the same address and certificate, with new links.
import type { z } from 'zod';
import { SOCKET_CLOSE } from '../../../shared/api/browser-mode.js';
import type { TeamJoin, TeamJoined, TeamMe, TeamStart, TeamStatus } from '../../../shared/api/team.js';
import { TEAM_ROLES, type TeamRole } from '../../../shared/api/team-roles.js';
import type { Library } from '../library.js';
import { teamScope } from '../changes/team-scope.js';
import {
  countMembers,
  endTeamSession,
  insertMember,
  insertTeamSession,
  invitationRole,
  memberById,
  membersOf,
  removeMember,
  runningTeamSession,
  setInvitation,
  setMemberRole,
  type TeamSessionRow,
} from '../db/repos/team.js';
import { DomainError, notFound } from '../services/errors.js';
import { runInTransaction } from '../services/dispatch.js';
import { makeCertificate } from './certificate.js';
import type { TeamControl } from './control.js';
import { startGuestServer, type GuestLimits, type GuestServer } from './guest-server.js';
import { isOfferedAddress } from './interfaces.js';
import { qrSvg } from './qr-svg.js';
import { hashSecret, newSecret } from './secrets.js';

/** Colours people are told apart by on the board (cursors, avatars), in joining order. */
const PERSON_COLOURS = ['#d1495b', '#00798c', '#edae49', '#66a182', '#8d5a97', '#2e4057', '#e07a5f', '#3d85c6', '#b5651d', '#4f772d', '#c03d8a', '#5c6bc0'];

/** People one team session takes at most (a workshop, with room to spare). */
export const MAX_TEAM_MEMBERS = 40;

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0']);

export interface TeamHostOptions {
  rendererDir: string;
  limits?: Partial<GuestLimits>;
  /** Addresses accepted beyond this computer's interfaces' (none in the app; tests use loopback, which is one). */
  isOffered?: (address: string) => boolean;
}

export class TeamHost implements TeamControl {
  private server: GuestServer | null = null;
  private readonly invitations = new Map<TeamRole, string>();

  constructor(
    private readonly library: Library,
    private readonly options: TeamHostOptions,
  ) {}

  private get db() {
    return this.library.context.db;
  }

  async start(input: z.output<typeof TeamStart>): Promise<TeamStatus> {
    if (this.server || runningTeamSession(this.db)) throw new DomainError('conflict', 'A team session is already running.', 'team.already_running');
    if (ANY_ADDRESS.has(input.ip) || !(this.options.isOffered ?? isOfferedAddress)(input.ip)) {
      throw new DomainError('invalid_input', 'Choose one of this computer’s network addresses.', 'team.bad_address');
    }
    const study = this.db.prepare('SELECT id FROM study WHERE id = ? AND deleted_at IS NULL').get(input.studyId);
    if (!study) throw notFound('Study');
    const certificate = input.trustedNetwork ? null : await makeCertificate(input.ip);
    const server = await this.listen(input.ip, input.port ?? 0, certificate);
    try {
      runInTransaction(this.library.context, () => {
        const row = insertTeamSession(this.db, {
          studyId: input.studyId,
          address: input.ip,
          port: server.port,
          secure: certificate !== null,
          certificate: certificate?.certificate ?? null,
          privateKey: certificate?.privateKey ?? null,
          fingerprint: certificate?.fingerprint ?? null,
        });
        this.newInvitations(row);
        this.library.events.touch(row.studyId, 'team');
      });
    } catch (error) {
      this.invitations.clear();
      await server.close(SOCKET_CLOSE.teamEnded);
      throw error;
    }
    this.server = server;
    return this.status()!;
  }

  /** Takes up a team session left running when the host stopped; ends it when its address is gone. */
  async resume(): Promise<void> {
    const row = runningTeamSession(this.db);
    if (!row || this.server) return;
    try {
      const tls = row.certificate && row.privateKey ? { certificate: row.certificate, privateKey: row.privateKey } : null;
      this.server = await this.listen(row.address, row.port, tls);
    } catch {
      runInTransaction(this.library.context, () => {
        endTeamSession(this.db, row.id);
        this.library.events.touch(row.studyId, 'team');
      });
      return;
    }
    runInTransaction(this.library.context, () => {
      this.newInvitations(row);
      this.library.events.touch(row.studyId, 'team');
    });
  }

  private listen(address: string, port: number, tls: { certificate: string; privateKey: string } | null): Promise<GuestServer> {
    return startGuestServer({
      library: this.library,
      rendererDir: this.options.rendererDir,
      address,
      port,
      tls,
      onPresence: () => this.announcePresence(),
      ...(this.options.limits ? { limits: this.options.limits } : {}),
    });
  }

  /** Tells the host's windows who is connected now (relayed, never stored). */
  private announcePresence(): void {
    // Sockets also close as the listener stops, when the library may be closing too.
    const server = this.server;
    if (!server) return;
    let row: TeamSessionRow | null;
    try {
      row = runningTeamSession(this.db);
    } catch {
      return;
    }
    if (row) this.library.events.emit('team.presence', { teamSessionId: row.id, connected: [...server.connectedMembers()] });
  }

  private newInvitations(row: TeamSessionRow): void {
    for (const role of TEAM_ROLES) {
      const token = newSecret();
      setInvitation(this.db, row.id, role, hashSecret(token));
      this.invitations.set(role, token);
    }
  }

  private running(): TeamSessionRow {
    const row = runningTeamSession(this.db);
    if (!row) throw new DomainError('not_found', 'No team session is running.', 'team.not_running');
    return row;
  }

  status(): TeamStatus | null {
    const row = runningTeamSession(this.db);
    if (!row) return null;
    const origin = this.server?.origin ?? `${row.secure ? 'https' : 'http'}://${row.address}:${row.port}`;
    const connected = this.server?.connectedMembers() ?? new Set<string>();
    const links = TEAM_ROLES.flatMap((role) => {
      const token = this.invitations.get(role);
      if (!token) return [];
      // Everything after # stays in the browser: the token never reaches a server log or a Referer.
      const fingerprint = row.fingerprint ? `&fp=${row.fingerprint.replaceAll(':', '')}` : '';
      const url = `${origin}/#/team/join?invitation=${token}&role=${role}${fingerprint}`;
      return [{ role, url, qrSvg: qrSvg(url) }];
    });
    return {
      teamSessionId: row.id,
      studyId: row.studyId,
      ip: row.address,
      port: row.port,
      secure: row.secure,
      fingerprint: row.fingerprint,
      startedAt: row.startedAt,
      links,
      people: membersOf(this.db, row.id).map((member) => ({
        memberId: member.id,
        name: member.name,
        role: member.role,
        color: member.color,
        connected: connected.has(member.id),
        joinedAt: member.joinedAt,
      })),
    };
  }

  setRole(memberId: string, role: TeamRole): TeamStatus {
    const row = this.running();
    const member = memberById(this.db, memberId);
    if (!member || member.teamSessionId !== row.id || !setMemberRole(this.db, memberId, role)) throw notFound('Person');
    this.library.events.touch(row.studyId, 'team');
    // Their page asks who it is now and listens again, with the new role's view.
    if (member.role !== role) setImmediate(() => this.server?.closeMember(memberId, SOCKET_CLOSE.roleChanged, 'role changed'));
    return this.status()!;
  }

  remove(memberId: string): TeamStatus {
    const row = this.running();
    const member = memberById(this.db, memberId);
    if (!member || member.teamSessionId !== row.id || !removeMember(this.db, memberId)) throw notFound('Person');
    this.library.events.touch(row.studyId, 'team');
    setImmediate(() => this.server?.closeMember(memberId, SOCKET_CLOSE.removed, 'removed'));
    return this.status()!;
  }

  rotateLinks(): TeamStatus {
    const row = this.running();
    this.newInvitations(row);
    this.library.events.touch(row.studyId, 'team');
    return this.status()!;
  }

  async end(): Promise<{ id: string } | null> {
    const row = runningTeamSession(this.db);
    if (row) {
      runInTransaction(this.library.context, () => {
        endTeamSession(this.db, row.id);
        this.library.events.touch(row.studyId, 'team');
      });
    }
    this.invitations.clear();
    const server = this.server;
    this.server = null;
    await server?.close(SOCKET_CLOSE.teamEnded);
    return row ? { id: row.id } : null;
  }

  join(input: z.output<typeof TeamJoin>): TeamJoined {
    const invited = invitationRole(this.db, hashSecret(input.invitation));
    if (!invited) throw new DomainError('forbidden', 'This invitation link is no longer valid. Ask the host for a new one.', 'team.invitation_invalid');
    const row = this.running();
    const joined = countMembers(this.db, row.id);
    if (joined >= MAX_TEAM_MEMBERS) throw new DomainError('conflict', 'This team session is full.', 'team.full');
    const credential = newSecret();
    const member = insertMember(this.db, {
      teamSessionId: row.id,
      name: input.name,
      role: invited.role,
      color: PERSON_COLOURS[joined % PERSON_COLOURS.length]!,
      credentialHash: hashSecret(credential),
    });
    this.library.events.touch(row.studyId, 'team');
    return { ...this.describe(row, member.id), credential };
  }

  me(): TeamMe {
    const scope = teamScope();
    if (!scope) throw new DomainError('forbidden', 'Only a teammate has a place in the team session.', 'team.not_in_session');
    return this.describe(this.running(), scope.memberId);
  }

  private describe(row: TeamSessionRow, memberId: string): TeamMe {
    const member = memberById(this.db, memberId);
    if (!member) throw notFound('Person');
    const study = this.db.prepare('SELECT name FROM study WHERE id = ?').get(row.studyId) as { name: string };
    return { teamSessionId: row.id, memberId: member.id, name: member.name, role: member.role, color: member.color, studyId: row.studyId, studyName: study.name };
  }

  /** Stops listening without ending the team session (the host is closing; it resumes next time). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.invitations.clear();
    // 1001, "going away": pages say the host is unavailable and keep trying.
    await server?.close(1001);
  }
}

/** Gives a library its team session runtime, taking up a team session left running. */
export async function attachTeamHost(library: Library, options: TeamHostOptions): Promise<TeamHost> {
  const host = new TeamHost(library, options);
  library.context.team = host;
  try {
    await host.resume();
  } catch (error) {
    // A library in its problem state has no team tables to read: no team session then.
    console.error('team session could not resume', error);
  }
  return host;
}
