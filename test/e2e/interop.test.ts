// Interview material from elsewhere, in real Chromium against browser mode: a WebVTT
// transcript imported for a participant of the sample study, previewed with its cue
// times, then opened as a held interview whose paragraphs carry those times in the margin.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/server.js';

const VTT = [
  'WEBVTT',
  '',
  '1',
  '00:00:05.000 --> 00:00:09.000',
  '<v Interviewer>When did you last buy a car?</v>',
  '',
  '2',
  '00:01:02.500 --> 00:01:08.000 align:start',
  '<v Ann>Last June. 上牌费是最后才说的。</v>',
  '',
  '3',
  '01:02:03.000 --> 01:02:06.000',
  'Thanks, that is all.',
  '',
].join('\n');

describe('importing interview material', () => {
  it('imports a .vtt transcript for a sample participant and shows the cue times in the margin', async () => {
    const { page, server, library, problems } = await openApp();
    const [study] = await call(library, 'study.list', {});
    await page.goto(pageUrl(server, `#/study/${study!.id}/interviews`));
    await page.getByRole('button', { name: 'Import transcript…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an interview' });
    await dialog.getByLabel('Choose a transcript or notes file').setInputFiles({ name: 'P07 call.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) });

    const preview = dialog.getByTestId('transcript-preview');
    await preview.getByText('WebVTT transcript · 3 paragraphs · 62:06').waitFor();
    expect(await preview.locator('tbody tr').allInnerTexts()).toEqual([
      '00:05\tInterviewer: When did you last buy a car?',
      '01:02\tAnn: Last June. 上牌费是最后才说的。',
      '62:03\tThanks, that is all.',
    ]);
    await dialog.getByLabel('Participant').selectOption({ label: 'P07 · Competitor\'s customer · Scheduled' });
    await dialog.getByLabel('Interviewer').fill('Field team');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();

    // The imported interview opens as a held one (its summary, an hour long); its notes
    // carry the paragraphs stamped with the cue times.
    await page.getByRole('heading', { name: 'Interview summary' }).waitFor();
    await page.getByText('62:06').waitFor();
    await page.getByRole('button', { name: 'Clean up notes and findings' }).click();
    const editor = page.getByTestId('note-editor');
    await editor.getByText('Ann: Last June. 上牌费是最后才说的。').waitFor();
    const paragraphs = editor.locator('.note-paragraph');
    await expect.poll(() => paragraphs.evaluateAll((ps) => ps.map((p) => [(p as HTMLElement).dataset.time, p.textContent]))).toEqual([
      ['00:05', 'Interviewer: When did you last buy a car?'],
      ['01:02', 'Ann: Last June. 上牌费是最后才说的。'],
      ['62:03', 'Thanks, that is all.'],
    ]);

    // In the register it is a held interview of P07, who now counts as interviewed.
    await page.goto(pageUrl(server, `#/study/${study!.id}/interviews`));
    const rows = page.locator('tr[data-session="P07"]');
    await rows.filter({ hasText: 'Field team' }).getByText('Completed').waitFor();
    const p07 = (await call(library, 'participant.list', { studyId: study!.id })).find((p) => p.code === 'P07');
    expect(p07?.status).toBe('interviewed');
    expect(problems).toEqual([]);
  });
});
