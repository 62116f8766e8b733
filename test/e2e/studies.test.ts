// The app in real Chromium against browser mode and a real SQLite file.
import { describe, expect, it } from 'vitest';
import { openApp } from './fixture.js';

describe('study library in the browser', () => {
  it('shows the sample study on first start, and its overview', async () => {
    const { page, problems } = await openApp();
    const card = page.getByTestId('study-card').filter({ hasText: 'New-car buyer journey' });
    await card.waitFor();
    expect(await card.getByText('Sample').count()).toBe(1);
    await card.getByRole('button', { name: 'New-car buyer journey' }).click();
    await page.getByRole('heading', { level: 1, name: 'New-car buyer journey' }).waitFor();
    const stageNames = page.getByTestId('stage').getByRole('textbox', { name: 'Stage name' });
    await expect.poll(() => stageNames.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      'Awareness', 'Consideration', 'Decision', 'Purchase', 'Experience', 'Loyalty',
    ]);
    await page.getByRole('button', { name: 'See the sample and its coverage' }).click();
    for (const code of ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08']) {
      await page.locator(`tr[data-code="${code}"]`).waitFor();
    }
    expect(problems).toEqual([]);
  });

  it('creates a study that is still there after a reload', async () => {
    const { page } = await openApp({ seedSample: false });
    await page.getByText('No studies yet').waitFor();
    await page.keyboard.press('Control+n');
    await page.getByLabel('Name').fill('首次购车 first-time buyers');
    await page.getByLabel('Research goal').fill('Why do first-time buyers drop out before a test drive?');
    await page.getByRole('button', { name: 'Create study' }).click();
    await page.getByRole('heading', { level: 1, name: '首次购车 first-time buyers' }).waitFor();
    // The six default stages are there.
    const stageNames = page.getByTestId('stage').getByRole('textbox', { name: 'Stage name' });
    await expect.poll(() => stageNames.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      'Awareness', 'Consideration', 'Decision', 'Purchase', 'Experience', 'Loyalty',
    ]);
    await page.reload();
    await page.getByRole('link', { name: 'Studies' }).click();
    await page.getByTestId('study-card').filter({ hasText: '首次购车 first-time buyers' }).waitFor();
  });

  it('switches the interface to Chinese and keeps the choice after a reload', async () => {
    const { page } = await openApp();
    await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
    await page.getByLabel('Language').selectOption('zh-Hans');
    await page.getByRole('heading', { level: 1, name: '研究项目' }).waitFor();
    expect(await page.getByRole('link', { name: '旅程地图' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '研究项目' }).waitFor();
    await page.getByLabel('语言').selectOption('zh-Hant');
    await page.getByRole('heading', { level: 1, name: '研究專案' }).waitFor();
  });

  it('follows a Chinese OS locale on first start', async () => {
    const { page } = await openApp({ locale: 'zh-CN' });
    await page.getByRole('heading', { level: 1, name: '研究项目' }).waitFor();
    await expect.poll(() => page.getByText('示例').count()).toBeGreaterThan(0); // the list loads after the heading
  });

  it('renames a study in place, deletes it with undo, and restores it from the trash', async () => {
    const { page } = await openApp();
    const card = page.getByTestId('study-card').first();
    await card.waitFor();
    await card.getByRole('button', { name: 'Rename' }).click();
    const input = card.getByRole('textbox', { name: 'Name', exact: true });
    await input.fill('Dealer study 2026');
    await input.press('Enter');
    const renamed = page.getByTestId('study-card').filter({ hasText: 'Dealer study 2026' });
    await renamed.waitFor();

    // Moving to the trash asks first; Cancel leaves the study where it is.
    await renamed.getByRole('button', { name: 'Move to trash' }).click();
    const ask = page.getByRole('dialog', { name: 'Move “Dealer study 2026” to the trash?' });
    await ask.getByText('You can undo straight away').waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => renamed.count()).toBe(1);

    await renamed.getByRole('button', { name: 'Move to trash' }).click();
    await ask.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('No studies yet').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await renamed.waitFor();

    await renamed.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('No studies yet').waitFor();
    await page.getByRole('button', { name: 'Trash' }).click();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('The trash is empty').waitFor();
    await page.getByRole('button', { name: 'Back to studies' }).click();
    await renamed.waitFor();
  });

  it('navigates every study screen by keyboard and opens each', async () => {
    const { page } = await openApp();
    await page.getByTestId('study-card').first().getByRole('button').first().click();
    await page.getByRole('heading', { level: 1, name: 'New-car buyer journey' }).waitFor();
    for (const [link, heading] of [
      ['Participants', 'Sample coverage'],
      ['Codebook', 'Built-in taxonomies'],
      ['Guide', 'New-car purchase interview guide'],
      ['Interviews', 'Lead researcher'],
      ['Board', 'Board'],
      ['Personas', 'PERSONAL checklist 8/8'],
      ['Journey map', 'New-car buyer journey map'],
      ['Search', 'Search'],
    ] as const) {
      await page.getByRole('link', { name: link, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('heading', { name: heading, exact: true })
        .or(page.getByRole('textbox', { name: 'Guide title' }))
        .or(page.getByRole('cell', { name: heading }))
        .or(page.getByRole('table', { name: heading }))
        .first()
        .waitFor();
      if (link === 'Guide') expect(await page.getByRole('textbox', { name: 'Guide title' }).inputValue()).toBe(heading);
    }
  });

  it('deletes a study for good from the trash only after confirming', async () => {
    const { page, library } = await openApp();
    const card = page.getByTestId('study-card').first();
    await card.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('No studies yet').waitFor();
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Delete this study for good?').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await library.dispatch('study.list', { trash: true })).ok).toBe(true);
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('The trash is empty').waitFor();
    expect(await library.dispatch('study.list', { trash: true })).toEqual({ ok: true, value: [] });
  });
});

