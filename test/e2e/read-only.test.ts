// A library open read-only: every write action on the main screens is disabled up
// front with the reason, and the interview notes can be read but not typed into.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import { call } from '../helpers/call.js';
import { openApp } from './fixture.js';
import { pageUrl } from '../helpers/page-url.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const REASON = 'The library is open read-only: nothing can be changed.';

/** The library as the host leaves it when it opened read-only: the connection refuses writes. */
function makeReadOnly(library: Library) {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  library.context.db.pragma('query_only = ON');
  library.context.readOnly = true;
  library.context.readOnlyReason = 'The library failed its integrity check.';
}

describe('a read-only library', () => {
  it('disables writing on the studies, interview and board screens before anything is clicked', async () => {
    const { page, library, server } = await openApp();
    const study = (await call(library, 'study.list', {}))[0]!;
    const guide = (await call(library, 'guide.get', { studyId: study.id }))!;
    const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P99', source: 'own' } });
    await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: 'Interviewer' });
    const running = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: 'Interviewer' });
    makeReadOnly(library);
    await page.reload();

    // Studies.
    const newStudy = page.getByRole('button', { name: 'New study' });
    await expect.poll(() => newStudy.getAttribute('title'), { timeout: 20_000 }).toBe(REASON);
    expect(await newStudy.isDisabled()).toBe(true);
    const card = page.getByTestId('study-card').first();
    expect(await card.getByRole('button', { name: 'Rename' }).isDisabled()).toBe(true);
    expect(await card.getByRole('button', { name: 'Move to trash' }).isDisabled()).toBe(true);

    // Interviews: nothing can be planned or started, and the notes cannot be typed into.
    await page.goto(pageUrl(server, `#/study/${study.id}/interviews`));
    await expect.poll(() => page.getByRole('button', { name: 'New interview' }).isDisabled()).toBe(true);
    const start = page.locator('tr[data-session="P99"]').getByRole('button', { name: 'Start', exact: true });
    expect(await start.count()).toBe(2);
    for (const button of await start.all()) expect(await button.isDisabled()).toBe(true);
    // An interview started before the library became read-only (in another window, say).
    library.context.db.pragma('query_only = OFF');
    await call(library, 'session.start', { id: running.id });
    library.context.db.pragma('query_only = ON');
    await page.goto(pageUrl(server, `#/study/${study.id}/interviews/${running.id}`));
    const editor = page.getByTestId('note-editor');
    await editor.waitFor();
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    await editor.click();
    await page.keyboard.type('Not typed');
    expect(await editor.innerText()).not.toContain('Not typed');
    expect((await call(library, 'session.get', { id: running.id })).notes).toEqual([]);

    // Board: no undo, no suggested groups, and cards cannot be picked up.
    await page.goto(pageUrl(server, `#/study/${study.id}/board`));
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.isDisabled()).toBe(true);
    expect(await undo.getAttribute('title')).toBe(REASON);
    expect(await page.getByRole('button', { name: 'Suggest groups' }).isDisabled()).toBe(true);
  });
});
