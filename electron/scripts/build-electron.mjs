// Bundles the Electron main process, the preload script, the core's own process (a
// utilityProcess) and its heavy-read worker into CommonJS files in build/electron (a
// sandboxed preload must be a single CommonJS script).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  minify: true,
  external: ['electron', 'better-sqlite3'],
  // ws (the team session's event sockets) tries two optional native add-ons; the bundle
  // ships neither, so the lookups are compiled out instead of failing at run time.
  define: { 'process.env.WS_NO_BUFFER_UTIL': '"1"', 'process.env.WS_NO_UTF_8_VALIDATE': '"1"' },
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'build/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'build/electron/preload.cjs' });
await build({ ...common, entryPoints: ['electron/core/process/core-process.ts'], outfile: 'build/electron/core.cjs' });
await build({ ...common, entryPoints: ['electron/core/heavy/worker.ts'], outfile: 'build/electron/heavy-reads.cjs' });
