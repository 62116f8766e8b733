// The board as a researcher sees it, measured in real Chromium: arrows stay on their
// ends whatever moves, links go round the cards (through the gaps beside and above the
// columns) and their labels cover no text, themes show on the board, group menus open
// above everything and work by keyboard, long names are cut cleanly, the toolbar fits a
// laptop screen in every language, TERMS letters say what they mean, and drags are
// announced by name.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openBoard, setUpBoard as setUp } from './board-setup.js';

interface Measured {
  arrows: Record<string, { start: { x: number; y: number }; end: { x: number; y: number } }>;
  boxes: Record<string, { left: number; top: number; right: number; bottom: number }>;
  columns: Record<string, { left: number; top: number; right: number; bottom: number }>;
}

/** Each arrow's two ends and each group's (and theme's) box, in window coordinates. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const arrows: Measured['arrows'] = {};
    for (const g of document.querySelectorAll<SVGGElement>('[data-arrow]')) {
      const path = g.querySelector('path')!;
      const svg = path.ownerSVGElement!.getBoundingClientRect();
      const total = path.getTotalLength();
      const a = path.getPointAtLength(0);
      const b = path.getPointAtLength(total);
      arrows[g.dataset.arrow!] = { start: { x: a.x + svg.left, y: a.y + svg.top }, end: { x: b.x + svg.left, y: b.y + svg.top } };
    }
    const boxes: Measured['boxes'] = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-group]')) boxes[el.dataset.group!] = rect(el);
    for (const el of document.querySelectorAll<HTMLElement>('[data-theme-chip]')) boxes[el.dataset.themeChip!] = rect(el);
    const columns: Measured['columns'] = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-group]')) columns[el.dataset.group!] = rect(el.closest('.board-column-body')!);
    return { arrows, boxes, columns };
  });
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;
/** A point on the box's left or right side (a group) or its top or bottom edge (a theme). */
function onEdge(point: { x: number; y: number }, box: { left: number; top: number; right: number; bottom: number }, column?: { top: number; bottom: number }) {
  const top = Math.max(box.top, column?.top ?? -Infinity);
  const bottom = Math.min(box.bottom, column?.bottom ?? Infinity);
  const side = (near(point.x, box.left) || near(point.x, box.right)) && point.y >= top - 1.5 && point.y <= bottom + 1.5;
  const edge = (near(point.y, box.top) || near(point.y, box.bottom)) && point.x >= box.left - 1.5 && point.x <= box.right + 1.5;
  return side || edge;
}

async function expectArrowsOnTheirEnds(page: Page, links: Array<{ id: string; from: string; to: string }>, when: string) {
  // One frame for the arrows to follow.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const m = await measure(page);
  for (const link of links) {
    const arrow = m.arrows[link.id];
    expect(arrow, `${when}: arrow ${link.id} drawn`).toBeDefined();
    expect(onEdge(arrow!.start, m.boxes[link.from]!, m.columns[link.from]), `${when}: arrow starts on its cause ${JSON.stringify([arrow!.start, m.boxes[link.from]])}`).toBe(true);
    expect(onEdge(arrow!.end, m.boxes[link.to]!, m.columns[link.to]), `${when}: arrow ends on its effect ${JSON.stringify([arrow!.end, m.boxes[link.to]])}`).toBe(true);
  }
}

describe('board layout in the browser', () => {
  it('keeps arrows on their ends when the board scrolls sideways and down, resizes, filters and a group collapses; an arrow to a theme points at the theme', async () => {
    const { page, library, server, study, groups } = await setUp();
    const theme = await call(library, 'board.createTheme', { studyId: study.id, name: 'Opaque pricing', groupIds: [groups.c.id] });
    const across = await call(library, 'board.link', { studyId: study.id, from: { kind: 'group', id: groups.a.id }, to: { kind: 'group', id: groups.b.id }, label: '' });
    const toTheme = await call(library, 'board.link', { studyId: study.id, from: { kind: 'group', id: groups.b.id }, to: { kind: 'theme', id: theme.id }, label: '' });
    const links = [
      { id: across.id, from: groups.a.id, to: groups.b.id },
      { id: toTheme.id, from: groups.b.id, to: theme.id },
    ];
    await openBoard(page, server, study.id);
    await page.locator('[data-arrow]').nth(1).waitFor({ state: 'attached' });
    // The theme is on the board, and the arrow to it ends there, not at one of its groups.
    await page.locator(`[data-theme-chip="${theme.id}"]`).getByText('Opaque pricing').waitFor();
    await expectArrowsOnTheirEnds(page, links, 'at first');

    await page.getByTestId('board').evaluate((el) => (el.scrollLeft = 180));
    await expectArrowsOnTheirEnds(page, links, 'scrolled sideways');

    await page.locator(`[data-group="${groups.a.id}"]`).evaluate((el) => (el.closest('.board-column-body')!.scrollTop = 60));
    await expectArrowsOnTheirEnds(page, links, 'column scrolled down');

    await page.setViewportSize({ width: 1200, height: 760 });
    await expectArrowsOnTheirEnds(page, links, 'window resized');

    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await page.getByPlaceholder('Filter cards…').fill('quote');
    await expectArrowsOnTheirEnds(page, links, 'filtered');

    await page.locator(`[data-group="${groups.a.id}"]`).getByRole('button', { name: 'Collapse group' }).click();
    await expect.poll(async () => (await call(library, 'board.get', { studyId: study.id })).groups.find((g) => g.id === groups.a.id)!.collapsed).toBe(true);
    await page.locator(`[data-group="${groups.a.id}"].collapsed`).waitFor();
    await expectArrowsOnTheirEnds(page, links, 'group collapsed');
  });

  it('routes a link between groups of one column around the cards, and puts labels where they cover no card', async () => {
    const { page, library, server, study, groups } = await setUp();
    const inColumn = await call(library, 'board.link', { studyId: study.id, from: { kind: 'group', id: groups.a.id }, to: { kind: 'group', id: groups.c.id }, label: 'makes worse' });
    await call(library, 'board.link', { studyId: study.id, from: { kind: 'group', id: groups.a.id }, to: { kind: 'group', id: groups.b.id }, label: 'leads to' });
    await openBoard(page, server, study.id);
    await page.locator('[data-label-for]').nth(1).waitFor({ state: 'attached' });
    await expectArrowsOnTheirEnds(page, [{ id: inColumn.id, from: groups.a.id, to: groups.c.id }], 'in one column');
    const crossings = await page.evaluate((id) => {
      const path = document.querySelector<SVGPathElement>(`[data-arrow="${id}"] path`)!;
      const svg = path.ownerSVGElement!.getBoundingClientRect();
      const cards = [...document.querySelectorAll('.board-card')].map((c) => c.getBoundingClientRect());
      const hits: string[] = [];
      for (let at = 0; at <= path.getTotalLength(); at += 3) {
        const p = path.getPointAtLength(at);
        const x = p.x + svg.left;
        const y = p.y + svg.top;
        if (cards.some((r) => x > r.left && x < r.right && y > r.top && y < r.bottom)) hits.push(`${Math.round(x)},${Math.round(y)}`);
      }
      return hits;
    }, inColumn.id);
    expect(crossings).toEqual([]);
    const covered = await page.evaluate(() => {
      const texts = [...document.querySelectorAll('.board-card-text, .board-card-meta, .group-name')].map((c) => c.getBoundingClientRect());
      return [...document.querySelectorAll('[data-label-for] rect')].flatMap((label) => {
        const l = label.getBoundingClientRect();
        return texts.filter((r) => l.left < r.right && l.right > r.left && l.top < r.bottom && l.bottom > r.top).map(() => label.parentElement!.textContent);
      });
    });
    expect(covered).toEqual([]);
  });

  it('routes arrows between columns and to themes through the gaps beside and above the columns, over no card, with labels on no text', async () => {
    const { page, library, server, study, stages, groups, cards } = await setUp();
    const next = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[1]!.id, name: 'Phone tag', findingIds: cards.middle.slice(0, 3) });
    const theme = await call(library, 'board.createTheme', { studyId: study.id, name: 'Opaque pricing', groupIds: [groups.c.id] });
    const link = (from: { kind: 'group' | 'theme'; id: string }, to: { kind: 'group' | 'theme'; id: string }, label: string) => call(library, 'board.link', { studyId: study.id, from, to, label });
    const made = [
      await link({ kind: 'group', id: groups.a.id }, { kind: 'group', id: groups.b.id }, 'leads to'),
      await link({ kind: 'group', id: groups.c.id }, { kind: 'group', id: next.id }, 'makes worse'),
      await link({ kind: 'group', id: next.id }, { kind: 'group', id: groups.b.id }, ''),
      await link({ kind: 'group', id: groups.b.id }, { kind: 'theme', id: theme.id }, 'explains'),
      await link({ kind: 'theme', id: theme.id }, { kind: 'group', id: next.id }, ''),
    ];
    await openBoard(page, server, study.id);
    await page.locator('[data-arrow]').nth(made.length - 1).waitFor({ state: 'attached' });
    const ends = [
      { id: made[0]!.id, from: groups.a.id, to: groups.b.id },
      { id: made[1]!.id, from: groups.c.id, to: next.id },
      { id: made[2]!.id, from: next.id, to: groups.b.id },
      { id: made[3]!.id, from: groups.b.id, to: theme.id },
      { id: made[4]!.id, from: theme.id, to: next.id },
    ];
    // Arrow points over cards, names or column titles, and labels over them, as far as they show
    // (a card scrolled out of its column is hidden).
    const overText = () =>
      page.evaluate(() => {
        const shown = (selector: string) =>
          [...document.querySelectorAll(selector)].map((c) => {
            const r = c.getBoundingClientRect();
            const column = c.closest('.board-column-body')?.getBoundingClientRect();
            return column ? { left: r.left, right: r.right, top: Math.max(r.top, column.top), bottom: Math.min(r.bottom, column.bottom) } : r;
          });
        const texts = shown('.board-card, .group-name, .group-count, .board-column-head h2');
        const crossings: string[] = [];
        for (const path of document.querySelectorAll<SVGPathElement>('[data-arrow] > path')) {
          const svg = path.ownerSVGElement!.getBoundingClientRect();
          for (let at = 0; at <= path.getTotalLength(); at += 2) {
            const p = path.getPointAtLength(at);
            const x = p.x + svg.left;
            const y = p.y + svg.top;
            if (texts.some((r) => x > r.left && x < r.right && y > r.top && y < r.bottom)) crossings.push(`${path.parentElement!.dataset.arrow} at ${Math.round(x)},${Math.round(y)}`);
          }
        }
        const labels = [...document.querySelectorAll('[data-label-for] rect')].flatMap((label) => {
          const l = label.getBoundingClientRect();
          return texts.filter((r) => l.left < r.right && l.right > r.left && l.top < r.bottom && l.bottom > r.top).map(() => label.parentElement!.textContent);
        });
        return { crossings, labels };
      });
    await expectArrowsOnTheirEnds(page, ends, 'at first');
    expect(await overText()).toEqual({ crossings: [], labels: [] });
    // Still so with the columns scrolled.
    await page.getByTestId('board').evaluate((el) => (el.scrollLeft = 120));
    await page.locator(`[data-group="${groups.a.id}"]`).evaluate((el) => (el.closest('.board-column-body')!.scrollTop = 150));
    await expectArrowsOnTheirEnds(page, ends, 'scrolled');
    expect(await overText()).toEqual({ crossings: [], labels: [] });
  });

  it('opens a group\'s options above everything, and works them by keyboard', async () => {
    const { page, library, server, study, groups } = await setUp();
    await openBoard(page, server, study.id);
    const head = page.locator(`[data-group="${groups.a.id}"]`);
    await head.getByRole('button', { name: 'Group options' }).click();
    const menu = page.getByRole('menu', { name: 'Group options' });
    await menu.waitFor();
    // Every item is the topmost element where it is drawn: the mouse reaches it.
    const reachable = await menu.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('[role="menuitem"]')].map((item) => {
        const r = item.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return Boolean(top && (top === item || item.contains(top)));
      }),
    );
    expect(reachable).toEqual(Array(9).fill(true));
    await menu.getByRole('menuitem', { name: 'Colour #b4443a' }).click();
    await expect.poll(async () => (await call(library, 'board.get', { studyId: study.id })).groups.find((g) => g.id === groups.a.id)!.color).toBe('#b4443a');
    await expect.poll(() => menu.count()).toBe(0);

    // By keyboard: Enter opens with the first item focused, arrows move, Escape closes and returns focus.
    const button = head.getByRole('button', { name: 'Group options' });
    await button.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Colour #64748b');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Colour #2f5d62');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Dissolve group (cards stay)');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    // Space opens it too, and Enter on an item chooses it.
    await page.keyboard.press('Space');
    await menu.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await call(library, 'board.get', { studyId: study.id })).groups.some((g) => g.id === groups.a.id)).toBe(false);
  });

  it('drops a card under the pointer after the board scrolled itself at the edge', async () => {
    const { page, library, server, study, stages, cards } = await setUp();
    await page.setViewportSize({ width: 1000, height: 760 });
    await openBoard(page, server, study.id);
    const board = page.getByTestId('board');
    const edge = (await board.boundingBox())!;
    const from = (await page.locator(`[data-card="${cards.first[1]}"]`).boundingBox())!;
    await page.mouse.move(from.x + 30, from.y + 30);
    await page.mouse.down();
    await page.mouse.move(from.x + 50, from.y + 40, { steps: 3 });
    await page.locator('.board-card.overlay').waitFor();
    // Hold the card at the board's right edge until the board has scrolled sideways.
    const x = edge.x + edge.width - 8;
    const y = edge.y + 300;
    await page.mouse.move(x, y, { steps: 8 });
    await expect.poll(async () => {
      await page.mouse.move(x, y + 1);
      await page.mouse.move(x, y);
      return board.evaluate((el) => el.scrollLeft);
    }).toBeGreaterThan(250);
    // Stop moving; the board keeps scrolling a little, then stops at its end or the pointer leaves the edge band.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const el = document.querySelector('[data-testid="board"]')!;
          const before = el.scrollLeft;
          setTimeout(() => resolve(el.scrollLeft === before), 300);
        }),
      undefined,
      { polling: 50, timeout: 20000 },
    );
    // While the board scrolls under the still pointer, what is marked as the drop target
    // (and announced) is what is under the pointer, not where it was before the scroll.
    const markedUnder = () =>
      page.evaluate(({ x, y }) => {
        const under = document.elementFromPoint(x, y);
        const marked = document.querySelector('.drop-target');
        return { under: under?.closest<HTMLElement>('[data-drop-column]')?.dataset.dropColumn ?? null, marked: Boolean(marked && under && (marked === under || marked.contains(under))) };
      }, { x, y });
    await expect.poll(async () => (await markedUnder()).marked).toBe(true);
    // Let go there: the card lands in the column under the pointer.
    const { under } = await markedUnder();
    await page.mouse.up();
    expect(under).not.toBeNull();
    expect(under).not.toBe(stages[0]!.id);
    // (The Unsorted column's id is empty: its cards have no stage.)
    await expect.poll(async () => (await call(library, 'board.get', { studyId: study.id })).cards.find((c) => c.id === cards.first[1])!.stageId).toBe(under || null);
  });

  it('cuts long group names with an ellipsis and shows the full name on hover and focus', async () => {
    const { page, library, server, study, groups } = await setUp('zh-CN');
    const long = '价格不透明让人在签约前一直担心到底还有多少隐藏费用没有说清楚';
    await call(library, 'board.updateGroup', { id: groups.a.id, fields: { name: long } });
    await openBoard(page, server, study.id);
    const group = page.locator(`[data-group="${groups.a.id}"]`);
    const name = group.getByRole('textbox', { name: '分组名称' });
    const shape = await name.evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth, overflow: getComputedStyle(el).textOverflow }));
    expect(shape).toEqual({ cut: true, overflow: 'ellipsis' });
    expect(await group.locator('[title]').first().getAttribute('title')).toBe(long);
    expect(await group.locator('.group-name-full').isVisible()).toBe(false);
    await name.focus();
    await group.locator('.group-name-full').getByText(long).waitFor();
  });

  it('keeps the toolbar on one line at 1440×900 in English, Simplified and Traditional Chinese, with TERMS explained on hover and in the legend', async () => {
    const expected = {
      'en-US': ['T Time', 'Time'],
      'zh-CN': ['T 时间', '时间'],
      'zh-TW': ['T 時間', '時間'],
    } as const;
    for (const [locale, [chip, word]] of Object.entries(expected)) {
      const { page, server, study, cards } = await setUp(locale);
      await openBoard(page, server, study.id);
      const rows = () =>
        page.locator('.board-toolbar').evaluate((el) => {
          // One line: every item's middle at the same height.
          const middles = [...el.children].filter((c) => c.getBoundingClientRect().width > 0).map((c) => (c.getBoundingClientRect().top + c.getBoundingClientRect().bottom) / 2);
          return { spread: Math.max(...middles) - Math.min(...middles), overflow: el.scrollWidth - el.clientWidth };
        });
      const idle = await rows();
      expect(idle.overflow, locale).toBe(0);
      expect(idle.spread, `${locale}: toolbar on one line`).toBeLessThan(4);
      // Also with a filter on (its clear button shows).
      await page.locator('.terms-toggle').first().click();
      await page.locator('.terms-toggle.on').waitFor();
      expect((await rows()).spread, `${locale}: toolbar on one line while filtering`).toBeLessThan(4);
      expect(await page.locator(`[data-card="${cards.first[0]}"] .terms-chip`).getAttribute('title')).toBe(chip);
      expect(await page.locator('.terms-toggle').first().getAttribute('title')).toBe(chip);
      await page.getByTestId('terms-legend').getByText(word, { exact: true }).waitFor();
      await page.context().close();
    }
  });

  it('announces which card was picked up, what it is over and what the drop did, in the UI language', async () => {
    const expected = {
      'en-US': { start: 'Picked up card “Warranty terms were unclear”.', over: 'Over group Hidden prices.', done: 'Joined group Hidden prices.' },
      'zh-CN': { start: '已拿起卡片“Warranty terms were unclear”。', over: '位于分组 Hidden prices 上方。', done: '已加入分组 Hidden prices。' },
      'zh-TW': { start: '已拿起卡片「Warranty terms were unclear」。', over: '位於分組 Hidden prices 上方。', done: '已加入分組 Hidden prices。' },
    } as const;
    for (const [locale, words] of Object.entries(expected)) {
      const { page, library, server, study, groups, cards } = await setUp(locale);
      await call(library, 'board.updateGroup', { id: groups.c.id, fields: { collapsed: true } });
      await openBoard(page, server, study.id);
      // Everything the live region says, in order.
      await page.getByTestId('board-announcer').evaluate((el) => {
        const said: string[] = [];
        (window as unknown as { said: string[] }).said = said;
        new MutationObserver(() => el.textContent && said.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
      });
      const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);
      const from = (await page.locator(`[data-card="${cards.far[0]}"]`).boundingBox())!;
      await page.mouse.move(from.x + 30, from.y + 30);
      await page.mouse.down();
      await page.mouse.move(from.x + 45, from.y + 40, { steps: 3 });
      await expect.poll(async () => (await said())[0]).toBe(words.start);
      const target = (await page.locator(`[data-group="${groups.c.id}"] .group-count`).boundingBox())!;
      await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
      await expect.poll(async () => (await said()).at(-1)).toBe(words.over);
      await page.mouse.up();
      await expect.poll(async () => (await said()).at(-1)).toBe(words.done);
      await expect.poll(async () => (await call(library, 'board.get', { studyId: study.id })).cards.find((c) => c.id === cards.far[0])!.groupId).toBe(groups.c.id);
      await page.context().close();
    }
  });
});
