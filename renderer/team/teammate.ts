// Who this page is in a live team session (null on the host's own windows), and what
// the contract lets them call: queries a role may not make are never sent, and write
// controls a role may not use are disabled up front, from the same policy the host checks.
import { useSyncExternalStore } from 'react';
import { isOperationName, policyOf, type OperationName } from '../../shared/api/contract';
import type { TeamMe } from '../../shared/api/team';

let current: TeamMe | null = null;
const listeners = new Set<() => void>();

export function setTeammate(me: TeamMe | null): void {
  current = me;
  for (const listener of listeners) listener();
}

export const teammate = (): TeamMe | null => current;

export function useTeammate(): TeamMe | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** Whether this page may call an operation: always on the host; for a teammate, as their role allows. */
export function mayCall(name: OperationName | string, me: TeamMe | null = current): boolean {
  if (!me) return true;
  if (!isOperationName(name)) return false;
  const access = policyOf(name).team;
  return Array.isArray(access) && access.includes(me.role);
}
