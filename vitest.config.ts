// Test projects: unit (pure logic, config files), integration (real SQLite files,
// the browser-mode server) and e2e (Debian Chromium driving the built renderer).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Property-based and lint-driven unit tests run for seconds on a busy 2-core machine.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ['test/setup/renderer-build.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/renderer-build.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page answers a click through the renderer, HTTP and SQLite: on a loaded 2-core
          // machine that can pass vitest's 1 s default for expect.poll. Waiting longer does not
          // weaken what is asserted, only how long a slow machine may take to get there.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
