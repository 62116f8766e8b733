// Personas and the journey map in real Chromium against browser mode: a persona built
// from a segment, evidence linked and the PERSONAL checklist following; the emotion
// curve edited by mouse and keyboard; every document format exported and checked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/server.js';

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function exportVia(page: Page, menu: string, format: string): Promise<{ name: string; bytes: Buffer }> {
  const popover = page.getByRole('dialog', { name: menu });
  if (!(await popover.isVisible())) await page.getByRole('button', { name: menu }).click();
  const download = page.waitForEvent('download');
  await popover.getByRole('button', { name: format, exact: true }).click();
  const file = await download;
  // The menu closes once the file is saved, just after the download starts; wait for
  // it so the next export opens it afresh instead of racing its closing.
  await popover.waitFor({ state: 'hidden' });
  return { name: file.suggestedFilename(), bytes: await bytesOf(file) };
}

async function openSample(screen: 'personas' | 'journey') {
  const app = await openApp();
  const [study] = await call(app.library, 'study.list', {});
  await app.page.goto(pageUrl(app.server, `#/study/${study!.id}/${screen}`));
  return { ...app, study: study! };
}

describe('personas and journey maps in the browser', () => {
  it('builds a persona from a segment, links evidence, and the checklist follows', async () => {
    const { page, library, study } = await openSample('personas');
    await page.getByRole('button', { name: 'New persona' }).click();
    const dialog = page.getByRole('dialog', { name: 'New persona' });
    await dialog.getByLabel('Persona name').fill('谨慎的家庭换车者');
    await dialog.getByLabel('Own customer').check();
    await dialog.getByLabel('35-44').check();
    await expect.poll(() => dialog.getByTestId('members-preview').innerText()).toBe('2 participants: P01, P04');
    await dialog.getByRole('button', { name: 'Create persona' }).click();

    const editor = page.getByTestId('persona-editor');
    await editor.getByRole('textbox', { name: 'Persona name' }).and(page.locator('[value="谨慎的家庭换车者"]')).waitFor();
    const personal = page.getByTestId('personal');
    await personal.locator('[data-letter="P"]').getByText('No statement cites a finding yet').waitFor();

    // A quote, then the evidence behind it from the persona's participants' findings.
    await editor.getByRole('textbox', { name: 'Add to Quotes…' }).fill('“他是第一个问我家里情况的销售。”');
    await editor.getByRole('textbox', { name: 'Add to Quotes…' }).press('Enter');
    await editor.locator('[data-list="quotes"] .persona-item').waitFor();
    await editor.locator('[data-list="quotes"]').getByRole('button', { name: 'Evidence' }).click();
    const picker = page.getByRole('dialog', { name: 'Cite findings as evidence' });
    await picker.getByRole('searchbox').fill('第一个问');
    await picker.getByRole('checkbox').last().check();
    await picker.getByRole('button', { name: 'Cite 1 finding' }).click();
    await editor.locator('[data-list="quotes"] .evidence-chip').waitFor();

    // A second participant's finding through the board's suggestions: P passes.
    await page.getByTestId('suggestions').locator('li').filter({ hasText: 'P04' }).first().getByRole('button', { name: /^Add to / }).click();
    await expect.poll(() => personal.locator('[data-letter="P"]').getAttribute('class')).toBe('pass');
    const personas = await call(library, 'persona.list', { studyId: study.id });
    const made = await call(library, 'persona.get', { id: personas.find((p) => p.name === '谨慎的家庭换车者')!.id });
    expect(made.participants.map((p) => p.code)).toEqual(['P01', 'P04']);
    expect(made.lists.quotes![0]!.evidence[0]!.participantCode).toBe('P01');
    // Singular: this persona shares its participants with the sample's, and says so.
    await personal.locator('[data-letter="S"]').getByText(/The cautious family upgrader/).waitFor();
  });

  it('exports a persona as PDF, Word, Markdown and HTML, with the Chinese name and quote inside', async () => {
    const { page, library, study } = await openSample('personas');
    const [sample] = await call(library, 'persona.list', { studyId: study.id });
    await call(library, 'persona.update', { id: sample!.id, fields: { name: '谨慎的家庭换车者' } });
    const quote = (await call(library, 'persona.get', { id: sample!.id })).lists.quotes![0]!;
    await call(library, 'persona.addItem', { personaId: sample!.id, list: 'challenges', text: '<script>alert(1)</script><img src=x onerror=alert(2)>' });
    await page.reload();
    await page.getByTestId('persona-editor').waitFor();

    const pdf = await exportVia(page, 'Export persona', 'PDF');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-e2e-pdf-'));
    fs.writeFileSync(path.join(dir, 'persona.pdf'), pdf.bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'persona.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('谨慎的家庭换车者');
    expect(text).toContain(quote.text.replace(/\s+/g, '').slice(0, 12));

    const docx = await exportVia(page, 'Export persona', 'Word');
    expect(docx.name).toMatch(/\.docx$/);
    const xml = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']!);
    expect(xml).toContain('谨慎的家庭换车者');

    const markdown = (await exportVia(page, 'Export persona', 'Markdown')).bytes.toString('utf8');
    expect(markdown).toContain('# 谨慎的家庭换车者');

    const html = (await exportVia(page, 'Export persona', 'HTML')).bytes.toString('utf8');
    expect(html).toContain('谨慎的家庭换车者');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('edits the emotion curve by mouse and keyboard and exports the map as PNG and PDF', async () => {
    const { page, library, study } = await openSample('journey');
    const map = await call(library, 'journey.get', { studyId: study.id });
    const awareness = map.stages[0]!.id;
    const stage = page.locator(`.emotion-stage[data-stage="${awareness}"]`);
    const saved = async () => (await call(library, 'journey.get', { studyId: study.id })).emotions.find((e) => e.stageId === awareness)?.score;
    await stage.getByRole('radio', { name: 'Score -2' }).click();
    await expect.poll(saved).toBe(-2);
    await stage.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => stage.getAttribute('data-score')).toBe('0');
    await expect.poll(saved).toBe(0);
    // The curve is drawn through every scored stage.
    expect((await page.locator('.emotion-line polyline').getAttribute('points'))!.split(' ')).toHaveLength(map.stages.length);

    // A pain point gets a TERMS kind by its chip.
    const cell = page.locator(`[data-cell="${awareness}|pain_points"]`);
    await cell.getByRole('textbox', { name: /^Add to Pain points/ }).fill('太多参数看不懂');
    await cell.getByRole('textbox', { name: /^Add to Pain points/ }).press('Enter');
    const item = cell.locator('.journey-item').filter({ has: page.locator('textarea', { hasText: '太多参数看不懂' }) });
    await item.getByRole('button', { name: 'R', exact: true }).click();
    await expect.poll(async () => (await call(library, 'journey.get', { studyId: study.id })).items.find((i) => i.text === '太多参数看不懂')?.terms).toEqual(['R']);

    const png = await exportVia(page, 'Export map', 'PNG image');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1200); // wide enough for six stages
    const pdf = await exportVia(page, 'Export map', 'PDF');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('fills an empty journey map from the board', async () => {
    const { page, library, study } = await openSample('journey');
    const map = await call(library, 'journey.get', { studyId: study.id });
    for (const item of map.items) await call(library, 'journey.deleteItem', { itemId: item.id });
    await page.reload();
    await page.getByRole('button', { name: 'Fill from board' }).click();
    await page.getByText(/^Added \d+ items from the board\.$/).waitFor();
    const filled = await call(library, 'journey.get', { studyId: study.id });
    expect(filled.items.length).toBeGreaterThan(6);
    expect(filled.items.every((i) => i.evidence.length > 0)).toBe(true);
    await page.locator('.journey-item').first().waitFor();
  });
});
