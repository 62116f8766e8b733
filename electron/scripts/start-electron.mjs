// `npm start`: launches the desktop app when Electron's binary is present, and says
// plainly what to do when it is not (it is downloaded by `npm install`).
//
// better-sqlite3 in node_modules is built for Node (tests and browser mode use it),
// and Electron needs a build for its own ABI. So the first start builds a second copy
// for Electron under build/native/ with @electron/rebuild and hands its path to the
// app, leaving the Node build untouched.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const candidate = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

async function electronSqliteBinding(electronVersion) {
  const root = path.resolve('build', 'native', `electron-${electronVersion}`);
  const binding = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  console.log(`Building the database module for Electron ${electronVersion} (first start only)...`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, path.join(root, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  const version = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')).version;
  writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'fieldwork-native', private: true, dependencies: { 'better-sqlite3': version } }),
  );
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: root, electronVersion, force: true, onlyModules: ['better-sqlite3'] });
  if (!existsSync(binding)) throw new Error('the rebuilt module was not found');
  return binding;
}

const binary = electronBinary();
if (!binary) {
  console.error(
    'Electron is not installed on this machine (its download failed during npm install), so the desktop app cannot start.\n' +
      'Run Fieldwork in your browser instead: npm run serve\n' +
      'With internet access, `node node_modules/electron/install.js` downloads Electron; then run npm start again.',
  );
  process.exit(1);
}

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
let binding;
try {
  binding = await electronSqliteBinding(electronVersion);
} catch (error) {
  console.error(`The database module could not be built for Electron: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, FIELDWORK_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
