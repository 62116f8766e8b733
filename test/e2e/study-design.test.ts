// Study design in real Chromium against browser mode: stages, participants and
// coverage, CSV import, the codebook, and the guide from template to published v2.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import type { Library } from '../../electron/core/library.js';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/api/participants.js';
import { DEFAULT_PROBES } from '../../shared/guide-template.js';
import { call } from '../helpers/call.js';
import { tempDir } from '../helpers/temp.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/server.js';

async function openStudy(screen: string, options: { language?: 'en' | 'zh-Hans' } = {}) {
  const app = await openApp({ seedSample: false });
  const study = await call(app.library, 'study.create', { name: 'Home insurance buyers', language: options.language ?? 'en' });
  await app.page.goto(pageUrl(app.server, `#/study/${study.id}/${screen}`));
  return { ...app, study };
}

const stageOrder = async (library: Library, studyId: string) =>
  (await call(library, 'study.overview', { id: studyId })).stages.map((s) => s.name);

/** dnd-kit's keyboard sensor starts listening in a zero-delay timeout after pick-up: let it run before the arrows. */
const sensorReady = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));

const tagParents = async (library: Library, studyId: string) =>
  new Map((await call(library, 'tag.list', { studyId })).map((t) => [t.name, t.parentId]));

async function dragBy(page: Page, from: string, to: string) {
  const a = (await page.locator(from).boundingBox())!;
  const b = (await page.locator(to).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + (b.x > a.x ? 10 : -10), a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('study design in the browser', () => {
  it('sets up stages and reorders them by drag and by keyboard', async () => {
    const { page, library, study } = await openStudy('overview');
    await page.getByRole('button', { name: 'Add stage' }).click();
    const added = page.getByTestId('stage').nth(6);
    // Escape leaves the name as it was (nothing saved).
    await added.getByRole('textbox', { name: 'Stage name' }).fill('Typo');
    await added.getByRole('textbox', { name: 'Stage name' }).press('Escape');
    expect(await added.getByRole('textbox', { name: 'Stage name' }).inputValue()).toBe('Stage 7');
    await expect.poll(() => stageOrder(library, study.id)).toContain('Stage 7');
    await added.getByRole('textbox', { name: 'Stage name' }).fill('Renewal');
    await added.getByRole('textbox', { name: 'Stage name' }).press('Enter');
    await added.getByRole('textbox', { name: 'Touchpoints of Renewal' }).fill('Reminder email');
    await added.getByRole('textbox', { name: 'Touchpoints of Renewal' }).press('Enter');
    await expect.poll(() => stageOrder(library, study.id)).toEqual([
      'Awareness', 'Consideration', 'Decision', 'Purchase', 'Experience', 'Loyalty', 'Renewal',
    ]);

    await added.locator('.chip', { hasText: 'Reminder email' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // leave the last field
    await page.locator('.stage-strip').evaluate((strip) => (strip.scrollLeft = 0)); // typing scrolled Renewal into view
    // Drag Decision's handle onto Awareness.
    await dragBy(page, '[aria-label="Move stage Decision"]', '[aria-label="Move stage Awareness"]');
    await expect.poll(() => stageOrder(library, study.id)).toEqual([
      'Decision', 'Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Renewal',
    ]);

    // Keyboard shortcut: Alt+→ inside a stage moves it one place right.
    const nameAt = (i: number) => page.getByTestId('stage').nth(i).getByRole('textbox', { name: 'Stage name' });
    await expect.poll(() => nameAt(0).inputValue()).toBe('Decision');
    await nameAt(0).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => stageOrder(library, study.id)).toEqual([
      'Awareness', 'Decision', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Renewal',
    ]);

    // Keyboard dragging through dnd-kit: Space lifts, arrows move, Space drops; a live
    // region tells screen-reader users what happens.
    await expect.poll(() => nameAt(1).inputValue()).toBe('Decision');
    await page.locator('[aria-label="Move stage Renewal"]').focus();
    await page.keyboard.press('Space');
    await page.getByText('Stage Renewal is over position 7.').waitFor({ state: 'attached' });
    await sensorReady(page);
    await page.keyboard.press('ArrowLeft');
    await page.getByText('Stage Renewal is over position 6.').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await expect.poll(() => stageOrder(library, study.id)).toEqual([
      'Awareness', 'Decision', 'Consideration', 'Purchase', 'Experience', 'Renewal', 'Loyalty',
    ]);
    expect((await call(library, 'study.overview', { id: study.id })).stages.find((s) => s.name === 'Renewal')!.touchpoints.map((t) => t.name)).toEqual(['Reminder email']);
  });

  it('moves a stage twice in a row from where it is shown, before the server list comes back', async () => {
    const { page, library, study } = await openStudy('overview');
    const nameAt = (i: number) => page.getByTestId('stage').nth(i).getByRole('textbox', { name: 'Stage name' });
    await expect.poll(() => nameAt(0).inputValue()).toBe('Awareness');
    // The refreshed overview arrives late, as on a busy machine.
    await page.route('**/api/study.overview', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await nameAt(0).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => nameAt(1).inputValue()).toBe('Awareness');
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => nameAt(2).inputValue()).toBe('Awareness');
    await expect.poll(() => stageOrder(library, study.id)).toEqual(['Consideration', 'Decision', 'Awareness', 'Purchase', 'Experience', 'Loyalty']);
    await page.unroute('**/api/study.overview');
  });

  it('removes a stage, moving its findings to the stage the user chooses', async () => {
    const { page, library, study } = await openStudy('overview');
    const stages = (await call(library, 'study.overview', { id: study.id })).stages;
    const [awareness, , decision] = stages;
    const finding = createFinding(library.context.db, study.id, { text: 'Saw a billboard on the way to work', type: 'touchpoint', stageId: awareness!.id });
    await page.getByRole('button', { name: 'Remove stage Awareness' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the stage “Awareness”?' });
    await dialog.getByText('Its findings, board groups and guide questions are kept.').waitFor();
    await dialog.getByLabel('Move them to').selectOption({ label: 'Decision' });
    await dialog.getByRole('button', { name: 'Remove stage' }).click();
    await expect.poll(() => stageOrder(library, study.id)).toEqual(['Consideration', 'Decision', 'Purchase', 'Experience', 'Loyalty']);
    const stageOf = () => (library.context.db.prepare('SELECT stage_id FROM finding WHERE id = ?').get(finding) as { stage_id: string | null }).stage_id;
    expect(stageOf()).toBe(decision!.id);
    await page.getByRole('button', { name: 'Remove stage Awareness' }).waitFor({ state: 'detached' });
    expect(await page.getByTestId('stage').count()).toBe(5);
  });

  it('keeps the last stage: its remove button is disabled and says why', async () => {
    const { page, library, study } = await openStudy('overview');
    const [kept, ...others] = (await call(library, 'study.overview', { id: study.id })).stages;
    for (const stage of others) await call(library, 'stage.delete', { id: stage.id, moveTo: kept!.id });
    await page.reload();
    const remove = page.getByRole('button', { name: 'Remove stage Awareness' });
    await remove.waitFor();
    expect(await page.getByTestId('stage').count()).toBe(1);
    expect(await remove.isDisabled()).toBe(true);
    const why = 'A study keeps at least one journey stage: add another stage before removing this one.';
    await page.getByText(why).waitFor();
    expect(await remove.getAttribute('title')).toBe(why);
    const describedBy = await remove.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(why);
    // With a second stage, both can be removed again.
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByRole('button', { name: 'Remove stage Stage 2' }).waitFor();
    await page.locator('button[aria-label="Remove stage Awareness"]:not([disabled])').waitFor();
    expect(await page.getByText(why).count()).toBe(0);
  });

  it('adds participants and sees the coverage view update', async () => {
    const { page } = await openStudy('participants');
    await page.getByText('No participants yet').waitFor();
    const add = async (code: string, source: string, city: string) => {
      await page.getByRole('button', { name: 'Add participant' }).click();
      await page.getByLabel('Code').fill(code);
      await page.getByLabel('Source').selectOption(source);
      await page.getByLabel('Dimension').selectOption('geographic');
      await page.getByLabel('Attribute', { exact: true }).fill('city');
      await page.getByLabel('Value').fill(city);
      await page.getByRole('button', { name: 'Add participant' }).last().click();
      await page.locator(`tr[data-code="${code}"]`).waitFor();
    };
    await add('P01', 'own', '上海');
    const coverage = page.getByTestId('coverage');
    await coverage.locator('[data-cell="上海|own"]').filter({ hasText: '1 (0 interviewed)' }).waitFor();
    expect(await coverage.locator('[data-cell="上海|competitor"]').textContent()).toBe('—');
    await add('P02', 'competitor', '上海');
    await coverage.locator('[data-cell="上海|competitor"]').filter({ hasText: '1 (0 interviewed)' }).waitFor();
    await page.getByText('1 empty cell').waitFor();
  });

  it('imports a CSV with a bad row, shows the row error, and imports the rest', async () => {
    const { page } = await openStudy('participants');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const csv = 'code,name,source,city\nP01,Ann,own,Shanghai\nP02,Bo,martian,Chengdu\nP03,Cy,competitor,杭州\n';
    await page.getByLabel('Choose a CSV file…').setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const issues = page.getByTestId('import-issues');
    await issues.getByText('Line 3 — “martian” is not a source').waitFor();
    // Nothing is written before confirming.
    expect(await page.locator('tr[data-code]').count()).toBe(0);
    await page.getByRole('button', { name: 'Import 2 participants' }).click();
    await page.locator('tr[data-code="P03"]').waitFor();
    expect(await page.locator('tr[data-code]').count()).toBe(2);
  });

  it('refuses a CSV file over the size limit in the import dialog, saying why, before reading it', async () => {
    const { page } = await openStudy('participants');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog');
    const tooLarge = Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 'P01,Ann,own\n');
    await dialog.getByLabel('Choose a CSV file…').setInputFiles({ name: 'everyone.csv', mimeType: 'text/csv', buffer: tooLarge });
    await dialog.getByRole('alert').filter({ hasText: 'The file is larger than 10 MB' }).waitFor();
    expect(await dialog.getByRole('button', { name: /^Import \d+ participant/ }).isDisabled()).toBe(true);
    expect(await dialog.locator('.mapping-grid').count()).toBe(0);
    // A file within the limit is read as usual afterwards.
    await dialog.getByLabel('Choose a CSV file…').setInputFiles({ name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name\nP01,Ann\nP02,Bo\n') });
    await dialog.getByRole('button', { name: 'Import 2 participants' }).waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
  });

  it('creates a tag hierarchy and merges two tags', async () => {
    const { page, library, study } = await openStudy('codebook');
    const newTag = page.getByLabel('New tag name');
    await newTag.fill('Trust');
    await newTag.press('Enter');
    await page.getByRole('textbox', { name: 'Definition' }).fill('Whether the customer believes what they are told');
    await page.getByRole('textbox', { name: 'Definition' }).blur();
    await newTag.fill('Trust in sales');
    await newTag.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Tag name', exact: true }).inputValue()).toBe('Trust in sales');
    await page.getByRole('button', { name: /^Trust 0$/ }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Tag name', exact: true }).inputValue()).toBe('Trust');
    await newTag.fill('Sales trust');
    await newTag.press('Enter');
    await expect.poll(async () => (await call(library, 'tag.list', { studyId: study.id })).map((t) => [t.name, t.parentId !== null])).toEqual([
      ['Sales trust', true],
      ['Trust', false],
      ['Trust in sales', true],
    ]);
    // The new tag opens in the editor; merge it into its sibling.
    await expect.poll(() => page.getByRole('textbox', { name: 'Tag name', exact: true }).inputValue()).toBe('Sales trust');
    await page.getByLabel('Merge into').selectOption({ label: 'Trust in sales' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Merge' }).click();
    await expect.poll(async () => (await call(library, 'tag.list', { studyId: study.id })).map((t) => t.name)).toEqual(['Trust', 'Trust in sales']);
    await page.getByPlaceholder('Search tags').fill('sales');
    await expect.poll(() => page.locator('.tag-row').count()).toBe(2); // the parent stays visible above its match
    const tags = await call(library, 'tag.list', { studyId: study.id });
    expect(tags.find((t) => t.name === 'Trust')!.definition).toBe('Whether the customer believes what they are told');
  });

  it('renames a tag in place, keeping its children and its place', async () => {
    const { page, library, study } = await openStudy('codebook');
    const trust = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust', definition: 'Whether the customer believes what they are told' } });
    await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust in sales', parentId: trust.id } });
    await page.reload();
    await page.getByRole('button', { name: /^Trust 0$/ }).click();
    const name = page.getByRole('textbox', { name: 'Tag name', exact: true });
    await expect.poll(() => name.inputValue()).toBe('Trust');
    await name.fill('信任');
    await name.press('Enter');
    await expect.poll(() => tagParents(library, study.id)).toEqual(new Map([['Trust in sales', trust.id], ['信任', null]]));
    await page.getByRole('button', { name: /^信任 0$/ }).waitFor();
    expect(await page.getByRole('article', { name: 'Tag 信任' }).getByRole('textbox', { name: 'Definition' }).inputValue()).toBe('Whether the customer believes what they are told');
    // Another tag's name is refused with the reason; the typed text stays to be corrected, and Escape brings back the saved name.
    await name.fill('trust in sales');
    await name.press('Enter');
    await page.getByText('A tag with that name already exists; merge the two instead.').waitFor();
    expect((await call(library, 'tag.list', { studyId: study.id })).map((t) => t.name).sort()).toEqual(['Trust in sales', '信任']);
    await name.focus();
    await name.press('Escape');
    await expect.poll(() => name.inputValue()).toBe('信任');
  });

  it('deletes a parent tag after saying its children go to the top level, and undo puts them back under it', async () => {
    const { page, library, study } = await openStudy('codebook');
    const trust = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust', definition: 'Whether the customer believes the seller' } });
    const sales = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust in sales', parentId: trust.id, definition: 'Belief in what the salesperson says' } });
    await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust in brand', parentId: trust.id, definition: 'Belief in the brand' } });
    await page.reload();
    await page.getByRole('button', { name: /^Trust 0$/ }).click();
    await page.getByRole('button', { name: 'Delete tag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the tag “Trust”?' });
    await dialog
      .getByText('Its 2 child tags, “Trust in brand” and “Trust in sales”, become top-level tags; restoring “Trust” puts them back under it.')
      .waitFor();
    await dialog.getByRole('button', { name: 'Delete tag' }).click();
    await expect.poll(() => tagParents(library, study.id)).toEqual(new Map([['Trust in brand', null], ['Trust in sales', null]]));
    await page.locator('.tag-row.child').first().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => tagParents(library, study.id)).toEqual(new Map([['Trust', null], ['Trust in brand', trust.id], ['Trust in sales', trust.id]]));
    await page.locator('.tag-row.child').nth(1).waitFor();
    expect(await page.locator('.tag-row.child').allTextContents()).toEqual(['Trust in brand0', 'Trust in sales0']);

    // Deleted again: a former child is an ordinary top-level tag, and a new tag can go under it.
    await page.getByRole('button', { name: /^Trust 0$/ }).click();
    await page.getByRole('button', { name: 'Delete tag' }).click();
    await dialog.getByRole('button', { name: 'Delete tag' }).click();
    await page.locator('.tag-row.child').first().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Trust in sales 0$/ }).click();
    await page.getByPlaceholder('New tag under Trust in sales').fill('Pushy sellers');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => (await tagParents(library, study.id)).get('Pushy sellers')).toBe(sales.id);
    expect(await page.locator('.toast-error').count()).toBe(0);
  });

  it('adds a question with the default probes in the study\'s language', async () => {
    const { page, library, study } = await openStudy('guide', { language: 'zh-Hans' });
    const doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'blank' } });
    await call(library, 'guide.addSection', { versionId: doc.version.id, title: '开场' });
    await page.reload();
    await page.getByRole('button', { name: 'Add a question' }).click();
    // The new question opens by itself, ready to type.
    await expect.poll(() => page.getByRole('button', { name: 'Untitled question' }).getAttribute('aria-expanded')).toBe('true');
    const probes = page.getByRole('group', { name: 'Probes' }).locator('.chip');
    await probes.nth(3).waitFor();
    expect(await probes.allTextContents()).toEqual([...DEFAULT_PROBES['zh-Hans']]);
    const saved = (await call(library, 'guide.get', { studyId: study.id }))!.sections[0]!.questions[0]!;
    expect(saved.probes).toEqual([...DEFAULT_PROBES['zh-Hans']]);
  });

  it('reorders questions by mouse drag and by keyboard drag with spoken moves, and sections by Alt+↑/↓', async () => {
    const { page, library, study } = await openStudy('guide');
    let doc = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'blank' } });
    doc = await call(library, 'guide.addSection', { versionId: doc.version.id, title: 'Opening' });
    doc = await call(library, 'guide.addSection', { versionId: doc.version.id, title: 'Episode' });
    const [opening, episode] = doc.sections;
    for (const text of ['Who are you?', 'What did you buy?', 'When was it?']) {
      await call(library, 'guide.addQuestion', { sectionId: opening!.id, fields: { text } });
    }
    await call(library, 'guide.addQuestion', { sectionId: episode!.id, fields: { text: 'What did you do next?' } });
    await page.reload();
    const texts = async () => (await call(library, 'guide.get', { studyId: study.id }))!.sections.map((s) => [s.title, s.questions.map((q) => q.text)]);
    await page.getByRole('button', { name: 'Move question 3' }).waitFor();

    // Mouse: drag question 3 by its handle onto question 1.
    await dragBy(page, '[aria-label="Move question 3"]', '[aria-label="Move question 1"]');
    await expect.poll(texts).toEqual([
      ['Opening', ['When was it?', 'Who are you?', 'What did you buy?']],
      ['Episode', ['What did you do next?']],
    ]);

    // Keyboard through dnd-kit: Space lifts, ↓ moves, Space drops; a live region says each step.
    await page.getByTestId('question').first().and(page.getByRole('listitem', { name: 'When was it?' })).waitFor();
    await page.getByRole('button', { name: 'Move question 1' }).focus();
    await page.keyboard.press('Space');
    // The pick-up is announced, then at once where the question is.
    await page.getByText('Question 1 is over position 1 in section Opening.').waitFor({ state: 'attached' });
    await sensorReady(page);
    await page.keyboard.press('ArrowDown');
    await page.getByText('Question 1 is over position 2 in section Opening.').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await page.getByText('Question 1 dropped at position 2 in section Opening.').waitFor({ state: 'attached' });
    await expect.poll(texts).toEqual([
      ['Opening', ['Who are you?', 'When was it?', 'What did you buy?']],
      ['Episode', ['What did you do next?']],
    ]);

    // Sections: Alt+↓ in a section's header moves it down, Alt+↑ back up.
    await page.getByRole('textbox', { name: 'Section title' }).first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await texts()).map(([title]) => title)).toEqual(['Episode', 'Opening']);
    await page.getByTestId('guide-section').nth(1).and(page.getByRole('region', { name: 'Opening' })).waitFor();
    await page.getByRole('textbox', { name: 'Section title' }).nth(1).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await texts()).map(([title]) => title)).toEqual(['Opening', 'Episode']);
    // The questions travel with their section.
    expect((await texts())[0]).toEqual(['Opening', ['Who are you?', 'When was it?', 'What did you buy?']]);
  });

  it('publishes v1 without a change note but asks for one before publishing v2', async () => {
    const { page, library, study } = await openStudy('guide');
    await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    await page.reload();
    await page.getByRole('button', { name: 'Publish v1' }).click();
    const required = 'From v2 on a change note is required, so the team can tell which interviews used which questions.';
    expect(await page.getByText(required).count()).toBe(0);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Start v2' }).click();
    await page.getByRole('button', { name: 'Publish v2' }).click();
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    await page.getByText(required).waitFor();
    expect(await publish.isDisabled()).toBe(true);
    const note = page.getByLabel('What changed, and why');
    await note.fill('   ');
    expect(await publish.isDisabled()).toBe(true);
    await note.fill('Added a probe on financing after three interviews');
    await publish.click();
    await page.getByRole('button', { name: 'Start v3' }).waitFor();
    const doc = (await call(library, 'guide.get', { studyId: study.id }))!;
    expect(doc.versions.map((v) => [v.number, v.changeNote])).toEqual([
      [1, ''],
      [2, 'Added a probe on financing after three interviews'],
    ]);
  });

  it('builds a guide from the Chinese template, reorders questions by keyboard, and publishes v2', async () => {
    const { page, library, study } = await openStudy('guide', { language: 'zh-Hans' });
    const templateCard = page.locator('.start-card').filter({ has: page.getByRole('button', { name: 'Use the template' }) });
    await templateCard.getByLabel('Language').selectOption('zh-Hans');
    await templateCard.getByRole('button', { name: 'Use the template' }).click();
    await page.getByText('60 of 60 minutes planned').waitFor();
    const firstTexts = async () => ((await call(library, 'guide.get', { studyId: study.id }))!.sections[0]!.questions).map((q) => q.text);
    const before = await firstTexts();
    expect(before.length).toBeGreaterThan(1);
    expect(before[0]).toMatch(/\p{Script=Han}/u);

    // Alt+↓ on the first question moves it below the second.
    await page.getByTestId('question').first().locator('.question-summary').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(firstTexts).toEqual([before[1], before[0], ...before.slice(2)]);

    await page.getByRole('button', { name: 'Publish v1' }).click();
    await page.getByLabel('What changed, and why').fill('可以开始访谈');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Start v2' }).click();
    await page.getByRole('button', { name: 'Publish v2' }).waitFor();
    // Edit v2: move the (new) first question back down by keyboard, then publish with a note.
    await page.getByTestId('question').first().locator('.question-summary').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(firstTexts).toEqual(before);
    await page.getByRole('button', { name: 'Publish v2' }).click();
    await page.getByLabel('What changed, and why').fill('访谈三场后调整了开场顺序');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Start v3' }).waitFor();
    const doc = (await call(library, 'guide.get', { studyId: study.id }))!;
    expect(doc.versions.map((v) => [v.number, v.changeNote, v.publishedAt !== null])).toEqual([
      [1, '可以开始访谈', true],
      [2, '访谈三场后调整了开场顺序', true],
    ]);
    const v1 = (await call(library, 'guide.get', { studyId: study.id, versionId: doc.versions[0]!.id }))!;
    expect(v1.sections[0]!.questions.map((q) => q.text)).toEqual([before[1], before[0], ...before.slice(2)]);
  });

  it('exports the guide to PDF with its Chinese text inside', async () => {
    const { page, library, study } = await openStudy('guide', { language: 'zh-Hans' });
    await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hans' } });
    await page.reload();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hand card PDF' }).click();
    const download = await downloading;
    const file = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/\.pdf$/);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const doc = (await call(library, 'guide.get', { studyId: study.id }))!;
    const question = doc.sections[1]!.questions[0]!.text;
    expect(text.replace(/\s+/g, '')).toContain(question.replace(/\s+/g, '').slice(0, 12));
    expect(text).toMatch(/为什么/);
  });

  it('withdraws consent from the register: it says when and what it means, and the findings leave the board', async () => {
    const { page, library } = await openApp();
    const [study] = await call(library, 'study.list', {});
    const p01Cards = async () => (await call(library, 'board.get', { studyId: study!.id })).cards.filter((c) => c.participantCode === 'P01').length;
    expect(await p01Cards()).toBeGreaterThan(0);
    await page.goto(`${page.url().split('#')[0]}#/study/${study!.id}/participants`);
    const row = page.locator('tr[data-code="P01"]');
    await row.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('dialog', { name: 'Withdraw the consent of P01?' }).getByRole('button', { name: 'Withdraw consent' }).click();
    const today = new Date().toISOString().slice(0, 10);
    await row.getByText(`Consent withdrawn ${today}`).waitFor();
    await row.getByText('Left out of boards, analysis and exports').waitFor();
    await expect.poll(p01Cards).toBe(0);

    await row.getByRole('button', { name: 'Reinstate' }).click();
    await row.getByRole('button', { name: 'Withdraw consent' }).waitFor();
    await expect.poll(p01Cards).toBeGreaterThan(0);
  });
});
