// Live capture benchmarks, in a session with 60 questions and 3,000 paragraphs
// already written:
//   capture.key_to_paint_p95_ms: key press to the next painted frame in the notes
//     editor, against the same measure on a plain <textarea> on the same page;
//   capture.key_to_durable_p95_ms: key press to the note row committed in SQLite,
//     while typing continuously.
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../electron/core/bridge/server.js';
import type { Library } from '../../electron/core/library.js';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { percentile, round, type BenchResult } from './results.js';
import { pageUrl } from '../helpers/page-url.js';

async function call<N extends OperationName>(library: Library, name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  const result = await library.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as OperationOutput<N>;
}

/** Puts the caret at the very end of the notes (a click lands wherever the middle of the editor is). */
async function caretAtEnd(page: Page): Promise<void> {
  await page.evaluate(() => {
    const editor = document.querySelector<HTMLElement>('[data-testid="note-editor"]')!;
    editor.focus();
    const range = document.createRange();
    range.selectNodeContents(editor.lastElementChild ?? editor);
    range.collapse(false);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.waitForTimeout(50);
}

async function bigSession(library: Library) {
  const study = await call(library, 'study.create', { name: 'Capture benchmark', language: 'zh-Hans' });
  let guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'blank' } });
  for (let s = 0; s < 6; s++) {
    guide = await call(library, 'guide.addSection', { versionId: guide.version.id, title: `Section ${s + 1}` });
    const sectionId = guide.sections.at(-1)!.id;
    for (let q = 0; q < 10; q++) {
      guide = await call(library, 'guide.addQuestion', { sectionId, fields: { text: `问题 ${s * 10 + q + 1}：接下来你做了什么？`, timeBudgetSec: 60 } });
    }
  }
  const questions = guide.sections.flatMap((x) => x.questions);
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: '' });
  await call(library, 'session.start', { id: session.id });
  for (const [i, q] of questions.entries()) {
    const paragraphs = Array.from({ length: 50 }, (_, k) => ({
      pid: `q${i}p${k}`,
      atMs: (i * 50 + k) * 1000,
      text: `第${k + 1}段：客户说价格不透明，销售反复改报价，等了三天才拿到最终合同。The buyer compared three dealers.`,
    }));
    await call(library, 'note.save', { sessionId: session.id, questionId: q.id, content: noteFromParagraphs(paragraphs) });
  }
  const middle = questions[30]!;
  await call(library, 'session.goto', { id: session.id, questionId: middle.id });
  return { studyId: study.id, sessionId: session.id, questionId: middle.id };
}

/**
 * Installs key-to-paint timing on the page: from the key event's timestamp to the
 * start of the next animation frame, the frame that paints the change (the editor
 * updates synchronously within the key's task, before that frame).
 */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyTimes: number[] };
    w.__keyTimes = [];
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => w.__keyTimes.push(performance.now() - start));
      },
      true,
    );
  });
}

const takeTimes = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __keyTimes: number[] };
    const times = w.__keyTimes;
    w.__keyTimes = [];
    return times;
  });

const TEXT = 'The salesperson kept changing the quote and I felt pressured to sign that day ';

export async function benchCapture(browser: Browser, server: RunningServer, library: Library): Promise<BenchResult[]> {
  const { studyId, sessionId, questionId } = await bigSession(library);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(pageUrl(server, `#/study/${studyId}/interviews/${sessionId}`));
  const editor = page.getByTestId('note-editor');
  await editor.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.note-paragraph').length >= 50);
  await instrument(page);

  // Warm up, then measure typing at the end of the 50-paragraph note.
  await caretAtEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('warm up ', { delay: 30 });
  await takeTimes(page);
  await page.keyboard.type(TEXT.repeat(3), { delay: 40 });
  const editorTimes = await takeTimes(page);

  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'bench-baseline';
    area.style.cssText = 'position:fixed;right:10px;bottom:10px;width:300px;height:80px;z-index:99';
    document.body.append(area);
  });
  await page.locator('#bench-baseline').click();
  await page.keyboard.type('warm up ', { delay: 30 });
  await takeTimes(page);
  await page.keyboard.type(TEXT.repeat(3), { delay: 40 });
  const baselineTimes = await takeTimes(page);
  await page.locator('#bench-baseline').evaluate((el) => el.remove());

  // Key to durable: type continuously (8 keys a second) and watch the row in SQLite.
  await caretAtEnd(page);
  await page.keyboard.press('Enter');
  const marker = 'durabilitycheck';
  const db = library.context.db;
  const read = db.prepare("SELECT plain_text FROM note WHERE session_id = ? AND question_id = ?");
  const pressedAt: number[] = [];
  const durableAt: number[] = [];
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const text = (read.get(sessionId, questionId) as { plain_text: string }).plain_text;
      const typed = text.split('\n').find((line) => line.startsWith(marker.slice(0, 5)))?.length ?? 0;
      while (durableAt.length < Math.min(typed, pressedAt.length)) durableAt.push(performance.now());
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  for (const ch of marker.repeat(4)) {
    pressedAt.push(performance.now());
    await page.keyboard.type(ch);
    await new Promise((r) => setTimeout(r, 125));
  }
  const deadline = performance.now() + 5000;
  while (durableAt.length < pressedAt.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  watching = false;
  await watcher;
  if (durableAt.length < pressedAt.length) {
    const text = (read.get(sessionId, questionId) as { plain_text: string }).plain_text;
    throw new Error(`only ${durableAt.length} of ${pressedAt.length} keys became durable within 5 s; last line: ${text.slice(text.lastIndexOf('\n') + 1).slice(0, 80)}`);
  }
  await context.close();
  const durable = pressedAt.map((t, i) => durableAt[i]! - t);

  const p95 = percentile(editorTimes, 95);
  const base = percentile(baselineTimes, 95);
  return [
    { name: 'capture.key_to_paint_p95_ms', value: round(p95, 1), unit: 'ms', baseline: round(base, 1), ratio: round(p95 / base, 2) },
    { name: 'capture.key_to_durable_p95_ms', value: round(percentile(durable, 95), 0), unit: 'ms' },
  ];
}
