// Where snapshots live and how they are named: `snapshots/` beside the library file,
// each one a database file `<id>.sqlite` with a small JSON sidecar `<id>.json` saying
// when and why it was taken and what it holds. A snapshot exists once its sidecar
// does: the sidecar is written last, atomically, after the file was verified.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.js';
import { Snapshot, type SnapshotReason } from '../../../shared/api/snapshots.js';

export const SNAPSHOT_FOLDER = 'snapshots';
/** Suffix of a snapshot still being written or checked; never listed, removed when found. */
export const PARTIAL_SUFFIX = '.partial';

export function snapshotDirFor(libraryFile: string): string {
  return path.join(path.dirname(libraryFile), SNAPSHOT_FOLDER);
}

export function newSnapshotId(takenAt: Date, reason: SnapshotReason): string {
  const stamp = takenAt.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${reason}-${randomBytes(3).toString('hex')}`;
}

export const databasePath = (dir: string, id: string): string => path.join(dir, `${id}.sqlite`);
export const sidecarPath = (dir: string, id: string): string => path.join(dir, `${id}.json`);

const { restorable: _derived, ...storedFields } = Snapshot.shape;
/** The sidecar on disk: the snapshot as listed, less what is derived. Unknown fields (a newer Fieldwork's) are dropped, not refused. */
const Sidecar = z.object({ format: z.literal('fieldwork-snapshot'), ...storedFields });

export function writeSidecar(dir: string, snapshot: Snapshot): void {
  const { restorable: _restorable, ...stored } = snapshot;
  const target = sidecarPath(dir, snapshot.id);
  const temporary = `${target}${PARTIAL_SUFFIX}`;
  fs.writeFileSync(temporary, JSON.stringify({ format: 'fieldwork-snapshot', ...stored }, null, 2));
  fs.renameSync(temporary, target);
}

function readSidecar(file: string): Snapshot | null {
  try {
    const parsed = Sidecar.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) return null;
    const { format: _format, ...snapshot } = parsed.data;
    return { ...snapshot, restorable: snapshot.schemaVersion <= LATEST_SCHEMA_VERSION };
  } catch {
    return null;
  }
}

/** Every snapshot in the folder with its database file present, newest first. */
export function listSnapshotFiles(dir: string): Snapshot[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: Snapshot[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const snapshot = readSidecar(path.join(dir, name));
    if (snapshot && `${snapshot.id}.json` === name && fs.existsSync(databasePath(dir, snapshot.id))) found.push(snapshot);
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id));
}

/** Removes a snapshot: the sidecar first, so a half-removed snapshot is never listed. */
export function removeSnapshotFiles(dir: string, id: string): void {
  fs.rmSync(sidecarPath(dir, id), { force: true });
  removeDatabaseFiles(databasePath(dir, id));
}

/** A database file with the journal files SQLite may have left beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Leftovers of snapshots interrupted by a crash or a full disk: never listed, so removed. */
export function removeLeftovers(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (name.includes(PARTIAL_SUFFIX) || name.startsWith('.restore-')) fs.rmSync(file, { force: true });
    else if (name.endsWith('.sqlite') && !fs.existsSync(file.replace(/\.sqlite$/, '.json'))) removeDatabaseFiles(file);
  }
}
