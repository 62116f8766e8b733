// What of the library's push events a teammate receives: changes only as far as they
// touched the team session's study (so nothing of other studies is seen, not even that
// they changed), with the teammate's own mutation ids as they sent them; where others
// are on the board for those who see it; a note's text and carets only for note-takers,
// and only for the study's interviews.
import type { Change } from '../../../shared/api/changes.js';
import type { EventName } from '../../../shared/api/contract.js';
import type { TeamScope } from '../changes/team-scope.js';
import { mutationIdFor } from './secrets.js';

export function changeFor(change: Change, scope: TeamScope): Change | null {
  const mine = change.studies.filter((study) => study.studyId === scope.studyId);
  if (mine.length === 0) return null;
  return { ...change, studies: mine, mutationId: mutationIdFor(scope.memberId, change.mutationId) };
}

/**
 * The event as this teammate receives it, or null when it is not theirs to see.
 * `studyOfSession` answers an interview's study (note events name the interview).
 */
export function eventFor(event: EventName, payload: unknown, scope: TeamScope, studyOfSession: (sessionId: string) => string | null): unknown {
  if (event === 'library.changed') return changeFor(payload as Change, scope);
  // Where others are on the board: for everyone who sees the board of that study.
  if (event === 'board.presence') return scope.role !== 'note_taker' && (payload as { studyId?: unknown }).studyId === scope.studyId ? payload : null;
  if (event === 'team.presence') return null;
  if (scope.role !== 'note_taker') return null;
  const sessionId = (payload as { sessionId?: unknown }).sessionId;
  return typeof sessionId === 'string' && studyOfSession(sessionId) === scope.studyId ? payload : null;
}
