// Where a search hit opens: a note in its interview at the paragraph, a finding or a
// group on the board, a persona on the personas screen, a question in the guide...
import type { SearchHit } from '../../../shared/api/search';
import { navigate, type Route } from '../../app/router';

export function hitRoute(hit: SearchHit): Route {
  const studyId = hit.studyId;
  switch (hit.kind) {
    case 'note':
      return { screen: 'interviews', studyId, sessionId: hit.sessionId, focus: { questionId: hit.questionId ?? '', paragraphKey: hit.paragraphKey ?? undefined } };
    case 'finding':
    case 'group':
    case 'theme':
      return { screen: 'board', studyId, focus: { id: hit.id } };
    case 'persona':
      return { screen: 'personas', studyId, focus: { id: hit.id } };
    case 'participant':
      return { screen: 'participants', studyId, focus: { id: hit.id } };
    case 'question':
      return { screen: 'guide', studyId, focus: { id: hit.id } };
    case 'tag':
      return { screen: 'codebook', studyId, focus: { id: hit.id } };
  }
}

export const openHit = (hit: SearchHit) => navigate(hitRoute(hit));
