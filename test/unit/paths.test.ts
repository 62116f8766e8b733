// The default library folder is the per-user application data folder, never the repo.
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/core/paths.js';

describe('default data folder', () => {
  it('follows each platform\'s convention for per-user app data', () => {
    expect(defaultDataDir('linux', {}, '/home/r')).toBe('/home/r/.config/Fieldwork');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/r')).toBe('/cfg/Fieldwork');
    expect(defaultDataDir('darwin', {}, '/Users/r')).toBe('/Users/r/Library/Application Support/Fieldwork');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\r\\AppData\\Roaming' }, 'C:\\Users\\r')).toBe(
      'C:\\Users\\r\\AppData\\Roaming\\Fieldwork',
    );
  });

  it('is never inside the project folder', () => {
    expect(defaultDataDir().startsWith(process.cwd())).toBe(false);
  });
});
