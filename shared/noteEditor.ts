// What every editor of a note shares, in the windows and on the host: the node types
// (rich text's paragraphs and text only, so nothing else can enter a note) and the
// name of the Yjs document's root. Two editors with different nodes would disagree
// about the same document.
import type { Klass, LexicalNode } from 'lexical';

export const NOTE_EDITOR_NODES: ReadonlyArray<Klass<LexicalNode>> = [];

/** The id of a note's document in Lexical's collaboration binding (one document per editor). */
export const NOTE_DOC_ROOT = 'note';
