// Study design in real Chromium against browser mode: stages, participants and
// coverage, CSV import, the codebook, and the guide from template to published v2.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import { call } from '../helpers/call.js';
import { tempDir } from '../helpers/temp.js';
import { openApp } from './fixture.js';

async function openStudy(screen: string, options: { language?: 'en' | 'zh-Hans' } = {}) {
  const app = await openApp({ seedSample: false });
  const study = await call(app.library, 'study.create', { name: 'Home insurance buyers', language: options.language ?? 'en' });
  await app.page.goto(`${app.server.url}#/study/${study.id}/${screen}`);
  return { ...app, study };
}

const stageOrder = async (library: Library, studyId: string) =>
  (await call(library, 'study.overview', { id: studyId })).stages.map((s) => s.name);

async function dragBy(page: Page, from: string, to: string) {
  const a = (await page.locator(from).boundingBox())!;
  const b = (await page.locator(to).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + (b.x > a.x ? 10 : -10), a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('study design in the browser', () => {
  it('sets up stages and reorders them by drag and by keyboard', async () => {
    const { page, library, study } = await openStudy('overview');
    await page.getByRole('button', { name: 'Add stage' }).click();
    const added = page.getByTestId('stage').nth(6);
    // Escape leaves the name as it was (nothing saved).
    await added.getByRole('textbox', { name: 'Stage name' }).fill('Typo');
    await added.getByRole('textbox', { name: 'Stage name' }).press('Escape');
    expect(await added.getByRole('textbox', { name: 'Stage name' }).inputValue()).toBe('Stage 7');
    await expect.poll(() => stageOrder(library, study.id)).toContain('Stage 7');
    await added.getByRole('textbox', { name: 'Stage name' }).fill('Renewal');
    await added.getByRole('textbox', { name: 'Stage name' }).press('Enter');
    await added.getByRole('textbox', { name: 'Touchpoints of Renewal' }).fill('Reminder email');
    await added.getByRole('textbox', { name: 'Touchpoints of Renewal' }).press('Enter');
    await expect.poll(() => stageOrder(library, study.id)).toEqual([
      'Awareness', 'Consideration', 'Decision', 'Purchase', 'Experience', 'Loyalty', 'Renewal',
    ]);

    await added.locator('.chip', { hasText: 'Reminder email' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // leave the last field
    await page.locator('.stage-strip').evaluate((strip) => (strip.scrollLeft = 0)); // typing scrolled Renewal into view
    // Drag Decision's handle onto Awareness.
    await dragBy(page, '[aria-label="Move stage Decision"]', '[aria-label="Move stage Awareness"]');
    await expect.poll(() => stageOrder(library, study.id)).toEqual([
      'Decision', 'Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Renewal',
    ]);

    // Keyboard shortcut: Alt+→ inside a stage moves it one place right.
    const nameAt = (i: number) => page.getByTestId('stage').nth(i).getByRole('textbox', { name: 'Stage name' });
    await expect.poll(() => nameAt(0).inputValue()).toBe('Decision');
    await nameAt(0).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => stageOrder(library, study.id)).toEqual([
      'Awareness', 'Decision', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Renewal',
    ]);

    // Keyboard dragging through dnd-kit: Space lifts, arrows move, Space drops; a live
    // region tells screen-reader users what happens.
    await expect.poll(() => nameAt(1).inputValue()).toBe('Decision');
    await page.locator('[aria-label="Move stage Renewal"]').focus();
    await page.keyboard.press('Space');
    await page.getByText('Stage Renewal is over position 7.').waitFor({ state: 'attached' });
    // dnd-kit's keyboard sensor starts listening in a zero-delay timeout after pick-up: let it run first.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('ArrowLeft');
    await page.getByText('Stage Renewal is over position 6.').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await expect.poll(() => stageOrder(library, study.id)).toEqual([
      'Awareness', 'Decision', 'Consideration', 'Purchase', 'Experience', 'Renewal', 'Loyalty',
    ]);
    expect((await call(library, 'study.overview', { id: study.id })).stages.find((s) => s.name === 'Renewal')!.touchpoints.map((t) => t.name)).toEqual(['Reminder email']);
  });

  it('adds participants and sees the coverage view update', async () => {
    const { page } = await openStudy('participants');
    await page.getByText('No participants yet').waitFor();
    const add = async (code: string, source: string, city: string) => {
      await page.getByRole('button', { name: 'Add participant' }).click();
      await page.getByLabel('Code').fill(code);
      await page.getByLabel('Source').selectOption(source);
      await page.getByLabel('Dimension').selectOption('geographic');
      await page.getByLabel('Attribute', { exact: true }).fill('city');
      await page.getByLabel('Value').fill(city);
      await page.getByRole('button', { name: 'Add participant' }).last().click();
      await page.locator(`tr[data-code="${code}"]`).waitFor();
    };
    await add('P01', 'own', '上海');
    const coverage = page.getByTestId('coverage');
    await coverage.locator('[data-cell="上海|own"]').filter({ hasText: '1 (0 interviewed)' }).waitFor();
    expect(await coverage.locator('[data-cell="上海|competitor"]').textContent()).toBe('—');
    await add('P02', 'competitor', '上海');
    await coverage.locator('[data-cell="上海|competitor"]').filter({ hasText: '1 (0 interviewed)' }).waitFor();
    await page.getByText('1 empty cell').waitFor();
  });

  it('imports a CSV with a bad row, shows the row error, and imports the rest', async () => {
    const { page } = await openStudy('participants');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const csv = 'code,name,source,city\nP01,Ann,own,Shanghai\nP02,Bo,martian,Chengdu\nP03,Cy,competitor,杭州\n';
    await page.getByLabel('Choose a CSV file…').setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const issues = page.getByTestId('import-issues');
    await issues.getByText('Line 3 — “martian” is not a source').waitFor();
    // Nothing is written before confirming.
    expect(await page.locator('tr[data-code]').count()).toBe(0);
    await page.getByRole('button', { name: 'Import 2 participants' }).click();
    await page.locator('tr[data-code="P03"]').waitFor();
    expect(await page.locator('tr[data-code]').count()).toBe(2);
  });

  it('creates a tag hierarchy and merges two tags', async () => {
    const { page, library, study } = await openStudy('codebook');
    const newTag = page.getByLabel('New tag name');
    await newTag.fill('Trust');
    await newTag.press('Enter');
    await page.getByRole('textbox', { name: 'Definition' }).fill('Whether the customer believes what they are told');
    await page.getByRole('textbox', { name: 'Definition' }).blur();
    await newTag.fill('Trust in sales');
    await newTag.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Tag name', exact: true }).inputValue()).toBe('Trust in sales');
    await page.getByRole('button', { name: /^Trust 0$/ }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Tag name', exact: true }).inputValue()).toBe('Trust');
    await newTag.fill('Sales trust');
    await newTag.press('Enter');
    await expect.poll(async () => (await call(library, 'tag.list', { studyId: study.id })).map((t) => [t.name, t.parentId !== null])).toEqual([
      ['Sales trust', true],
      ['Trust', false],
      ['Trust in sales', true],
    ]);
    // The new tag opens in the editor; merge it into its sibling.
    await expect.poll(() => page.getByRole('textbox', { name: 'Tag name', exact: true }).inputValue()).toBe('Sales trust');
    await page.getByLabel('Merge into').selectOption({ label: 'Trust in sales' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Merge' }).click();
    await expect.poll(async () => (await call(library, 'tag.list', { studyId: study.id })).map((t) => t.name)).toEqual(['Trust', 'Trust in sales']);
    await page.getByPlaceholder('Search tags').fill('sales');
    await expect.poll(() => page.locator('.tag-row').count()).toBe(2); // the parent stays visible above its match
    const tags = await call(library, 'tag.list', { studyId: study.id });
    expect(tags.find((t) => t.name === 'Trust')!.definition).toBe('Whether the customer believes what they are told');
  });

  it('builds a guide from the Chinese template, reorders questions by keyboard, and publishes v2', async () => {
    const { page, library, study } = await openStudy('guide', { language: 'zh-Hans' });
    const templateCard = page.locator('.start-card').filter({ has: page.getByRole('button', { name: 'Use the template' }) });
    await templateCard.getByLabel('Language').selectOption('zh-Hans');
    await templateCard.getByRole('button', { name: 'Use the template' }).click();
    await page.getByText('60 of 60 minutes planned').waitFor();
    const firstTexts = async () => ((await call(library, 'guide.get', { studyId: study.id }))!.sections[0]!.questions).map((q) => q.text);
    const before = await firstTexts();
    expect(before.length).toBeGreaterThan(1);
    expect(before[0]).toMatch(/\p{Script=Han}/u);

    // Alt+↓ on the first question moves it below the second.
    await page.getByTestId('question').first().locator('.question-summary').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(firstTexts).toEqual([before[1], before[0], ...before.slice(2)]);

    await page.getByRole('button', { name: 'Publish v1' }).click();
    await page.getByLabel('What changed, and why').fill('可以开始访谈');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Start v2' }).click();
    await page.getByRole('button', { name: 'Publish v2' }).waitFor();
    // Edit v2: move the (new) first question back down by keyboard, then publish with a note.
    await page.getByTestId('question').first().locator('.question-summary').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(firstTexts).toEqual(before);
    await page.getByRole('button', { name: 'Publish v2' }).click();
    await page.getByLabel('What changed, and why').fill('访谈三场后调整了开场顺序');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Start v3' }).waitFor();
    const doc = (await call(library, 'guide.get', { studyId: study.id }))!;
    expect(doc.versions.map((v) => [v.number, v.changeNote, v.publishedAt !== null])).toEqual([
      [1, '可以开始访谈', true],
      [2, '访谈三场后调整了开场顺序', true],
    ]);
    const v1 = (await call(library, 'guide.get', { studyId: study.id, versionId: doc.versions[0]!.id }))!;
    expect(v1.sections[0]!.questions.map((q) => q.text)).toEqual([before[1], before[0], ...before.slice(2)]);
  });

  it('exports the guide to PDF with its Chinese text inside', async () => {
    const { page, library, study } = await openStudy('guide', { language: 'zh-Hans' });
    await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hans' } });
    await page.reload();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hand card PDF' }).click();
    const download = await downloading;
    const file = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/\.pdf$/);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const doc = (await call(library, 'guide.get', { studyId: study.id }))!;
    const question = doc.sections[1]!.questions[0]!.text;
    expect(text.replace(/\s+/g, '')).toContain(question.replace(/\s+/g, '').slice(0, 12));
    expect(text).toMatch(/为什么/);
  });
});
