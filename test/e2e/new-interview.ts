// An English study with a guide, one participant and an interview not yet started,
// opened in the interviews screen: where the interview-mode tests begin.
import { call } from '../helpers/call.js';
import { pageUrl } from '../helpers/page-url.js';
import { openApp } from './fixture.js';

export async function openNewInterview(locale: 'en-US' | 'zh-CN' = 'en-US') {
  const app = await openApp({ seedSample: false, locale });
  const { library } = app;
  const study = await call(library, 'study.create', { name: 'Home insurance', language: 'en', plannedInterviews: 4 });
  const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01', source: 'own' } });
  const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: 'Interviewer' });
  await app.page.goto(pageUrl(app.server, `#/study/${study.id}/interviews`));
  return { ...app, study, guide, session };
}
