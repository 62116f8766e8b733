// Names what the disk or the system refused, from SQLite's and Node's error codes, so
// every layer (opening, snapshots, the dispatcher) says the same thing for the same
// cause: a full disk, a folder or file that cannot be written, or a failing device.

export type StorageProblem = 'disk_full' | 'read_only_folder' | 'io_error';

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** The storage problem behind an error, following `cause` chains; null for anything else. */
export function storageProblem(error: unknown): StorageProblem | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = codeOf(current);
    if (!code) continue;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
    if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read_only_folder';
    if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io_error';
  }
  return null;
}

/** An English sentence for the log and as the fallback of the translated reason. */
export const STORAGE_MESSAGES: Record<StorageProblem, string> = {
  disk_full: 'The disk is full, so the library could not be written. Nothing was changed: free some space and try again.',
  read_only_folder: 'The library’s folder or file cannot be written (it is read-only). Nothing was changed.',
  io_error: 'The disk reported an error while writing the library. Nothing was changed: check the disk and try again.',
};

/** The contract's error reason for a storage problem: a key of the `snapshots.reasons` catalogue section. */
export const storageReason = (problem: StorageProblem): string => `snapshots.${problem}`;
