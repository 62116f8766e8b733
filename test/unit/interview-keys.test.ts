// The interview's keyboard map: the keys the handlers answer are the keys the
// overlay and the controls print, and every one of them is explained in each language.
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/locales/en.json';
import zhHans from '../../shared/i18n/locales/zh-Hans.json';
import zhHant from '../../shared/i18n/locales/zh-Hant.json';
import { commandFor, FINDING_SHORTCUTS, keysFor, SHORTCUTS } from '../../renderer/features/interviews/keys.js';

type Press = { key: string; code?: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; altGraph?: boolean };

function press({ key, code = '', altKey = false, ctrlKey = false, metaKey = false, altGraph = false }: Press): KeyboardEvent {
  const event = { key, code, altKey, ctrlKey, metaKey, shiftKey: false, getModifierState: (name: string) => name === 'AltGraph' && altGraph };
  return event as unknown as KeyboardEvent;
}

describe('interview shortcuts', () => {
  it('answers each printed Alt shortcut with its command', () => {
    expect(commandFor(press({ key: 'ArrowUp', altKey: true }))).toBe('previous');
    expect(commandFor(press({ key: 'ArrowDown', altKey: true }))).toBe('next');
    expect(commandFor(press({ key: 's', code: 'KeyS', altKey: true }))).toBe('skip');
    expect(commandFor(press({ key: 'a', code: 'KeyA', altKey: true }))).toBe('asked');
    expect(commandFor(press({ key: 'o', code: 'KeyO', altKey: true }))).toBe('other');
    expect(commandFor(press({ key: 's', code: 'KeyS', ctrlKey: true }))).toBe('save');
    // Printed keys for the controls beside the script come from the same table.
    expect([keysFor('previous'), keysFor('next'), keysFor('skip'), keysFor('asked'), keysFor('other'), keysFor('save')]).toEqual([
      'Alt+↑',
      'Alt+↓',
      'Alt+S',
      'Alt+A',
      'Alt+O',
      'Ctrl+S',
    ]);
  });

  it('leaves AltGr characters and plain letters to typing', () => {
    expect(commandFor(press({ key: 'ś', code: 'KeyS', altKey: true, ctrlKey: true, altGraph: true }))).toBeNull();
    expect(commandFor(press({ key: 'a', code: 'KeyA' }))).toBeNull();
  });

  it('explains every shortcut in every language', () => {
    for (const catalogue of [en, zhHans, zhHant]) {
      const messages: Record<string, string> = catalogue.capture.keys;
      for (const { action } of [...SHORTCUTS, ...FINDING_SHORTCUTS].filter((s) => !s.action.startsWith('type.'))) {
        expect(messages[action], action).toBeTruthy();
      }
    }
  });
});
