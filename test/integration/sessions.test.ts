// Live interviews on a real database: the register, the timer through pause and
// resume, moving through questions with time accounted, notes saved per question,
// findings linked to their paragraph, and the end-of-session report.
import { describe, expect, it, vi } from 'vitest';
import { noteFromParagraphs } from '../../shared/notes.js';
import { openTestLibrary } from '../helpers/library.js';
import { call, failure } from '../helpers/call.js';

async function setUp() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Live', language: 'zh-Hans', plannedInterviews: 4 });
  const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hans' } });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01', source: 'own' } });
  const session = await call(library, 'session.create', {
    studyId: study.id,
    participantId: participant.id,
    guideVersionId: guide.version.id,
    interviewer: '研究员',
  });
  const questions = guide.sections.flatMap((s) => s.questions);
  return { library, study, guide, participant, session, questions };
}

describe('interview sessions', () => {
  it('plans a session: the guide version it uses is published and the participant is scheduled', async () => {
    const { library, study, guide, participant, session } = await setUp();
    expect(session).toMatchObject({ status: 'planned', participantCode: 'P01', guideVersionNumber: 1, interviewer: '研究员' });
    expect((await call(library, 'guide.get', { studyId: study.id }))!.versions[0]!.publishedAt).not.toBeNull();
    expect((await call(library, 'participant.list', { studyId: study.id }))[0]!.status).toBe('scheduled');
    expect(guide.version.id).toBe(session.guideVersionId);
    expect((await call(library, 'session.list', { studyId: study.id })).map((s) => s.id)).toEqual([session.id]);
    expect(participant.id).toBe(session.participantId);
  });

  it('asks for a change note before an interview publishes a draft v2, and keeps the draft when none is given', async () => {
    const { library, study, guide, participant } = await setUp();
    const v2 = await call(library, 'guide.newVersion', { guideId: guide.guideId });
    const plan = { studyId: study.id, participantId: participant.id, guideVersionId: v2.version.id, interviewer: '研究员' };
    const refused = await library.dispatch('session.create', plan);
    expect(refused.ok || refused.error.reason).toBe('change_note_required');
    expect(await library.dispatch('session.create', { ...plan, changeNote: '   ' })).toMatchObject({ ok: false });
    let versions = (await call(library, 'guide.get', { studyId: study.id }))!.versions;
    expect(versions.find((v) => v.id === v2.version.id)!.publishedAt).toBeNull();
    expect((await call(library, 'session.list', { studyId: study.id })).length).toBe(1);

    const session = await call(library, 'session.create', { ...plan, changeNote: ' 加了一个关于试驾预约的追问 ' });
    expect(session.guideVersionNumber).toBe(2);
    versions = (await call(library, 'guide.get', { studyId: study.id }))!.versions;
    expect(versions.find((v) => v.id === v2.version.id)).toMatchObject({ changeNote: '加了一个关于试驾预约的追问' });
    expect(versions.find((v) => v.id === v2.version.id)!.publishedAt).not.toBeNull();
  });

  it('runs the timer, pauses it, and accounts time per question', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { library, session, questions } = await setUp();
      vi.setSystemTime(new Date('2026-11-24T10:00:00Z'));
      let state = await call(library, 'session.start', { id: session.id });
      expect(state.session).toMatchObject({ status: 'in_progress', currentQuestionId: questions[0]!.id, elapsedMs: 0 });
      await call(library, 'note.save', { sessionId: session.id, questionId: questions[0]!.id, content: noteFromParagraphs([{ pid: 'a', atMs: 1_000, text: '先在网上看了报价' }]) });
      vi.setSystemTime(new Date('2026-11-24T10:02:00Z'));
      state = await call(library, 'session.goto', { id: session.id, questionId: questions[1]!.id });
      expect(state.progress).toEqual([{ questionId: questions[0]!.id, state: 'asked', timeSpentMs: 120_000 }]);
      expect(state.session.questionEnteredMs).toBe(120_000);

      vi.setSystemTime(new Date('2026-11-24T10:03:00Z'));
      state = await call(library, 'session.pause', { id: session.id });
      expect(state.session).toMatchObject({ status: 'paused', elapsedMs: 180_000, runningSince: null });
      vi.setSystemTime(new Date('2026-11-24T10:13:00Z')); // ten minutes of pause do not count
      await call(library, 'session.resume', { id: session.id });
      vi.setSystemTime(new Date('2026-11-24T10:14:00Z'));
      await call(library, 'note.save', { sessionId: session.id, questionId: questions[1]!.id, content: noteFromParagraphs([{ pid: 'b', atMs: 130_000, text: '销售一直催' }]) });
      state = await call(library, 'session.markQuestion', { id: session.id, questionId: questions[2]!.id, state: 'skipped' });
      state = await call(library, 'session.end', { id: session.id });
      expect(state.session).toMatchObject({ status: 'completed', elapsedMs: 240_000 });
      const progress = Object.fromEntries(state.progress.map((p) => [p.questionId, p]));
      expect(progress[questions[1]!.id]).toMatchObject({ state: 'asked', timeSpentMs: 120_000 });
      expect(progress[questions[2]!.id]).toMatchObject({ state: 'skipped' });
      expect(await failure(library, 'session.start', { id: session.id })).toBe('conflict');
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves notes per question, keeps each paragraph\'s time, and links findings to their paragraph', async () => {
    const { library, session, questions, study } = await setUp();
    await call(library, 'session.start', { id: session.id });
    const q = questions[3]!;
    const content = noteFromParagraphs([
      { pid: 'p-1', atMs: 65_000, text: '在抖音上看到广告' },
      { pid: 'p-2', atMs: 90_000, text: '等了三天才拿到报价' },
    ]);
    const saved = await call(library, 'note.save', { sessionId: session.id, questionId: q.id, content });
    expect(saved.revision).toBe(1);
    const again = await call(library, 'note.save', { sessionId: session.id, questionId: q.id, content });
    expect(again).toMatchObject({ noteId: saved.noteId, revision: 2 });
    await call(library, 'note.save', { sessionId: session.id, questionId: null, content: noteFromParagraphs([{ pid: 'o', atMs: 1, text: 'other' }]) });

    const tag = await call(library, 'tag.create', { studyId: study.id, fields: { name: '等待' } });
    const finding = await call(library, 'finding.create', {
      sessionId: session.id,
      questionId: q.id,
      paragraphKey: 'p-2',
      text: '等了三天才拿到报价',
      type: 'pain_point',
      fields: { terms: ['T', 'E'], tagIds: [tag.id] },
    });
    expect(finding).toMatchObject({ participantId: session.participantId, questionId: q.id, paragraphKey: 'p-2', stageId: q.stageId, terms: ['T', 'E'], tagIds: [tag.id] });
    const updated = await call(library, 'finding.update', { id: finding.id, fields: { type: 'quote', terms: ['M'], stageId: null } });
    expect(updated).toMatchObject({ type: 'quote', terms: ['M'], stageId: null });

    const detail = await call(library, 'session.get', { id: session.id });
    expect(detail.notes).toHaveLength(2);
    const note = detail.notes.find((n) => n.questionId === q.id)!;
    expect(JSON.stringify(note.content)).toContain('"at":90000');
    expect(detail.findings.map((f) => f.id)).toEqual([finding.id]);
    expect(detail.guide!.sections.flatMap((s) => s.questions)).toHaveLength(questions.length);
    const plain = library.context.db.prepare('SELECT plain_text FROM note WHERE id = ?').get(saved.noteId) as { plain_text: string };
    expect(plain.plain_text).toBe('在抖音上看到广告\n等了三天才拿到报价');
  });

  it('refuses notes for a question outside the session\'s guide, and junk editor states', async () => {
    const { library, session } = await setUp();
    const other = await setUp();
    const foreign = other.questions[0]!.id;
    expect(await failure(library, 'note.save', { sessionId: session.id, questionId: foreign, content: noteFromParagraphs([]) })).toBe('not_found');
    expect(await failure(library, 'note.save', { sessionId: session.id, questionId: null, content: { root: { type: 'paragraph', children: [] } } })).toBe('invalid_input');
  });

  it('reports the session: duration, questions covered and skipped, findings by stage and TERMS', async () => {
    const { library, session, questions } = await setUp();
    await call(library, 'session.start', { id: session.id });
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[0]!.id, content: noteFromParagraphs([{ pid: 'a', atMs: 1_000, text: '先看了广告' }]) });
    await call(library, 'session.goto', { id: session.id, questionId: questions[1]!.id });
    await call(library, 'session.markQuestion', { id: session.id, questionId: questions[2]!.id, state: 'skipped' });
    const stageId = questions[4]!.stageId;
    for (const terms of [['T'], ['T', 'M']] as const) {
      await call(library, 'finding.create', { sessionId: session.id, questionId: questions[4]!.id, paragraphKey: null, text: 'slow', type: 'pain_point', fields: { terms: [...terms] } });
    }
    await call(library, 'session.end', { id: session.id });
    const report = await call(library, 'session.report', { id: session.id });
    expect(report).toMatchObject({ questions: questions.length, asked: 2, skipped: 1, findings: 2, completedInStudy: 1, plannedInStudy: 4 });
    expect(report.byTerms.find((b) => b.kind === 'T')!.count).toBe(2);
    expect(report.matrix.find((m) => m.stageId === stageId && m.kind === 'M')!.count).toBe(1);
  });

  it('does not count a question as asked when the interview only moved past it, in the progress and the report', async () => {
    const { library, session, questions } = await setUp();
    await call(library, 'session.start', { id: session.id });
    const note = (text: string) => noteFromParagraphs([{ pid: text, atMs: 1_000, text }]);
    // Eight questions stepped through with Alt+↓ (each one a goto), notes on only some of them.
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[0]!.id, content: note('看了广告') });
    for (let i = 1; i < 8; i++) await call(library, 'session.goto', { id: session.id, questionId: questions[i]!.id });
    // An emptied note is no note; a finding counts as something asked.
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[3]!.id, content: note('   ') });
    await call(library, 'finding.create', { sessionId: session.id, questionId: questions[5]!.id, paragraphKey: null, text: '等太久', type: 'pain_point' });
    // A note saved just after moving on (the save arrives after the goto) still counts.
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[6]!.id, content: note('价格不透明') });
    await call(library, 'session.goto', { id: session.id, questionId: questions[8]!.id });
    await call(library, 'session.markQuestion', { id: session.id, questionId: questions[2]!.id, state: 'skipped' });
    // Clearing a skip on a question with nothing typed leaves it not yet asked.
    await call(library, 'session.markQuestion', { id: session.id, questionId: questions[4]!.id, state: 'skipped' });
    await call(library, 'session.markQuestion', { id: session.id, questionId: questions[4]!.id, state: 'none' });
    await call(library, 'session.markQuestion', { id: session.id, questionId: questions[7]!.id, state: 'asked' });

    const state = await call(library, 'session.get', { id: session.id });
    const asked = state.progress.filter((p) => p.state === 'asked').map((p) => p.questionId).sort();
    expect(asked).toEqual([questions[0]!.id, questions[5]!.id, questions[6]!.id, questions[7]!.id].sort());
    expect(state.progress.filter((p) => p.state === 'skipped').map((p) => p.questionId)).toEqual([questions[2]!.id]);
    await call(library, 'session.end', { id: session.id });
    expect(await call(library, 'session.report', { id: session.id })).toMatchObject({ asked: 4, skipped: 1 });
  });

  it('lists running and paused sessions so the app can resume them after a restart', async () => {
    const { library, session } = await setUp();
    expect(await call(library, 'session.active', {})).toEqual([]);
    await call(library, 'session.start', { id: session.id });
    await call(library, 'session.pause', { id: session.id });
    expect((await call(library, 'session.active', {})).map((s) => [s.id, s.status])).toEqual([[session.id, 'paused']]);
  });

  it('marks a planned session missed, and deletes planned sessions but not started ones', async () => {
    const { library, session, study, participant } = await setUp();
    const missed = await call(library, 'session.update', { id: session.id, missed: true });
    expect(missed.status).toBe('missed');
    expect((await call(library, 'participant.list', { studyId: study.id }))[0]!.status).toBe('no_show');
    const second = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: null, interviewer: '' });
    await call(library, 'session.start', { id: second.id });
    expect(await failure(library, 'session.delete', { id: second.id })).toBe('conflict');
    await call(library, 'session.delete', { id: session.id });
  });

  it('says the disk is full instead of failing silently, and saves once there is room again', async () => {
    const { library, session, questions } = await setUp();
    const { db } = library.context;
    const page = () => db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${page()}`); // no room for one more page
    const big = noteFromParagraphs(Array.from({ length: 400 }, (_, i) => ({ pid: `p${i}`, atMs: i, text: `第${i}段笔记：价格不透明，等待时间长。`.repeat(4) })));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await library.dispatch('note.save', { sessionId: session.id, questionId: questions[0]!.id, content: big });
    quiet.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(db.prepare('SELECT count(*) n FROM note').get()).toEqual({ n: 0 });
    db.pragma('max_page_count = 1073741823');
    const saved = await call(library, 'note.save', { sessionId: session.id, questionId: questions[0]!.id, content: big });
    expect(saved.revision).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
