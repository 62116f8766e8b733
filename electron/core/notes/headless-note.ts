// One note as the host holds it while anyone edits it: its Yjs document bound to a
// headless Lexical editor through Lexical's own collaboration binding, the same
// binding the editors in the windows use, with the same nodes. Applying an update
// gives the editor state from which the stored note (content, plain text) is derived;
// writing an editor state (an existing note the first time it is shared, an import)
// gives the Yjs update that carries it to everyone.
import { createHeadlessEditor } from '@lexical/headless';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider, type ProviderAwareness } from '@lexical/yjs';
import { SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import type { EditorState } from '../../../shared/api/sessions.js';
import { NOTE_EDITOR_NODES, NOTE_DOC_ROOT } from '../../../shared/noteEditor.js';

/**
 * The Yjs client id of the host's own writes. Fixed, so converting one stored note
 * always yields the same update (the conversion is also done once, under the write lock).
 */
export const HOST_CLIENT_ID = 1;

const REMOTE = Symbol('remote');

/** The binding wants a provider for remote carets; the host shows none. */
function silentProvider(): Provider {
  const awareness: ProviderAwareness = {
    getLocalState: () => null,
    getStates: () => new Map(),
    off: () => undefined,
    on: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  };
  return { awareness, connect: () => undefined, disconnect: () => undefined, off: () => undefined, on: () => undefined };
}

function noteEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'fieldwork-notes',
    nodes: NOTE_EDITOR_NODES,
    onError: (error: Error) => {
      throw error;
    },
  });
}

let checker: LexicalEditor | null = null;

/**
 * Whether the note editor can read `content`. The stored shape is checked loosely (any
 * node with children); a node type the editor does not know would fail only when the
 * note is opened, so a whole note written from outside is checked here first.
 */
export function isReadableNote(content: EditorState): boolean {
  checker ??= noteEditor();
  try {
    checker.parseEditorState(JSON.stringify(content));
    return true;
  } catch {
    return false;
  }
}

export class HeadlessNote {
  readonly doc = new Y.Doc();
  private readonly editor: LexicalEditor;
  private readonly binding: Binding;

  /** `seeding`: this document is about to be made from a stored note (the host's fixed client id). */
  constructor(seeding = false) {
    // Otherwise a random id: a document loaded from a log that holds the seed must not reuse its id.
    if (seeding) this.doc.clientID = HOST_CLIENT_ID;
    this.editor = noteEditor();
    const provider = silentProvider();
    this.binding = createBinding(this.editor, provider, NOTE_DOC_ROOT, this.doc, new Map([[NOTE_DOC_ROOT, this.doc]]));
    this.editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState, normalizedNodes, prevEditorState, tags }) => {
      // For a remote change too, as Lexical's collaboration plugin does: text nodes it
      // brought that the editor merged are merged in the document as well (else offsets
      // break). What that writes is logged with the update that caused it (see apply).
      if (tags.has(SKIP_COLLAB_TAG)) return;
      syncLexicalUpdateToYjs(this.binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
    });
    this.binding.root.getSharedType().observeDeep((events, transaction) => {
      if (transaction.origin !== this.binding) syncYjsChangesToLexical(this.binding, provider, events, false);
    });
  }

  /**
   * Applies updates (from the log or from an editor) and brings the editor state up to
   * date; answers what the binding wrote in turn (merged text nodes), for the log.
   */
  apply(updates: readonly Uint8Array[]): Uint8Array | null {
    const written: Uint8Array[] = [];
    const record = (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) written.push(update);
    };
    this.doc.on('update', record);
    try {
      for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE);
      this.flush();
    } finally {
      this.doc.off('update', record);
    }
    return written.length ? Y.mergeUpdates(written) : null;
  }

  /** True when the document holds nothing yet (a note never shared). */
  isEmpty(): boolean {
    return this.binding.root.getSharedType().length === 0;
  }

  /**
   * Makes the document say what `content` says, as the host's own edit; returns the
   * Yjs update it took (empty when nothing changed).
   */
  write(content: EditorState): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    // Parsed before the update, so content the editor cannot read changes nothing.
    const state = this.editor.parseEditorState(JSON.stringify(content));
    this.editor.update(
      () => {
        this.editor.setEditorState(state);
      },
      { discrete: true },
    );
    return Y.encodeStateAsUpdate(this.doc, before);
  }

  /** The editor state the document holds now. */
  content(): EditorState {
    return this.editor.getEditorState().toJSON() as unknown as EditorState;
  }

  /** Everything `stateVector` lacks. */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** The whole document as one update (what compaction stores). */
  whole(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** Commits what syncing from Yjs queued, so content() is current at once. */
  private flush(): void {
    this.editor.update(() => undefined, { discrete: true });
  }

  destroy(): void {
    this.doc.destroy();
  }
}
