// A teammate's page: the invitation arrives in the link's fragment
// (#/team/join?invitation=...&role=...&fp=...), which the browser never sends to any
// server; it is taken out of the address bar at once and kept in memory until the
// person has typed their name and joined. Joining gives a credential, kept in this
// tab's session storage (a reload keeps it; another tab must join on its own).
import type { TeamJoined, TeamMe } from '../../shared/api/team';
import type { TeamRole } from '../../shared/api/team-roles';

const STORAGE_KEY = 'fieldwork.team';

export interface Invitation {
  invitation: string;
  role: TeamRole | null;
  /** The certificate's SHA-256 as the host showed it (AA:BB:...), or null on plain HTTP. */
  fingerprint: string | null;
}

let pending: Invitation | null = null;
let memory: TeamJoined | null = null;

/** Whether this page is a teammate's (it was opened from a team session link, or joined one). */
export function isTeamPage(location: Location = window.location): boolean {
  return location.hash.startsWith('#/team') || joinedAs() !== null;
}

const ROLES: readonly string[] = ['facilitator', 'editor', 'viewer', 'note_taker'];

/** Takes an invitation out of the address bar; the page shows the join form for it. */
export function adoptInvitation(win: Window = window): Invitation | null {
  const hash = win.location.hash;
  if (!hash.startsWith('#/team/join')) return pending;
  const params = new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
  const invitation = params.get('invitation');
  if (invitation) {
    const role = params.get('role');
    const fp = params.get('fp');
    pending = {
      invitation,
      role: role && ROLES.includes(role) ? (role as TeamRole) : null,
      fingerprint: fp && /^[0-9A-F]{64}$/i.test(fp) ? fp.toUpperCase().match(/../g)!.join(':') : null,
    };
  }
  win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}#/team/join`);
  return pending;
}

export const pendingInvitation = (): Invitation | null => pending;

export function joinedAs(): TeamJoined | null {
  if (memory) return memory;
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    memory = stored ? (JSON.parse(stored) as TeamJoined) : null;
  } catch {
    memory = null;
  }
  return memory;
}

export function rememberJoined(joined: TeamJoined): void {
  memory = joined;
  pending = null;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(joined));
  } catch {
    // Session storage switched off: the credential lasts as long as the page.
  }
}

/** Keeps what the host says about this person now (a new role), with the credential. */
export function updateJoined(me: TeamMe): void {
  const current = joinedAs();
  if (current) rememberJoined({ ...current, ...me });
}

export function forgetJoined(): void {
  memory = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept
  }
}
