// The app's forms as a user meets them: a new study speaks the UI's language, an
// interview is planned for a date and a time read and shown in the UI's language,
// every select is the app's own styled control, and closing a dialog hands the
// keyboard back to the control that opened it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';

/** Every <select> on the page is the app's own control: its class, no platform look. */
async function selectsAreStyled(page: Page): Promise<Array<{ label: string; styled: boolean }>> {
  return page.locator('select').evaluateAll((selects) =>
    selects.map((s) => ({
      label: s.getAttribute('aria-label') ?? s.closest('label')?.textContent ?? s.outerHTML.slice(0, 60),
      styled: s.classList.contains('select') && getComputedStyle(s).appearance === 'none',
    })),
  );
}

const activeLabel = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName);

describe('forms in the UI language', () => {
  it('gives a new study the UI language, and plans an interview for a date and time read and shown in Chinese', async () => {
    const { page, library } = await openApp({ seedSample: false, locale: 'zh-CN' });
    await page.getByRole('button', { name: '新建研究' }).first().click();
    const create = page.getByRole('dialog', { name: '新建研究' });
    await create.waitFor();
    expect(await create.getByLabel('研究语言').inputValue()).toBe('zh-Hans');
    expect((await selectsAreStyled(page)).filter((s) => !s.styled)).toEqual([]);
    await create.getByLabel('名称').fill('家庭保险');
    await create.getByRole('button', { name: '创建研究' }).click();
    await page.getByRole('heading', { level: 1, name: '家庭保险' }).waitFor();
    const [study] = await call(library, 'study.list', {});
    expect(study!.language).toBe('zh-Hans');

    await call(library, 'participant.create', { studyId: study!.id, fields: { code: 'P01', source: 'own' } });
    await page.goto(`${page.url().split('#')[0]}#/study/${study!.id}/interviews`);
    await page.getByRole('button', { name: '新建访谈' }).click();
    const plan = page.getByRole('dialog', { name: '新建访谈' });
    await plan.waitFor();
    expect((await selectsAreStyled(page)).filter((s) => !s.styled)).toEqual([]);
    const when = plan.getByRole('textbox', { name: '时间', exact: true });
    // Typed as a Chinese user writes it; shown back the same way once read.
    await when.fill('2026年12月5日 下午2:30');
    await when.press('Tab');
    await expect.poll(() => when.inputValue()).toBe('2026年12月5日 14:30');
    // Arrow keys move it by a day.
    await when.focus();
    await when.press('ArrowUp');
    await expect.poll(() => when.inputValue()).toBe('2026年12月6日 14:30');
    await when.press('ArrowDown');
    await plan.getByRole('button', { name: '安排访谈' }).click();
    await plan.waitFor({ state: 'detached' });

    const [session] = await call(library, 'session.list', { studyId: study!.id });
    const expected = await page.evaluate(() => new Date(2026, 11, 5, 14, 30).toISOString());
    expect(session!.scheduledAt).toBe(expected);
    await page.locator('tr[data-session="P01"]').getByText('2026年12月5日 14:30').waitFor();
  });

  it('says so when a date cannot be read, instead of keeping a wrong one', async () => {
    const { page, library } = await openApp({ seedSample: false });
    const study = await call(library, 'study.create', { name: 'Home insurance', language: 'en' });
    await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01', source: 'own' } });
    await page.goto(`${page.url().split('#')[0]}#/study/${study.id}/interviews`);
    await page.getByRole('button', { name: 'New interview' }).click();
    const plan = page.getByRole('dialog', { name: 'New interview' });
    const when = plan.getByRole('textbox', { name: 'When', exact: true });
    await when.fill('31/31/2026');
    await when.press('Tab');
    const hint = plan.locator('.date-field-hint');
    await hint.getByText(/Dec 5, 2026/).waitFor();
    expect(await when.getAttribute('aria-invalid')).toBe('true');
    expect(await hint.getAttribute('id')).toBe(await when.getAttribute('aria-describedby'));
    await when.fill('12/24/2026 9:15 am');
    await when.press('Enter');
    await expect.poll(() => when.inputValue()).toMatch(/^Dec 24, 2026,? 9:15\sAM$/);
    expect(await hint.count()).toBe(0);
  });

  it('hands the keyboard back to the control that opened a dialog when it closes, however it closes', async () => {
    const { page } = await openApp({ seedSample: true });
    const card = page.getByTestId('study-card').filter({ hasText: 'New-car buyer journey' });
    await card.waitFor();
    const opener = page.getByRole('button', { name: 'New study' }).first();
    const dialog = page.getByRole('dialog', { name: 'New study' });
    // Closed with its Cancel button, reached by keyboard: the next Enter opens it again.
    await opener.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Closed with Escape.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await activeLabel(page)).toBe('New study');

    // A question (move to the trash?) answered "Cancel" goes back to the button that asked it.
    const remove = card.getByRole('button', { name: /Move to trash|Delete/ });
    await remove.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog');
    await confirm.waitFor();
    await page.keyboard.press('Enter'); // Cancel has the keyboard
    await confirm.waitFor({ state: 'detached' });
    expect(await remove.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});

describe('the interview register', () => {
  it("counts a running interview's time, and keeps a planned one's Start and Missed buttons apart", async () => {
    const { page, library } = await openApp({ seedSample: false });
    const study = await call(library, 'study.create', { name: 'Home insurance', language: 'en' });
    const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    const plan = async (code: string) => {
      const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code, source: 'own' } });
      return call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: 'Interviewer' });
    };
    const running = await plan('P01');
    await plan('P02');
    await call(library, 'session.start', { id: running.id });
    // Started three minutes ago: the timer has run since, with nothing accrued by a pause.
    library.context.db.prepare('UPDATE session SET running_since = ? WHERE id = ?').run(new Date(Date.now() - 3 * 60_000).toISOString(), running.id);
    await page.goto(`${page.url().split('#')[0]}#/study/${study.id}/interviews`);

    const duration = page.locator('tr[data-session="P01"] td').nth(4);
    await expect.poll(async () => (await duration.innerText()).trim()).toMatch(/^0[3-9]:\d\d$/);

    const row = page.locator('tr[data-session="P02"]');
    const start = (await row.getByRole('button', { name: 'Start' }).boundingBox())!;
    const missed = (await row.getByRole('button', { name: 'Missed' }).boundingBox())!;
    expect(missed.x - (start.x + start.width)).toBeGreaterThanOrEqual(4);
  });
});
