// What a teammate's call may reach: the one study of their team session. Set by the
// guest gateway around the call and checked where every write commits (see
// dispatch.ts's runInTransaction): a write that touched another study is rolled back
// and refused, whatever ids it was given, so no handler has to check it itself.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TeamRole } from '../../../shared/api/team-roles.js';

export interface TeamScope {
  teamSessionId: string;
  memberId: string;
  role: TeamRole;
  studyId: string;
}

const storage = new AsyncLocalStorage<TeamScope>();

export function withTeamScope<T>(scope: TeamScope, run: () => T): T {
  return storage.run(scope, run);
}

/** The teammate calling, or null for the host's own windows. */
export function teamScope(): TeamScope | null {
  return storage.getStore() ?? null;
}
