// A live team session in real Chromium: the host starts it from the board on one
// address, teammates open their role's link (over HTTPS with the host's own
// certificate, accepted as a person does after comparing the fingerprint), type a name
// and are on the board in their own language; an editor's move shows on every screen,
// a viewer cannot move cards and the host refuses their by-hand call too; a removed
// teammate is told at once, and ending the team session tells everyone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import type { TeamRole } from '../../shared/api/team-roles.js';
import { call } from '../helpers/call.js';
import { pageUrl } from '../helpers/page-url.js';
import { drag } from './board-setup.js';
import { newPage, openApp } from './fixture.js';

async function hostBoard() {
  const app = await openApp({ seedSample: false });
  await app.page.setViewportSize({ width: 1440, height: 900 });
  const study = await call(app.library, 'study.create', { name: '购车旅程：从看车到交车的每一步' });
  const { stages } = await call(app.library, 'study.overview', { id: study.id });
  const participant = await call(app.library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  const add = (text: string) => createFinding(app.library.context.db, study.id, { text, type: 'pain_point', stageId: stages[0]!.id, participantId: participant.id, terms: ['T'] });
  const cards = [add('等了三天才拿到报价'), add('Hidden fees at signing'), add('The salesperson pushed financing')];
  await app.page.goto(pageUrl(app.server, `#/study/${study.id}/board`));
  await app.page.getByTestId('board').waitFor();
  return { ...app, study, stages, cards };
}

/** A teammate's browser: opens the role's link, types a name, joins. */
async function joinAs(url: string, name: string, locale = 'en-US'): Promise<Page> {
  const page = await newPage({ locale, ignoreHTTPSErrors: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(url);
  // The invitation leaves the address bar before anything else runs.
  await expect.poll(() => page.url()).not.toContain('invitation=');
  await page.getByRole('textbox').fill(name);
  await page.getByRole('button', { name: locale.startsWith('zh') ? '加入' : 'Join' }).click();
  await page.getByTestId('board').waitFor();
  return page;
}

const columnOf = (page: Page, cardId: string) => page.locator(`[data-card="${cardId}"]`).evaluate((el) => el.closest('[data-column]')?.getAttribute('data-column') ?? null);

describe('live team session in the browser', () => {
  it('lets teammates join from their links, shows an editor’s move to everyone, and keeps a viewer from moving cards', async () => {
    const { page, library, study, stages, cards } = await hostBoard();

    // The host starts it on the one address they pick.
    await page.getByTestId('team-session-button').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('button', { name: 'Start team session' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
    await dialog.getByRole('button', { name: 'Start team session' }).click();
    const status = (await expect.poll(() => call(library, 'team.status', {})).not.toBeNull(), (await call(library, 'team.status', {}))!);
    await expect.poll(() => dialog.getByTestId('team-fingerprint').textContent()).toBe(status.fingerprint);
    expect(await dialog.locator('img.team-qr').count()).toBe(4);
    const link = (role: TeamRole) => status.links.find((l) => l.role === role)!.url;

    const editor = await joinAs(link('editor'), '小林 Lin', 'zh-CN');
    const viewer = await joinAs(link('viewer'), 'Viewer');
    // Each in their own language; the host sees who is here.
    expect(await editor.locator('.team-role-chip').textContent()).toBe('编辑者');
    expect(await viewer.locator('.team-role-chip').textContent()).toBe('Viewer');
    await expect.poll(() => dialog.locator('.team-people li').allTextContents()).toEqual([expect.stringContaining('小林 Lin'), expect.stringContaining('Viewer')]);
    await expect.poll(() => dialog.locator('.team-presence.on').count()).toBe(2);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Where the editor points shows on the host's board, anchored to the card, with their name; they are among its avatars.
    const card = (await editor.locator(`[data-card="${cards[1]}"]`).boundingBox())!;
    await editor.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
    await editor.mouse.move(card.x + card.width / 2 + 4, card.y + card.height / 2 + 2);
    const cursor = page.locator('.presence-cursor[data-presence="小林 Lin"]');
    await cursor.waitFor();
    const onHost = (await page.locator(`[data-card="${cards[1]}"]`).boundingBox())!;
    const pointed = (await cursor.boundingBox())!;
    expect(Math.abs(pointed.x - (onHost.x + onHost.width / 2))).toBeLessThan(24);
    expect(Math.abs(pointed.y - (onHost.y + onHost.height / 2))).toBeLessThan(24);
    await expect.poll(() => page.locator('.presence-avatars .team-avatar').evaluateAll((els) => els.map((el) => el.getAttribute('title')))).toEqual(expect.arrayContaining(['小林 Lin', 'Viewer']));

    // The editor moves a card: while it is in their hand the others see who is moving it; then where it went.
    const target = `[data-drop-column="${stages[2]!.id}"]`;
    await editor.mouse.down();
    await editor.mouse.move(card.x + card.width / 2 + 20, card.y + card.height / 2 + 10, { steps: 4 });
    await expect.poll(() => page.locator(`[data-card="${cards[1]}"]`).getAttribute('data-moved-by')).toBe('小林 Lin is moving it');
    await editor.mouse.up();
    await drag(editor, `[data-card="${cards[1]}"]`, target);
    await expect.poll(async () => (await call(library, 'board.get', { studyId: study.id })).cards.find((c) => c.id === cards[1])!.stageId).toBe(stages[2]!.id);
    await expect.poll(() => columnOf(page, cards[1]!)).toBe(stages[2]!.id);
    await expect.poll(() => columnOf(viewer, cards[1]!)).toBe(stages[2]!.id);

    // A viewer cannot pick a card up; sent by hand, the move is refused by the host.
    await drag(viewer, `[data-card="${cards[0]}"]`, target);
    const byHand = await viewer.evaluate(
      async ({ studyId, cardId, stageId }) => {
        const joined = JSON.parse(sessionStorage.getItem('fieldwork.team')!) as { credential: string };
        const response = await fetch('/team/api/board.moveCards', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-fieldwork-team': joined.credential },
          body: JSON.stringify({ studyId, findingIds: [cardId], stageId, groupId: null, beforeId: null }),
        });
        return { status: response.status, body: (await response.json()) as { error?: { reason?: string } } };
      },
      { studyId: study.id, cardId: cards[0]!, stageId: stages[2]!.id },
    );
    expect(byHand.status).toBe(403);
    expect(byHand.body.error?.reason).toBe('team.role_refused');
    expect((await call(library, 'board.get', { studyId: study.id })).cards.find((c) => c.id === cards[0])!.stageId).toBe(stages[0]!.id);
    await expect.poll(() => columnOf(viewer, cards[0]!)).toBe(stages[0]!.id);
  });

  it('tells a removed teammate at once, and everyone when the team session ends', async () => {
    const { page, library, study } = await hostBoard();
    const status = await call(library, 'team.start', { studyId: study.id, ip: '127.0.0.1' });
    const link = (role: TeamRole) => status.links.find((l) => l.role === role)!.url;
    const editor = await joinAs(link('editor'), 'Stays');
    const leaving = await joinAs(link('viewer'), '要离开的人', 'zh-CN');

    await page.getByTestId('team-session-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.team-people li', { hasText: '要离开的人' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog', { name: /Remove/ }).getByRole('button', { name: 'Remove' }).click();
    await leaving.getByRole('alert').getByText('你已被移出协作会话').waitFor();
    // The board stays on their screen.
    expect(await leaving.getByTestId('board').isVisible()).toBe(true);

    await dialog.getByRole('button', { name: 'End team session' }).click();
    await page.getByRole('dialog', { name: 'End the team session?' }).getByRole('button', { name: 'End team session' }).click();
    await editor.getByRole('alert').getByText('The team session has ended').waitFor();
    await expect.poll(() => call(library, 'team.status', {})).toBeNull();
  });
});
