// A study with a guide from the English template and one participant whose interview
// has started: the starting point of tests about saving live notes.
import { call } from './call.js';
import { openTestLibrary } from './library.js';

export async function runningInterview() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Home insurance', language: 'en', plannedInterviews: 8 });
  const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01', source: 'own' } });
  const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: 'Interviewer' });
  await call(library, 'session.start', { id: session.id });
  return { library, session, questions: guide.sections.flatMap((s) => s.questions) };
}
