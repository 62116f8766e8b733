// The README's interview shortcut tables say what the keys do: the same keys, in the
// same order and with the same words, as the table the handlers and the shortcut list
// read (renderer/features/interviews/keys.ts and the English catalogue).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/locales/en.json';
import { commandFor, FINDING_SHORTCUTS, SHORTCUTS } from '../../renderer/features/interviews/keys.js';
import { REPO_ROOT } from '../helpers/library.js';

/** The rows of each table in the README's interview-shortcut section. */
function readmeTables(): Array<Array<[string, string]>> {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## ').find((part) => part.startsWith('Keyboard shortcuts in interview mode'));
  expect(section, 'README section "Keyboard shortcuts in interview mode"').toBeDefined();
  const tables: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> | null = null;
  for (const line of section!.split('\n')) {
    const cells = /^\| (.+?) \| (.+?) \|$/.exec(line);
    if (!cells) {
      current = null;
      continue;
    }
    if (cells[1] === 'keys' || cells[1] === '---') {
      if (!current) tables.push((current = []));
      continue;
    }
    current?.push([cells[1]!.replace(/\\\|/g, '|'), cells[2]!]);
  }
  return tables;
}

const label = (action: string): string => {
  const keys = en.capture.keys as Record<string, string>;
  if (action.startsWith('type.')) return (en.findingTypes as Record<string, { name: string }>)[action.slice(5)]!.name;
  return keys[action]!;
};

describe('README shortcut list', () => {
  it('lists the keys that work while typing, and in the finding bar, as the app does', () => {
    const [typing, finding] = readmeTables();
    expect(typing).toEqual(SHORTCUTS.map((s) => [s.keys, label(s.action)]));
    expect(finding).toEqual(FINDING_SHORTCUTS.map((s) => [s.keys, label(s.action)]));
  });

  it('promises only keys that work inside the editor while typing', () => {
    // Every "while typing" row is a command the editor's key handler answers, not a plain character.
    const asEvent = (keys: string): KeyboardEvent => {
      const [modifier, key] = keys.split(' · ')[0]!.split('+') as [string, string];
      const code = key.length === 1 && /[A-Z]/.test(key) ? `Key${key}` : key === '/' ? 'Slash' : '';
      const named = ({ '↓': 'ArrowDown', '↑': 'ArrowUp' } as Record<string, string>)[key] ?? (key.length === 1 ? key.toLowerCase() : key);
      return { key: named, code, altKey: modifier === 'Alt', ctrlKey: modifier === 'Ctrl', metaKey: false, shiftKey: false, getModifierState: () => false } as unknown as KeyboardEvent;
    };
    for (const shortcut of SHORTCUTS) expect(commandFor(asEvent(shortcut.keys)), shortcut.keys).toBe(shortcut.action);
  });
});
