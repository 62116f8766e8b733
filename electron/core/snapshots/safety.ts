// Safety snapshots before destructive changes. An operation whose contract policy
// says `snapshotFirst` gets one from the dispatcher, awaited before its write
// transaction opens; an asynchronous handler (an import that parses a file first) calls
// `snapshotBefore(ctx, 'import', fileName)` itself, after checking its input and
// before it writes. If the snapshot cannot be written the change does not happen.
import type { SnapshotReason } from '../../../shared/api/snapshots.js';
import type { ServiceContext } from '../services/context.js';
import { DomainError } from '../services/errors.js';
import { STORAGE_MESSAGES, storageProblem, storageReason } from '../storage-errors.js';
import { SnapshotVerificationError } from './store.js';

export type BeforeReason = Exclude<SnapshotReason, 'scheduled' | 'manual'>;

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
