// When the desktop app starts its core again after it stopped unexpectedly.
import { describe, expect, it } from 'vitest';
import { MAX_RESTARTS, RESTART_WINDOW_MS, shouldRestart } from '../../electron/core/process/restart-policy.js';

describe('core restart policy', () => {
  it('restarts a core that stopped, but gives up on one that keeps stopping within a minute', () => {
    const now = 1_000_000;
    expect(shouldRestart([], now)).toBe(true);
    const recent = Array.from({ length: MAX_RESTARTS }, (_, i) => now - i * 1_000);
    expect(shouldRestart(recent.slice(1), now)).toBe(true);
    expect(shouldRestart(recent, now)).toBe(false);
    // Stops longer ago than the window no longer count.
    expect(shouldRestart(recent.map((at) => at - RESTART_WINDOW_MS), now)).toBe(true);
  });
});
