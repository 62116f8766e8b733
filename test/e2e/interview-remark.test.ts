// Marking a paragraph that is already a finding (Ctrl+Enter again, often after more of
// the answer was typed into it) opens that finding instead of adding a second copy. A
// finding still in the paragraph's first words takes the words the paragraph has now,
// undoably; one whose wording the researcher edited keeps it unless asked otherwise.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noteParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { openNewInterview } from './new-interview.js';

async function setUp() {
  const app = await openNewInterview();
  await app.page.getByRole('button', { name: 'Start', exact: true }).click();
  await app.page.getByTestId('note-editor').waitFor();
  await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-editor');
  return app;
}

type Library = Awaited<ReturnType<typeof setUp>>['library'];

const findingTexts = async (library: Library, sessionId: string) => (await call(library, 'session.get', { id: sessionId })).findings.map((f) => f.text);

async function savedText(library: Library, sessionId: string): Promise<string[]> {
  const notes = (await call(library, 'session.get', { id: sessionId })).notes;
  return notes.flatMap((n) => noteParagraphs(n.content).map((p) => p.text)).filter(Boolean);
}

/** Marks what is under the caret and waits for the finding bar to show the wording. */
async function mark(page: Page, wording: string) {
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('finding-bar').getByTestId('finding-wording').getByText(`“${wording}”`, { exact: true }).waitFor();
}

/** Closes the finding bar with Enter: the keyboard is back in the notes. */
async function closeBar(page: Page) {
  await page.keyboard.press('Enter');
  await page.getByTestId('finding-bar').waitFor({ state: 'detached' });
}

describe('marking a paragraph that is already a finding', () => {
  it('gives the finding the words typed into its paragraph since, undoably, and never makes a second one', async () => {
    const { page, library, session } = await setUp();
    await page.keyboard.type('Waited three days');
    await mark(page, 'Waited three days');
    await page.keyboard.press('p');
    await closeBar(page);
    await page.keyboard.type(' for a quote');

    await mark(page, 'Waited three days for a quote');
    const updated = page.getByText('Finding updated with the words the paragraph has now.');
    await updated.waitFor();
    expect(await findingTexts(library, session.id)).toEqual(['Waited three days for a quote']);
    // The finding is the same one, as it was set: the type chosen before is kept.
    expect((await call(library, 'session.get', { id: session.id })).findings.map((f) => f.type)).toEqual(['pain_point']);
    await closeBar(page);

    // Marked again with nothing new: the same finding opens, still one.
    await mark(page, 'Waited three days for a quote');
    await page.getByText('This paragraph is already a finding; it is open.').waitFor();
    await closeBar(page);
    expect(await findingTexts(library, session.id)).toEqual(['Waited three days for a quote']);
    await expect.poll(() => page.getByTestId('finding').count()).toBe(1);

    // The update undone from its notice: the finding's words are those first marked.
    await updated.locator('..').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => findingTexts(library, session.id)).toEqual(['Waited three days']);
    await page.getByTestId('finding').getByText('Waited three days', { exact: true }).waitFor();

    await page.getByTestId('save-state').getByText('Saved').waitFor();
    expect(await savedText(library, session.id)).toEqual(['Waited three days for a quote']);
  });

  it('keeps wording the researcher edited, offers the paragraph\'s words instead, and still marks a selected part as a finding of its own', async () => {
    const { page, library, session } = await setUp();
    await page.keyboard.type('Hidden fees at checkout');
    await mark(page, 'Hidden fees at checkout');
    await page.keyboard.press('e');
    const field = page.getByTestId('finding-wording-field');
    await field.fill('Fees appear only at checkout');
    await field.press('Enter');
    await closeBar(page);
    await page.keyboard.type(', so she left');

    await mark(page, 'Fees appear only at checkout');
    const kept = page.getByText('This paragraph is already a finding, in wording of its own: it is kept.');
    await kept.waitFor();
    await closeBar(page);
    expect(await findingTexts(library, session.id)).toEqual(['Fees appear only at checkout']);
    await kept.locator('..').getByRole('button', { name: "Use the paragraph's words" }).click();
    await expect.poll(() => findingTexts(library, session.id)).toEqual(['Hidden fees at checkout, so she left']);

    // A part of the paragraph, selected, is a finding of its own, once.
    await page.getByTestId('note-editor').click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'she left'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await mark(page, 'she left');
    await closeBar(page);
    for (let i = 0; i < 'she left'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await mark(page, 'she left');
    await closeBar(page);
    expect(await findingTexts(library, session.id)).toEqual(['Hidden fees at checkout, so she left', 'she left']);

    await page.getByTestId('save-state').getByText('Saved').waitFor();
    expect(await savedText(library, session.id)).toEqual(['Hidden fees at checkout, so she left']);
  });
});
