// Ctrl+Enter on a paragraph that is already a finding: which finding is opened, and
// whether its words follow the paragraph, keep their own wording, or a new one is made.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/api/sessions.js';
import { remarkOf, type MarkTarget } from '../../renderer/features/interviews/remark.js';

let nextId = 1;
function finding(text: string, paragraphKey: string | null = 'p1'): Finding {
  const id = `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;
  return {
    id,
    studyId: 'study',
    sessionId: 'session',
    participantId: null,
    questionId: null,
    paragraphKey,
    text,
    type: 'do',
    stageId: null,
    terms: [],
    tagIds: [],
    groupId: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: 1,
  };
}

const whole = (text: string, paragraphKey: string | null = 'p1'): MarkTarget => ({ paragraphKey, text, selected: false });
const part = (text: string): MarkTarget => ({ paragraphKey: 'p1', text, selected: true });

describe('marking a paragraph again', () => {
  it('makes a new finding of a paragraph that has none, or of text without a paragraph', () => {
    expect(remarkOf([finding('Elsewhere', 'p2')], whole('Waited three days'))).toEqual({ kind: 'new' });
    expect(remarkOf([finding('Waited three days', null)], whole('Waited three days', null))).toEqual({ kind: 'new' });
  });

  it('opens the finding that has the same words', () => {
    const same = finding('Waited three days');
    expect(remarkOf([same], whole('Waited three days'))).toEqual({ kind: 'same', finding: same });
    expect(remarkOf([same], part('Waited three days'))).toEqual({ kind: 'same', finding: same });
  });

  it('gives a finding the whole paragraph once more was typed after its words', () => {
    const marked = finding('Waited three days');
    expect(remarkOf([marked], whole('Waited three days for a quote'))).toEqual({ kind: 'grown', finding: marked });
  });

  it('keeps a finding whose wording is not in the paragraph, and opens it instead of a second one', () => {
    const reworded = finding('Quote took three days');
    expect(remarkOf([reworded], whole('Waited three days for a quote'))).toEqual({ kind: 'reworded', finding: reworded });
  });

  it('makes a new finding of a selected part, and of the whole paragraph when only parts inside it are findings', () => {
    const inside = finding('three days');
    expect(remarkOf([inside], part('for a quote'))).toEqual({ kind: 'new' });
    expect(remarkOf([inside], whole('Waited three days for a quote'))).toEqual({ kind: 'new' });
  });

  it('prefers the latest finding of the paragraph', () => {
    const first = finding('Waited');
    const latest = finding('Waited three days');
    expect(remarkOf([first, latest], whole('Waited three days for a quote'))).toEqual({ kind: 'grown', finding: latest });
  });
});
