// One editor's link to a note's shared document on the host: sends what is typed
// (one request at a time; what is typed meanwhile goes next, merged), applies what
// others typed as it is pushed, and resynchronises after a dropped connection. What
// is typed is kept in this browser until the host has committed it (pendingUpdates.ts),
// so acknowledged means on disk and unacknowledged means still here.
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type {
  NoteKey,
  NoteOpenAnswer,
  NotePresence,
  NotePresenceEvent,
  NoteSyncAnswer,
  NoteSyncRequest,
  NoteUpdated,
} from '../../../../shared/api/noteSync';
import { fromBase64, toBase64 } from '../../../api/base64';
import { forgetKept, keepPending, keptUpdates } from '../../../api/pendingNoteUpdates';

export interface NoteSyncTransport {
  sync(request: NoteSyncRequest): Promise<NoteSyncAnswer>;
  /** Reads the host's document without writing (when sending fails: a full disk, a read-only library). */
  open(request: NoteKey & { stateVector: string }): Promise<NoteOpenAnswer>;
  presence(presence: NotePresence): Promise<unknown>;
  onUpdate(listener: (event: NoteUpdated) => void): () => void;
  onPresence(listener: (event: NotePresenceEvent) => void): () => void;
  /** Called when the connection to the host is back after a drop. */
  onReconnect(listener: () => void): () => void;
}

export type NoteSyncStatus = { kind: 'saved'; at: number | null } | { kind: 'saving' } | { kind: 'failed'; error: unknown; retryInMs: number };

/** Transaction origins: what came from the host is applied, never sent back. */
const FROM_HOST = Symbol('from-host');
const RESTORED = Symbol('restored');
const RETRY_MS = [500, 1000, 2000, 5000, 10000];

export function newClientId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export class NoteSyncClient {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly client = newClientId();
  /** Typed here, not yet committed by the host (in order). */
  private pending: Uint8Array[] = [];
  /** How many of `pending` the running request carries. */
  private sending = 0;
  private running: Promise<void> | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private status: NoteSyncStatus = { kind: 'saved', at: null };
  private readonly listeners = new Set<() => void>();
  private readonly stops: Array<() => void> = [];
  private synced = false;
  private readonly syncListeners = new Set<(synced: boolean) => void>();
  private readonly restoredListeners = new Set<() => void>();
  /** Entries other editors of this note kept in this browser, adopted by this one: forgotten once committed. */
  private adopted: string[] = [];
  private stopped = false;

  constructor(
    readonly note: NoteKey,
    private readonly transport: NoteSyncTransport,
    private readonly storage: Storage | null,
    /** Errors that retrying cannot fix (bad input, gone, read-only): report, keep the text, stop. */
    private readonly isPermanent: (error: unknown) => boolean = () => false,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_HOST || origin === RESTORED || this.stopped) return;
      this.pending.push(update);
      keepPending(this.storage, this.note, this.client, this.pending);
      this.send();
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === FROM_HOST || this.stopped) return;
      const changed = [...added, ...updated, ...removed];
      if (!changed.includes(this.doc.clientID)) return;
      void this.transport
        .presence({ ...this.note, client: this.client, awareness: toBase64(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])) })
        .catch(() => undefined);
    });
  }

  /** Opens the note: what this browser kept unsent goes first, then the host's document arrives. */
  async start(): Promise<void> {
    this.stops.push(
      this.transport.onUpdate((event) => {
        if (event.sessionId !== this.note.sessionId || event.questionId !== this.note.questionId || event.client === this.client) return;
        try {
          Y.applyUpdate(this.doc, fromBase64(event.update), FROM_HOST);
        } catch {
          // Unreadable (the host checks every update, so never expected): the next sync brings what is missing.
          this.send(true);
        }
      }),
      this.transport.onPresence((event) => {
        if (event.sessionId !== this.note.sessionId || event.questionId !== this.note.questionId || event.client === this.client) return;
        try {
          if (event.awareness) applyAwarenessUpdate(this.awareness, fromBase64(event.awareness), FROM_HOST);
        } catch {
          // A caret that cannot be read is not shown; the text is unaffected.
        }
      }),
      this.transport.onReconnect(() => this.send(true)),
    );
    const kept = keptUpdates(this.storage, this.note);
    for (const entry of kept) {
      Y.applyUpdate(this.doc, entry.update, RESTORED);
      this.pending.push(entry.update);
      this.adopted.push(entry.storageKey);
    }
    if (kept.length) {
      keepPending(this.storage, this.note, this.client, this.pending);
      for (const listener of this.restoredListeners) listener();
    }
    await this.send(true);
  }

  /** Whether the host's document has arrived. */
  isSynced(): boolean {
    return this.synced;
  }

  onSynced(listener: (synced: boolean) => void): () => void {
    this.syncListeners.add(listener);
    return () => this.syncListeners.delete(listener);
  }

  /** Called when this editor opens with text an earlier page kept because it could not be sent. */
  onRestored(listener: () => void): () => void {
    this.restoredListeners.add(listener);
    return () => this.restoredListeners.delete(listener);
  }

  hasUnsaved(): boolean {
    return this.pending.length > 0;
  }

  /** What is not yet committed, as one update (for a last request as the page goes away). */
  unsaved(): Uint8Array | null {
    return this.pending.length ? Y.mergeUpdates(this.pending) : null;
  }

  /** Resolves once everything typed so far is committed (rejects if sending fails). */
  async flush(): Promise<void> {
    while (this.pending.length > 0 || this.running) {
      const running = this.running ?? this.send();
      await running;
      if (this.status.kind === 'failed') throw this.status.error;
    }
  }

  getStatus = (): NoteSyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Closes the note here: tells the others, and stops listening once everything typed is committed. */
  async stop(): Promise<void> {
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    void this.transport.presence({ ...this.note, client: this.client, left: true }).catch(() => undefined);
    try {
      await this.flush();
    } catch {
      // Kept in this browser: the next editor of this note or the next start sends it.
    }
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const stop of this.stops.splice(0)) stop();
    this.awareness.destroy();
  }

  /** Sends what is pending (or, with `always`, asks for what is missing even if nothing is). */
  private send(always = false): Promise<void> {
    if (this.running) return this.running;
    if (!always && this.pending.length === 0) return Promise.resolve();
    this.running = this.exchange().finally(() => {
      this.running = null;
      if (this.pending.length > this.sending && this.status.kind !== 'failed') void this.send();
    });
    return this.running;
  }

  private async exchange(): Promise<void> {
    this.sending = this.pending.length;
    const update = this.sending > 0 ? Y.mergeUpdates(this.pending.slice(0, this.sending)) : null;
    if (update) this.setStatus({ kind: 'saving' });
    try {
      const answer = await this.transport.sync({
        ...this.note,
        client: this.client,
        stateVector: toBase64(Y.encodeStateVector(this.doc)),
        ...(update ? { update: toBase64(update) } : {}),
      });
      this.pending.splice(0, this.sending);
      keepPending(this.storage, this.note, this.client, this.pending);
      if (update) for (const key of this.adopted.splice(0)) forgetKept(this.storage, key);
      this.failures = 0;
      Y.applyUpdate(this.doc, fromBase64(answer.update), FROM_HOST);
      if (!this.synced) {
        this.synced = true;
        for (const listener of this.syncListeners) listener(true);
      }
      if (this.pending.length === 0) this.setStatus({ kind: 'saved', at: Date.now() });
    } catch (error) {
      if (!this.synced) await this.openReadOnly();
      this.failures += 1;
      const permanent = this.isPermanent(error);
      const retryInMs = permanent ? 0 : RETRY_MS[Math.min(this.failures - 1, RETRY_MS.length - 1)]!;
      this.setStatus({ kind: 'failed', error, retryInMs });
      if (!permanent && !this.stopped) {
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => {
          this.setStatus(this.pending.length ? { kind: 'saving' } : { kind: 'saved', at: null });
          void this.send(true);
        }, retryInMs);
      }
    } finally {
      this.sending = 0;
    }
  }

  /**
   * Shows the host's document even though what was typed here could not be sent: kept
   * updates build on the host's text, so without it they would not show at all.
   */
  private async openReadOnly(): Promise<void> {
    try {
      const answer = await this.transport.open({ ...this.note, stateVector: toBase64(Y.encodeStateVector(this.doc)) });
      Y.applyUpdate(this.doc, fromBase64(answer.update), FROM_HOST);
      this.synced = true;
      for (const listener of this.syncListeners) listener(true);
    } catch {
      // The host cannot even be read: the next retry tries again.
    }
  }

  private setStatus(status: NoteSyncStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
