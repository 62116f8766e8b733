// Fetches Electron's binary after `npm install`, tolerantly. Electron's own
// postinstall is disabled (package.json "allowScripts") so that an install on a
// machine without internet access still passes; users with internet get the
// binary here and `npm start` works for them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// Three minutes unless set (a test sets it low to check that a stalled download is cut off).
const TIMEOUT_MS = Number(process.env.FIELDWORK_ELECTRON_INSTALL_TIMEOUT_MS) || 180_000;

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const dir = electronDir();
if (!dir) process.exit(0); // not installed (e.g. a production install): nothing to do
if (existsSync(path.join(dir, 'path.txt')) && existsSync(path.join(dir, 'dist'))) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);

const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
  stdio: 'ignore',
  timeout: TIMEOUT_MS,
});
if (result.status !== 0 || !existsSync(path.join(dir, 'path.txt'))) {
  console.log(
    'Electron could not be downloaded: the desktop app will not start here; browser mode (npm run serve) and tests work.',
  );
}
process.exit(0);
