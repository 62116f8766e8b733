// How a teammate's call reaches the library: only operations whose contract policy
// names teammates exist for them (any other name is unknown, so the guest listener
// never reveals the host's API), the caller's credential names a person still in the
// running team session, their role must be one the policy allows, and ids that name a
// study or interview must be of the team session's study. The call then runs as that
// person (their actor: undo is theirs alone) inside the team session's scope, which
// refuses, at commit, any write that touched another study.
import type { ChangesSince } from '../../../shared/api/changes.js';
import { isOperationName, policyOf, type OperationName } from '../../../shared/api/contract.js';
import type { ApiResult } from '../../../shared/api/result.js';
import type { Library } from '../library.js';
import { withTeamScope, type TeamScope } from '../changes/team-scope.js';
import { memberByCredential, runningTeamSession } from '../db/repos/team.js';
import { hashSecret, MAX_MEMBER_MUTATION_ID, memberActor, memberMutationId } from './secrets.js';
import { changeFor } from './shape-events.js';

export interface TeammateCall {
  name: string;
  input: unknown;
  /** The credential header, if any. */
  credential: string | null;
  mutationId: string | null;
}

const refused = (message: string, reason: string): ApiResult<never> => ({ ok: false, error: { code: 'forbidden', message, reason } });

const UNKNOWN: ApiResult<never> = { ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } };

/** The teammate a credential belongs to, with what their calls may reach; null when it is no one's now. */
export function teammateOf(library: Library, credential: string | null): TeamScope | null {
  if (!credential || credential.length > 100) return null;
  let member;
  let session;
  try {
    member = memberByCredential(library.context.db, hashSecret(credential));
    session = member ? runningTeamSession(library.context.db) : null;
  } catch {
    return null; // a library that could not be opened has no team session
  }
  if (!member || !session || session.id !== member.teamSessionId) return null;
  return { teamSessionId: session.id, memberId: member.id, role: member.role, studyId: session.studyId };
}

const stringField = (input: unknown, key: string): string | null => {
  if (typeof input !== 'object' || input === null) return null;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
};

const studyOfSession = (library: Library, sessionId: string): string | null =>
  (library.context.db.prepare('SELECT study_id AS studyId FROM session WHERE id = ?').get(sessionId) as { studyId: string } | undefined)?.studyId ?? null;

/**
 * Teammates' reads that name their record by `id` alone, and what kind of record that is.
 * Writes need no such table (what they touched is checked at commit); a read must be
 * checked before it runs. A test keeps every teammate's read covered.
 */
export const READ_BY_ID: Readonly<Partial<Record<OperationName, 'study' | 'session'>>> = {
  'study.overview': 'study',
  'session.get': 'session',
};

/** Whether the ids the input names directly (a study, an interview) are of the team session's study. */
function withinStudy(library: Library, scope: TeamScope, name: OperationName, input: unknown): boolean {
  const studyId = stringField(input, 'studyId');
  if (studyId !== null && studyId !== scope.studyId) return false;
  const sessionId = stringField(input, 'sessionId');
  if (sessionId !== null && studyOfSession(library, sessionId) !== scope.studyId) return false;
  const byId = READ_BY_ID[name];
  const id = stringField(input, 'id');
  if (byId === 'study' && id !== scope.studyId) return false;
  if (byId === 'session' && (id === null || studyOfSession(library, id) !== scope.studyId)) return false;
  return true;
}

export async function callAsTeammate(library: Library, call: TeammateCall): Promise<ApiResult<unknown>> {
  if (!isOperationName(call.name)) return UNKNOWN;
  const access = policyOf(call.name).team;
  if (!access) return UNKNOWN;
  if (call.mutationId !== null && (call.mutationId.length > MAX_MEMBER_MUTATION_ID || !/^[A-Za-z0-9_-]+$/.test(call.mutationId))) {
    return { ok: false, error: { code: 'invalid_input', message: 'The request was not valid.' } };
  }
  if (access === 'invitation') return library.dispatch(call.name, call.input, {});

  const scope = teammateOf(library, call.credential);
  if (!scope) return refused('You are no longer in this team session.', 'team.not_in_session');
  if (!access.includes(scope.role)) return refused('Your role in the team session does not allow this.', 'team.role_refused');
  if (!withinStudy(library, scope, call.name, call.input)) return refused('A team session reaches only its own study.', 'team.outside_study');

  const meta = { actor: memberActor(scope.memberId), ...(call.mutationId !== null ? { mutationId: memberMutationId(scope.memberId, call.mutationId) } : {}) };
  const result = await withTeamScope(scope, () => library.dispatch(call.name, call.input, meta));
  if (call.name === 'change.since' && result.ok) {
    // Only the team session's study, and a teammate's own mutation ids as they sent them.
    const since = result.value as ChangesSince;
    const changes = since.changes.flatMap((change) => {
      const shaped = changeFor(change, scope);
      return shaped ? [shaped] : [];
    });
    return { ok: true, value: { revision: since.revision, changes } satisfies ChangesSince };
  }
  return result;
}
