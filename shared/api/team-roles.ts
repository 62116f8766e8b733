// Who may do what in a live team session. Every operation's policy names the roles
// of teammates (people who joined from a browser on the network) that may call it;
// an operation that names none is the host's alone and the guest listener never
// serves it. The host itself is a facilitator with the whole API.
export const TEAM_ROLES = ['facilitator', 'editor', 'viewer', 'note_taker'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * Which teammates may call an operation: a list of roles, or `invitation` for the one
 * operation a browser calls before it is anyone (exchanging an invitation for a credential).
 */
export type TeamAccess = readonly TeamRole[] | 'invitation';

/** Roles that see the board. */
export const BOARD_READERS = ['facilitator', 'editor', 'viewer'] as const satisfies readonly TeamRole[];
/** Roles that change the board. */
export const BOARD_WRITERS = ['facilitator', 'editor'] as const satisfies readonly TeamRole[];
/** Every role. */
export const EVERY_ROLE = TEAM_ROLES;
/** The role that types into one interview's notes. */
export const NOTE_TAKERS = ['note_taker'] as const satisfies readonly TeamRole[];
