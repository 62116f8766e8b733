// The shared notes of one open interview: one NoteSyncClient per note editor opened,
// each offered to Lexical's collaboration plugin as its provider, and together the
// save state the interview bar shows (saved, saving, failed) and the flush that
// leaving or ending the interview waits for.
import type { Provider, ProviderAwareness } from '@lexical/yjs';
import type { Doc } from 'yjs';
import type { NoteKey } from '../../../../shared/api/noteSync';
import type { SaveStatus } from '../saveStatus';
import { NoteSyncClient, type NoteSyncTransport } from './noteSyncClient';

type ProviderEvent = 'sync' | 'status' | 'update' | 'reload';

/** Lexical's view of a client: connect, disconnect, and its 'sync' and 'status' events. */
function asProvider(client: NoteSyncClient): Provider {
  const listeners = new Map<ProviderEvent, Set<(arg: never) => void>>();
  const emit = (type: ProviderEvent, arg: unknown) => {
    for (const listener of listeners.get(type) ?? []) (listener as (value: unknown) => void)(arg);
  };
  client.onSynced((synced) => emit('sync', synced));
  const on = (type: ProviderEvent, cb: (arg: never) => void) => {
    const set = listeners.get(type) ?? new Set();
    set.add(cb);
    listeners.set(type, set);
  };
  const off = (type: ProviderEvent, cb: (arg: never) => void) => listeners.get(type)?.delete(cb);
  return {
    awareness: client.awareness as unknown as ProviderAwareness,
    connect: () => {
      void client.start().then(() => emit('status', { status: 'connected' }));
    },
    disconnect: () => {
      void client.stop();
    },
    on: on as Provider['on'],
    off: off as Provider['off'],
  };
}

export class NoteSyncs {
  private readonly clients = new Set<NoteSyncClient>();
  private readonly listeners = new Set<() => void>();
  private status: SaveStatus = { kind: 'saved', at: null };
  /** One factory per question, so the editor is given the same one on every render. */
  private readonly factories = new Map<string, (id: string, docs: Map<string, Doc>) => Provider>();

  constructor(
    private readonly sessionId: string,
    private readonly transport: NoteSyncTransport,
    private readonly storage: Storage | null,
    private readonly describe: (error: unknown) => string,
    private readonly isPermanent: (error: unknown) => boolean,
    /** Told when an editor opens with text kept in this browser because it could not be sent. */
    private readonly onRestored: () => void = () => undefined,
  ) {}

  /** The provider factory for one question's editor (Lexical calls it with the document map to fill). */
  providerFactory(questionId: string | null): (id: string, docs: Map<string, Doc>) => Provider {
    const known = this.factories.get(questionId ?? '');
    if (known) return known;
    const factory = (id: string, docs: Map<string, Doc>): Provider => {
      const note: NoteKey = { sessionId: this.sessionId, questionId };
      const client = new NoteSyncClient(note, this.transport, this.storage, this.isPermanent);
      this.clients.add(client);
      client.subscribe(() => this.refresh());
      client.onRestored(() => this.onRestored());
      docs.set(id, client.doc);
      return asProvider(client);
    };
    this.factories.set(questionId ?? '', factory);
    return factory;
  }

  hasUnsaved(): boolean {
    return [...this.clients].some((c) => c.hasUnsaved());
  }

  /** What is not yet committed, per note: for a last request as the page goes away. */
  unsaved(): Array<{ note: NoteKey; client: string; update: Uint8Array }> {
    return [...this.clients].flatMap((c) => {
      const update = c.unsaved();
      return update ? [{ note: c.note, client: c.client, update }] : [];
    });
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.clients].map((c) => c.flush()));
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private refresh(): void {
    const statuses = [...this.clients].map((c) => c.getStatus());
    const failed = statuses.find((s) => s.kind === 'failed');
    let next: SaveStatus;
    if (failed?.kind === 'failed') next = { kind: 'failed', message: this.describe(failed.error), retryInMs: failed.retryInMs };
    else if (statuses.some((s) => s.kind === 'saving')) next = { kind: 'saving' };
    else {
      const times = statuses.map((s) => (s.kind === 'saved' ? (s.at ?? 0) : 0));
      next = { kind: 'saved', at: Math.max(0, ...times) || null };
    }
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    for (const listener of this.listeners) listener();
  }
}
