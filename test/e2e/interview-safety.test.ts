// Live notes when things go wrong, in real Chromium against browser mode: a library
// that stops accepting writes mid-interview, a page closed straight after typing
// (small and large notes, and while nothing can be written), and the 25% checkpoint
// leading to the board and to a revised guide version.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import type { EditorState } from '../../shared/api/sessions.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { openNewInterview } from './new-interview.js';
import { fillDisk, freeDisk } from '../helpers/full-disk.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const setUp = () => openNewInterview();

async function startInterview(page: Page) {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByTestId('note-editor').waitFor();
}

/** From here on the library's connection refuses every write (SQLITE_READONLY), as when its file is locked under the app. */
function refuseWrites(library: Library) {
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // the core logs each refused write
  library.context.db.pragma('query_only = ON');
}
const allowWrites = (library: Library) => library.context.db.pragma('query_only = OFF');

const savedNotes = async (library: Library, sessionId: string) => JSON.stringify((await call(library, 'session.get', { id: sessionId })).notes);
const editorText = (page: Page) => page.getByTestId('note-editor').innerText();

/** Closes the tab the way a user does, running the page's beforeunload, and opens the app again in a new tab. */
async function closeAndReopen(page: Page, url: string) {
  page.on('dialog', (dialog) => void dialog.accept()); // "Leave site?" after typing
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  const reopened = await page.context().newPage();
  await reopened.goto(url);
  return reopened;
}

describe('interview safety', () => {
  it('keeps the text and says so while the library refuses writes, then saves it once it can', async () => {
    const { page, library, session } = await setUp();
    await startInterview(page);
    refuseWrites(library);
    await page.keyboard.type('Saw the ad on the metro, no price anywhere.');
    const state = page.getByTestId('save-state');
    await state.getByText(/Not saved yet: The library’s folder or file cannot be written/).waitFor();
    await state.getByText(/Your text is kept/).waitFor();
    expect(await editorText(page)).toContain('Saw the ad on the metro, no price anywhere.');
    allowWrites(library);

    await state.getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await savedNotes(library, session.id)).toContain('Saw the ad on the metro, no price anywhere.');
    await page.reload();
    await page.getByTestId('note-editor').waitFor();
    await expect.poll(() => editorText(page)).toContain('Saw the ad on the metro, no price anywhere.');
  });

  it('saves what was just typed when the tab is closed', async () => {
    const { page, library, session, server } = await setUp();
    await startInterview(page);
    await page.keyboard.type('Last words before closing the tab.');
    const reopened = await closeAndReopen(page, server.url);
    await reopened.getByTestId('note-editor').waitFor();
    await expect.poll(() => reopened.getByTestId('note-editor').innerText()).toContain('Last words before closing the tab.');
    expect(await savedNotes(library, session.id)).toContain('Last words before closing the tab.');
  });

  it('saves a note larger than a keep-alive request can carry when the tab is closed at once', async () => {
    const { page, library, session, server } = await setUp();
    await startInterview(page);
    const long = `${'The quote took three days and nobody called back. '.repeat(1_500)}End of the long answer.`;
    expect(long.length).toBeGreaterThan(70_000);
    await page.keyboard.insertText(long);
    await page.getByTestId('note-editor').getByText(/End of the long answer\.$/).waitFor();
    const reopened = await closeAndReopen(page, server.url);
    await reopened.getByTestId('note-editor').waitFor();
    await expect.poll(() => reopened.getByTestId('note-editor').innerText()).toContain('End of the long answer.');
    await expect.poll(() => savedNotes(library, session.id)).toContain(long);
  });

  const lastWords = [
    { size: 'a short note', text: 'Typed while nothing could be written.', enter: (page: Page, text: string) => page.keyboard.type(text) },
    {
      size: 'a note larger than a keep-alive request can carry',
      text: `${'Typed while nothing could be written. '.repeat(2_000)}The very end.`,
      enter: (page: Page, text: string) => page.keyboard.insertText(text),
    },
  ];
  for (const { size, text, enter } of lastWords) {
    it(`keeps ${size} that could not be saved as the tab closed, and saves it when the app is opened again`, async () => {
      const { page, library, session, server } = await setUp();
      await startInterview(page);
      refuseWrites(library);
      await enter(page, text);
      await page.getByTestId('save-state').getByText(/Not saved yet/).waitFor();
      page.on('dialog', (dialog) => void dialog.accept());
      const closed = page.waitForEvent('close');
      await page.close({ runBeforeUnload: true });
      await closed;
      allowWrites(library);
      expect(await savedNotes(library, session.id)).not.toContain('Typed while nothing could be written.');

      const reopened = await page.context().newPage();
      await reopened.goto(server.url);
      await reopened.getByTestId('note-editor').waitFor();
      await expect.poll(() => reopened.getByTestId('note-editor').innerText()).toContain(text.slice(-30));
      expect(await savedNotes(library, session.id)).toContain(text);
    });
  }

  it('loses nothing typed while the disk is full across a reload: the kept text is back in the editor and reaches the library once there is room', async () => {
    const { page, library, session } = await setUp();
    await startInterview(page);
    await page.keyboard.type('Went to two dealers first.');
    const state = page.getByTestId('save-state');
    await state.getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
    const { db } = library.context;
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // the core logs each refused write
    // The disk fills up: the library may not grow by a single page.
    fillDisk(db);
    const paragraph = `Then the quote took three days, ${'and nobody called back, '.repeat(600)}so I gave up.`;
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
    await state.getByText(/The disk is full/).waitFor();
    await state.getByText(/Your text is kept/).waitFor();

    page.on('dialog', (dialog) => void dialog.accept()); // "Reload site?" with unsaved text
    await page.reload();
    await page.getByTestId('note-editor').waitFor();
    await expect.poll(() => editorText(page)).toContain('so I gave up.');
    await page.getByText(/Notes typed while they could not be saved are back in the editor/).waitFor();
    freeDisk(db); // room again

    await expect.poll(() => savedNotes(library, session.id), { timeout: 20_000 }).toContain('so I gave up.');
    expect(await editorText(page)).toContain('Went to two dealers first.');
    await state.getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
    const revision = async () => (await call(library, 'session.get', { id: session.id })).notes[0]!.revision;
    const before = await revision();
    await page.reload();
    await page.getByTestId('note-editor').waitFor();
    await expect.poll(() => editorText(page)).toContain('so I gave up.');
    expect(await page.evaluate(() => localStorage.getItem('fieldwork.unsentNotes'))).toBeNull();
    // Opening the interview wrote nothing: the next word typed is the next revision.
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' Bought elsewhere.'); // one edit, so one save
    await expect.poll(() => savedNotes(library, session.id), { timeout: 20_000 }).toContain('so I gave up. Bought elsewhere.');
    expect(await revision()).toBe(before + 1);
  });

  it('writes nothing when an interview is opened and nothing is typed', async () => {
    const { page, library, session, guide } = await setUp();
    const first = guide.sections[0]!.questions[0]!.id;
    await call(library, 'session.start', { id: session.id });
    // Notes written elsewhere (imported, the sample study) are laid out differently from the editor's own.
    await call(library, 'note.save', {
      sessionId: session.id,
      questionId: first,
      content: noteFromParagraphs([
        { pid: 'a', atMs: 0, text: 'Compared three quotes online.' },
        { pid: 'b', atMs: 5_000, text: 'Called the cheapest one.' },
      ]) as unknown as EditorState,
    });
    await page.reload();
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.getByTestId('note-editor').getByText('Called the cheapest one.').waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' Then waited.'); // one edit, so one save
    await expect.poll(() => savedNotes(library, session.id), { timeout: 20_000 }).toContain('Called the cheapest one. Then waited.');
    // The word typed is the only write since: revision 2.
    expect((await call(library, 'session.get', { id: session.id })).notes.map((n) => n.revision)).toEqual([2]);
  });

  it('suggests analysis at a quarter of the planned interviews, links to the board, and opens a revised guide version', async () => {
    const { page, library, study, session, guide } = await setUp();
    await call(library, 'session.start', { id: session.id });
    await call(library, 'session.end', { id: session.id });
    await page.reload();
    const banner = page.getByTestId('checkpoint');
    await banner.getByText('1 of 4 planned interviews done: time to start analysing.').waitFor();

    await banner.getByRole('button', { name: 'Start analysing on the board' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/study/${study.id}/board`);
    await page.goBack();

    await page.getByTestId('checkpoint').getByRole('button', { name: 'Revise the guide: start v2' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/study/${study.id}/guide`);
    await page.getByRole('button', { name: 'Publish v2' }).waitFor();
    const latest = async () => (await call(library, 'guide.get', { studyId: study.id }))!;
    expect((await latest()).versions.map((v) => [v.number, v.publishedAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect((await latest()).sections.flatMap((s) => s.questions)).toHaveLength(guide.sections.flatMap((s) => s.questions).length);

    // Back at the checkpoint, the same action opens the draft instead of making another.
    await page.goBack();
    await page.getByTestId('checkpoint').getByRole('button', { name: 'Revise the guide: continue draft v2' }).click();
    await page.getByRole('button', { name: 'Publish v2' }).click();
    await page.getByLabel('What changed, and why').fill('Ask about the quote wait earlier.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(async () => (await latest()).version).toMatchObject({ number: 2, changeNote: 'Ask about the quote wait earlier.' });
    expect((await latest()).versions).toHaveLength(2);
    expect((await latest()).version.publishedAt).not.toBeNull();
  });
});
