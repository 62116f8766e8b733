// Contract shapes for live team sessions: the host opens a study's board to teammates
// on the local network. Invitations (one link per role) carry a token in the URL's
// fragment, which the browser never sends anywhere; the page exchanges it once for a
// credential it keeps in its tab and sends in a header. "Team session" everywhere:
// "session" means an interview.
import { z } from 'zod';
import { Colour, Id, Timestamp } from './fields.js';
import { TEAM_ROLES } from './team-roles.js';

export const TeamRoleSchema = z.enum(TEAM_ROLES);

/** A secret handed out in a link or kept by a tab: 32 random bytes, base64url. */
export const TeamSecret = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** The header a teammate's page sends its credential in. */
export const TEAM_CREDENTIAL_HEADER = 'x-fieldwork-team';

/** A network interface the host can offer the team session on. */
export const TeamInterface = z.strictObject({
  /** The interface's name as the system calls it (en0, Wi-Fi, eth0). */
  name: z.string().max(100),
  ip: z.string().max(64),
  family: z.enum(['IPv4', 'IPv6']),
  /** The loopback interface reaches only this computer. */
  loopback: z.boolean(),
});
export type TeamInterface = z.infer<typeof TeamInterface>;

export const TeamStart = z.strictObject({
  studyId: Id,
  /** One address of one interface: never every interface. */
  ip: z.string().max(64),
  /** 0 or absent: any free port. */
  port: z.number().int().min(0).max(65_535).optional(),
  /** Plain HTTP on a network the host trusts; HTTPS with a certificate of its own otherwise. */
  trustedNetwork: z.boolean().optional(),
});

export const TeamPerson = z.strictObject({
  memberId: Id,
  name: z.string(),
  role: TeamRoleSchema,
  color: Colour,
  /** Has a page open on the team session now. */
  connected: z.boolean(),
  joinedAt: Timestamp,
});
export type TeamPerson = z.infer<typeof TeamPerson>;

export const TeamLink = z.strictObject({
  role: TeamRoleSchema,
  url: z.string(),
  /** The link as a QR code, an SVG document (the fingerprint travels in the link). */
  qrSvg: z.string(),
});
export type TeamLink = z.infer<typeof TeamLink>;

/** The running team session as its host sees it. */
export const TeamStatus = z.strictObject({
  teamSessionId: Id,
  studyId: Id,
  ip: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  /** SHA-256 of the certificate, as browsers show it (AA:BB:...), or null on plain HTTP. */
  fingerprint: z.string().nullable(),
  startedAt: Timestamp,
  links: z.array(TeamLink),
  people: z.array(TeamPerson),
});
export type TeamStatus = z.infer<typeof TeamStatus>;

/** Exchanging an invitation: the token from the link and the name the person typed. */
export const TeamJoin = z.strictObject({
  invitation: TeamSecret,
  name: z.string().trim().min(1).max(60),
});

/** Who a teammate is in the team session, and what it is about. */
export const TeamMe = z.strictObject({
  teamSessionId: Id,
  memberId: Id,
  name: z.string(),
  role: TeamRoleSchema,
  color: Colour,
  studyId: Id,
  studyName: z.string(),
});
export type TeamMe = z.infer<typeof TeamMe>;

export const TeamJoined = TeamMe.extend({
  /** What the page sends in TEAM_CREDENTIAL_HEADER from now on; shown once. */
  credential: TeamSecret,
});
export type TeamJoined = z.infer<typeof TeamJoined>;

/** Who has a page open on the running team session, pushed to the host's windows when it changes. Never stored. */
export const TeamPresence = z.strictObject({ teamSessionId: Id, connected: z.array(Id) });
export type TeamPresence = z.infer<typeof TeamPresence>;

/** Where a pointer is on the board, anchored to what it is over (screens differ, so never pixels): a fraction of its box. */
export const BoardAnchor = z.strictObject({
  kind: z.enum(['card', 'group', 'column', 'theme']),
  id: z.string().max(64),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});
export type BoardAnchor = z.infer<typeof BoardAnchor>;

/** What one person's board shows of them to the others: relayed, never stored. */
export const BoardPresenceInput = z.strictObject({
  studyId: Id,
  /** One id per open board (a tab), so a person with two windows shows twice. */
  client: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** The host's own name for themselves; a teammate's name and colour come from the host's record of them. */
  name: z.string().trim().max(60).optional(),
  cursor: BoardAnchor.nullable(),
  selection: z.array(Id).max(200),
  /** Cards being dragged right now. */
  dragging: z.array(Id).max(200),
  /** The board was closed (the tab left). */
  left: z.boolean().optional(),
});

export const BoardPresence = z.strictObject({
  studyId: Id,
  client: z.string(),
  name: z.string(),
  color: Colour,
  cursor: BoardAnchor.nullable(),
  selection: z.array(Id),
  dragging: z.array(Id),
  left: z.boolean(),
});
export type BoardPresence = z.infer<typeof BoardPresence>;
