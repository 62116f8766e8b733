// The notes of one question: a Lexical rich-text editor (bold, italic, underline;
// pasted rich text keeps only that), paragraph times in the margin. Its document is
// shared through Lexical's collaboration binding with every other editor of the same
// note (a second note-taker's window), synced with the host by a NoteSyncClient; undo
// takes back this editor's own typing only. Chinese input methods work as in any text
// field: shortcuts ignore keys that are part of a composition.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $getSelection, $getState, $isRangeSelection, COLLABORATION_TAG, SKIP_COLLAB_TAG, COMMAND_PRIORITY_HIGH, KEY_ESCAPE_COMMAND, type LexicalEditor } from 'lexical';
import type { Provider } from '@lexical/yjs';
import { useEffect, useState, type RefObject } from 'react';
import { XmlText, type Doc } from 'yjs';
import { NOTE_DOC_ROOT, NOTE_EDITOR_NODES } from '../../../shared/noteEditor';
import { ParagraphStampPlugin } from './ParagraphStampPlugin';
import type { MarkTarget } from './remark';
import { paragraphKeyState } from './paragraphState';

const THEME = {
  paragraph: 'note-paragraph',
  text: { bold: 'note-bold', italic: 'note-italic', underline: 'note-underline' },
};

/** The paragraph under the caret (or the selected text) to turn into a finding. */
export function readMarkTarget(editor: LexicalEditor): MarkTarget | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    const block = selection.anchor.getNode().getTopLevelElement();
    const paragraphKey = block ? $getState(block, paragraphKeyState) : null;
    const selected = selection.getTextContent().trim();
    const text = selected || (block?.getTextContent().trim() ?? '');
    return text ? { paragraphKey, text, selected: Boolean(selected) } : null;
  });
}

function EditorRef({ editorRef }: { editorRef: RefObject<LexicalEditor | null> }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editorRef.current = editor;
    return () => {
      editorRef.current = null;
    };
  }, [editor, editorRef]);
  return null;
}

/**
 * Escape leaves the keyboard in the notes. The rich-text editor would blur on it, and an
 * Escape pressed out of habit after an overlay closed would drop the next words typed.
 * Tab still leaves the notes, so the keyboard is never trapped.
 */
function KeepFocusOnEscape() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.registerCommand(KEY_ESCAPE_COMMAND, () => true, COMMAND_PRIORITY_HIGH), [editor]);
  return null;
}

/** The texts of the paragraphs typed on the editor's own line before the document came. */
const $typedLines = () =>
  $getRoot()
    .getChildren()
    .map((paragraph) => paragraph.getTextContent())
    .filter((text) => text.length > 0);

/** Types `lines` at the end of the notes as this note-taker's edit (so it is sent), and puts the caret there. */
function $typeAtEnd(lines: readonly string[], always: boolean): void {
  const notes = $getRoot();
  for (const [index, text] of lines.entries()) {
    const last = notes.getLastChild();
    const target = index === 0 && $isElementNode(last) && last.getTextContentSize() === 0 ? last : notes.append($createParagraphNode()).getLastChild();
    if ($isElementNode(target)) target.append($createTextNode(text));
  }
  if (always && notes.isEmpty()) notes.append($createParagraphNode());
  notes.selectEnd();
}

/**
 * Lexical's collaboration plugin, and what happens to the line the editor opened on
 * (LineToTypeOn) when the note's document comes. That line is not part of the document:
 * - the document brings paragraphs: they replace the line; what was typed on it is typed
 *   again at the end of the notes;
 * - the document is empty (the library could not write its first line): the line's text
 *   becomes the document's first paragraph, so what is typed from then on is sent.
 * Either way the caret goes to the end of the notes.
 */
function NoteCollaboration({ providerFactory, author }: { providerFactory: Props['providerFactory']; author: string }) {
  const [editor] = useLexicalComposerContext();
  const [state] = useState(() => ({ loaded: false }));
  useEffect(() => {
    const stop = editor.registerUpdateListener(({ tags, prevEditorState }) => {
      if (state.loaded || !tags.has(COLLABORATION_TAG)) return;
      state.loaded = true;
      const typed = prevEditorState.read($typedLines);
      editor.update(() => $typeAtEnd(typed, false));
    });
    return stop;
  }, [editor, state]);
  const [factory] = useState(() => (id: string, docs: Map<string, Doc>): Provider => {
    const provider = providerFactory(id, docs);
    const doc = docs.get(id);
    provider.on('sync', (synced: boolean) => {
      // A document with paragraphs reaches the editor as a collaboration update (above).
      if (!synced || state.loaded || !doc || doc.get('root', XmlText).length > 0) return;
      state.loaded = true;
      const typed = editor.getEditorState().read($typedLines);
      editor.update(() => $getRoot().clear(), { discrete: true, tag: SKIP_COLLAB_TAG });
      editor.update(() => $typeAtEnd(typed, true));
    });
    return provider;
  });
  return (
    <LexicalCollaboration>
      <CollaborationPlugin id={NOTE_DOC_ROOT} providerFactory={factory} shouldBootstrap={false} username={author} />
    </LexicalCollaboration>
  );
}

/**
 * The editor opens on an empty line of its own, so keys typed before the note's
 * document arrives have somewhere to go (the document is not bound yet, so they are
 * not sent; see NoteCollaboration).
 */
function LineToTypeOn() {
  const [editor] = useLexicalComposerContext();
  useState(() => {
    editor.update(
      () => {
        if ($getRoot().isEmpty()) $getRoot().append($createParagraphNode());
      },
      { discrete: true, tag: SKIP_COLLAB_TAG },
    );
  });
  return null;
}

interface Props {
  /** Connects this editor's document to the note's (see NoteSyncs.providerFactory). */
  providerFactory: (id: string, docs: Map<string, Doc>) => Provider;
  /** How this editor's caret is labelled in other editors of the note. */
  author: string;
  elapsed: () => number;
  label: string;
  placeholder: string;
  findingKeys: ReadonlySet<string>;
  editorRef: RefObject<LexicalEditor | null>;
  /** The library is open read-only: the notes can be read and selected, not changed. */
  readOnly?: boolean;
}

export function NoteEditor({ providerFactory, author, elapsed, label, placeholder, findingKeys, editorRef, readOnly = false }: Props) {
  const [initialConfig] = useState(() => ({
    namespace: 'fieldwork-notes',
    theme: THEME,
    nodes: [...NOTE_EDITOR_NODES],
    // The content comes from the shared document, never from here (that would add it twice).
    editorState: null,
    editable: !readOnly,
    onError: (error: Error) => console.error(error),
  }));
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <LineToTypeOn />
      <NoteCollaboration providerFactory={providerFactory} author={author} />
      <div className="note-editor-wrap">
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-editor" aria-label={label} aria-readonly={readOnly || undefined} data-testid="note-editor" spellCheck />}
          placeholder={<div className="note-placeholder">{placeholder}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <AutoFocusPlugin />
      <ParagraphStampPlugin elapsed={elapsed} findingKeys={findingKeys} />
      <KeepFocusOnEscape />
      <EditorRef editorRef={editorRef} />
    </LexicalComposer>
  );
}
