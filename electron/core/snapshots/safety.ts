// Safety snapshots before destructive changes. `SNAPSHOT_FIRST` names the synchronous
// operations that take one (the dispatcher awaits it before opening their write
// transaction); an asynchronous handler (an import that parses a file first) calls
// `snapshotBefore(ctx, 'import', fileName)` itself, after checking its input and
// before it writes. If the snapshot cannot be written the change does not happen.
import type { SnapshotReason } from '../../../shared/api/snapshots.js';
import type { ServiceContext } from '../services/context.js';
import { DomainError } from '../services/errors.js';
import { type Handlers, withBefore } from '../services/handler-types.js';
import { STORAGE_MESSAGES, storageProblem, storageReason } from '../storage-errors.js';
import { SnapshotVerificationError } from './store.js';

export type BeforeReason = Exclude<SnapshotReason, 'scheduled' | 'manual'>;

/** Operations that snapshot the library before they run. Deleting to the trash is undoable, so it needs none. */
export const SNAPSHOT_FIRST = {
  'study.purge': 'purge',
  'tag.merge': 'tag-merge',
  'participant.importCommit': 'import',
} as const satisfies Partial<Record<keyof Handlers, BeforeReason>>;

/**
 * Snapshots the library before a destructive change. A read-only library is skipped:
 * the change will be refused anyway. Throws a typed storage error when the snapshot
 * cannot be written, so the caller stops before changing anything.
 */
export async function snapshotBefore(ctx: ServiceContext, reason: BeforeReason, detail?: string | null): Promise<void> {
  if (!ctx.library || ctx.readOnly) return;
  try {
    await ctx.library.takeSnapshot(reason, detail ?? null);
  } catch (error) {
    throw snapshotFailure(error);
  }
}

/** A typed error for a snapshot that could not be written; `what` says what that means for the user. */
export function snapshotFailure(error: unknown, what = 'A safety snapshot could not be written, so nothing was changed.'): DomainError {
  console.error('a snapshot could not be taken', error);
  const storage = storageProblem(error);
  if (storage) return new DomainError('storage', `${what} ${STORAGE_MESSAGES[storage]}`, storageReason(storage));
  if (error instanceof SnapshotVerificationError) return new DomainError('storage', `${what} ${error.message}`, 'snapshots.verify_failed');
  return new DomainError('storage', what, 'snapshots.snapshot_failed');
}

/** The handler map with a safety snapshot ahead of every operation in SNAPSHOT_FIRST. */
export function withSafetySnapshots(handlers: Handlers): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [name, reason] of Object.entries(SNAPSHOT_FIRST)) {
    wrapped[name] = withBefore(async (_input, ctx) => snapshotBefore(ctx, reason), handlers[name as keyof typeof SNAPSHOT_FIRST] as never);
  }
  return wrapped as Handlers;
}
