// `npm run screenshots`: opens Fieldwork in browser mode on a fresh library per language
// and saves screenshots of the main screens in English and Chinese to resources/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../electron/core/bridge/server.js';
import { openLibrary } from '../../electron/core/library.js';
import { launchChromium } from '../helpers/chromium.js';
import { pageUrl } from '../helpers/page-url.js';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'resources', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const [lang, locale] of [['en', 'en-US'], ['zh-Hans', 'zh-CN']] as const) {
    // A fresh library each time, so each language's interview starts on empty notes.
    const dataDir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'fieldwork-shots-'));
    const library = await openLibrary({ dataDir, resourcesDir: path.join(root, 'resources'), appVersion: '0.1.0' });
    const server = await startServer({ library, rendererDir: path.join(root, 'build', 'renderer') });
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('study-card').first().waitFor();
    await page.screenshot({ path: path.join(out, `studies-${lang}.png`) });
    await page.getByTestId('study-card').first().getByRole('button').first().click();
    await page.locator('.stage-column').first().waitFor();
    await page.screenshot({ path: path.join(out, `overview-${lang}.png`) });
    for (const screen of ['participants', 'codebook', 'guide', 'board', 'analysis', 'personas', 'journey', 'interviews'] as const) {
      await page.locator(`.nav-item[href$="/${screen}"]`).click();
      await page.locator('.screen h1, .screen .guide-title, .board-toolbar h1, .journey-title').first().waitFor();
      if (screen === 'personas') await page.getByTestId('persona-editor').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(out, `${screen}-${lang}.png`) });
    }
    // Search, with a two-character Chinese word that most tools cannot find.
    await page.locator('.nav-item[href$="/search"]').click();
    await page.getByRole('searchbox').fill('报价');
    await page.locator('.search-hit').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, `search-${lang}.png`) });
    await page.locator('.nav-item[href$="/interviews"]').click();
    // Interview mode on the sample's planned interview, with a few notes and a finding.
    await page.locator('tr[data-session="P07"] .button.primary').click();
    await page.getByTestId('note-editor').waitFor();
    await page.keyboard.type(lang === 'en' ? 'Saw the new SUV at a mall roadshow; took a brochure.' : '在商场路演看到新款SUV，拿了宣传册。');
    await page.keyboard.press('Enter');
    await page.keyboard.type(lang === 'en' ? 'Wife wants seven seats; he wants a plug-in hybrid.' : '太太想要七座，他想要插混。');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('finding-bar').waitFor();
    await page.keyboard.press('i');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(out, `interview-${lang}.png`) });
    // A second note-taker in another window types into the same notes: the first window
    // shows the text as it arrives, and where the other is typing.
    await page.keyboard.press('Escape');
    const second = await context.newPage();
    await second.goto(pageUrl(server, new URL(page.url()).hash));
    await second.getByTestId('note-editor').waitFor();
    await second.getByTestId('note-editor').click();
    await second.keyboard.press('Control+End');
    await second.keyboard.press('Enter');
    await second.keyboard.type(lang === 'en' ? 'Budget: under 250k, financing only if 0%.' : '预算二十五万以内，零利率才考虑贷款。');
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(out, `interview-coediting-${lang}.png`) });
    await second.close();

    // A live team session: the host's dialog with a teammate in, and the teammate's board
    // (in the other language) with the host's pointer on it.
    await page.keyboard.press('Escape');
    await page.goto(pageUrl(server, `#/study/${new URL(page.url()).hash.split('/')[2]}/board`));
    await page.getByTestId('board').waitFor();
    await page.getByTestId('team-session-button').click();
    await page.getByRole('dialog').getByRole('radio', { name: /127\.0\.0\.1/ }).check();
    await page.getByRole('dialog').locator('.team-start .button.primary').click();
    await page.getByTestId('team-fingerprint').waitFor();
    const status = await library.dispatch('team.status', {});
    if (!status.ok || !status.value) throw new Error('no team session');
    const links = (status.value as { links: Array<{ role: string; url: string }> }).links;
    const guestContext = await browser.newContext({ locale: lang === 'en' ? 'zh-CN' : 'en-US', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, ignoreHTTPSErrors: true });
    const guest = await guestContext.newPage();
    await guest.goto(links.find((l) => l.role === 'editor')!.url);
    await guest.getByRole('textbox').fill(lang === 'en' ? '王小明' : 'Alex Morgan');
    await guest.keyboard.press('Enter');
    await guest.getByTestId('board').waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(out, `team-host-${lang}.png`) });
    await page.getByRole('dialog').getByRole('button').last().click();
    const card = (await page.locator('.board-card').nth(2).boundingBox())!;
    await page.mouse.move(card.x + card.width * 0.6, card.y + card.height * 0.5);
    await page.mouse.move(card.x + card.width * 0.62, card.y + card.height * 0.55);
    await guest.locator('.presence-cursor').waitFor();
    await guest.waitForTimeout(400);
    await guest.screenshot({ path: path.join(out, `team-guest-${lang}.png`) });
    await guestContext.close();
    await context.close();
    await server.close();
    library.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
}
console.log(`Screenshots written to ${path.relative(root, out)}/`);
