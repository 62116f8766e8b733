// Snapshots in the browser: take one, delete a study for good, restore the snapshot and
// find the study back; and a library file that cannot be read gives the problem screen
// with its ways out instead of a broken app.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../helpers/library.js';
import { call } from '../helpers/call.js';
import { tempDir } from '../helpers/temp.js';
import { openApp } from './fixture.js';

describe('snapshots in the browser', () => {
  it('takes a snapshot, deletes a study for good, restores the snapshot and the study is back', async () => {
    const { page, problems } = await openApp();
    const sample = page.getByTestId('study-card').filter({ hasText: 'New-car buyer journey' });
    await sample.waitFor();

    await page.getByRole('button', { name: 'Snapshots' }).click();
    await page.getByRole('heading', { level: 1, name: 'Snapshots' }).waitFor();
    await page.getByText('No snapshots yet').waitFor();
    await page.getByRole('button', { name: 'Take a snapshot now' }).click();
    const manual = page.getByTestId('snapshot').filter({ hasText: 'Taken by hand' });
    await manual.waitFor();
    expect(await manual.getByText('Verified').count()).toBe(1);
    expect(await manual.textContent()).toContain('1 study · 8 participants');
    expect(await manual.textContent()).toContain('New-car buyer journey');

    await page.getByRole('button', { name: 'Back to studies' }).click();
    await sample.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('No studies yet').waitFor();
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('The trash is empty').waitFor();

    await page.getByRole('button', { name: 'Back to studies' }).click();
    await page.getByRole('button', { name: 'Snapshots' }).click();
    // Deleting for good took a snapshot of its own, listed above the one taken by hand.
    await page.getByTestId('snapshot').filter({ hasText: 'Before deleting a study for good' }).waitFor();
    await manual.getByRole('button', { name: 'Restore' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('saved as a snapshot first').waitFor();
    await dialog.getByRole('button', { name: 'Restore' }).click();

    await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
    await sample.waitFor();
    await page.getByText('The library is back to').waitFor();
    await page.getByRole('button', { name: 'Snapshots' }).click();
    await page.getByTestId('snapshot').filter({ hasText: 'Before a restore' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the library-problem screen for a file that is not a library, and restores a snapshot in its place', async () => {
    const dataDir = tempDir();
    const first = await openTestLibrary({ dataDir, seedSample: true });
    await call(first, 'snapshot.create', {});
    first.close();
    const file = path.join(dataDir, 'fieldwork.sqlite');
    fs.writeFileSync(file, 'not a library\n'.repeat(500));

    const { page, problems } = await openApp({ dataDir });
    await page.getByRole('heading', { level: 1, name: 'This file is not a Fieldwork library' }).waitFor();
    expect(await page.getByRole('button', { name: 'Open read-only' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Quit Fieldwork' }).count()).toBe(1);
    await page.getByTestId('snapshot').getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('dialog').getByText('moved aside and kept as it is').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();

    await page.getByTestId('study-card').filter({ hasText: 'New-car buyer journey' }).waitFor();
    await page.getByText('The previous file was kept as').waitFor();
    const setAside = fs.readdirSync(dataDir).filter((name) => name.includes('set-aside'));
    expect(setAside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, setAside[0]!), 'utf8')).toBe('not a library\n'.repeat(500));
    expect(problems).toEqual([]);
  });
});
