// The notes of one question: a Lexical rich-text editor (bold, italic, underline;
// pasted rich text keeps only that), paragraph times in the margin, saved through the
// NoteSaver. Chinese input methods work as in any text field: shortcuts ignore keys
// that are part of a composition.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getSelection, $getState, $isRangeSelection, COMMAND_PRIORITY_HIGH, KEY_ESCAPE_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect, useState, type RefObject } from 'react';
import type { EditorState } from '../../../shared/api/sessions';
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

interface Props {
  questionId: string | null;
  /** The question's content so far, read once when its editor opens. */
  loadInitial: (questionId: string | null) => EditorState | null;
  onChange: (questionId: string | null, content: EditorState) => void;
  elapsed: () => number;
  label: string;
  placeholder: string;
  findingKeys: ReadonlySet<string>;
  editorRef: RefObject<LexicalEditor | null>;
  /** The library is open read-only: the notes can be read and selected, not changed. */
  readOnly?: boolean;
}

export function NoteEditor({ questionId, loadInitial, onChange, elapsed, label, placeholder, findingKeys, editorRef, readOnly = false }: Props) {
  const [initialConfig] = useState(() => {
    const initial = loadInitial(questionId);
    return {
      namespace: 'fieldwork-notes',
      theme: THEME,
      nodes: [],
      editorState: initial ? JSON.stringify(initial) : undefined,
      editable: !readOnly,
      onError: (error: Error) => console.error(error),
    };
  });
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="note-editor-wrap">
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-editor" aria-label={label} aria-readonly={readOnly || undefined} data-testid="note-editor" spellCheck />}
          placeholder={<div className="note-placeholder">{placeholder}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <AutoFocusPlugin />
      <OnChangePlugin ignoreSelectionChange onChange={(state) => onChange(questionId, state.toJSON() as unknown as EditorState)} />
      <ParagraphStampPlugin elapsed={elapsed} findingKeys={findingKeys} />
      <KeepFocusOnEscape />
      <EditorRef editorRef={editorRef} />
    </LexicalComposer>
  );
}
