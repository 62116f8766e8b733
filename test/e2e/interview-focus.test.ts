// No keystroke lost in a live interview: after every overlay of interview mode closes
// (the shortcut help however it was opened and closed, the finding bar, the tag
// picker, the "end interview?" question), the very next keys land in the notes and
// are saved. The keys are pressed at once, as a fast typist would, with no waiting
// for the focus to settle.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noteParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { openNewInterview } from './new-interview.js';

const setUp = openNewInterview;

/** The notes of the session as plain paragraphs, all questions together. */
async function savedText(library: Awaited<ReturnType<typeof setUp>>['library'], sessionId: string): Promise<string[]> {
  const notes = (await call(library, 'session.get', { id: sessionId })).notes;
  return notes.flatMap((n) => noteParagraphs(n.content).map((p) => p.text)).filter(Boolean);
}

const editorText = (page: Page) => page.getByTestId('note-editor').innerText();
/** The paragraphs the notes editor shows, empty lines left out. */
const paragraphsShown = (page: Page) => page.getByTestId('note-editor').locator('p').allTextContents();

const KEY_CODES: Record<string, { code: string; keyCode: number; text?: string }> = {
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Escape: { code: 'Escape', keyCode: 27 },
};

/**
 * Keys sent in one burst, none waiting for the page: as fast as a typist at full speed,
 * so a key can arrive in the same frame as the one that closed an overlay.
 */
async function burst(cdp: CDPSession, keys: string[]) {
  const sent: Array<Promise<unknown>> = [];
  for (const key of keys) {
    const known = KEY_CODES[key];
    const code = known?.code ?? `Key${key.toUpperCase()}`;
    const keyCode = known?.keyCode ?? key.toUpperCase().charCodeAt(0);
    const text = known ? known.text : key;
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', key, code, windowsVirtualKeyCode: keyCode, ...(text ? { text, unmodifiedText: text } : {}) }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode }));
  }
  await Promise.all(sent);
}

describe('keystrokes after an overlay closes in interview mode', () => {
  it('lands every key typed right after the shortcut help, the finding bar and the tag picker close in the notes', async () => {
    const { page, library, session } = await setUp();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-editor');
    const help = page.getByTestId('shortcuts');
    await page.keyboard.type('Quote');

    // The help, opened with Ctrl+/ and closed with Escape.
    await page.keyboard.press('Control+/');
    await help.waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.type(' a');
    // Opened with F1, closed with Enter on its Done button.
    await page.keyboard.press('F1');
    await help.waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('b');
    // Opened with Ctrl+/, closed with the same key, and with `?` (outside the notes it is a shortcut).
    await page.keyboard.press('Control+/');
    await help.waitFor();
    await page.keyboard.press('Control+/');
    await page.keyboard.type('c');
    await page.keyboard.press('F1');
    await help.waitFor();
    await page.keyboard.press('?');
    await page.keyboard.type('d');
    // Opened with its button in the bar, by mouse: the keyboard still goes back to the notes.
    await page.getByRole('button', { name: /Shortcuts/ }).click();
    await help.waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.type('e');
    await help.waitFor({ state: 'detached' });
    await expect.poll(() => editorText(page)).toBe('Quote abcde');

    // The finding bar closed with Enter: the next keys go on in the notes, after the text.
    const bar = page.getByTestId('finding-bar');
    await page.keyboard.press('Control+Enter');
    await bar.waitFor();
    await page.keyboard.press('p');
    const cdp = await page.context().newCDPSession(page);
    await burst(cdp, ['Enter', 'f', 'g']);
    // The tag picker closed with Escape goes straight back to the notes; an Escape more,
    // pressed out of the habit of closing the bar too, leaves the keyboard there.
    await page.keyboard.press('Control+Enter');
    await bar.waitFor();
    await page.keyboard.press('#');
    await page.getByRole('combobox').waitFor();
    await page.keyboard.press('Escape');
    await burst(cdp, ['Escape', 'h']);
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => editorText(page)).toBe('Quote abcdefgh');

    await page.getByTestId('save-state').getByText('Saved').waitFor();
    await expect.poll(() => savedText(library, session.id)).toEqual(['Quote abcdefgh']);
  });

  it('goes back to the notes at the caret when the tag picker closes with Escape, with or without a tag chosen, and keeps every key typed after', async () => {
    const { page, library, session, study } = await setUp();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-editor');
    // The caret in the first of two paragraphs: the typing goes on there, not at the end of the notes.
    await page.keyboard.type('Waited three days ');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Then called');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    const bar = page.getByTestId('finding-bar');
    const picker = page.getByRole('dialog', { name: 'Add tags' });
    const cdp = await page.context().newCDPSession(page);

    // Closed with Escape, nothing chosen: "t" and "o" are the bar's type keys, and here they are words.
    await page.keyboard.press('Control+Enter');
    await bar.waitFor();
    await page.keyboard.press('#');
    await picker.getByRole('combobox').waitFor();
    await page.keyboard.press('Escape');
    await burst(cdp, ['t', 'o', 'o', ' ']);
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => paragraphsShown(page)).toEqual(['Waited three days too ', 'Then called']);

    // Closed with Escape after a tag is chosen (created on the spot): the tag stays, the keys are typed.
    await page.keyboard.press('Control+Enter');
    await bar.waitFor();
    await page.keyboard.press('#');
    await picker.getByRole('combobox').fill('slow');
    await picker.getByRole('option', { name: /slow/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await bar.locator('.chip').getByText('slow', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await burst(cdp, ['f', 'o', 'r']);
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => paragraphsShown(page)).toEqual(['Waited three days too for', 'Then called']);

    await page.getByTestId('save-state').getByText('Saved').waitFor();
    await expect.poll(() => savedText(library, session.id)).toEqual(['Waited three days too for', 'Then called']);
    const [tag] = await call(library, 'tag.list', { studyId: study.id });
    const findings = (await call(library, 'session.get', { id: session.id })).findings;
    // No key was taken as a change of type; marking the paragraph again opened the same finding.
    expect(findings.map((f) => [f.text, f.type, f.tagIds])).toEqual([['Waited three days too', 'do', [tag!.id]]]);
  });

  it('closes the tag picker when the notes are clicked, not when a tag is, leaving the keyboard in the notes where clicked', async () => {
    const { page, library, session, study } = await setUp();
    const tag = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Price', definition: 'What it costs is unclear' } });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await page.keyboard.type('Hidden fees');
    await page.keyboard.press('Control+Enter');
    const bar = page.getByTestId('finding-bar');
    await bar.waitFor();
    await page.keyboard.press('#');
    const picker = page.getByRole('dialog', { name: 'Add tags' });
    await picker.getByRole('combobox').waitFor();
    // A click on a tag applies it and leaves the picker open, for another.
    await picker.getByRole('option', { name: /Price/ }).click();
    await bar.locator('.chip').getByText('Price', { exact: true }).waitFor();
    await picker.getByRole('combobox').waitFor();

    await page.getByTestId('note-editor').getByText('Hidden fees').click();
    await picker.waitFor({ state: 'detached' });
    await page.keyboard.press('End');
    await page.keyboard.type(' at checkout');
    await expect.poll(() => editorText(page)).toBe('Hidden fees at checkout');
    await page.getByTestId('save-state').getByText('Saved').waitFor();
    await expect.poll(() => savedText(library, session.id)).toEqual(['Hidden fees at checkout']);
    expect((await call(library, 'session.get', { id: session.id })).findings.map((f) => [f.type, f.tagIds])).toEqual([['do', [tag.id]]]);
  });

  it('asks before ending the interview: Escape goes back to typing, Enter ends it', async () => {
    const { page, library, session } = await setUp();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await page.keyboard.type('Before the end');
    const end = page.getByRole('banner').getByRole('button', { name: 'End interview' });
    const question = page.getByRole('dialog', { name: 'End this interview?' });

    await end.click();
    await question.waitFor();
    expect((await call(library, 'session.get', { id: session.id })).session.status).toBe('in_progress');
    await page.keyboard.press('Escape');
    await page.keyboard.type(', still typing');
    await question.waitFor({ state: 'detached' });
    await expect.poll(() => editorText(page)).toBe('Before the end, still typing');
    expect((await call(library, 'session.get', { id: session.id })).session.status).toBe('in_progress');

    await end.click();
    await question.waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('summary').waitFor();
    expect((await call(library, 'session.get', { id: session.id })).session.status).toBe('completed');
    expect(await savedText(library, session.id)).toEqual(['Before the end, still typing']);
  });

  it('explains the TERMS letters in the shortcut help, in the UI language', async () => {
    const { page } = await setUp('zh-CN');
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await page.keyboard.press('F1');
    const letters = page.getByTestId('terms-letters');
    await letters.waitFor();
    expect((await letters.innerText()).replace(/\s+/g, ' ').trim()).toBe('T 时间 E 情绪 R 风险 M 金钱 S 情境');
  });
});
