// What Ctrl+Enter does on a paragraph that is already a finding. The answer often goes
// on in the paragraph after it was marked; marking it again must not add a second copy
// of the same finding to the board, and must not throw away wording the researcher
// chose. The finding does not record whether its words were edited, so this is read
// from the words themselves: a finding whose text is still how its paragraph began is
// the paragraph as it was marked; one whose text is not in the paragraph was reworded.
import type { Finding } from '../../../shared/api/sessions';

export interface MarkTarget {
  paragraphKey: string | null;
  /** What is marked: the selected text, else the whole paragraph. */
  text: string;
  /** The text came from a selection, not from the whole paragraph. */
  selected: boolean;
}

export type Remark =
  /** Nothing of this paragraph with these words yet: a new finding. */
  | { kind: 'new' }
  /** A finding with exactly these words: open it. */
  | { kind: 'same'; finding: Finding }
  /** The paragraph went on after it was marked: the finding takes its words now. */
  | { kind: 'grown'; finding: Finding }
  /** The finding has wording of its own: open it, keep the wording. */
  | { kind: 'reworded'; finding: Finding };

export function remarkOf(findings: readonly Finding[], target: MarkTarget): Remark {
  if (!target.paragraphKey) return { kind: 'new' };
  // The latest first: that is the one the researcher last worked on.
  const ofParagraph = findings.filter((f) => f.paragraphKey === target.paragraphKey).reverse();
  const same = ofParagraph.find((f) => f.text === target.text);
  if (same) return { kind: 'same', finding: same };
  // A selection is a part chosen on purpose: a finding of its own beside the others.
  if (target.selected) return { kind: 'new' };
  const grown = ofParagraph.find((f) => target.text.startsWith(f.text));
  if (grown) return { kind: 'grown', finding: grown };
  // A finding found inside the paragraph, not at its start, is a selected part: it is
  // no reason not to mark the whole paragraph.
  const reworded = ofParagraph.find((f) => !target.text.includes(f.text));
  return reworded ? { kind: 'reworded', finding: reworded } : { kind: 'new' };
}
