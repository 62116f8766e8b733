// Smaller things a first user trips on, in real Chromium against browser mode: a new
// guide question opens ready to type in its section's stage; segment attribute names
// are suggested from those in use, with a warning for a near-duplicate; the analysis
// drill-down drawer leaves the tables readable at laptop widths; a new library opens
// with the sample study in the UI's language.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/page-url.js';

async function openStudy(screen: string) {
  const app = await openApp({ seedSample: false });
  const study = await call(app.library, 'study.create', { name: 'Home insurance buyers', language: 'en' });
  await app.page.goto(pageUrl(app.server, `#/study/${study.id}/${screen}`));
  return { ...app, study };
}

describe('first use', () => {
  it('opens a new guide question ready to type, in the stage of the section it was added to', async () => {
    const { page, library, study } = await openStudy('guide');
    const created = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    await page.reload();
    const section = created.sections.find((s) => s.questions.some((q) => q.stageId !== null))!;
    const stageId = section.questions.filter((q) => q.stageId !== null).at(-1)!.stageId;
    const block = page.getByTestId('guide-section').filter({ has: page.getByText(section.title, { exact: true }) }).first();
    await block.getByRole('button', { name: 'Add a question' }).click();

    const field = block.getByRole('textbox', { name: 'Question', exact: true });
    await field.waitFor();
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('What happened right before you started looking?');
    await page.keyboard.press('Tab');
    const saved = async () => (await call(library, 'guide.get', { studyId: study.id }))!.sections.find((s) => s.id === section.id)!.questions.at(-1)!;
    await expect.poll(async () => (await saved()).text).toBe('What happened right before you started looking?');
    expect((await saved()).stageId).toBe(stageId);
  });

  it('suggests the segment attribute names in use and warns about a near-duplicate before it makes a new dimension', async () => {
    const { page, library, study } = await openStudy('participants');
    await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01', attributes: { geographic: { city: 'Shanghai' }, behavioural: { budget: 'RMB 200k' } } } });
    await page.reload();
    await page.getByRole('button', { name: 'Add participant' }).click();
    const dialog = page.getByRole('dialog');
    const name = dialog.getByRole('combobox', { name: 'Attribute', exact: true });
    const suggestions = await name.evaluate((el) => [...((el as HTMLInputElement).list?.options ?? [])].map((o) => o.value));
    expect(suggestions).toEqual(['city', 'budget']);

    // A name used under another dimension brings that dimension along.
    await name.fill('budget');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Dimension' }).inputValue()).toBe('behavioural');
    // A different case of a name in use is flagged, with the way to use the existing one.
    await dialog.getByRole('combobox', { name: 'Dimension' }).selectOption('geographic');
    await name.fill('City');
    const warning = dialog.getByRole('status').filter({ hasText: 'Close to “city”' });
    await warning.waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await warning.getByRole('button', { name: 'Use “city”' }).click();
    expect(await name.inputValue()).toBe('city');
    expect(await dialog.getByRole('combobox', { name: 'Dimension' }).inputValue()).toBe('geographic');
    expect(await warning.count()).toBe(0);
    await dialog.getByRole('textbox', { name: 'Value', exact: true }).fill('Hangzhou');
    await dialog.getByRole('button', { name: 'Add participant' }).click();
    await expect.poll(async () => (await call(library, 'participant.list', { studyId: study.id })).map((p) => p.attributes.geographic)).toEqual([{ city: 'Shanghai' }, { city: 'Hangzhou' }]);
  });

  /** The most lines any heading or cell of the dashboard's tables breaks into (a squeezed table shows one character per line). */
  const mostLinesInTables = (page: Page) =>
    page.evaluate(() => {
      let most = 0;
      for (const cell of document.querySelectorAll<HTMLElement>('.analysis-screen table th, .analysis-screen table td')) {
        if (!cell.innerText.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        most = Math.max(most, tops.size);
      }
      return most;
    });

  for (const [locale, language] of [
    ['en-US', 'en'],
    ['zh-CN', 'zh-Hans'],
  ] as const) {
    it(`keeps the dashboard's tables readable with the drill-down drawer open at 1440 and 1024 px (${language})`, async () => {
      // The sample study made by the UI's first start, in the UI's language.
      const { page, library, server } = await openApp({ locale, seedSample: 'first-start' });
      await expect.poll(async () => (await call(library, 'study.list', {})).length).toBe(1);
      const [study] = await call(library, 'study.list', {});
      const studyId = study!.id;
      await page.goto(pageUrl(server, `#/study/${studyId}/analysis`));
      for (const [width, height] of [
        [1440, 900],
        [1024, 768],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.getByTestId('heatmap').locator('.heat-button').first().click();
        const drawer = page.getByTestId('analysis-evidence');
        await drawer.locator('li').first().waitFor();
        const shots = process.env.FIELDWORK_SCREENSHOTS_DIR;
        if (shots) await page.screenshot({ path: path.join(shots, `analysis-drawer-${language}-${width}.png`) });
        expect(await mostLinesInTables(page), `${language} at ${width} px`).toBeLessThanOrEqual(2);
        // The drawer stays within the window, whole.
        const box = (await drawer.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(box.width).toBeGreaterThanOrEqual(280);
        await drawer.getByRole('button', { name: language === 'en' ? 'Dismiss' : '关闭' }).click();
        await drawer.waitFor({ state: 'detached' });
      }
    });
  }

  for (const [locale, name, studies] of [
    ['zh-CN', '新车购买旅程', '研究项目'],
    ['zh-TW', '新車購買旅程', '研究專案'],
    ['en-US', 'New-car buyer journey', 'Studies'],
  ] as const) {
    it(`opens a new library with the sample study in the UI's language (${locale})`, async () => {
      const { page, library } = await openApp({ locale, seedSample: 'first-start' });
      await page.getByRole('heading', { name: studies, exact: true }).waitFor();
      await page.getByText(name, { exact: true }).first().waitFor();
      const listed = await call(library, 'study.list', {});
      expect(listed.map((s) => [s.name, s.isSample])).toEqual([[name, true]]);
      // A reload (or a second window) makes no second sample.
      await page.reload();
      await page.getByText(name, { exact: true }).first().waitFor();
      expect(await call(library, 'study.list', {})).toHaveLength(1);
    });
  }
});
