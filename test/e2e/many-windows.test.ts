// Two windows on one board, as two people (or one person with two windows) use it:
// each sees the other's changes without a reload, Ctrl+Z undoes only the window's own
// actions, and a name being typed is never replaced under the cursor by the other's save.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openBoard, setUpBoard } from './board-setup.js';

const groupName = (page: Page, id: string) => page.locator(`[data-group="${id}"]`).getByRole('textbox', { name: 'Group name' });

async function rename(page: Page, id: string, name: string) {
  const field = groupName(page, id);
  await field.fill(name);
  await field.press('Enter');
}

async function twoWindows() {
  const app = await setUpBoard();
  await openBoard(app.page, app.server, app.study.id);
  const other = await app.page.context().newPage();
  await other.setViewportSize({ width: 1440, height: 900 });
  await openBoard(other, app.server, app.study.id);
  return { ...app, other };
}

describe('two windows on one board', () => {
  it("shows each window's changes in the other without a reload, and undoes only the window's own action", async () => {
    const { page, other, library, study, groups } = await twoWindows();
    const names = async () => Object.fromEntries((await call(library, 'board.get', { studyId: study.id })).groups.map((g) => [g.id, g.name]));

    await rename(page, groups.a.id, 'Opaque pricing');
    await expect.poll(() => groupName(other, groups.a.id).inputValue()).toBe('Opaque pricing');
    await rename(other, groups.b.id, '条款不清楚');
    await expect.poll(() => groupName(page, groups.b.id).inputValue()).toBe('条款不清楚');

    // The first window's Undo names its own last action; the second window's Ctrl+Z takes back only its rename.
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo “Rename” (Ctrl+Z)');
    await other.locator('body').click({ position: { x: 700, y: 20 } });
    await other.keyboard.press('Control+z');
    await expect.poll(names).toMatchObject({ [groups.a.id]: 'Opaque pricing', [groups.b.id]: 'Unclear terms' });
    await expect.poll(() => groupName(page, groups.b.id).inputValue()).toBe('Unclear terms');

    await page.locator('body').click({ position: { x: 700, y: 20 } });
    await page.keyboard.press('Control+z');
    await expect.poll(names).toMatchObject({ [groups.a.id]: 'Slow quotes', [groups.b.id]: 'Unclear terms' });
  });

  it('keeps a name being typed when the other window saves the same field, and offers to apply it after', async () => {
    const { page, other, library, study, groups } = await twoWindows();
    const saved = async (id: string) => (await call(library, 'board.get', { studyId: study.id })).groups.find((g) => g.id === id)!.name;

    const typing = groupName(page, groups.c.id);
    await typing.click();
    await typing.fill('Prices only at the desk');
    // Meanwhile the other window renames the same group, then another one.
    await rename(other, groups.c.id, '价格不透明');
    await rename(other, groups.a.id, 'Slow replies');
    await expect.poll(() => groupName(page, groups.a.id).inputValue()).toBe('Slow replies');
    // Both changes reached this window (in order); the field being typed was left alone.
    expect(await typing.inputValue()).toBe('Prices only at the desk');
    await expect.poll(() => typing.evaluate((el) => el === document.activeElement)).toBe(true);

    await typing.press('Enter');
    const notice = page.getByRole('status').filter({ hasText: 'Changed elsewhere while you typed' });
    await notice.waitFor();
    expect(await typing.inputValue()).toBe('价格不透明');
    expect(await saved(groups.c.id)).toBe('价格不透明');
    await notice.getByRole('button', { name: 'Apply mine' }).click();
    await expect.poll(() => saved(groups.c.id)).toBe('Prices only at the desk');
    await expect.poll(() => groupName(other, groups.c.id).inputValue()).toBe('Prices only at the desk');
  });
});
