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
      "import { createRoot } from 'react-dom/client'; export const a = createRoot;",
      "import { app } from 'electron/main'; export const a = app;",
      "import { useDraggable } from '@dnd-kit/core'; export const a = useDraggable;",
    ]) {
      expect(await ruleErrors('shared/probe.ts', code), code).toContain('no-restricted-imports');
    }
    for (const code of [
      "export const a = await import('node:fs');",
      "export const a = await import('better-sqlite3');",
      "export const a = require('fs');",
    ]) {
      expect(await ruleErrors('shared/probe.ts', code), code).toContain('no-restricted-syntax');
    }
  });

  it('keeps the renderer away from electron/, Electron, Node and the database', async () => {
    for (const code of [
      "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;",
      "import Database from 'better-sqlite3'; export const a = Database;",
      "import { handlers } from '../electron/core/services/handlers'; export const a = handlers;",
      "import fs from 'node:fs'; export const a = fs;",
      "import Database from 'better-sqlite3/lib/database'; export const a = Database;",
      "import { ipcRenderer } from 'electron/renderer'; export const a = ipcRenderer;",
    ]) {
      expect(await ruleErrors('renderer/probe.ts', code), code).toContain('no-restricted-imports');
    }
    for (const code of ["export const a = await import('better-sqlite3');", "export const a = await import('electron');", "export const a = require('node:path');"]) {
      expect(await ruleErrors('renderer/probe.ts', code), code).toContain('no-restricted-syntax');
    }
    // Renderer code splitting by dynamic import stays allowed.
    expect(await ruleErrors('renderer/probe.ts', "export const a = await import('./features/board/BoardScreen');")).toEqual([]);
  });

  it('keeps the electron package out of electron/core but allows it in the shell', async () => {
    const code = "import { app } from 'electron'; export const a = app;";
    expect(await ruleErrors('electron/core/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleErrors('electron/core/probe.ts', "import { app } from 'electron/main'; export const a = app;")).toContain('no-restricted-imports');
    expect(await ruleErrors('electron/core/probe.ts', "export const a = await import('electron');")).toContain('no-restricted-syntax');
    expect(await ruleErrors('electron/core/probe.ts', "export const a = require('electron/main');")).toContain('no-restricted-syntax');
    expect(await ruleErrors('electron/shell/probe.ts', code)).not.toContain('no-restricted-imports');
    expect(await ruleErrors('electron/shell/probe.ts', "export const a = await import('electron');")).not.toContain('no-restricted-syntax');
  });

  it('reports literal user-visible strings in JSX', async () => {
    const code = 'export function A() { return <p>Hello researcher</p>; }';
    expect(await ruleErrors('renderer/probe.tsx', code)).toContain('i18next/no-literal-string');
  });
});
