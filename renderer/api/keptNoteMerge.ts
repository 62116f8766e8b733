// Two versions of one note that both have to be kept: the library's, written after
// the text a browser kept was based on, and the kept text itself. Neither wins: the
// result is the library's version with every kept paragraph it lacks put in, each
// after the paragraph it followed in the kept text. A paragraph both have, by its
// key, with different text keeps the library's wording, unless the kept wording
// contains it whole (typing went on there), and the other wording follows under a
// key of its own, so findings that point at the library's paragraph still find it.
import type { EditorState } from '../../shared/api/sessions';
import { notePlainText } from '../../shared/notes';

type Block = Record<string, unknown>;

const keyOf = (block: Block): string | null => {
  const meta = block.$;
  const pid = meta && typeof meta === 'object' ? (meta as Record<string, unknown>).pid : undefined;
  return typeof pid === 'string' ? pid : null;
};

const textOf = (block: Block): string => notePlainText({ root: { children: [block] } });

function withFreshKey(block: Block): Block {
  const meta = block.$ && typeof block.$ === 'object' ? (block.$ as Record<string, unknown>) : {};
  return { ...block, $: { ...meta, pid: crypto.randomUUID() } };
}

/** The library's note with the kept note's missing paragraphs merged in; nothing of either is left out. */
export function mergeKeptNote(library: EditorState, kept: EditorState): EditorState {
  const result: Block[] = [...(library.root.children as Block[])];
  let after = -1; // where the next kept paragraph goes: after the last one placed or matched
  for (const block of kept.root.children as Block[]) {
    const key = keyOf(block);
    const text = textOf(block);
    const sameKey = key === null ? -1 : result.findIndex((b) => keyOf(b) === key);
    if (sameKey >= 0) {
      const theirs = textOf(result[sameKey]!);
      if (theirs === text) {
        after = sameKey;
        continue;
      }
      if (text.includes(theirs)) {
        result[sameKey] = block;
        after = sameKey;
        continue;
      }
      result.splice(sameKey + 1, 0, withFreshKey(block));
      after = sameKey + 1;
      continue;
    }
    // A paragraph without a key (or a new one) that the library already has word for word adds nothing.
    const sameText = text.trim() ? result.findIndex((b) => textOf(b) === text) : -1;
    if (sameText >= 0 && key === null) {
      after = sameText;
      continue;
    }
    if (!text.trim()) continue; // an empty line carries nothing to keep
    result.splice(after + 1, 0, block);
    after += 1;
  }
  return { ...library, root: { ...library.root, children: result } };
}
