// Invitation tokens and teammates' credentials: 32 random bytes each, kept by the
// library only as their SHA-256 (a copy of the library file lets no one in), and
// compared in constant time by looking the hash up.
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A short tag of a teammate, to make their mutation ids theirs. */
const memberTag = (memberId: string): string => createHash('sha256').update(memberId, 'utf8').digest('base64url').slice(0, 20);

/** The longest mutation id a teammate may send (with their tag it fits the library's 64). */
export const MAX_MEMBER_MUTATION_ID = 43;

/**
 * A teammate's mutation id as the library keeps it: prefixed with their tag, so one
 * person's retried write never answers with another person's result.
 */
export const memberMutationId = (memberId: string, mutationId: string): string => `${memberTag(memberId)}_${mutationId}`;

/** The mutation id as the teammate sent it, when the kept one is theirs; otherwise as kept. */
export function mutationIdFor(memberId: string, kept: string | null): string | null {
  const prefix = `${memberTag(memberId)}_`;
  return kept !== null && kept.startsWith(prefix) ? kept.slice(prefix.length) : kept;
}

/** A teammate's actor in the change feed and the undo history: one per person. */
export const memberActor = (memberId: string): string => `team-${memberId}`;
