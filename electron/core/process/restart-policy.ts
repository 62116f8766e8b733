// When the desktop app starts its core again after it stopped unexpectedly: at once,
// unless it already stopped this often lately (a core that cannot stay up, e.g. a
// damaged addon, would otherwise restart forever); then the windows say it stopped.

/** Restarts allowed within the window below before giving up. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

/** Whether to restart after a crash at `now`, given the earlier crash times. */
export function shouldRestart(crashes: readonly number[], now: number): boolean {
  return crashes.filter((at) => now - at < RESTART_WINDOW_MS).length < MAX_RESTARTS;
}
