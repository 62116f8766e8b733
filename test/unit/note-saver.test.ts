// The note saver's promises: a save 400 ms after typing pauses, never more than
// 800 ms behind while typing goes on, one save per note at a time with the newest
// text, and on failure the text kept, the problem reported, and a retry. And the
// last save as the page goes away: keep-alive requests within the browser's limit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEPALIVE_LIMIT_BYTES, KeepaliveBudget } from '../../renderer/api/keepalive.js';
import { NoteSaver } from '../../renderer/features/interviews/noteSaver.js';
import type { EditorState } from '../../shared/api/sessions.js';
import { noteFromParagraphs } from '../../shared/notes.js';

const note = (text: string) => noteFromParagraphs([{ pid: 'p', atMs: 0, text }]) as unknown as EditorState;
const textOf = (content: EditorState) => JSON.stringify(content).match(/"text":"([^"]*)"/)?.[1];

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('note saver', () => {
  it('saves 400 ms after typing pauses', async () => {
    const saved: string[] = [];
    const saver = new NoteSaver(async (_q, c) => void saved.push(textOf(c)!), String);
    saver.update('q1', note('a'));
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['a']);
    expect(saver.getStatus().kind).toBe('saved');
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('is never more than 800 ms behind during continuous typing', async () => {
    const saved: Array<[number, string]> = [];
    const saver = new NoteSaver(async (_q, c) => void saved.push([Date.now(), textOf(c)!]), String);
    const start = Date.now();
    let text = '';
    for (let i = 0; i < 20; i++) {
      text += 'x';
      saver.update('q1', note(text));
      await vi.advanceTimersByTimeAsync(100); // a key every 100 ms: the pause never comes
    }
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(saved[0]![0] - start).toBeLessThanOrEqual(800);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved.at(-1)![1]).toBe(text);
  });

  it('keeps the text when a save fails, reports it, and retries until it succeeds', async () => {
    let failing = true;
    const saved: string[] = [];
    const saver = new NoteSaver(async (_q, c) => {
      if (failing) throw new Error('disk full');
      saved.push(textOf(c)!);
    }, (e) => (e as Error).message);
    saver.update('q1', note('important words'));
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.getStatus()).toMatchObject({ kind: 'failed', message: 'disk full' });
    expect(saver.hasUnsaved()).toBe(true);
    expect(saver.unsaved().map((u) => textOf(u.content))).toEqual(['important words']);
    failing = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['important words']);
    expect(saver.getStatus().kind).toBe('saved');
  });

  it('offers a note whose save is still on its way for the last save as the page goes away', async () => {
    const answers: Array<() => void> = [];
    const saver = new NoteSaver((_q, _c) => new Promise<void>((resolve) => answers.push(resolve)), String);
    saver.update('q1', note('sent, no answer yet'));
    saver.update('q2', note('waiting'));
    await vi.advanceTimersByTimeAsync(400);
    expect(answers).toHaveLength(2);
    saver.update('q2', note('waiting, newer'));
    expect(saver.unsaved().map((u) => [u.questionId, textOf(u.content)]).sort()).toEqual([
      ['q1', 'sent, no answer yet'],
      ['q2', 'waiting, newer'],
    ]);
    answers.forEach((answer) => answer());
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.unsaved().map((u) => textOf(u.content))).toEqual(['waiting, newer']);
  });

  it('flushes every question at once on demand, each question separately', async () => {
    const saved: Array<[string | null, string]> = [];
    const saver = new NoteSaver(async (q, c) => void saved.push([q, textOf(c)!]), String);
    saver.update('q1', note('one'));
    saver.update(null, note('other'));
    await saver.flushAll();
    expect(saved.sort()).toEqual([
      ['q1', 'one'],
      [null, 'other'],
    ].sort());
  });
});

describe('keep-alive budget for the last save', () => {
  it('sends each document on its own while the bodies in flight stay within the browser limit', () => {
    const budget = new KeepaliveBudget();
    expect(KEEPALIVE_LIMIT_BYTES).toBe(65_536);
    expect(budget.take(30_000)).toBe(true);
    expect(budget.take(30_000)).toBe(true);
    expect(budget.take(6_000)).toBe(false); // would make 66,000 bytes: the browser would refuse it
    expect(budget.take(5_536)).toBe(true);
  });

  it('never sends a document larger than the limit, and has room again once requests complete', () => {
    const budget = new KeepaliveBudget();
    expect(budget.take(70_000)).toBe(false);
    expect(budget.take(40_000)).toBe(true);
    expect(budget.take(40_000)).toBe(false);
    budget.release(40_000);
    expect(budget.take(40_000)).toBe(true);
  });
});
