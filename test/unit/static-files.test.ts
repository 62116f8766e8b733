// The static-file resolver shared by app:// and browser mode never leaves its folder.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveStaticPath } from '../../electron/core/static-files.js';

const root = path.resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it('maps paths inside the folder and "/" to the index page', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/%E4%B8%AD.png')).toBe(path.join(root, 'assets', '中.png'));
  });

  it('refuses traversal, encoded traversal, backslashes, NUL bytes and bad encodings', () => {
    for (const bad of ['/../etc/passwd', '/assets/../../x', '/..%2f..%2fpackage.json', '/%2e%2e/x', '/a\\..\\b', '/x%00.js', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, bad), bad).toBeNull();
    }
  });

  it('names content types', () => {
    expect(mimeType('a.js')).toMatch(/javascript/);
    expect(mimeType('a.css')).toMatch(/css/);
    expect(mimeType('a.unknown')).toBe('application/octet-stream');
  });
});

describe('export file names', () => {
  it('drops characters no file system accepts and keeps Chinese', async () => {
    const { safeFileName } = await import('../../electron/core/services/guide-export.js');
    expect(safeFileName('访谈提纲 v2: "final"/draft?')).toBe('访谈提纲 v2 final draft');
    expect(safeFileName('a\u0000b\tc')).toBe('a b c');
    expect(safeFileName('///')).toBe('guide');
  });
});
