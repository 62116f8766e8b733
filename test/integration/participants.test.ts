// Participants on a real database: personal data, codes unique per study, consent
// withdrawal that removes their findings from active views, and sample coverage.
import { describe, expect, it } from 'vitest';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import { createSession } from '../../electron/core/db/repos/sessions.js';
import { openTestLibrary } from '../helpers/library.js';
import { call, failure } from '../helpers/call.js';

async function newStudy() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Car buyers' });
  return { library, study };
}

describe('participants', () => {
  it('creates participants with segment attributes and consent, and lists them by code', async () => {
    const { library, study } = await newStudy();
    await call(library, 'participant.create', {
      studyId: study.id,
      fields: { code: 'P02', source: 'competitor', attributes: { geographic: { 城市: '成都' } } },
    });
    const p1 = await call(library, 'participant.create', {
      studyId: study.id,
      fields: {
        code: 'P01',
        realName: '王女士',
        contact: 'wang@example.com',
        source: 'own',
        status: 'scheduled',
        attributes: { demographic: { age: '35-44' }, needs: { 'main need': 'seven seats' } },
        consentDate: '2026-10-02',
        consentScope: 'Notes only',
      },
    });
    expect(p1).toMatchObject({ realName: '王女士', consentDate: '2026-10-02', withdrawnAt: null, sessionCount: 0 });
    const list = await call(library, 'participant.list', { studyId: study.id });
    expect(list.map((p) => p.code)).toEqual(['P01', 'P02']);
    expect(list[1]!.attributes).toEqual({ geographic: { 城市: '成都' } });
  });

  it('refuses a code already used in the study, whatever its case', async () => {
    const { library, study } = await newStudy();
    const p = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    expect(await failure(library, 'participant.create', { studyId: study.id, fields: { code: 'p01' } })).toBe('conflict');
    const q = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P02' } });
    expect(await failure(library, 'participant.update', { id: q.id, fields: { code: 'P01' } })).toBe('conflict');
    expect((await call(library, 'participant.update', { id: p.id, fields: { code: 'P01', status: 'interviewed' } })).status).toBe('interviewed');
  });

  it('keeps a withdrawn participant\'s findings out of the active views, and brings them back on reinstatement', async () => {
    const { library, study } = await newStudy();
    const { db } = library.context;
    const p = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    const sessionId = createSession(db, study.id, { participantId: p.id, guideVersionId: null, interviewer: 'Lead' });
    createFinding(db, study.id, { text: 'Hidden fees', type: 'pain_point', stageId: null, participantId: p.id, sessionId });
    createFinding(db, study.id, { text: 'Unlinked card', type: 'quote', stageId: null });
    const active = () => (db.prepare('SELECT count(*) n FROM active_finding WHERE study_id = ?').get(study.id) as { n: number }).n;
    expect(active()).toBe(2);
    const withdrawn = await call(library, 'participant.setWithdrawn', { id: p.id, withdrawn: true });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(active()).toBe(1);
    await call(library, 'participant.setWithdrawn', { id: p.id, withdrawn: false });
    expect(active()).toBe(2);
  });

  it('deletes a participant without interviews but refuses one with interviews', async () => {
    const { library, study } = await newStudy();
    const a = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    const b = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P02' } });
    createSession(library.context.db, study.id, { participantId: b.id, guideVersionId: null, interviewer: '' });
    await call(library, 'participant.delete', { id: a.id });
    expect(await failure(library, 'participant.delete', { id: b.id })).toBe('conflict');
    expect((await call(library, 'participant.list', { studyId: study.id })).map((p) => p.code)).toEqual(['P02']);
  });

  it('shows coverage of segment values by source, empty cells included, and progress against the plan', async () => {
    const { library, study } = await newStudy();
    await call(library, 'study.update', { id: study.id, plannedInterviews: 8 });
    const add = (code: string, source: 'own' | 'competitor' | 'other', city: string, status: 'recruited' | 'interviewed') =>
      call(library, 'participant.create', { studyId: study.id, fields: { code, source, status, attributes: { geographic: { city } } } });
    await add('P01', 'own', 'Shanghai', 'interviewed');
    await add('P02', 'competitor', 'Shanghai', 'recruited');
    await add('P03', 'own', '成都', 'interviewed');
    const gone = await add('P04', 'competitor', '成都', 'interviewed');
    await call(library, 'participant.setWithdrawn', { id: gone.id, withdrawn: true });

    const coverage = await call(library, 'study.coverage', { studyId: study.id, dimension: 'geographic', attribute: 'city' });
    expect(coverage.values).toEqual(['Shanghai', '成都'].sort((a, b) => a.localeCompare(b)));
    const cell = (value: string, source: string) => coverage.cells.find((c) => c.value === value && c.source === source)!;
    expect(cell('Shanghai', 'own')).toMatchObject({ participants: 1, interviewed: 1 });
    expect(cell('Shanghai', 'competitor')).toMatchObject({ participants: 1, interviewed: 0 });
    expect(cell('成都', 'competitor')).toMatchObject({ participants: 0 }); // the withdrawn one does not count
    expect(cell('成都', 'other')).toMatchObject({ participants: 0 });
    expect(coverage).toMatchObject({ planned: 8, interviewed: 2, recruited: 1, withdrawn: 1 });
    expect(coverage.attributes).toEqual([{ dimension: 'geographic', name: 'city' }]);
  });
});

describe('withdrawn participants in study counts', () => {
  it('leaves their findings out of the study\'s finding count', async () => {
    const library = await openTestLibrary();
    const study = await call(library, 'study.create', { name: 'Counts' });
    const p = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    createFinding(library.context.db, study.id, { text: 'x', type: 'quote', stageId: null, participantId: p.id });
    expect((await call(library, 'study.overview', { id: study.id })).counts.findings).toBe(1);
    await call(library, 'participant.setWithdrawn', { id: p.id, withdrawn: true });
    expect((await call(library, 'study.overview', { id: study.id })).counts.findings).toBe(0);
  });
});
