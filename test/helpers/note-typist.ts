// A note-taker without a browser: a headless Lexical editor with the notes' nodes,
// bound to a NoteSyncClient's document by Lexical's collaboration binding (as the
// window's editor is), talking to a library through its dispatcher and events.
import { createHeadlessEditor } from '@lexical/headless';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, $setState, SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import type { Library } from '../../electron/core/library.js';
import type { EventName, EventPayload } from '../../shared/api/contract.js';
import type { NoteKey } from '../../shared/api/noteSync.js';
import { NOTE_DOC_ROOT, NOTE_EDITOR_NODES } from '../../shared/noteEditor.js';
import { NoteSyncClient, type NoteSyncTransport } from '../../renderer/features/interviews/collab/noteSyncClient.js';
import { paragraphKeyState, paragraphTimeState } from '../../renderer/features/interviews/paragraphState.js';

/** The note-sync link straight to a library in this process. */
export function libraryNoteTransport(library: Library, reconnects?: Set<() => void>): NoteSyncTransport {
  const on = <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) =>
    library.events.subscribe((event, payload) => {
      if ((event as string) === name) listener(payload as unknown as EventPayload<E>);
    });
  return {
    async sync(request) {
      const result = await library.dispatch('note.sync', request);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as Awaited<ReturnType<NoteSyncTransport['sync']>>;
    },
    async open(request) {
      const result = await library.dispatch('note.open', request);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as Awaited<ReturnType<NoteSyncTransport['open']>>;
    },
    async presence(presence) {
      const result = await library.dispatch('note.presence', presence);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    onUpdate: (listener) => on('note.updated', listener),
    onPresence: (listener) => on('note.presence', listener),
    onReconnect: (listener) => {
      reconnects?.add(listener);
      return () => reconnects?.delete(listener);
    },
  };
}

export class NoteTypist {
  readonly editor: LexicalEditor;
  readonly client: NoteSyncClient;
  private readonly binding: Binding;

  constructor(note: NoteKey, transport: NoteSyncTransport, storage: Storage | null = null) {
    this.client = new NoteSyncClient(note, transport, storage);
    this.editor = createHeadlessEditor({ namespace: 'fieldwork-notes', nodes: [...NOTE_EDITOR_NODES], onError: (e) => { throw e; } });
    // No carets to draw without a screen: the binding is given an awareness with no one in it.
    const provider = {
      awareness: { getLocalState: () => null, getStates: () => new Map(), on: () => undefined, off: () => undefined, setLocalState: () => undefined, setLocalStateField: () => undefined },
      connect: () => undefined,
      disconnect: () => undefined,
      on: () => undefined,
      off: () => undefined,
    } as unknown as Provider;
    this.binding = createBinding(this.editor, provider, NOTE_DOC_ROOT, this.client.doc, new Map([[NOTE_DOC_ROOT, this.client.doc]]));
    this.editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState, normalizedNodes, prevEditorState, tags }) => {
      // As Lexical's collaboration plugin does: for a remote change too, since merging text
      // nodes it brought must be mirrored in the document (else offsets break).
      if (!tags.has(SKIP_COLLAB_TAG)) syncLexicalUpdateToYjs(this.binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
    });
    this.binding.root.getSharedType().observeDeep((events, transaction) => {
      if (transaction.origin === this.binding) return;
      syncYjsChangesToLexical(this.binding, provider, events, false);
      // Commit what came in at once, as the window's editor would on its next frame.
      this.editor.update(() => undefined, { discrete: true });
    });
  }

  start(): Promise<void> {
    return this.client.start();
  }

  /** Types at the end of paragraph `index` (making paragraphs up to it as needed), as a local edit. */
  type(text: string, index = 0, pid?: string): void {
    this.editor.update(
      () => {
        const root = $getRoot();
        while (root.getChildrenSize() <= index) {
          const paragraph = $createParagraphNode();
          if (pid) $setState(paragraph, paragraphKeyState, `${pid}-${root.getChildrenSize()}`);
          $setState(paragraph, paragraphTimeState, 1000);
          root.append(paragraph);
        }
        const paragraph = root.getChildAtIndex(index);
        if (!$isElementNode(paragraph)) return;
        // As a key press at the end of the paragraph does: into the text there, not as a
        // node of its own (which Lexical would merge with its neighbour, re-inserting it).
        const last = paragraph.getLastChild();
        if ($isTextNode(last)) last.select().insertText(text);
        else paragraph.append($createTextNode(text)).selectEnd();
      },
      { discrete: true },
    );
  }

  text(): string {
    return this.editor.getEditorState().read(() => $getRoot().getTextContent());
  }
}
