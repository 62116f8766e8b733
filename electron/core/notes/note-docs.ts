// The host's side of notes typed by several people: each note's shared document,
// loaded from its update log (or converted from the stored note the first time),
// kept in memory while someone edits it, and compacted into one log row once its
// last editor has been gone for 30 s or its interview ends. Every change goes
// through here: an editor's update, or a whole note written by an import or a
// restored copy; the stored note row is derived from the document each time.
import type Database from 'better-sqlite3';
import { noteFromParagraphs, noteParagraphs, notePlainText } from '../../../shared/notes.js';
import type { EditorState } from '../../../shared/api/sessions.js';
import { nowIso } from '../db/ids.js';
import { appendNoteUpdate, compactNoteLog, noteById, noteUpdateCount, noteUpdates } from '../db/repos/note-log.js';
import { HeadlessNote, isReadableNote } from './headless-note.js';

/** How long a note's last editor must have been gone before its log is compacted. */
export const COMPACT_AFTER_LEAVING_MS = 30_000;
/** An editor that has sent nothing (not even its presence, renewed every 15 s) for this long has gone. */
const EDITOR_SILENT_MS = 45_000;
const SWEEP_MS = 5_000;
/**
 * A log this long when a note is loaded was left by a process that stopped before it
 * could compact (a crash, a kill): it is compacted as it is loaded, so the next start
 * does not replay it again.
 */
export const COMPACT_ON_LOAD_AFTER = 200;

interface OpenNote {
  note: HeadlessNote;
  /** Editor client id -> when it was last heard from. */
  editors: Map<string, number>;
  /** When its last editor left (null while someone is there). */
  emptySince: number | null;
}

/** An empty note's first paragraph, keyed by its note so converting it twice gives the same document. */
function emptyNote(noteId: string): EditorState {
  return {
    root: {
      type: 'root',
      direction: null,
      format: '',
      indent: 0,
      version: 1,
      children: [
        { type: 'paragraph', children: [], direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', version: 1, $: { pid: noteId } },
      ],
    },
  };
}

/** The paragraphs (keys, times, words) of a stored note the editor cannot read as it is. */
function plainNote(noteId: string, content: unknown): EditorState {
  const paragraphs = noteParagraphs(content).map((p, index) => ({ pid: p.pid ?? `${noteId}-${index}`, atMs: p.atMs ?? 0, text: p.text }));
  return noteFromParagraphs(paragraphs);
}

function hasParagraphs(content: unknown): content is EditorState {
  const children = (content as { root?: { children?: unknown } } | null)?.root?.children;
  return Array.isArray(children) && children.length > 0;
}

export class NoteDocs {
  private readonly open = new Map<string, OpenNote>();
  private sweeper: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /**
   * A note's document, inside the caller's write transaction. The first time a note
   * is shared its stored content becomes the document's first update (written by the
   * host under the write lock, so two editors opening one note at once never both
   * seed it).
   */
  document(noteId: string): HeadlessNote {
    const known = this.open.get(noteId);
    if (known) return known.note;
    const log = noteUpdates(this.db, noteId);
    const note = new HeadlessNote(log.length === 0);
    if (log.length > 0) {
      const written = note.apply(log);
      if (log.length >= COMPACT_ON_LOAD_AFTER) compactNoteLog(this.db, noteId, note.whole());
      else if (written) appendNoteUpdate(this.db, noteId, written);
    } else appendNoteUpdate(this.db, noteId, note.write(this.seedContent(noteId)));
    this.open.set(noteId, { note, editors: new Map(), emptySince: this.now() });
    this.startSweeping();
    return note;
  }

  /**
   * What `stateVector` lacks of a note's document, writing nothing. A note never shared
   * is converted here exactly as document() will convert it (same client id, same
   * content), so what a reader gets now is what the log will start with.
   */
  peek(noteId: string, stateVector: Uint8Array): Uint8Array {
    const known = this.open.get(noteId);
    if (known) return known.note.missingFrom(stateVector);
    const log = noteUpdates(this.db, noteId);
    const note = new HeadlessNote(log.length === 0);
    try {
      if (log.length > 0) note.apply(log);
      else note.write(this.seedContent(noteId));
      return note.missingFrom(stateVector);
    } finally {
      note.destroy();
    }
  }

  /** Applies and logs one editor's update, and derives the stored note; inside a write transaction. */
  receive(noteId: string, update: Uint8Array): void {
    const note = this.document(noteId);
    const written = note.apply([update]);
    appendNoteUpdate(this.db, noteId, update);
    if (written) appendNoteUpdate(this.db, noteId, written);
    this.deriveRow(noteId, note);
  }

  /** Makes a note say `content` (an import, a copy kept by a browser); returns the update it took. */
  replace(noteId: string, content: EditorState): Uint8Array {
    const note = this.document(noteId);
    const update = note.write(content);
    appendNoteUpdate(this.db, noteId, update);
    this.deriveRow(noteId, note);
    return update;
  }

  /** Forgets a note's document after a failed transaction: the next use reloads it from the log. */
  discard(noteId: string): void {
    this.open.get(noteId)?.note.destroy();
    this.open.delete(noteId);
  }

  /** Whether a note's document exists (in memory or in the log). */
  isShared(noteId: string): boolean {
    return this.open.has(noteId) || noteUpdateCount(this.db, noteId) > 0;
  }

  /** An editor of the note was heard from. */
  seen(noteId: string, client: string): void {
    const open = this.open.get(noteId);
    if (!open) return;
    open.editors.set(client, this.now());
    open.emptySince = null;
  }

  /** An editor closed the note. */
  left(noteId: string, client: string): void {
    const open = this.open.get(noteId);
    if (!open) return;
    open.editors.delete(client);
    if (open.editors.size === 0) open.emptySince = this.now();
  }

  /** Compacts these notes now (their interview ended), whoever is still there. */
  compactNow(noteIds: readonly string[]): void {
    for (const noteId of noteIds) this.compact(noteId, this.open.get(noteId)?.editors.size === 0);
  }

  /** Compacts and forgets the notes everyone has left for long enough. */
  sweep(): void {
    const now = this.now();
    for (const [noteId, open] of this.open) {
      for (const [client, at] of open.editors) if (now - at > EDITOR_SILENT_MS) open.editors.delete(client);
      if (open.editors.size === 0) open.emptySince ??= now;
      if (open.emptySince !== null && now - open.emptySince >= COMPACT_AFTER_LEAVING_MS) this.compact(noteId, true);
    }
    if (this.open.size === 0) this.stopSweeping();
  }

  close(): void {
    this.stopSweeping();
    for (const open of this.open.values()) open.note.destroy();
    this.open.clear();
  }

  private compact(noteId: string, forget: boolean): void {
    if (!this.db.open) return this.close();
    try {
      this.db
        .transaction(() => {
          if (noteUpdateCount(this.db, noteId) <= 1) return;
          const note = this.document(noteId);
          compactNoteLog(this.db, noteId, note.whole());
        })
        .immediate();
    } catch (error) {
      // Compaction only saves space; the log stays whole and is tried again later.
      console.error('note log compaction failed', error);
      return;
    }
    if (forget) this.discard(noteId);
  }

  /**
   * What a note never shared starts as: its stored paragraphs, or one empty paragraph
   * keyed by the note (made here, once, so two editors opening an empty note at once do
   * not each add a first line).
   */
  private seedContent(noteId: string): EditorState {
    const stored = noteById(this.db, noteId);
    const content: unknown = stored ? JSON.parse(stored.content) : null;
    if (!hasParagraphs(content)) return emptyNote(noteId);
    // A note stored by an older version in a shape the editor cannot read keeps its words.
    return isReadableNote(content) ? content : plainNote(noteId, content);
  }

  private deriveRow(noteId: string, note: HeadlessNote): void {
    const content = note.content();
    this.db
      .prepare('UPDATE note SET content = ?, plain_text = ?, revision = revision + 1, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(content), notePlainText(content), nowIso(), noteId);
  }

  private startSweeping(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  private stopSweeping(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }
}

const perLibrary = new WeakMap<Database.Database, NoteDocs>();

/** The shared note documents of one open library (a restored or reopened library gets its own). */
export function noteDocsOf(db: Database.Database): NoteDocs {
  let docs = perLibrary.get(db);
  if (!docs) {
    docs = new NoteDocs(db);
    perLibrary.set(db, docs);
  }
  return docs;
}
