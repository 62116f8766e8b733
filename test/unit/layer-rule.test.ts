// The layer rule is enforced by lint at error: these fixtures break it on purpose
// and must be reported, while the same imports in their allowed places pass.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('layer rule', () => {
  it('keeps shared/ free of Node, Electron, the database and the other layers', async () => {
    for (const code of [
      "import fs from 'node:fs'; export const a = fs;",
      "import path from 'path'; export const a = path;",
      "import { app } from 'electron'; export const a = app;",
      "import Database from 'better-sqlite3'; export const a = Database;",
      "import { openLibrary } from '../electron/core/library.js'; export const a = openLibrary;",
      "import { App } from '../renderer/app/App'; export const a = App;",
    ]) {
      expect(await ruleErrors('shared/probe.ts', code), code).toContain('no-restricted-imports');
    }
  });

  it('keeps the renderer away from electron/, Electron, Node and the database', async () => {
    for (const code of [
      "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;",
      "import Database from 'better-sqlite3'; export const a = Database;",
      "import { handlers } from '../electron/core/services/handlers'; export const a = handlers;",
      "import fs from 'node:fs'; export const a = fs;",
    ]) {
      expect(await ruleErrors('renderer/probe.ts', code), code).toContain('no-restricted-imports');
    }
  });

  it('keeps the electron package out of electron/core but allows it in the shell', async () => {
    const code = "import { app } from 'electron'; export const a = app;";
    expect(await ruleErrors('electron/core/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleErrors('electron/shell/probe.ts', code)).not.toContain('no-restricted-imports');
  });

  it('reports literal user-visible strings in JSX', async () => {
    const code = 'export function A() { return <p>Hello researcher</p>; }';
    expect(await ruleErrors('renderer/probe.tsx', code)).toContain('i18next/no-literal-string');
  });
});
