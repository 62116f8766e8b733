// Live capture in real Chromium against browser mode: a whole short interview run
// by keyboard in Chinese, findings typed, staged, TERMS-classified and tagged, the
// summary, and everything still there after a reload; clean-up after the interview;
// and a failing save that keeps the text and recovers.
import type { CDPSession, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noteParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/server.js';

async function setUp() {
  const app = await openApp({ seedSample: false, locale: 'zh-CN' });
  const { library } = app;
  const study = await call(library, 'study.create', { name: '家庭保险', language: 'zh-Hans', plannedInterviews: 4 });
  const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hans' } });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01', source: 'own' } });
  await call(library, 'tag.create', { studyId: study.id, fields: { name: '等待', definition: '客户在任何环节等待过久' } });
  await call(library, 'tag.create', { studyId: study.id, fields: { name: '价格不透明', definition: '报价或费用说不清楚，客户觉得被隐瞒' } });
  await call(library, 'tag.create', { studyId: study.id, fields: { name: '销售施压', definition: '销售人员催促客户尽快决定' } });
  const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: '研究员' });
  await app.page.goto(pageUrl(app.server, `#/study/${study.id}/interviews`));
  return { ...app, study, guide, session };
}

/** Types Chinese the way an input method does: composition first, then the committed text. */
async function typeWithIme(cdp: CDPSession, pinyin: string, text: string) {
  await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await cdp.send('Input.insertText', { text });
}

const editorText = (page: Page) => page.getByTestId('note-editor').innerText();

/** Presses Tab (or Shift+Tab) until the control has the focus, as a keyboard user reaches it. */
async function tabTo(page: Page, control: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let presses = 0; presses < 80; presses++) {
    if (await control.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error('The control cannot be reached with the keyboard');
}

/** Each question's notes as plain paragraphs, keyed by question id ('' for the other notes). */
async function savedNotes(library: Awaited<ReturnType<typeof setUp>>['library'], sessionId: string) {
  const notes = (await call(library, 'session.get', { id: sessionId })).notes;
  const entries = notes.map((n) => [n.questionId ?? '', noteParagraphs(n.content).map((p) => p.text).filter(Boolean)] as const);
  return Object.fromEntries(entries.filter(([, paragraphs]) => paragraphs.length > 0));
}

/** Waits until the notes editor has the keyboard (focus moves there a frame after a bar closes). */
async function inNotes(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-editor');
}

describe('live interview capture', () => {
  it('runs a short interview by keyboard in Chinese, and finds everything after a reload', async () => {
    const { page, library, session, guide, study } = await setUp();
    const stages = (await call(library, 'study.overview', { id: study.id })).stages;
    await call(library, 'stage.update', { id: stages[2]!.id, description: '客户权衡各个选项，做出选择' });
    const cdp = await page.context().newCDPSession(page);
    const questions = guide.sections.flatMap((s) => s.questions);
    const heading = (n: number) => page.getByTestId('current-question').getByRole('heading', { name: questions[n]!.text });
    const bar = page.getByTestId('finding-bar');
    const definition = bar.getByTestId('finding-definition');

    await tabTo(page, page.getByRole('button', { name: '开始', exact: true }));
    await page.keyboard.press('Enter');
    await heading(0).waitFor();
    await page.getByTestId('note-editor').waitFor();

    // Question 1: a paragraph marked as a pain point in stage 2, Time and Emotion,
    // tagged 等待 found by part of its name.
    await typeWithIme(cdp, 'deng le san tian', '等了三天才拿到报价');
    await page.keyboard.press('Control+Enter');
    await bar.waitFor();
    await page.keyboard.press('p');
    // The definition of what is being applied is in view, and describes the bar.
    await expect.poll(() => definition.innerText()).toContain('让客户耗费时间');
    expect(await bar.getAttribute('aria-describedby')).toBe(await definition.getAttribute('id'));
    await page.keyboard.press('2');
    await expect.poll(() => definition.innerText()).toContain('考虑');
    await page.keyboard.press('Shift+KeyT');
    await expect.poll(() => definition.innerText()).toContain('等待、延误');
    await page.keyboard.press('Shift+KeyE');
    await page.keyboard.press('#');
    const picker = page.getByRole('dialog', { name: '添加标签' });
    await picker.getByRole('combobox', { name: '搜索标签…' }).waitFor();
    await typeWithIme(cdp, 'deng', '等');
    await picker.getByRole('option', { name: /等待/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await bar.getByRole('radio', { name: /痛点/, checked: true }).waitFor();
    await bar.getByRole('radio', { name: /考虑/, checked: true }).waitFor();
    await bar.getByRole('button', { name: /时间/, pressed: true }).waitFor();
    await bar.getByRole('button', { name: /情绪/, pressed: true }).waitFor();
    await bar.locator('.chip').getByText('等待', { exact: true }).waitFor();
    // Escape in the picker ends the tagging and the finding: back to the notes.
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    await inNotes(page);
    await page.keyboard.press('Enter');
    await typeWithIme(cdp, 'hen jiao lv', '很焦虑');

    // Question 2: part of a paragraph, selected with Shift+arrows, is a pain point in
    // stage 3 (Risk, Money), tagged through a misspelt search that shows the definition.
    await page.keyboard.press('Alt+ArrowDown');
    await heading(1).waitFor();
    await inNotes(page);
    await typeWithIme(cdp, 'jia ge bu tou ming', '价格不透明，感觉被套路');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Control+Enter');
    await bar.getByTestId('finding-wording').getByText('“感觉被套路”').waitFor();
    await page.keyboard.press('p');
    await page.keyboard.press('3');
    await expect.poll(() => definition.innerText()).toContain('客户权衡各个选项，做出选择');
    await page.keyboard.press('Shift+KeyM');
    await page.keyboard.press('Shift+KeyR');
    await page.keyboard.press('#');
    await typeWithIme(cdp, 'jia ge tou ming', '价格透明');
    const match = picker.getByRole('option', { selected: true });
    await expect.poll(() => match.innerText()).toContain('报价或费用说不清楚，客户觉得被隐瞒');
    expect(await match.innerText()).toContain('价格不透明');
    await page.keyboard.press('Enter');
    await bar.locator('.chip').getByText('价格不透明', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    // Back in the notes after the marked words: a second paragraph, an influencer in
    // stage 3, its wording edited in the bar.
    await inNotes(page);
    await page.keyboard.press('Enter');
    await typeWithIme(cdp, 'xiao shou cui wo', '销售一直催我签合同');
    await page.keyboard.press('Control+Enter');
    await bar.getByTestId('finding-wording').getByText('“销售一直催我签合同”').waitFor();
    await page.keyboard.press('i');
    await page.keyboard.press('3');
    await page.keyboard.press('e');
    const wording = bar.getByRole('textbox', { name: '发现的措辞' });
    await wording.waitFor();
    await page.keyboard.press('Control+A');
    await typeWithIme(cdp, 'xiao shou yi zhi cui wo jin kuai qian', '销售一直催我尽快签合同');
    await page.keyboard.press('Enter');
    await bar.getByTestId('finding-wording').getByText('“销售一直催我尽快签合同”').waitFor();
    await page.keyboard.press('Enter');
    await bar.waitFor({ state: 'detached' });

    // Back to question 1 (Alt+↑): a third paragraph, a thought in stage 2. Tabbing to an
    // option shows its definition; the keys still work from there.
    await page.keyboard.press('Alt+ArrowUp');
    await heading(0).waitFor();
    await expect.poll(() => editorText(page)).toContain('很焦虑');
    await inNotes(page);
    await page.keyboard.press('Enter');
    await typeWithIme(cdp, 'hou lai zai wang shang bi jia', '后来在网上比价，想了很久');
    await page.keyboard.press('Control+Enter');
    await bar.getByTestId('finding-wording').getByText('“后来在网上比价，想了很久”').waitFor();
    await page.keyboard.press('k');
    await page.keyboard.press('2');
    await tabTo(page, bar.getByRole('radio', { name: /触点/ }));
    await expect.poll(() => definition.innerText()).toContain('客户与产品、品牌或公司接触的地方');
    expect(await bar.getByRole('radio', { name: /触点/ }).getAttribute('aria-describedby')).toBe(await definition.getAttribute('id'));
    await page.keyboard.press('k');
    await expect.poll(() => definition.innerText()).toContain('客户当时在想什么');
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    await inNotes(page);

    // Pause and resume the timer.
    await page.keyboard.press('Alt+KeyP');
    await page.getByRole('timer').getByText('已暂停').waitFor();
    await expect.poll(async () => (await call(library, 'session.get', { id: session.id })).session.status).toBe('paused');
    await page.keyboard.press('Alt+KeyP');
    await page.getByRole('timer').getByText('已暂停').waitFor({ state: 'detached' });
    await expect.poll(async () => (await call(library, 'session.get', { id: session.id })).session.status).toBe('in_progress');

    // Question 3 is skipped; the other notes get a line; the overlay lists the keys.
    await page.keyboard.press('Alt+ArrowDown');
    await heading(1).waitFor();
    await page.keyboard.press('Alt+ArrowDown');
    await heading(2).waitFor();
    await page.keyboard.press('Alt+KeyS');
    await heading(3).waitFor();
    await page.keyboard.press('Alt+KeyO');
    await page.locator('.notes-head').getByRole('heading', { name: '其他笔记' }).waitFor();
    await inNotes(page);
    await typeWithIme(cdp, 'xia ge yue mai che xian', '受访者下个月还要买车险');
    await page.keyboard.press('Control+/');
    const overlay = page.getByTestId('shortcuts');
    await overlay.getByText('跳过此问题').waitFor();
    await overlay.getByText('修改发现的措辞').waitFor();
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached' });
    await page.getByTestId('save-state').getByText('已保存').waitFor();

    // What is stored: every question's notes and every finding, as typed.
    const expectedNotes = {
      [questions[0]!.id]: ['等了三天才拿到报价', '很焦虑', '后来在网上比价，想了很久'],
      [questions[1]!.id]: ['价格不透明，感觉被套路', '销售一直催我签合同'],
      '': ['受访者下个月还要买车险'],
    };
    await expect.poll(() => savedNotes(library, session.id)).toEqual(expectedNotes);
    const tags = await call(library, 'tag.list', { studyId: study.id });
    const tagId = (name: string) => tags.find((t) => t.name === name)!.id;
    const expectedFindings = [
      { questionId: questions[0]!.id, text: '等了三天才拿到报价', type: 'pain_point', stageId: stages[1]!.id, terms: ['T', 'E'], tagIds: [tagId('等待')] },
      { questionId: questions[1]!.id, text: '感觉被套路', type: 'pain_point', stageId: stages[2]!.id, terms: ['R', 'M'], tagIds: [tagId('价格不透明')] },
      { questionId: questions[1]!.id, text: '销售一直催我尽快签合同', type: 'influencer', stageId: stages[2]!.id, terms: [], tagIds: [] },
      { questionId: questions[0]!.id, text: '后来在网上比价，想了很久', type: 'think', stageId: stages[1]!.id, terms: [], tagIds: [] },
    ];
    const storedFindings = async () =>
      (await call(library, 'session.get', { id: session.id })).findings.map(({ questionId, text, type, stageId, terms, tagIds }) => ({ questionId, text, type, stageId, terms, tagIds }));
    expect(await storedFindings()).toEqual(expectedFindings);
    const progress = (await call(library, 'session.get', { id: session.id })).progress;
    expect(progress.find((p) => p.questionId === questions[2]!.id)?.state).toBe('skipped');

    // Reload: the interview opens again where it was left, in the other notes, and every
    // note and finding is there on screen.
    await page.reload();
    await page.locator('.notes-head').getByRole('heading', { name: '其他笔记' }).waitFor();
    await expect.poll(() => editorText(page)).toContain('受访者下个月还要买车险');
    await tabTo(page, page.locator('.progress-item').first());
    await page.keyboard.press('Enter');
    await heading(0).waitFor();
    await expect.poll(() => editorText(page)).toContain('后来在网上比价，想了很久');
    expect(await page.locator('.note-paragraph[data-time]').count()).toBe(3);
    expect((await editorText(page)).split('\n').filter(Boolean)).toEqual(expectedNotes[questions[0]!.id]);
    const chip = (text: string) => page.getByTestId('finding').filter({ hasText: text });
    expect(await page.getByTestId('finding').count()).toBe(2);
    expect(await chip('等了三天才拿到报价').innerText()).toMatch(/痛点[\s\S]*考虑[\s\S]*T[\s\S]*E/);
    expect(await chip('后来在网上比价').innerText()).toMatch(/想法[\s\S]*考虑/);
    // The tag is on the finding: open it from the keyboard (Alt+F, Enter).
    await page.keyboard.press('Alt+KeyF');
    await page.keyboard.press('Enter');
    await bar.getByText('等待', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    await inNotes(page);

    await page.keyboard.press('Alt+ArrowDown');
    await heading(1).waitFor();
    await expect.poll(async () => (await editorText(page)).split('\n').filter(Boolean)).toEqual(expectedNotes[questions[1]!.id]);
    expect(await page.getByTestId('finding').count()).toBe(2);
    expect(await chip('感觉被套路').innerText()).toMatch(/痛点[\s\S]*决策[\s\S]*R[\s\S]*M/);
    expect(await chip('销售一直催我尽快签合同').innerText()).toMatch(/影响者[\s\S]*决策/);
    await page.keyboard.press('Alt+KeyF');
    await page.keyboard.press('Enter');
    await bar.getByText('价格不透明', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    await inNotes(page);

    await page.keyboard.press('Alt+ArrowDown');
    await heading(2).waitFor();
    expect((await editorText(page)).trim()).toBe('');
    expect(await page.getByTestId('finding').count()).toBe(0);
    await page.keyboard.press('Alt+KeyO');
    await page.locator('.notes-head').getByRole('heading', { name: '其他笔记' }).waitFor();
    await expect.poll(() => editorText(page)).toContain('受访者下个月还要买车险');
    expect(await storedFindings()).toEqual(expectedFindings);

    // End the interview from the keyboard and read the summary.
    await tabTo(page, page.getByRole('button', { name: '结束访谈' }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    // It asks first; Enter confirms.
    await page.getByRole('dialog', { name: '结束这次访谈？' }).waitFor();
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('summary');
    await summary.waitFor();
    expect(await summary.locator('.big-number').nth(2).innerText()).toBe('4');
    await summary.getByText('已跳过 1 题').waitFor();
  });

  it('edits notes and findings in clean-up mode after the interview, and keeps the edits', async () => {
    const { page, library, session, study } = await setUp();
    const stages = (await call(library, 'study.overview', { id: study.id })).stages;
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await page.keyboard.type('Quote took three days');
    await page.keyboard.press('Control+Enter');
    const bar = page.getByTestId('finding-bar');
    await bar.waitFor();
    await page.keyboard.press('p');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await bar.waitFor({ state: 'detached' });
    await page.getByTestId('save-state').getByText('已保存').waitFor();
    await page.getByRole('button', { name: '结束访谈' }).click();
    await page.getByRole('dialog', { name: '结束这次访谈？' }).getByRole('button', { name: '结束访谈' }).click();
    await page.getByTestId('summary').waitFor();

    // Reopen the completed interview to clean it up.
    await page.getByTestId('summary').getByRole('button', { name: /整理/ }).click();
    await page.getByText('回顾中：访谈已结束').waitFor();
    await expect.poll(() => editorText(page)).toContain('Quote took three days');
    // The note: a correction typed at its end.
    await page.getByTestId('note-editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' (a written quote, by email)');
    // The finding: new wording, by the visible button, and another stage.
    await page.getByTestId('finding').click();
    await bar.waitFor();
    await bar.getByRole('button', { name: /修改措辞/ }).click();
    const wording = bar.getByRole('textbox', { name: '发现的措辞' });
    await wording.fill('Waited three days for a written quote');
    // Escape puts the old wording back; the second try is saved with Enter.
    await wording.press('Escape');
    await bar.getByTestId('finding-wording').getByText('“Quote took three days”').waitFor();
    await page.keyboard.press('e');
    await wording.fill('Waited three days for a written quote');
    await wording.press('Enter');
    await bar.getByTestId('finding-wording').getByText('“Waited three days for a written quote”').waitFor();
    await page.keyboard.press('3');
    await bar.getByRole('radio', { name: /决策/, checked: true }).waitFor();
    await page.keyboard.press('Enter');
    await bar.waitFor({ state: 'detached' });
    await expect.poll(async () => Object.values(await savedNotes(library, session.id))).toEqual([['Quote took three days (a written quote, by email)']]);
    await expect.poll(async () => (await call(library, 'session.get', { id: session.id })).findings.map((f) => [f.text, f.stageId])).toEqual([
      ['Waited three days for a written quote', stages[2]!.id],
    ]);

    // After a reload, clean-up mode shows the edits.
    await page.reload();
    await page.getByTestId('summary').getByRole('button', { name: /整理/ }).click();
    await expect.poll(() => editorText(page)).toContain('Quote took three days (a written quote, by email)');
    const chip = page.getByTestId('finding');
    await expect.poll(() => chip.innerText()).toContain('Waited three days for a written quote');
    expect(await chip.innerText()).toContain('决策');
    expect((await call(library, 'session.get', { id: session.id })).session.status).toBe('completed');
  });

  it('clears a skip and marks a question asked from the script pane, by keyboard', async () => {
    const { page, library, session, guide } = await setUp();
    const questions = guide.sections.flatMap((s) => s.questions);
    const heading = (n: number) => page.getByTestId('current-question').getByRole('heading', { name: questions[n]!.text });
    const stateOf = async (n: number) => (await call(library, 'session.get', { id: session.id })).progress.find((p) => p.questionId === questions[n]!.id)?.state;
    const controls = page.getByTestId('script-controls');
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await heading(0).waitFor();
    await page.getByTestId('note-editor').waitFor();
    // Every control shows its key.
    expect(await controls.innerText()).toMatch(/上一个问题\s*Alt\+↑[\s\S]*下一个问题\s*Alt\+↓[\s\S]*跳过\s*Alt\+S[\s\S]*其他笔记\s*Alt\+O/);
    await page.getByTestId('save-state').locator('xpath=following-sibling::button[1]').getByText('Ctrl+S').waitFor();

    // Skipped by mistake: back to it, and the same key takes the skip back.
    await page.keyboard.press('Alt+KeyS');
    await heading(1).waitFor();
    await expect.poll(() => stateOf(0)).toBe('skipped');
    await page.keyboard.press('Alt+ArrowUp');
    await heading(0).waitFor();
    await controls.getByRole('button', { name: /取消跳过/ }).waitFor();
    await page.keyboard.press('Alt+KeyS');
    await controls.getByRole('button', { name: /^跳过/ }).waitFor();
    await expect.poll(() => stateOf(0)).not.toBe('skipped');
    await heading(0).waitFor();

    // A skip cleared from the progress list, reached with Shift+Tab.
    await page.keyboard.press('Alt+ArrowDown');
    await heading(1).waitFor();
    await page.keyboard.press('Alt+KeyS');
    await heading(2).waitFor();
    await expect.poll(() => stateOf(1)).toBe('skipped');
    const clear = page.getByRole('button', { name: '取消第 2 题的跳过' });
    await tabTo(page, clear, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => stateOf(1)).not.toBe('skipped');
    await clear.waitFor({ state: 'detached' });
    // The keyboard stays on that question's row.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(questions[1]!.text);

    // In clean-up mode a question never reached is marked asked with its control.
    await page.getByRole('button', { name: '结束访谈' }).click();
    await page.getByRole('dialog', { name: '结束这次访谈？' }).getByRole('button', { name: '结束访谈' }).click();
    await page.getByTestId('summary').getByRole('button', { name: /整理/ }).click();
    await page.getByRole('button', { name: new RegExp(questions[9]!.text.slice(0, 8)) }).click();
    await heading(9).waitFor();
    expect(await stateOf(9)).toBeUndefined();
    const markAsked = controls.getByRole('button', { name: /标为已提问/ });
    await tabTo(page, markAsked, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => stateOf(9)).toBe('asked');
    await markAsked.waitFor({ state: 'detached' });
  });

  it('goes on typing after text marked from a selection, never over it', async () => {
    const { page, library, session } = await setUp();
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await page.keyboard.type('hidden fees at checkout');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Control+Enter');
    const bar = page.getByTestId('finding-bar');
    await bar.getByTestId('finding-wording').getByText('“checkout”').waitFor();
    await page.keyboard.press('p');
    // A key the bar does not use closes it and is typed in the notes, after the marked text.
    await page.keyboard.press('!');
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => editorText(page)).toBe('hidden fees at checkout!');
    await inNotes(page);
    await page.keyboard.type(' Twice.');
    await expect.poll(() => editorText(page)).toBe('hidden fees at checkout! Twice.');
    await expect.poll(async () => Object.values(await savedNotes(library, session.id))).toEqual([['hidden fees at checkout! Twice.']]);
    expect((await call(library, 'session.get', { id: session.id })).findings.map((f) => [f.text, f.type])).toEqual([['checkout', 'pain_point']]);
  });

  it('keeps the text and warns when saving fails, then saves once it can', async () => {
    const { page, library, session } = await setUp();
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    await page.route('**/api/note.sync', (route) => route.abort('failed'));
    await page.keyboard.type('Saw the ad on the metro, no price anywhere.');
    await page.getByTestId('save-state').getByText(/尚未保存|未保存/).waitFor();
    expect(await editorText(page)).toContain('no price anywhere');
    await page.unroute('**/api/note.sync');
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

    // Left in the other notes, it reopens there, not on the first question.
    await reopened.getByTestId('note-editor').click();
    await reopened.keyboard.press('Alt+O');
    await reopened.getByRole('heading', { level: 2, name: '其他笔记' }).waitFor();
    await reopened.keyboard.type('an aside about the trade-in');
    await reopened.getByTestId('save-state').getByText('已保存').waitFor();
    await expect.poll(async () => (await call(library, 'session.get', { id: session.id })).session.currentQuestionId).toBeNull();
    const again = await page.context().newPage();
    await again.goto(server.url);
    await again.getByRole('heading', { level: 2, name: '其他笔记' }).waitFor();
    await expect.poll(() => again.getByTestId('note-editor').innerText()).toContain('an aside about the trade-in');
  });
});

