// Keeps typed notes safe on their way to disk. Each question's latest editor state
// is saved 400 ms after typing pauses, and never more than 800 ms after the first
// unsaved change while typing goes on. A failed save keeps the text, reports the
// problem and retries with back-off; nothing is ever dropped. The status (saved,
// saving, retrying) is observable for the indicator.
import type { EditorState } from '../../../shared/api/sessions';

export type SaveStatus = { kind: 'saved'; at: number | null } | { kind: 'saving' } | { kind: 'failed'; message: string; retryInMs: number };

type Save = (questionId: string | null, content: EditorState) => Promise<void>;

const PAUSE_MS = 400;
const MAX_WAIT_MS = 800;
const RETRY_MS = [1000, 2000, 5000, 10000];

interface Pending {
  content: EditorState;
  firstChangeAt: number;
  timer: ReturnType<typeof setTimeout> | null;
}

export class NoteSaver {
  private readonly pending = new Map<string, Pending>();
  private readonly inFlight = new Map<string, Promise<void>>();
  /** The content each running save carries: still not known to be on disk. */
  private readonly inFlightContent = new Map<string, EditorState>();
  private status: SaveStatus = { kind: 'saved', at: null };
  private readonly listeners = new Set<() => void>();
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly save: Save,
    private readonly describe: (error: unknown) => string,
    /** Errors that retrying cannot fix (bad input, gone, read-only): report, keep the text, stop. */
    private readonly isPermanent: (error: unknown) => boolean = () => false,
  ) {}

  /** Records the newest content of a question's note and schedules its save. */
  update(questionId: string | null, content: EditorState): void {
    const key = questionId ?? '';
    const now = Date.now();
    const existing = this.pending.get(key);
    if (existing?.timer) clearTimeout(existing.timer);
    const firstChangeAt = existing?.firstChangeAt ?? now;
    const delay = Math.max(0, Math.min(PAUSE_MS, firstChangeAt + MAX_WAIT_MS - now));
    const entry: Pending = { content, firstChangeAt, timer: null };
    entry.timer = setTimeout(() => void this.flushKey(key).catch(() => undefined), delay);
    this.pending.set(key, entry);
    if (this.status.kind === 'saved') this.setStatus({ kind: 'saving' });
  }

  hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inFlight.size > 0;
  }

  /** Saves everything now; resolves when all of it is on disk (rejects if a save fails). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((key) => this.flushKey(key)));
    await Promise.all([...this.inFlight.values()]);
    if (this.pending.size > 0) throw new Error('notes not saved');
  }

  /**
   * What is not known to be on disk, for a last-chance save as the page goes away:
   * the newest content of each note, waiting or on its way (a save still running
   * when the page goes away may never arrive).
   */
  unsaved(): Array<{ questionId: string | null; content: EditorState }> {
    const newest = new Map(this.inFlightContent);
    for (const [key, p] of this.pending) newest.set(key, p.content);
    return [...newest.entries()].map(([key, content]) => ({ questionId: key || null, content }));
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stops the timers and sends whatever is still pending: leaving must not drop text. */
  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    void this.flushAll().catch(() => undefined);
  }

  private async flushKey(key: string): Promise<void> {
    const running = this.inFlight.get(key);
    if (running) {
      // One save per note at a time, in order; the newest content goes next.
      await running.catch(() => undefined);
      if (this.inFlight.has(key)) return this.flushKey(key);
    }
    const entry = this.pending.get(key);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.pending.delete(key);
    const attempt = this.save(key || null, entry.content);
    this.inFlight.set(key, attempt);
    this.inFlightContent.set(key, entry.content);
    this.setStatus({ kind: 'saving' });
    try {
      await attempt;
      this.failures = 0;
      if (this.pending.size === 0 && this.inFlight.size === 1) this.setStatus({ kind: 'saved', at: Date.now() });
    } catch (error) {
      // Keep the text: unless newer content arrived meanwhile, this content goes back in the queue.
      if (!this.pending.has(key)) this.pending.set(key, { ...entry, timer: null });
      this.failures += 1;
      if (this.isPermanent(error)) {
        this.setStatus({ kind: 'failed', message: this.describe(error), retryInMs: 0 });
        throw error;
      }
      const retryInMs = RETRY_MS[Math.min(this.failures - 1, RETRY_MS.length - 1)]!;
      this.setStatus({ kind: 'failed', message: this.describe(error), retryInMs });
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => void this.flushAll().catch(() => undefined), retryInMs);
      throw error;
    } finally {
      this.inFlight.delete(key);
      this.inFlightContent.delete(key);
    }
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
