// Where a library lives by default: the per-user application data folder, the same
// one Electron's app.getPath('userData') gives for an app named Fieldwork.
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'Fieldwork';
export const LIBRARY_FILE = 'fieldwork.sqlite';

export function defaultDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), APP_FOLDER);
}
