// Search lists exactly its results, query after query, in the Search screen and the
// Ctrl+K palette; and the palette and the evidence picker fit their window with room
// around their content, wide and narrow.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/page-url.js';

/** Typed one after another; several match many paragraphs of the same notes. */
const QUERIES = ['the', 'price', '价', '报价', 'a', 'wait', '销售', 'test drive'];

async function sampleStudy(library: Library) {
  const [study] = await call(library, 'study.list', {});
  return study!;
}

/** The rows listed and the count stated above them, once the answer to `text` is on screen. */
async function listedFor(scope: Locator, library: Library, query: { text: string; studyId: string; limit: number }) {
  const answer = await call(library, 'search.query', query);
  const stated = answer.hits.length;
  const count = scope.getByTestId('search-count');
  // The stated count of this query's answer (the previous query's answer may linger a moment).
  await expect.poll(async () => ((await count.isVisible()) ? Number((await count.innerText()).match(/\d+/)?.[0]) : 0)).toBe(stated);
  // The rows are this answer's hits, in its order (a previous answer may have had as many).
  await expect.poll(() => scope.locator('.search-hit .search-hit-title strong').allInnerTexts()).toEqual(answer.hits.map((h) => h.title));
  expect(await scope.locator('.search-hit').count()).toBe(stated);
  return stated;
}

describe('search lists exactly its results', () => {
  it('shows on the Search screen exactly as many rows as it says, query after query', async () => {
    const { page, library, server } = await openApp();
    const study = await sampleStudy(library);
    await page.goto(pageUrl(server, `#/study/${study.id}/search`));
    const box = page.getByRole('searchbox');
    const counts: number[] = [];
    for (const text of QUERIES) {
      await box.fill(text);
      counts.push(await listedFor(page.locator('.search-screen'), library, { text, studyId: study.id, limit: 100 }));
    }
    expect(Math.max(...counts)).toBeGreaterThan(10); // the sequence goes from many results to few and back
  });

  it('shows in the Ctrl+K palette exactly as many rows as it says, query after query', async () => {
    const { page, library, server } = await openApp();
    const study = await sampleStudy(library);
    await page.goto(pageUrl(server, `#/study/${study.id}/board`));
    await page.getByTestId('board').waitFor();
    await page.keyboard.press('Control+k');
    const palette = page.getByTestId('search-palette');
    const box = palette.getByRole('searchbox');
    for (const text of QUERIES) {
      await box.fill(text);
      await listedFor(palette, library, { text, studyId: study.id, limit: 20 });
    }
  });
});

interface Fit {
  /** Room between the dialog's edges and the content, per side. */
  left: number;
  right: number;
  /** How far anything inside sticks out past the dialog's content box, or the dialog past the window. */
  overflow: number;
}

async function fitOf(page: Page, content: Locator): Promise<Fit> {
  return content.evaluate((el) => {
    const dialog = el.closest('dialog')!;
    const box = dialog.getBoundingClientRect();
    const style = getComputedStyle(dialog);
    const innerLeft = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    const innerRight = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    const rect = el.getBoundingClientRect();
    let overflow = Math.max(0, -box.left, box.right - window.innerWidth, dialog.scrollWidth - dialog.clientWidth);
    for (const child of [el, ...el.querySelectorAll('*')]) {
      const r = child.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      overflow = Math.max(overflow, innerLeft - r.left, r.right - innerRight);
    }
    return { left: rect.left - box.left, right: box.right - rect.right, overflow };
  });
}

const WINDOWS = [
  { width: 1440, height: 900 },
  { width: 640, height: 720 },
];

describe('the evidence picker narrows findings in either Chinese script', () => {
  it('lists the same findings for a Traditional filter as for its Simplified form', async () => {
    const { page, library, server } = await openApp();
    const study = await sampleStudy(library);
    await page.goto(pageUrl(server, `#/study/${study.id}/personas`));
    await page.getByTestId('persona-editor').getByRole('button', { name: 'Evidence' }).first().click();
    const picker = page.getByRole('dialog', { name: 'Cite findings as evidence' });
    await picker.getByRole('checkbox', { name: 'Show findings of every participant' }).check();
    const listed = () => picker.locator('.evidence-options li').allInnerTexts();
    await picker.getByRole('searchbox').fill('第一个问');
    await expect.poll(async () => (await listed()).length).toBeGreaterThan(0);
    const simplified = await listed();
    await picker.getByRole('searchbox').fill('第一個問');
    await expect.poll(listed).toEqual(simplified);
  });
});

describe('dialogs that list results fit their window', () => {
  for (const viewport of WINDOWS) {
    it(`keeps the Ctrl+K palette inside the window with room around its content at ${viewport.width}px`, async () => {
      const { page, library, server } = await openApp();
      await page.setViewportSize(viewport);
      const study = await sampleStudy(library);
      await page.goto(pageUrl(server, `#/study/${study.id}/board`));
      await page.getByTestId('board').waitFor();
      await page.keyboard.press('Control+k');
      const palette = page.getByTestId('search-palette');
      await palette.getByRole('searchbox').fill('price');
      await palette.locator('.search-hit').first().waitFor();
      const fit = await fitOf(page, palette);
      expect(fit.overflow).toBeLessThanOrEqual(0.5);
      expect(fit.left).toBeGreaterThanOrEqual(16);
      expect(fit.right).toBeGreaterThanOrEqual(16);
    });

    it(`keeps the evidence picker inside the window with room around its content at ${viewport.width}px`, async () => {
      const { page, library, server } = await openApp();
      await page.setViewportSize(viewport);
      const study = await sampleStudy(library);
      await page.goto(pageUrl(server, `#/study/${study.id}/personas`));
      const editor = page.getByTestId('persona-editor');
      await editor.getByRole('button', { name: 'Evidence' }).first().click();
      const picker = page.getByRole('dialog', { name: 'Cite findings as evidence' });
      const everyone = picker.getByRole('checkbox', { name: 'Show findings of every participant' });
      if (await everyone.isVisible()) await everyone.check();
      await picker.locator('.evidence-options li').first().waitFor();
      const fit = await fitOf(page, picker.locator('.evidence-picker'));
      expect(fit.overflow).toBeLessThanOrEqual(0.5);
      expect(fit.left).toBeGreaterThanOrEqual(16);
      expect(fit.right).toBeGreaterThanOrEqual(16);
    });
  }
});

describe('the Ctrl+K palette and the Search screen read as they should', () => {
  it('ends a long question title with an ellipsis inside its row, full text on hover, and closes on one Escape with a query typed', async () => {
    const { page, library, server } = await openApp();
    await page.setViewportSize({ width: 1440, height: 900 });
    const study = await sampleStudy(library);
    await page.goto(pageUrl(server, `#/study/${study.id}/board`));
    await page.getByTestId('board').waitFor();
    await page.keyboard.press('Control+k');
    const palette = page.getByTestId('search-palette');
    await palette.getByRole('searchbox').fill('anonymised');
    const question = palette.locator('.search-hit[data-kind="question"] .search-hit-title strong').first();
    await question.waitFor();
    const shape = await question.evaluate((el) => {
      const row = el.closest('.search-hit')!.getBoundingClientRect();
      return {
        ellipsis: getComputedStyle(el).textOverflow,
        cut: el.scrollWidth > el.clientWidth,
        inside: el.getBoundingClientRect().right <= row.right + 0.5,
        title: el.getAttribute('title'),
        text: el.textContent,
      };
    });
    expect(shape).toMatchObject({ ellipsis: 'ellipsis', cut: true, inside: true });
    expect(shape.title).toBe(shape.text);

    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count()).toBe(0);
  });

  it('says "Any date" in the empty date filters of the Search screen, not an example date that reads as set', async () => {
    const { page, library, server } = await openApp();
    const study = await sampleStudy(library);
    await page.goto(pageUrl(server, `#/study/${study.id}/search`));
    const filters = page.getByRole('group', { name: 'Filters' });
    for (const name of ['From', 'To']) {
      const field = filters.getByRole('textbox', { name });
      expect(await field.inputValue()).toBe('');
      expect(await field.getAttribute('placeholder')).toBe('Any date');
    }
  });
});
