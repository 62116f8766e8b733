// Tagging live in a new study, which has no tags yet: a tag is created from the tag
// picker by its name (in Chinese, through an input method), applied at once, shown in
// the codebook as still lacking a definition, and its creation can be undone.
import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';

async function typeWithIme(cdp: CDPSession, pinyin: string, text: string) {
  await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await cdp.send('Input.insertText', { text });
}

describe('tags created while tagging', () => {
  it('creates a tag from the picker in a study without tags, applies it, and shows it in the codebook as lacking a definition', async () => {
    const { page, library } = await openApp({ seedSample: false, locale: 'zh-CN' });
    const study = await call(library, 'study.create', { name: '家庭保险', language: 'zh-Hans', plannedInterviews: 4 });
    const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hans' } });
    const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01', source: 'own' } });
    const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: '研究员' });
    await page.goto(`${page.url().split('#')[0]}#/study/${study.id}/interviews`);
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByTestId('note-editor').waitFor();
    const cdp = await page.context().newCDPSession(page);

    await typeWithIme(cdp, 'deng le san tian', '等了三天才拿到报价');
    await page.keyboard.press('Control+Enter');
    const bar = page.getByTestId('finding-bar');
    await bar.waitFor();
    await page.keyboard.press('#');
    const picker = page.getByRole('dialog', { name: '添加标签' });
    await picker.getByText('还没有标签：输入名称即可新建。').waitFor();
    await typeWithIme(cdp, 'deng dai tai jiu', '等待太久');
    await picker.getByRole('option', { name: /新建标签“等待太久”/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await bar.locator('.chip').getByText('等待太久', { exact: true }).waitFor();
    await page.getByText('已新建标签“等待太久”，可稍后在编码手册中补充定义。').waitFor();

    const tags = await call(library, 'tag.list', { studyId: study.id });
    expect(tags.map((t) => [t.name, t.definition])).toEqual([['等待太久', '']]);
    await expect.poll(async () => (await call(library, 'session.get', { id: session.id })).findings.map((f) => f.tagIds)).toEqual([[tags[0]!.id]]);

    // A second one, created and undone from its notice: it leaves the codebook.
    await typeWithIme(cdp, 'jia ge', '价格不透明');
    await page.keyboard.press('Enter');
    await bar.locator('.chip').getByText('价格不透明', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    await page.getByText('已新建标签“价格不透明”，可稍后在编码手册中补充定义。').locator('..').getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => (await call(library, 'tag.list', { studyId: study.id })).map((t) => t.name)).toEqual(['等待太久']);

    // The codebook lists it with its definition still to write.
    await page.getByTestId('save-state').getByText('已保存').waitFor();
    await page.goto(`${page.url().split('#')[0]}#/study/${study.id}/codebook`);
    const row = page.locator('.tag-row').filter({ hasText: '等待太久' });
    await row.getByText('尚无定义').waitFor();
  });
});
