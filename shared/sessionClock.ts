// An interview's running time: what accrued while its timer ran before, plus the stretch
// since it last started running. The core stores the first and the start of the second,
// so every screen (and the core) reads the same time without the host writing every second.

export interface TimerState {
  /** Time accrued while the timer ran, up to `runningSince`. */
  elapsedMs: number;
  /** When the timer last started running; null while paused or not running. */
  runningSince: string | null;
}

export function elapsedNow(session: TimerState, now = Date.now()): number {
  if (!session.runningSince) return session.elapsedMs;
  return session.elapsedMs + Math.max(0, now - Date.parse(session.runningSince));
}
