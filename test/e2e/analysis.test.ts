// The analysis dashboard and suggested grouping in real Chromium against browser mode:
// a heatmap cell opens the findings it counts; a suggested group is accepted as one
// board action and undone.
import { describe, expect, it } from 'vitest';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/server.js';

describe('analysis in the browser', () => {
  it('drills from a heatmap cell into the findings it counts', async () => {
    const { page, library, server } = await openApp();
    const [study] = await call(library, 'study.list', {});
    const dashboard = await call(library, 'analysis.dashboard', { studyId: study!.id });
    const busiest = [...dashboard.painPoints.cells].sort((a, b) => b.findings - a.findings)[0]!;
    await page.goto(pageUrl(server, `#/study/${study!.id}/analysis`));
    const cell = page.getByTestId('heatmap').locator(`td[data-cell="${busiest.stageId ?? ''}|${busiest.kind}"]`);
    expect(await cell.innerText()).toBe(`${busiest.findings} (${busiest.participants})`);
    await cell.getByRole('button').click();
    const evidence = page.getByTestId('analysis-evidence');
    await evidence.getByText(`${busiest.findings} finding`, { exact: false }).waitFor();
    await expect.poll(() => evidence.locator('li').count()).toBe(busiest.findings);
    // The plain-language reading of saturation is there, and a finding opens on the board.
    expect(await page.getByTestId('saturation-reading').innerText()).toMatch(/^The last 3 interviews added/);
    await evidence.locator('li button').first().click();
    await page.waitForURL(/\/board\?focus=/);
    await page.getByTestId('evidence').waitFor();
  });

  it('accepts a suggested group as one undoable board action', async () => {
    const { page, library, server } = await openApp({ seedSample: false });
    const study = await call(library, 'study.create', { name: 'Suggestions' });
    const { stages } = await call(library, 'study.overview', { id: study.id });
    const p = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    const add = (text: string) => createFinding(library.context.db, study.id, { text, type: 'pain_point', stageId: stages[2]!.id, participantId: p.id });
    const similar = [add('报价单上有隐藏费用'), add('签约时才发现隐藏费用'), add('隐藏费用太多，报价不透明')];
    add('The test drive route was too short');
    const proposed = (await call(library, 'board.suggestGroups', { studyId: study.id })).groups;
    expect(proposed).toHaveLength(1);
    expect(proposed[0]!.findingIds.length).toBeGreaterThanOrEqual(2);
    expect(proposed[0]!.findingIds.every((id) => similar.includes(id))).toBe(true); // the English one stays out
    await page.goto(pageUrl(server, `#/study/${study.id}/board`));
    await page.getByRole('button', { name: 'Suggest groups' }).click();
    const suggestion = page.getByTestId('suggested-group').first();
    await suggestion.waitFor();
    await suggestion.getByRole('textbox', { name: 'Group name' }).fill('隐藏费用');
    await suggestion.getByRole('button', { name: 'Accept' }).click();
    const board = () => call(library, 'board.get', { studyId: study.id });
    await expect.poll(async () => (await board()).groups.map((g) => g.name)).toEqual(['隐藏费用']);
    const group = (await board()).groups[0]!;
    expect((await board()).cards.filter((c) => c.groupId === group.id).map((c) => c.id).sort()).toEqual([...proposed[0]!.findingIds].sort());

    await page.getByTestId('suggestions-panel').getByRole('button', { name: 'Dismiss' }).click();
    await page.locator('body').click({ position: { x: 700, y: 20 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await board()).groups.length).toBe(0);
    expect((await board()).cards.every((c) => c.groupId === null)).toBe(true);
  });
});
