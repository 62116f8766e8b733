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
import { $getRoot, $getSelection, $getState, $isRangeSelection, COLLABORATION_TAG, COMMAND_PRIORITY_HIGH, KEY_ESCAPE_COMMAND, type LexicalEditor } from 'lexical';
import type { Provider } from '@lexical/yjs';
import { useEffect, useState, type RefObject } from 'react';
import type { Doc } from 'yjs';
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

/**
 * An editor opens empty and its notes arrive from the shared document a moment later:
 * the caret then goes to their end, where the note-taker goes on typing, unless they
 * already put it somewhere.
 */
function CaretAtEndWhenLoaded() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let moved = false;
    const stop = editor.registerUpdateListener(({ tags, prevEditorState }) => {
      if (moved || !tags.has(COLLABORATION_TAG)) return;
      moved = true;
      stop();
      const wasEmpty = prevEditorState.read(() => $getRoot().getTextContentSize() === 0);
      const root = editor.getRootElement();
      if (!wasEmpty || !root || root.ownerDocument.activeElement !== root) return;
      editor.update(() => $getRoot().selectEnd());
    });
    return stop;
  }, [editor]);
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
      <LexicalCollaboration>
        <CollaborationPlugin id={NOTE_DOC_ROOT} providerFactory={providerFactory} shouldBootstrap={false} username={author} />
      </LexicalCollaboration>
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
      <CaretAtEndWhenLoaded />
      <EditorRef editorRef={editorRef} />
    </LexicalComposer>
  );
}
