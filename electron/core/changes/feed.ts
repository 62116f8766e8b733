// The library's change feed. A write's transaction appends its change (the next
// revision) before it commits; once committed, the change is published to every
// subscriber (every window, every browser tab) in commit order. Clients that were
// away catch up with `since`. History is kept 7 days or 10,000 entries, whichever
// reaches further back, and never pruned past what a connected client still needs.
import type Database from 'better-sqlite3';
import { CHANGE_HISTORY, type Change, type ChangedStudy } from '../../../shared/api/changes.js';
import { appendChange, changesAfter, findResult, latestRevision, oldestKeptRevision, pruneChanges, pruneResults, storeResult } from '../db/repos/change-log.js';
import { DomainError } from '../services/errors.js';
import type { CallInfo } from './call-context.js';

/** Answers to retried writes are kept this long, and at most this many. */
const RESULTS_KEPT_MS = 24 * 3_600_000;
const RESULTS_KEPT = 1_000;
/** Catch-up answers are capped; a client further behind reloads. */
const MAX_CATCH_UP = 5_000;
const PRUNE_EVERY = 100;

export interface FeedOptions {
  /** The current database (a restore may replace the connection). */
  db: () => Database.Database;
  now?: () => Date;
}

export class ChangeFeed {
  private readonly pins = new Map<symbol, number>();
  private sinceLastPrune = 0;
  private readonly now: () => Date;

  constructor(private readonly options: FeedOptions) {
    this.now = options.now ?? (() => new Date());
  }

  private get db(): Database.Database {
    return this.options.db();
  }

  /** Appends the change a write made; inside its transaction. */
  record(studies: ChangedStudy[], call: CallInfo | null): Change {
    return appendChange(this.db, {
      at: this.now().toISOString(),
      mutationId: call?.mutationId ?? null,
      actor: call?.actor ?? null,
      operation: call?.operation ?? 'library',
      studies,
    });
  }

  /** The first answer to a write with this mutation id, if it was made (and its answer is still kept). */
  previousResult(mutationId: string, operation: string): { found: false } | { found: true; value: unknown } {
    const stored = findResult(this.db, mutationId);
    if (!stored) return { found: false };
    if (stored.operation !== operation || stored.result === null) {
      throw new DomainError('conflict', 'This change was already made.', 'changes.already_applied');
    }
    return { found: true, value: JSON.parse(stored.result) as unknown };
  }

  /** Keeps a write's answer for a retry; inside its transaction when it has one. */
  keepResult(call: CallInfo, change: Change | null, value: unknown): void {
    if (!call.mutationId) return;
    storeResult(this.db, {
      mutationId: call.mutationId,
      revision: change?.revision ?? null,
      operation: call.operation,
      studyId: change?.studies.find((study) => study.studyId !== null)?.studyId ?? null,
      at: this.now().toISOString(),
      result: JSON.stringify(value ?? null),
    });
  }

  revision(): number {
    return latestRevision(this.db);
  }

  /** Changes after `revision`, oldest first; a typed "reload required" when history no longer reaches back that far. */
  since(revision: number): { revision: number; changes: Change[] } {
    const latest = this.revision();
    if (revision > latest) throw new DomainError('reload_required', 'This window knows of changes the library does not have; reload.', 'changes.reload_required');
    if (revision === latest) return { revision: latest, changes: [] };
    const oldest = oldestKeptRevision(this.db);
    if (oldest === null || oldest > revision + 1 || latest - revision > MAX_CATCH_UP) {
      throw new DomainError('reload_required', 'This window was away longer than the library keeps its history; reload.', 'changes.reload_required');
    }
    return { revision: latest, changes: changesAfter(this.db, revision, MAX_CATCH_UP) };
  }

  /** A connected client that has seen everything up to `revision`; history after it is kept while pinned. */
  pin(revision: number): { move(revision: number): void; release(): void } {
    const key = Symbol('client');
    this.pins.set(key, revision);
    return {
      move: (next) => {
        if (this.pins.has(key)) this.pins.set(key, next);
      },
      release: () => void this.pins.delete(key),
    };
  }

  /** Prunes now and then; call after a write committed. */
  maybePrune(): void {
    this.sinceLastPrune += 1;
    if (this.sinceLastPrune < PRUNE_EVERY) return;
    this.sinceLastPrune = 0;
    this.prune();
  }

  prune(): void {
    const now = this.now().getTime();
    const keepFrom = Math.min(Number.MAX_SAFE_INTEGER, ...[...this.pins.values()].map((revision) => revision + 1));
    const db = this.db;
    db.transaction(() => {
      pruneChanges(db, new Date(now - CHANGE_HISTORY.days * 86_400_000).toISOString(), CHANGE_HISTORY.entries, keepFrom);
      pruneResults(db, new Date(now - RESULTS_KEPT_MS).toISOString(), RESULTS_KEPT);
    })();
  }
}
