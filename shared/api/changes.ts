// The change feed: every committed write gets the library's next revision and is
// pushed to every client in commit order, naming who made it (the caller's mutation id
// and actor) and what it touched (kinds of records, per study). Clients refresh exactly
// the cached queries of that study that read those kinds, recognise their own changes
// by mutation id, and catch up after a dropped connection with `change.since`.
import { z } from 'zod';
import { EntityKindSchema } from './policy.js';

/** A caller's id for one write, reused when it retries: the host answers a repeat with the first result. */
export const MutationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** Who writes: one id per browser tab or window, kept for the tab's life (a reload keeps it). */
export const ActorId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** What a write carries beside its input; both optional (tests and scripts may send neither). */
export const CallMeta = z.strictObject({ mutationId: MutationId.optional(), actor: ActorId.optional() });
export type CallMeta = z.infer<typeof CallMeta>;

/** The kinds one write touched in one study; `studyId` null: library-wide (the snapshot list). */
export const ChangedStudy = z.strictObject({ studyId: z.string().max(64).nullable(), kinds: z.array(EntityKindSchema) });
export type ChangedStudy = z.infer<typeof ChangedStudy>;

export const Change = z.strictObject({
  /** The library's revision after this write: monotonic, one per committed write. */
  revision: z.number().int().min(1),
  mutationId: MutationId.nullable(),
  actor: ActorId.nullable(),
  operation: z.string().max(64),
  /** When it was committed (ISO 8601). */
  at: z.string(),
  studies: z.array(ChangedStudy),
});
export type Change = z.infer<typeof Change>;

export const ChangesSince = z.strictObject({ revision: z.number().int().min(0), changes: z.array(Change) });
export type ChangesSince = z.infer<typeof ChangesSince>;

/** How long the change history is kept: whichever reaches further back, unless a connected client still needs more. */
export const CHANGE_HISTORY = { days: 7, entries: 10_000 } as const;
