// Two note-takers in one interview, in real Chromium against browser mode: two pages
// type into the same question's notes at once and each sees the other's text; one
// page dies mid-sentence, and what it typed (kept in the browser until the host had
// committed it) reaches the library when the app is opened again. Yjs is loaded once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noteFromParagraphs, noteParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { pageUrl } from '../helpers/page-url.js';
import { openNewInterview } from './new-interview.js';

const editor = (page: Page) => page.getByTestId('note-editor');
const CJK = /[\u4e00-\u9fff，。]/;

/** Every message a page logs, to catch Yjs's warning about a second copy of itself. */
function logOf(page: Page): string[] {
  const log: string[] = [];
  page.on('console', (message) => log.push(message.text()));
  return log;
}

describe('two note-takers in one interview', () => {
  it('keeps every character of two pages typing one question’s notes at once, and what a page typed before it died', async () => {
    const { page, library, session, study, server, guide } = await openNewInterview();
    const firstLog = logOf(page);
    await call(library, 'session.start', { id: session.id });
    const url = pageUrl(server, `#/study/${study.id}/interviews/${session.id}`);
    await page.goto(url);
    await editor(page).waitFor();
    const other = await page.context().newPage();
    const otherLog = logOf(other);
    await other.goto(url);
    await editor(other).waitFor();

    // Both type at once into the first question's notes: one in Chinese, one in English.
    const chinese = '报价等了三天才拿到，我就去了另一家店';
    const english = 'the dealer never called back';
    await editor(page).click();
    await editor(other).click();
    await Promise.all([
      (async () => {
        for (const ch of chinese) await page.keyboard.insertText(ch);
      })(),
      other.keyboard.type(english, { delay: 15 }),
    ]);
    // Each page shows both texts, with every character of each, in each writer's order.
    for (const p of [page, other]) {
      await expect.poll(async () => [...(await editor(p).innerText())].filter((ch) => CJK.test(ch)).join('')).toBe(chinese);
      await expect.poll(async () => [...(await editor(p).innerText())].filter((ch) => /[A-Za-z ]/.test(ch)).join('').trim()).toBe(english);
    }

    // The second page dies in the middle of its next sentence, before it can send it.
    const sentence = ' and I never went back';
    await other.keyboard.type(sentence);
    const cdp = await other.context().newCDPSession(other);
    const crashed = new Promise((resolve) => other.once('crash', resolve));
    void cdp.send('Page.crash').catch(() => undefined); // never answered: the page's process is gone, no unload handler runs
    await crashed;

    const first = guide.sections[0]!.questions[0]!.id;
    const stored = async () => {
      const note = (await call(library, 'session.get', { id: session.id })).notes.find((n) => n.questionId === first);
      return note ? noteParagraphs(note.content).map((p) => p.text).join('\n') : '';
    };
    // What the dead page typed comes back with the app opened again in this browser.
    const reopened = await page.context().newPage();
    const reopenedLog = logOf(reopened);
    await reopened.goto(url);
    await editor(reopened).waitFor();
    await expect.poll(() => editor(reopened).innerText(), { timeout: 20_000 }).toContain('never went back');
    await expect.poll(async () => [...(await stored())].filter((ch) => CJK.test(ch)).join(''), { timeout: 20_000 }).toBe(chinese);
    await expect.poll(async () => [...(await stored())].filter((ch) => /[A-Za-z ]/.test(ch)).join('').replace(/\s+/g, ' ').trim(), { timeout: 20_000 }).toBe(`${english}${sentence}`.replace(/\s+/g, ' '));
    // The first page, open all along, shows it too; nothing is doubled.
    await expect.poll(() => editor(page).innerText()).toContain('never went back');
    expect((await editor(page).innerText()).split('never went back').length).toBe(2);

    for (const log of [firstLog, otherLog, reopenedLog]) expect(log.filter((line) => line.includes('Yjs was already imported'))).toEqual([]);
  });

  it('keeps what is typed before the note’s document has arrived, once, at the end of the notes', async () => {
    const { page, library, session, study, server, guide } = await openNewInterview();
    await call(library, 'session.start', { id: session.id });
    await call(library, 'note.save', { sessionId: session.id, questionId: guide.sections[0]!.questions[0]!.id, content: noteFromParagraphs([{ pid: 'p1', atMs: 1000, text: 'Saw the ad first.' }]) });
    // The document is slow to come: the first answer is held back while the note-taker types.
    let held = true;
    await page.route('**/api/note.sync', async (route) => {
      while (held) await new Promise((resolve) => setTimeout(resolve, 50));
      await route.continue();
    });
    await page.goto(pageUrl(server, `#/study/${study.id}/interviews/${session.id}`));
    await editor(page).waitFor();
    await page.keyboard.type('Then called the dealer.');
    held = false;
    await expect.poll(() => editor(page).innerText()).toContain('Saw the ad first.');
    await expect.poll(async () => (await editor(page).innerText()).split('\n').filter(Boolean)).toEqual(['Saw the ad first.', 'Then called the dealer.']);
    const stored = async () => noteParagraphs((await call(library, 'session.get', { id: session.id })).notes[0]!.content).map((p) => p.text);
    await expect.poll(stored).toEqual(['Saw the ad first.', 'Then called the dealer.']);
    // Typing goes on at the end.
    await page.keyboard.type(' Twice.');
    await expect.poll(stored).toEqual(['Saw the ad first.', 'Then called the dealer. Twice.']);
  });
});
