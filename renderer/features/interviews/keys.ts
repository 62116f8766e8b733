// The interview's keyboard map, in one place: the overlay lists it and the handlers
// read it, so what is shown is what works. Letters are matched by physical key
// (event.code) so Alt combinations work on every layout, and keys typed as part of
// an input-method composition (Chinese, Japanese...) are never taken as shortcuts.
import { FINDING_TYPES, PAIN_KINDS, type FindingType, type PainKind } from '../../../shared/domain';

export const TYPE_KEYS: Record<FindingType, string> = {
  touchpoint: 't',
  influencer: 'i',
  pain_point: 'p',
  improvement_idea: 'o',
  quote: 'q',
  do: 'd',
  think: 'k',
  feel: 'f',
};

export function typeForKey(key: string): FindingType | null {
  const lower = key.toLowerCase();
  return FINDING_TYPES.find((type) => TYPE_KEYS[type] === lower) ?? null;
}

/** Shift + the kind's letter toggles a TERMS kind on the finding being edited. */
export function painKindForKey(event: Pick<KeyboardEvent, 'shiftKey' | 'code'>): PainKind | null {
  if (!event.shiftKey) return null;
  const letter = event.code.startsWith('Key') ? event.code.slice(3) : '';
  return (PAIN_KINDS as readonly string[]).includes(letter) ? (letter as PainKind) : null;
}

export function isComposing(event: KeyboardEvent | React.KeyboardEvent): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  return native.isComposing || native.keyCode === 229;
}

export type InterviewCommand = 'next' | 'previous' | 'mark' | 'skip' | 'asked' | 'other' | 'pause' | 'save' | 'help' | 'findings';

/** Shortcuts that work everywhere in interview mode, typing included. */
export function commandFor(event: KeyboardEvent): InterviewCommand | null {
  // AltGr (Ctrl+Alt on Windows) types characters such as ś or €: never a shortcut.
  if (event.getModifierState?.('AltGraph')) return null;
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.key === 'Enter') return 'mark';
  if (mod && (event.key === '/' || event.code === 'Slash')) return 'help';
  if (mod && event.code === 'KeyS') return 'save';
  if (event.key === 'F1') return 'help';
  if (!event.altKey || mod) return null;
  if (event.key === 'ArrowDown') return 'next';
  if (event.key === 'ArrowUp') return 'previous';
  if (event.code === 'KeyS') return 'skip';
  if (event.code === 'KeyA') return 'asked';
  if (event.code === 'KeyO') return 'other';
  if (event.code === 'KeyP') return 'pause';
  if (event.code === 'KeyF') return 'findings';
  return null;
}

/** For the overlay: each shortcut and the message key of what it does. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: InterviewCommand }> = [
  { keys: 'Alt+↓', action: 'next' },
  { keys: 'Alt+↑', action: 'previous' },
  { keys: 'Alt+S', action: 'skip' },
  { keys: 'Alt+A', action: 'asked' },
  { keys: 'Alt+O', action: 'other' },
  { keys: 'Ctrl+Enter', action: 'mark' },
  { keys: 'Alt+F', action: 'findings' },
  { keys: 'Alt+P', action: 'pause' },
  { keys: 'Ctrl+S', action: 'save' },
  { keys: 'Ctrl+/ · F1', action: 'help' },
];

export const FINDING_SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  ...FINDING_TYPES.map((type) => ({ keys: TYPE_KEYS[type].toUpperCase(), action: `type.${type}` })),
  { keys: '1–9', action: 'stage' },
  { keys: '0', action: 'noStage' },
  { keys: 'Shift+T/E/R/M/S', action: 'terms' },
  { keys: '#', action: 'tags' },
  { keys: 'E', action: 'edit' },
  { keys: 'Delete', action: 'delete' },
  { keys: 'Enter · Esc', action: 'done' },
];

/** The keys of a command as the overlay prints them, for hints shown beside its control. */
export function keysFor(action: InterviewCommand): string {
  return SHORTCUTS.find((s) => s.action === action)?.keys ?? '';
}

/** In the finding bar, E opens the finding's wording for editing. */
export const EDIT_KEY = 'e';

/** Key names as printed on key caps; the same in every language. */
export const KEY = {
  shift: '⇧',
  del: 'Del',
  esc: 'Esc',
  enter: 'Enter',
  markFinding: 'Ctrl+Enter',
  pause: 'Alt+P',
  help: 'Ctrl+/',
  question: '?',
  hash: '#',
  zero: '0',
} as const;
