// Study archives through the UI in real Chromium: export the sample study's archive
// from its overview, import it into a fresh library (a second app with its own data
// folder) with the studies list's "Import study…", and find the same study there;
// import it again and choose a copy; a file that is not an archive says why; and the
// whole study exported as Markdown.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import { call } from '../helpers/call.js';
import { tempDir } from '../helpers/temp.js';
import { openApp } from './fixture.js';

async function exportFromOverview(page: Page, format: string): Promise<string> {
  await page.getByRole('button', { name: 'Export study' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export study' }).getByRole('region', { name: format }).getByRole('button', { name: format }).click();
  const download = await downloading;
  const file = path.join(tempDir(), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function importThroughUi(page: Page, file: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import study…' }).click();
  await (await choosing).setFiles(file);
}

async function openSampleOverview() {
  const app = await openApp();
  const card = app.page.getByTestId('study-card').filter({ hasText: 'New-car buyer journey' });
  await card.getByRole('button', { name: 'New-car buyer journey' }).click();
  await app.page.getByRole('heading', { level: 1, name: 'New-car buyer journey' }).waitFor();
  return app;
}

/** What a library holds of its studies, by name, as the list counts it. */
async function studies(library: Library) {
  return (await call(library, 'study.list', {})).map((s) => ({ name: s.name, participants: s.counts.participants, sessions: s.counts.sessions, findings: s.counts.findings }));
}

describe('study archives in the browser', () => {
  it('exports the sample study’s archive, imports it into a fresh library, and the same study is there', async () => {
    const first = await openSampleOverview();
    // The dialog says that withdrawn participants never travel, whatever is ticked.
    await first.page.getByRole('button', { name: 'Export study' }).click();
    const menu = first.page.getByRole('dialog', { name: 'Export study' });
    await menu.getByText('Participants who withdrew consent are always left out, with their interviews, notes and findings.').waitFor();
    expect(await menu.getByRole('checkbox', { name: 'Include personal data (real names and contacts)' }).isChecked()).toBe(false);
    await first.page.getByRole('button', { name: 'Export study' }).click();
    const archive = await exportFromOverview(first.page, 'Archive (.fieldwork)');
    expect(path.basename(archive)).toBe('New-car buyer journey.fieldwork');

    const second = await openApp({ seedSample: false });
    await second.page.getByText('No studies yet').waitFor();
    await importThroughUi(second.page, archive);
    await second.page.getByText('Imported “New-car buyer journey”.').waitFor();
    const card = second.page.getByTestId('study-card').filter({ hasText: 'New-car buyer journey' });
    await card.waitFor();
    // All of it but the sample's withdrawn participant (P08, who has no interviews): no archive carries them.
    const withoutWithdrawn = (await studies(first.library)).map((s) => ({ ...s, participants: s.participants - 1 }));
    expect(await studies(second.library)).toEqual(withoutWithdrawn);
    const [imported] = await call(second.library, 'study.list', {});
    const [original] = await call(first.library, 'study.list', {});
    expect(imported!.id).toBe(original!.id);
    expect((await call(second.library, 'board.get', { studyId: imported!.id })).cards.length).toBe(original!.counts.findings);

    // The same file again: the app asks, and a copy is a second study.
    await importThroughUi(second.page, archive);
    const ask = second.page.getByRole('dialog', { name: 'This study is already in your library' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Import as a copy' }).click();
    await expect.poll(async () => (await studies(second.library)).length).toBe(2);
    await expect.poll(() => card.count()).toBe(2);

    // Open it from the toast, as a user would.
    await second.page.getByRole('button', { name: 'Open', exact: true }).last().click();
    await second.page.getByRole('heading', { level: 1, name: 'New-car buyer journey' }).waitFor();
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
  });

  it('says why a file that is not a study archive was not imported, and writes nothing', async () => {
    const { page, library, problems } = await openApp({ seedSample: false });
    await page.getByText('No studies yet').waitFor();
    const bad = path.join(tempDir(), 'notes.fieldwork');
    fs.writeFileSync(bad, 'these are my notes, not a zip file');
    await importThroughUi(page, bad);
    await page.getByText('“notes.fieldwork” was not imported: This is not a Fieldwork study archive (it is not a zip file).').waitFor();
    expect(await call(library, 'study.list', {})).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('exports the whole study as Markdown with its Chinese notes', async () => {
    const { page } = await openSampleOverview();
    const file = await exportFromOverview(page, 'Markdown');
    expect(path.basename(file)).toBe('New-car buyer journey.md');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('# New-car buyer journey');
    expect(text).toContain('39岁，IT项目经理');
    expect(text).toContain('## Findings by stage');
  });
});
