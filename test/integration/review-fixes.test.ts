// Defects found in review, each pinned by a test that failed before its fix.
import { describe, expect, it } from 'vitest';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import { openTestLibrary } from '../helpers/library.js';
import { call, failure } from '../helpers/call.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { startTestServer } from '../helpers/server.js';

async function setUp() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Fixes' });
  const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: '' });
  return { library, study, guide, participant, session, questions: guide.sections.flatMap((s) => s.questions) };
}

describe('fixed defects', () => {
  it('editing a finding\'s tags keeps its links to tags in the trash, so restoring brings them back', async () => {
    const { library, study } = await setUp();
    const kept = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Kept' } });
    const trashed = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trashed' } });
    const id = createFinding(library.context.db, study.id, { text: 'x', type: 'quote', stageId: null, tagIds: [kept.id, trashed.id] });
    await call(library, 'tag.delete', { id: trashed.id });
    await call(library, 'finding.update', { id, fields: { tagIds: [] } });
    expect((await call(library, 'tag.restore', { id: trashed.id })).uses).toBe(1);
  });

  it('deleting a stage leaves the questions of published guide versions alone', async () => {
    const { library, study, questions, session } = await setUp(); // the session published v1
    const staged = questions.find((q) => q.stageId)!;
    const { stages } = await call(library, 'study.overview', { id: study.id });
    const other = stages.find((s) => s.id !== staged.stageId)!;
    await call(library, 'stage.delete', { id: staged.stageId!, moveTo: other.id });
    const v1 = (await call(library, 'session.get', { id: session.id })).guide!;
    const after = v1.sections.flatMap((s) => s.questions).find((q) => q.id === staged.id)!;
    expect(after.stageId).toBeNull(); // not re-filed under another stage
  });

  it('clearing a question\'s mark keeps the time spent on it', async () => {
    const { library, session, questions } = await setUp();
    await call(library, 'session.start', { id: session.id });
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[0]!.id, content: noteFromParagraphs([{ pid: 'a', atMs: 1_000, text: 'an answer' }]) });
    library.context.db.prepare("UPDATE session SET running_since = ? WHERE id = ?").run(new Date(Date.now() - 60_000).toISOString(), session.id);
    await call(library, 'session.goto', { id: session.id, questionId: questions[1]!.id });
    await call(library, 'session.markQuestion', { id: session.id, questionId: questions[0]!.id, state: 'skipped' });
    const state = await call(library, 'session.markQuestion', { id: session.id, questionId: questions[0]!.id, state: 'none' });
    expect(state.progress.find((p) => p.questionId === questions[0]!.id)).toMatchObject({ state: 'asked' });
    expect(state.progress.find((p) => p.questionId === questions[0]!.id)!.timeSpentMs).toBeGreaterThan(50_000);
    const foreign = (await setUp()).questions[0]!.id;
    expect(await failure(library, 'session.markQuestion', { id: session.id, questionId: foreign, state: 'skipped' })).toBe('not_found');
  });

  it('marking a second planned interview missed keeps an interviewed participant interviewed', async () => {
    const { library, study, participant, session } = await setUp();
    await call(library, 'session.start', { id: session.id });
    await call(library, 'session.end', { id: session.id });
    const second = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: null, interviewer: '' });
    await call(library, 'session.update', { id: second.id, missed: true });
    expect((await call(library, 'participant.list', { studyId: study.id }))[0]!.status).toBe('interviewed');
  });

  it('refuses to end an interview that never started', async () => {
    const { library, session } = await setUp();
    expect(await failure(library, 'session.end', { id: session.id })).toBe('conflict');
  });

  it('answers a malformed operation address with an error and keeps serving', async () => {
    const { server } = await startTestServer();
    const bad = await fetch(`${server.origin}/api/%E0%A4%A`, { method: 'POST', headers: { 'x-fieldwork-token': server.token }, body: '{}' });
    expect(bad.status).toBe(400);
    const ok = await fetch(`${server.origin}/api/app.info`, { method: 'POST', headers: { 'x-fieldwork-token': server.token }, body: '{}' });
    expect(ok.status).toBe(200);
  });
});
