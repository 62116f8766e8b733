// What floats over the board stays in the window and out of the way, measured in real
// Chromium at 1440×900: the themes & causes panel wraps long names within its width,
// scrolls, and leaves the footer usable; the "interview still open" banner shrinks the
// board instead of pushing its footer off-screen; a group's options menu flips up near
// the window's bottom and keeps the keyboard in hand; a group's name popup follows
// what is typed while the group is renamed.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openBoard, reachable, setUpBoard } from './board-setup.js';

const LONG_NAMES = {
  'en-US': {
    theme: 'Opaque pricing and surprise fees at the dealership undermine trust long before anything is signed',
    group: 'Customers cannot tell what the on-the-road price includes until the very last meeting',
    label: 'makes the customer doubt every figure the salesperson quotes afterwards',
    panel: 'Themes & causes',
  },
  'zh-CN': {
    theme: '价格不透明让人在签约前一直担心到底还有多少隐藏费用没有说清楚而且销售顾问也解释不清',
    group: '客户直到最后一次见面才知道落地价到底包含哪些费用和服务项目',
    label: '让客户怀疑销售顾问之后报出的每一个数字',
    panel: '主题与因果',
  },
} as const;

describe('board overlays in the browser', () => {
  it('wraps the themes & causes panel within its width in English and Chinese, scrolls it, and leaves the footer visible and usable', async () => {
    for (const [locale, words] of Object.entries(LONG_NAMES)) {
      const { page, library, server, study, groups } = await setUpBoard(locale);
      await call(library, 'board.updateGroup', { id: groups.a.id, fields: { name: words.group } });
      // Enough themes that the panel is taller than the window.
      for (let i = 0; i < 6; i++) await call(library, 'board.createTheme', { studyId: study.id, name: `${words.theme} ${i + 1}`, groupIds: i === 0 ? [groups.a.id, groups.b.id] : [] });
      await call(library, 'board.link', { studyId: study.id, from: { kind: 'group', id: groups.a.id }, to: { kind: 'group', id: groups.b.id }, label: words.label });
      await openBoard(page, server, study.id);
      await page.getByRole('button', { name: words.panel }).click();
      const panel = page.getByTestId('level2');
      await panel.waitFor();

      const fit = await panel.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const outside = [...el.querySelectorAll<HTMLElement>('*')]
          .filter((child) => {
            const r = child.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
          })
          .map((child) => `${child.tagName}.${child.className}`);
        const style = getComputedStyle(el);
        return { sideways: el.scrollWidth - el.clientWidth, outside, scrolls: el.scrollHeight > el.clientHeight && style.overflowY === 'auto', width: box.width };
      });
      expect(fit.sideways, `${locale}: panel content wider than the panel`).toBe(0);
      expect(fit.outside, `${locale}: elements sticking out of the panel`).toEqual([]);
      expect(fit.scrolls, `${locale}: panel scrolls vertically`).toBe(true);
      expect(fit.width).toBeLessThanOrEqual(420);

      // The panel ends above the footer; the footer is in the window and its toggle takes clicks.
      const panelBox = (await panel.boundingBox())!;
      const footer = (await page.locator('.board-footer').boundingBox())!;
      expect(panelBox.y + panelBox.height, `${locale}: panel covers the footer`).toBeLessThanOrEqual(footer.y + 0.5);
      expect(footer.y + footer.height).toBeLessThanOrEqual(900);
      expect(await reachable(page, '.board-footer [data-testid="card-count"]')).toBe(true);
      expect(await reachable(page, '.board-footer button[aria-pressed]')).toBe(true);
      await page.locator('.board-footer button[aria-pressed]').click();
      await expect.poll(() => page.locator('.board-footer button[aria-pressed]').getAttribute('aria-pressed')).toBe('false');

      // Scrolled to its end, the link form is in view inside the panel.
      await panel.evaluate((el) => (el.scrollTop = el.scrollHeight));
      const submit = (await panel.locator('.link-form button[type="submit"]').boundingBox())!;
      expect(submit.y + submit.height).toBeLessThanOrEqual(panelBox.y + panelBox.height);
      await page.context().close();
    }
  });

  it('keeps the board footer in the window while the "interview still open" banner shows above the board', async () => {
    const { page, library, server, study, participant, groups } = await setUpBoard();
    await call(library, 'board.link', { studyId: study.id, from: { kind: 'group', id: groups.a.id }, to: { kind: 'group', id: groups.b.id }, label: '' });
    const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: 'Interviewer' });
    await call(library, 'session.start', { id: session.id });
    await openBoard(page, server, study.id);
    await page.getByRole('status').getByText('The interview with P01 is still open.').waitFor();

    const footer = (await page.locator('.board-footer').boundingBox())!;
    expect(footer.y + footer.height, 'footer below the window').toBeLessThanOrEqual(900);
    const area = (await page.locator('.board-area').boundingBox())!;
    expect(area.y + area.height).toBeLessThanOrEqual(footer.y + 0.5);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(900);
    expect(await reachable(page, '.board-footer button[aria-pressed]')).toBe(true);
    await page.locator('.board-footer button[aria-pressed]').click();
    await expect.poll(() => page.locator('[data-arrow]').count()).toBe(0);
  });

  it('opens a group\'s options upward near the bottom of the window, closes them on Tab or Escape with focus back on their "more options" button', async () => {
    const { page, server, study, groups } = await setUpBoard();
    // A lower window, so the first column's second group sits near its bottom.
    await page.setViewportSize({ width: 1440, height: 570 });
    await openBoard(page, server, study.id);
    const group = page.locator(`[data-group="${groups.c.id}"]`);
    const button = group.getByRole('button', { name: 'Group options' });
    // Its icon says "more options" (the pencil would say "rename").
    expect(await button.locator('svg').getAttribute('data-icon')).toBe('more');
    const opener = (await button.boundingBox())!;
    expect(opener.y + opener.height).toBeGreaterThan(570 - 120);

    await button.click();
    const menu = page.getByRole('menu', { name: 'Group options' });
    await menu.waitFor();
    const box = (await menu.boundingBox())!;
    expect(box.y + box.height, 'menu inside the window').toBeLessThanOrEqual(570);
    expect(box.y + box.height, 'menu above its button').toBeLessThanOrEqual(opener.y);
    expect(box.y).toBeGreaterThanOrEqual(0);

    // Tab and Shift+Tab close the menu and give focus back to its button, as desktop menus do.
    for (const key of ['Tab', 'Shift+Tab', 'Escape']) {
      if (!(await menu.count())) await button.press('Enter');
      await menu.waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
      await page.keyboard.press(key);
      await expect.poll(() => menu.count(), { message: key }).toBe(0);
      expect(await button.evaluate((el) => el === document.activeElement), `${key}: focus back on the button`).toBe(true);
    }
  });

  it('shows what is being typed, never the old name, in a group\'s name popup while it is renamed', async () => {
    const { page, library, server, study, groups } = await setUpBoard('zh-CN');
    const long = '价格不透明让人在签约前一直担心到底还有多少隐藏费用没有说清楚';
    await call(library, 'board.updateGroup', { id: groups.a.id, fields: { name: long } });
    await openBoard(page, server, study.id);
    const group = page.locator(`[data-group="${groups.a.id}"]`);
    const name = group.getByRole('textbox', { name: '分组名称' });
    await name.focus();
    await page.keyboard.press('ControlOrMeta+A');
    const typed = '报价拖了三天才给出来而且每次去店里问销售顾问都说还在等总部审批';
    await page.keyboard.type(typed);
    const popup = group.locator('.group-name-full');
    await expect.poll(() => popup.textContent()).toBe(typed);
    expect(await popup.isVisible()).toBe(true);
    // Nothing else offers the old name while editing (the hover title included).
    expect(await group.locator(`[title="${long}"]`).count()).toBe(0);
    // Escape puts the old name back, in the field and the popup alike.
    await page.keyboard.press('Escape');
    await expect.poll(() => name.inputValue()).toBe(long);
    expect(await popup.textContent()).toBe(long);
  });
});
