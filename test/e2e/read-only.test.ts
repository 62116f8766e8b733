// A library open read-only: every write action on the main screens is disabled up
// front with the reason, and the interview notes can be read but not typed into.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import { call } from '../helpers/call.js';
import { pageUrl } from '../helpers/server.js';
import { openApp } from './fixture.js';

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
  it('disables writing on the studies, interview and board screens (groups, themes and links too) before anything is clicked', async () => {
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
    await expect.poll(() => start.count()).toBe(2);
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
    // A group's name, collapse and options; the themes and links panel.
    const group = page.locator('[data-group]').first();
    const options = group.getByRole('button', { name: 'Group options' });
    expect(await options.isDisabled()).toBe(true);
    expect(await options.getAttribute('title')).toBe(REASON);
    expect(await group.getByRole('button', { name: 'Collapse group' }).isDisabled()).toBe(true);
    expect(await group.getByRole('textbox', { name: 'Group name' }).getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: 'Themes & causes' }).click();
    const panel = page.getByTestId('level2');
    expect(await panel.getByRole('button', { name: 'Add a theme' }).isDisabled()).toBe(true);
    expect(await panel.getByRole('textbox', { name: 'Theme name' }).first().isDisabled()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Dismiss' }).isDisabled()).toBe(false);
  });

  it('disables writing in interview mode, participants, codebook, guide, study overview and personas before anything is clicked', async () => {
    const { page, library, server } = await openApp();
    const study = await call(library, 'study.create', { name: 'Home insurance', language: 'en', plannedInterviews: 4 });
    const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P98', source: 'own' } });
    const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: 'Interviewer' });
    await call(library, 'session.start', { id: session.id });
    const question = guide.sections[0]!.questions[0]!;
    await call(library, 'finding.create', { sessionId: session.id, questionId: question.id, paragraphKey: null, text: 'Waited three days for a quote', type: 'pain_point' });
    await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Waiting', definition: 'Waiting too long' } });
    await call(library, 'persona.create', { studyId: study.id, name: 'Careful family driver', members: { kind: 'participants', participantIds: [participant.id] } });
    // A draft guide, in a second study, to be sure its add and publish buttons are there.
    const drafting = await call(library, 'study.create', { name: 'Car loans', language: 'en', plannedInterviews: 4 });
    await call(library, 'guide.create', { studyId: drafting.id, source: { kind: 'template', language: 'en' } });
    const map = await call(library, 'journey.get', { studyId: study.id });
    await call(library, 'journey.addItem', { mapId: map.id, stageId: map.stages[0]!.id, lane: 'pain_points', text: 'Hidden fees', terms: ['M'] });
    makeReadOnly(library);
    const disabledWithReason = async (locator: ReturnType<typeof page.locator>) => {
      await expect.poll(() => locator.getAttribute('title'), { timeout: 20_000 }).toBe(REASON);
      expect(await locator.isDisabled()).toBe(true);
    };

    // The reloaded app learns that the library is read-only; it may open on the studies or,
    // with an interview running, on that interview, so wait for the answer, not a screen.
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/library.status')), page.reload()]);

    // Interview mode: the timer, the end, the skip and the finding bar cannot change anything.
    await page.goto(pageUrl(server, `#/study/${study.id}/interviews/${session.id}`));
    await page.getByTestId('note-editor').waitFor();
    await disabledWithReason(page.getByRole('button', { name: 'Pause' }));
    await disabledWithReason(page.getByRole('button', { name: 'End interview' }));
    await disabledWithReason(page.locator('.script-control', { hasText: 'Skip' }));
    await page.getByTestId('finding').first().click();
    const bar = page.getByTestId('finding-bar');
    await disabledWithReason(bar.getByRole('button', { name: 'Delete' }));
    await disabledWithReason(bar.getByRole('radio', { name: /Pain point/ }));
    await bar.press('Delete');
    // Marking a finding says why, in the interface's language, and marks nothing.
    await page.getByTestId('note-editor').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: REASON }).count()).toBeGreaterThan(0);
    expect((await call(library, 'session.get', { id: session.id })).findings).toHaveLength(1);

    // Participants.
    await page.goto(pageUrl(server, `#/study/${study.id}/participants`));
    await disabledWithReason(page.getByRole('button', { name: 'Add participant' }));
    await disabledWithReason(page.getByRole('button', { name: 'Import CSV' }));
    await disabledWithReason(page.getByRole('button', { name: 'Edit P98' }));
    await disabledWithReason(page.getByRole('button', { name: 'Withdraw consent' }));
    await disabledWithReason(page.getByRole('button', { name: 'Delete P98' }));

    // Codebook.
    await page.goto(pageUrl(server, `#/study/${study.id}/codebook`));
    await disabledWithReason(page.getByRole('button', { name: 'Add', exact: true }));
    await page.locator('.tag-row', { hasText: 'Waiting' }).click();
    await disabledWithReason(page.getByRole('button', { name: 'Delete tag' }));
    await disabledWithReason(page.getByRole('button', { name: 'Merge' }));
    expect(await page.getByRole('textbox', { name: 'Tag name', exact: true }).getAttribute('readonly')).not.toBeNull();

    // Guide (a draft).
    await page.goto(pageUrl(server, `#/study/${drafting.id}/guide`));
    await disabledWithReason(page.getByRole('button', { name: 'Add a section' }));
    await disabledWithReason(page.getByRole('button', { name: 'Add a question' }).first());
    await disabledWithReason(page.getByRole('button', { name: 'Publish v1' }));

    // Study overview: the goal and the journey stages.
    await page.goto(pageUrl(server, `#/study/${study.id}/overview`));
    await disabledWithReason(page.getByRole('button', { name: 'Add stage' }));
    expect(await page.getByRole('textbox', { name: 'Research goal' }).getAttribute('readonly')).not.toBeNull();

    // Personas.
    await page.goto(pageUrl(server, `#/study/${study.id}/personas`));
    await disabledWithReason(page.getByRole('button', { name: 'New persona' }));
    await disabledWithReason(page.getByRole('button', { name: 'Delete persona' }));
    expect(await page.getByRole('textbox', { name: 'Persona name' }).getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('.add-statement input').first().getAttribute('readonly')).not.toBeNull();

    // Journey map: its title, persona, filling, items, TERMS and emotion curve.
    await page.goto(pageUrl(server, `#/study/${study.id}/journey`));
    await disabledWithReason(page.getByRole('button', { name: 'Fill from board' }));
    await disabledWithReason(page.getByRole('button', { name: 'Delete “Hidden fees”' }));
    await disabledWithReason(page.locator('.journey-item').getByRole('button', { name: 'M', exact: true }));
    await disabledWithReason(page.locator('.journey-add input').first());
    expect(await page.getByRole('textbox', { name: 'Journey map title' }).getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('.journey-persona select').isDisabled()).toBe(true);
    const curve = page.getByTestId('emotion-curve');
    for (const dot of await curve.getByRole('radio').all()) expect(await dot.isDisabled()).toBe(true);
  });
});
