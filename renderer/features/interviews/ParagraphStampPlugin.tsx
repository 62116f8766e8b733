// Stamps each paragraph with its key and start time, and shows the time (mm:ss) in
// the margin. The time is taken when the paragraph first gets text, so empty lines
// carry none; a paragraph split off another gets a key of its own. Only what is typed
// here is stamped: a paragraph another note-taker typed (or the library sent) keeps the
// key and time its writer gave it, so every editor of the note agrees on them.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getState, $hasUpdateTag, $setState, COLLABORATION_TAG, ParagraphNode } from 'lexical';
import { useEffect } from 'react';
import { msToClock } from '../../../shared/notes';
import { paragraphKeyState, paragraphTimeState } from './paragraphState';

export function ParagraphStampPlugin({ elapsed, findingKeys }: { elapsed: () => number; findingKeys: ReadonlySet<string> }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const owners = new Map<string, string>(); // paragraph key -> node key that owns it
    const removeTransform = editor.registerNodeTransform(ParagraphNode, (node) => {
      const pid = $getState(node, paragraphKeyState);
      if ($hasUpdateTag(COLLABORATION_TAG)) {
        if (pid) owners.set(pid, node.getKey());
        return;
      }
      const owner = pid ? owners.get(pid) : undefined;
      if (!pid || (owner && owner !== node.getKey() && $getNodeByKey(owner)?.isAttached())) {
        const fresh = crypto.randomUUID();
        $setState(node, paragraphKeyState, fresh);
        $setState(node, paragraphTimeState, null);
        owners.set(fresh, node.getKey());
      } else {
        owners.set(pid, node.getKey());
      }
      if ($getState(node, paragraphTimeState) === null && node.getTextContentSize() > 0) {
        $setState(node, paragraphTimeState, elapsed());
      }
    });
    const removeListener = editor.registerMutationListener(ParagraphNode, (mutations) => {
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') continue;
          const node = $getNodeByKey(key);
          const element = editor.getElementByKey(key);
          if (!node || !element) continue;
          const at = $getState(node, paragraphTimeState);
          const pid = $getState(node, paragraphKeyState);
          if (at === null) delete element.dataset.time;
          else element.dataset.time = msToClock(at);
          if (pid) element.dataset.pid = pid;
        }
      });
    });
    return () => {
      removeTransform();
      removeListener();
    };
  }, [editor, elapsed]);

  // Paragraphs that became findings are marked in the margin.
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    for (const element of root.querySelectorAll<HTMLElement>('[data-pid]')) {
      element.classList.toggle('has-finding', findingKeys.has(element.dataset.pid ?? ''));
    }
  });

  return null;
}
