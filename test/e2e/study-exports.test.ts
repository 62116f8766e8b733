// Every export of a study from the study's own export menu, in real Chromium: the
// archive, Markdown, the findings as CSV and Excel, the REFI-QDA project, all personas,
// the journey map and the analysis dashboard each download a file named for the study; and while a file is
// being made (held back here until the progress has been seen) the menu shows which
// one, with a progress bar, and its buttons wait.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAIN_KINDS } from '../../shared/domain.js';
import { boardSvg } from '../../shared/export/board-svg.js';
import { TERMS_COLOURS } from '../../shared/terms-colours.js';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/page-url.js';

/** "#b4443a" as a browser's computed colour, "rgb(180, 68, 58)". */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

async function openSampleOverview() {
  const app = await openApp();
  const card = app.page.getByTestId('study-card').filter({ hasText: 'New-car buyer journey' });
  await card.getByRole('button', { name: 'New-car buyer journey' }).click();
  await app.page.getByRole('heading', { level: 1, name: 'New-car buyer journey' }).waitFor();
  return app;
}

/** Holds an operation's HTTP call back until `release`, so what shows meanwhile can be seen. */
async function holdBack(page: Page, operation: string) {
  let held: Route | null = null;
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/${operation}`, async (route) => {
    held = route;
    await released;
    await route.continue();
  });
  return { held: () => held !== null, release: () => release() };
}

async function download(page: Page, section: string | null, format: string): Promise<string> {
  const menu = page.getByRole('dialog', { name: 'Export study' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Export study' }).click();
  const scope = section ? menu.getByRole('region', { name: section }) : menu;
  const downloading = page.waitForEvent('download');
  await scope.getByRole('button', { name: format, exact: true }).click();
  const name = (await downloading).suggestedFilename();
  // The menu closes once its file is saved, a moment after the download starts: wait
  // for that, or the next export would find the menu open and then lose it mid-click.
  await menu.waitFor({ state: 'hidden' });
  return name;
}

describe('the study’s export menu', () => {
  it('offers every export of the study, each downloading a file named for it', async () => {
    const { page, problems } = await openSampleOverview();
    const files = [
      await download(page, null, 'Archive (.fieldwork)'),
      await download(page, 'Markdown', 'Markdown'),
      await download(page, 'Export data', 'Findings (CSV)'),
      await download(page, 'Export data', 'Findings (Excel)'),
      await download(page, 'Export data', 'REFI-QDA project (.qdpx)'),
      await download(page, 'Export all personas', 'Word'),
      await download(page, 'Export map', 'Word'),
      await download(page, 'Analysis', 'PNG image'),
    ];
    expect(files).toEqual([
      'New-car buyer journey.fieldwork',
      'New-car buyer journey.md',
      'New-car buyer journey - findings.csv',
      'New-car buyer journey - findings.xlsx',
      'New-car buyer journey.qdpx',
      'The cautious family upgrader.docx', // the sample's one persona
      'New-car buyer journey map.docx',
      'New-car buyer journey - Analysis dashboard.png',
    ]);
    expect(problems).toEqual([]);
  });

  it('shows which file is being made, with a progress bar, until it is saved', async () => {
    const { page, problems } = await openSampleOverview();
    const gate = await holdBack(page, 'journey.export');
    await page.getByRole('button', { name: 'Export study' }).click();
    const menu = page.getByRole('dialog', { name: 'Export study' });
    const downloading = page.waitForEvent('download');
    await menu.getByRole('region', { name: 'Export map' }).getByRole('button', { name: 'PDF', exact: true }).click();

    const progress = menu.getByRole('status');
    await progress.getByText('Making “Export map · PDF”… This can take a few seconds.').waitFor();
    expect(await progress.getByRole('progressbar').count()).toBe(1);
    await expect.poll(() => gate.held()).toBe(true);
    expect(await menu.getByRole('region', { name: 'Export data' }).getByRole('button', { name: 'Findings (CSV)' }).isDisabled()).toBe(true);
    expect(await menu.getByRole('region', { name: 'Export map' }).getByRole('button', { name: 'PDF', exact: true }).getAttribute('aria-busy')).toBe('true');

    gate.release();
    expect((await downloading).suggestedFilename()).toBe('New-car buyer journey map.pdf');
    await menu.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
  });

  it("shows the guide's hand card PDF being made, with a progress bar, until it is saved", async () => {
    const { page, server, library, problems } = await openApp();
    const [study] = await call(library, 'study.list', {});
    const gate = await holdBack(page, 'guide.export');
    await page.goto(pageUrl(server, `#/study/${study!.id}/guide`));
    const pdf = page.getByRole('button', { name: 'Hand card PDF' });
    const downloading = page.waitForEvent('download');
    await pdf.click();

    const progress = page.getByTestId('export-progress');
    await progress.getByText(/^Making “.+ · Hand card PDF”… This can take a few seconds\.$/).waitFor();
    expect(await progress.getByRole('progressbar').count()).toBe(1);
    await expect.poll(() => gate.held()).toBe(true);
    expect(await pdf.getAttribute('aria-busy')).toBe('true');
    expect(await page.getByRole('button', { name: 'Markdown' }).isDisabled()).toBe(true);

    gate.release();
    expect((await downloading).suggestedFilename()).toMatch(/\.pdf$/);
    await progress.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  it('draws TERMS in the same colours on the board as in every export', async () => {
    const { page, server, library, problems } = await openApp();
    const [study] = await call(library, 'study.list', {});
    await page.goto(pageUrl(server, `#/study/${study!.id}/board`));
    const chips = page.locator('.board-card .terms-chip');
    await chips.first().waitFor();
    const onBoard = await chips.evaluateAll((els) => els.map((el) => [el.textContent!.trim(), getComputedStyle(el).backgroundColor]));
    const kindsSeen = new Set(onBoard.map(([k]) => k));
    expect(kindsSeen.size).toBeGreaterThan(2);
    for (const [kind, colour] of onBoard) expect(colour).toBe(rgb(TERMS_COLOURS[kind as keyof typeof TERMS_COLOURS]));

    // The journey map's HTML (and so its PDF and PNG) and the board image use the same table.
    const map = await call(library, 'journey.get', { studyId: study!.id });
    const html = Buffer.from((await call(library, 'journey.export', { mapId: map.id, format: 'html' })).base64, 'base64').toString('utf8');
    const inDocument = [...html.matchAll(/<span class="term" style="border-color:(#[0-9a-f]{6});color:#[0-9a-f]{6}" title="[^"]*">([TERMS])<\/span>/g)];
    expect(inDocument.length).toBeGreaterThan(0);
    for (const [, colour, kind] of inDocument) expect(colour).toBe(TERMS_COLOURS[kind as keyof typeof TERMS_COLOURS]);
    const svg = boardSvg({ title: 'b', columns: [{ title: 'c', groups: [], loose: [{ text: 'x', meta: '', color: '#000000', terms: [...PAIN_KINDS] }] }] });
    for (const kind of PAIN_KINDS) expect(svg).toContain(`data-kind="${kind}" x=`);
    for (const kind of PAIN_KINDS) expect(svg).toContain(`fill="${TERMS_COLOURS[kind]}"`);
    expect(problems).toEqual([]);
  });
});
