// Global search in real Chromium against browser mode: Ctrl+K from any screen, a
// two-character Chinese word (in either script), and the hit opened in place (the note
// in its interview).
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/server.js';

describe('search in the browser', () => {
  it('finds a two-character Chinese word with Ctrl+K and opens the note at its paragraph', async () => {
    const { page, library, server } = await openApp();
    const [study] = await call(library, 'study.list', {});
    await page.goto(pageUrl(server, `#/study/${study!.id}/board`));
    await page.getByTestId('board').waitFor();
    await page.keyboard.press('Control+k');
    const palette = page.getByTestId('search-palette');
    await palette.getByRole('searchbox').fill('报价');
    const hit = palette.locator('.search-hit[data-kind="note"]').first();
    await hit.waitFor();
    expect(await hit.locator('mark').first().innerText()).toBe('报价');
    await palette.getByRole('searchbox').press('ArrowDown');
    await palette.getByRole('searchbox').press('ArrowUp');
    const noteHits = await palette.locator('.search-hit').evaluateAll((items) => items.findIndex((i) => i.getAttribute('data-kind') === 'note'));
    for (let i = 0; i < noteHits; i++) await palette.getByRole('searchbox').press('ArrowDown');
    await palette.getByRole('searchbox').press('Enter');

    // The interview opens on the notes, the matching paragraph in view and marked.
    await page.waitForURL(/\/interviews\/[^?]+\?/);
    const focused = page.locator('.note-editor .search-focus');
    await focused.waitFor();
    expect(await focused.innerText()).toContain('报价');
  });

  it('finds Simplified notes for a Traditional query in Ctrl+K and marks the words as written', async () => {
    const { page, library, server } = await openApp();
    const [study] = await call(library, 'study.list', {});
    await page.goto(pageUrl(server, `#/study/${study!.id}/board`));
    await page.getByTestId('board').waitFor();
    await page.keyboard.press('Control+k');
    const palette = page.getByTestId('search-palette');
    await palette.getByRole('searchbox').fill('報價');
    const hit = palette.locator('.search-hit[data-kind="note"]').first();
    await hit.waitFor();
    expect(await hit.locator('mark').first().innerText()).toBe('报价');
  });

  it('finds English by the start of a word, case-insensitively, and narrows by kind', async () => {
    const { page, library, server } = await openApp();
    const [study] = await call(library, 'study.list', {});
    await page.goto(pageUrl(server, `#/study/${study!.id}/search`));
    await page.getByRole('searchbox').fill('SALESP');
    await page.locator('.search-hit').first().waitFor();
    const kinds = await page.locator('.search-hit').evaluateAll((items) => new Set(items.map((i) => i.getAttribute('data-kind'))).size);
    expect(kinds).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Group', exact: true }).click();
    await expect.poll(() => page.locator('.search-hit').evaluateAll((items) => [...new Set(items.map((i) => i.getAttribute('data-kind')))])).toEqual(['group']);
    expect(await page.locator('.search-hit mark').first().innerText()).toMatch(/^salesp/i);
    await page.locator('.search-hit').first().click();
    await page.waitForURL(/\/board\?focus=/);
    await page.locator('.group-box.search-focus').waitFor();
  });
});
