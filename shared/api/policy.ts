// What each operation is, declared beside its schemas in the contract: a read or a
// write, which kinds of records it reads or changes, and how the host must run it.
// Everything that used to be a table of names (which cached queries a change makes
// stale, which operations snapshot first, which still answer when the library could
// not be opened, which run alone, which await) is derived from these declarations.
import { z } from 'zod';
import type { TeamAccess } from './team-roles.js';

/**
 * The kinds of records a change can touch and a read can show. A change names the
 * kinds it touched per study; a client refreshes exactly the queries of that study
 * that read one of them.
 */
export const ENTITY_KINDS = [
  'study',
  'stage',
  'participant',
  'tag',
  'guide',
  'session',
  'note',
  'finding',
  'board',
  'persona',
  'journey',
  'snapshot',
  'team',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export const EntityKindSchema = z.enum(ENTITY_KINDS);

/** Every kind: a restore or an import can change anything. */
export const ALL_KINDS: readonly EntityKind[] = ENTITY_KINDS;
/** What a study holds, for reads that show all of it (search, the whole-study document). */
export const STUDY_CONTENT: readonly EntityKind[] = ENTITY_KINDS.filter((kind) => kind !== 'snapshot' && kind !== 'team');

/** Why a write snapshots the library before it runs (the snapshot's recorded reason). */
export type SnapshotFirst = 'purge' | 'tag-merge' | 'import';

/**
 * How the host runs an operation:
 * - `transaction`: synchronously, inside one transaction (the default);
 * - `async`: it awaits (files, printing) and runs outside a transaction; if it writes it
 *   opens its own transactions, and only after all its awaiting is done;
 * - `own-transactions`: synchronous, but it opens its own transactions, e.g. a refused
 *   undo that must keep what it wrote before refusing.
 */
export type Runs = 'transaction' | 'async' | 'own-transactions';

interface CommonPolicy {
  runs?: Runs;
  /** Still answers when the library could not be opened (the problem screen's own operations). */
  problem?: true;
  /** Which teammates in a live team session may call it (see team-roles.ts); absent: the host only. */
  team?: TeamAccess;
}

export interface ReadPolicy extends CommonPolicy {
  kind: 'read';
  /** The kinds of records its answer shows: a change of any of them makes a cached answer stale. */
  reads: readonly EntityKind[];
  /** Takes long enough on a large study (dashboard, clustering, exports) to be kept off the typing path. */
  heavy?: true;
  /**
   * Creates what it reads the first time (an empty journey map): it takes the write
   * lock, since a read that turns into a write could otherwise fail under another writer.
   */
  createsOnFirstRead?: true;
}

export interface WritePolicy extends CommonPolicy {
  kind: 'write';
  /** The kinds of records it may change. */
  changes: readonly EntityKind[];
  /** Snapshots the library first, for a change that cannot be undone in the app. */
  snapshotFirst?: SnapshotFirst;
  /** Replaces the library under everything else, so it runs alone. */
  exclusive?: true;
}

/** Acts on the host itself (quit, go on read-only) and changes no record. */
export interface ControlPolicy extends CommonPolicy {
  kind: 'control';
}

export type OperationPolicy = ReadPolicy | WritePolicy | ControlPolicy;

export const read = <const K extends readonly EntityKind[], const E extends Omit<ReadPolicy, 'kind' | 'reads'> = object>(reads: K, extra?: E) =>
  ({ kind: 'read', reads, ...(extra as E) }) as { kind: 'read'; reads: K } & E;

export const write = <const K extends readonly EntityKind[], const E extends Omit<WritePolicy, 'kind' | 'changes'> = object>(changes: K, extra?: E) =>
  ({ kind: 'write', changes, ...(extra as E) }) as { kind: 'write'; changes: K } & E;

export const control = <const E extends Omit<ControlPolicy, 'kind'> = object>(extra?: E) => ({ kind: 'control', ...(extra as E) }) as { kind: 'control' } & E;
