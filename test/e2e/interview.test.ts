// Live capture in real Chromium against browser mode: a whole short interview run
// by keyboard in Chinese, findings typed, staged, TERMS-classified and tagged, the
// summary, and everything still there after a reload; and a failing save that keeps
// the text and recovers.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';

async function setUp() {
  const app = await openApp({ seedSample: false, locale: 'zh-CN' });
  const { library } = app;
  const study = await call(library, 'study.create', { name: '家庭保险', language: 'zh-Hans', plannedInterviews: 4 });
  const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hans' } });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01', source: 'own' } });
  await call(library, 'tag.create', { studyId: study.id, fields: { name: '等待', definition: '客户在任何环节等待过久' } });
  const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: '研究员' });
  await app.page.goto(`${app.server.url}#/study/${study.id}/interviews`);
  return { ...app, study, guide, session };
}

/** Types Chinese the way an input method does: composition first, then the committed text. */
async function typeWithIme(cdp: CDPSession, pinyin: string, text: string) {
  await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await cdp.send('Input.insertText', { text });
}

const editorText = (page: Page) => page.getByTestId('note-editor').innerText();

describe('live interview capture', () => {
  it('runs a short interview by keyboard in Chinese, and finds everything after a reload', async () => {
    const { page, library, session, guide } = await setUp();
    const cdp = await page.context().newCDPSession(page);
    await page.getByRole('button', { name: '开始', exact: true }).focus();
    await page.keyboard.press('Enter');
    const questions = guide.sections.flatMap((s) => s.questions);
    await page.getByTestId('current-question').getByRole('heading', { name: questions[0]!.text }).waitFor();

    // Question 1: a pain point in stage 2 with Time and Emotion, tagged 等待.
    await page.getByTestId('note-editor').waitFor();
    await typeWithIme(cdp, 'deng le san tian', '等了三天才拿到报价');
    await page.keyboard.press('Enter');
    await typeWithIme(cdp, 'hen jiao lv', '很焦虑');
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(50);
    await page.keyboard.press('Control+Enter');
    const bar = page.getByTestId('finding-bar');
    await bar.waitFor();
    await page.keyboard.press('p');
    await page.keyboard.press('2');
    await page.keyboard.press('Shift+KeyT');
    await page.keyboard.press('Shift+KeyE');
    await page.keyboard.press('#');
    await page.getByRole('combobox', { name: '搜索标签…' }).waitFor();
    await typeWithIme(cdp, 'deng dai', '等待');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await bar.getByRole('radio', { name: /痛点/, checked: true }).waitFor();
    await bar.getByRole('button', { name: /时间/, pressed: true }).waitFor();
    await bar.getByText('等待', { exact: true }).waitFor();
    await page.keyboard.press('Enter');
    await bar.waitFor({ state: 'detached' });

    // Question 2: a quote.
    await page.keyboard.press('Alt+ArrowDown');
    await page.getByTestId('current-question').getByRole('heading', { name: questions[1]!.text }).waitFor();
    await page.waitForTimeout(100);
    await typeWithIme(cdp, 'jia ge bu tou ming', '价格不透明，感觉被套路');
    await page.keyboard.press('Control+Enter');
    await bar.waitFor();
    await page.keyboard.press('q');
    await page.keyboard.press('Enter');
    // Question 3 is skipped; the shortcut overlay lists the keys.
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+KeyS');
    await page.keyboard.press('Control+/');
    await page.getByTestId('shortcuts').getByText('跳过此问题').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('save-state').getByText('已保存').waitFor();

    const findings = (await call(library, 'session.get', { id: session.id })).findings;
    expect(findings.map((f) => [f.text, f.type, f.terms, f.tagIds.length])).toEqual([
      ['等了三天才拿到报价', 'pain_point', ['T', 'E'], 1],
      ['价格不透明，感觉被套路', 'quote', [], 0],
    ]);
    const stages = (await call(library, 'study.overview', { id: session.studyId })).stages;
    expect(findings[0]!.stageId).toBe(stages[1]!.id);

    // End the interview (keyboard: focus the button, press Enter) and read the summary.
    await page.getByRole('button', { name: '结束访谈' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('summary');
    await summary.waitFor();
    expect(await summary.locator('.big-number').nth(2).innerText()).toBe('2');
    await summary.getByText('已跳过 1 题').waitFor();

    // Reload: the notes and findings are all there.
    await page.reload();
    await page.getByTestId('summary').getByRole('button', { name: /整理/ }).click();
    await page.getByTestId('interview').waitFor();
    await page.getByRole('button', { name: new RegExp(questions[0]!.text.slice(0, 6)) }).first().click();
    await expect.poll(() => editorText(page)).toContain('等了三天才拿到报价');
    expect(await editorText(page)).toContain('很焦虑');
    expect(await page.getByTestId('finding').count()).toBe(1);
    // Each paragraph shows when it was started.
    expect(await page.locator('.note-paragraph[data-time]').count()).toBe(2);
  });

  it('keeps the text and warns when saving fails, then saves once it can', async () => {
    const { page, library, session } = await setUp();
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await page.route('**/api/note.save', (route) => route.abort('failed'));
    await page.keyboard.type('Saw the ad on the metro, no price anywhere.');
    await page.getByTestId('save-state').getByText(/尚未保存|未保存/).waitFor();
    expect(await editorText(page)).toContain('no price anywhere');
    await page.unroute('**/api/note.save');
    await page.getByTestId('save-state').getByText('已保存').waitFor({ timeout: 15_000 });
    const notes = (await call(library, 'session.get', { id: session.id })).notes;
    expect(JSON.stringify(notes)).toContain('Saw the ad on the metro, no price anywhere.');
  });

  it('keeps only safe formatting from pasted rich text', async () => {
    const { page, library, session } = await setUp();
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await page.getByTestId('note-editor').evaluate((editor) => {
      const data = new DataTransfer();
      data.setData('text/html', '<h1>标题</h1><p><b>粗体</b> <a href="javascript:alert(1)">链接</a><img src=x onerror="alert(1)"><script>alert(1)</script></p>');
      data.setData('text/plain', '标题 粗体 链接');
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByTestId('save-state').getByText('已保存').waitFor();
    await expect.poll(async () => JSON.stringify((await call(library, 'session.get', { id: session.id })).notes)).toContain('粗体');
    const saved = JSON.stringify((await call(library, 'session.get', { id: session.id })).notes);
    expect(saved).not.toMatch(/script|onerror|javascript:|"type":"(link|image|heading)"/);
    expect(saved).toContain('"format":1'); // bold survives
    expect(await page.locator('.note-editor img, .note-editor a, .note-editor script').count()).toBe(0);
  });

  it('saves what was just typed when the page is closed or reloaded', async () => {
    const { page, library, session } = await setUp();
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.keyboard.type('last words before the reload');
    await page.reload(); // immediately: the save timer has not fired yet
    await expect.poll(async () => JSON.stringify((await call(library, 'session.get', { id: session.id })).notes)).toContain('last words before the reload');
  });

  it('returns to the open interview and its question when the app is opened again', async () => {
    const { page, library, session, guide, server } = await setUp();
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    const second = guide.sections.flatMap((s) => s.questions)[1]!;
    await page.keyboard.press('Alt+ArrowDown');
    await page.getByTestId('current-question').getByRole('heading', { name: second.text }).waitFor();
    await page.keyboard.type('notes on the second question');
    await page.getByTestId('save-state').getByText('已保存').waitFor();
    await expect.poll(async () => (await call(library, 'session.get', { id: session.id })).session.currentQuestionId).toBe(second.id);

    // A new window on the start screen, as after a crash.
    const reopened = await page.context().newPage();
    await reopened.goto(server.url);
    await reopened.getByTestId('current-question').getByRole('heading', { name: second.text }).waitFor();
    await expect.poll(() => reopened.getByTestId('note-editor').innerText()).toContain('notes on the second question');
  });
});

