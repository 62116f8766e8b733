// Starts the core as a Node child process from its source (the same entry the desktop
// app starts as a utilityProcess), with heavy reads on a worker thread, and stops
// every core a test started.
import { afterEach } from 'vitest';
import type { ForkedCore } from '../../electron/core/process/fork.js';
import type { CoreStartOptions } from '../../electron/core/process/control.js';
import { forkCoreFromSource } from './core-source.js';

export { HEAVY_READS_FROM_SOURCE } from './core-source.js';

const started: ForkedCore[] = [];

export function forkTestCore(dataDir: string, start: Partial<CoreStartOptions> = {}): ForkedCore {
  const core = forkCoreFromSource(dataDir, start);
  started.push(core);
  return core;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((core) => (core.child.exitCode === null && core.child.signalCode === null ? core.stop() : null)));
});
