// Hash-based routes: which screen, and for which study. Hash routing works the same
// under app:// in Electron and over HTTP in browser mode, and survives reloads.
import { useSyncExternalStore } from 'react';

export const STUDY_SCREENS = [
  'overview',
  'participants',
  'codebook',
  'guide',
  'interviews',
  'board',
  'analysis',
  'personas',
  'journey',
  'search',
] as const;
export type StudyScreen = (typeof STUDY_SCREENS)[number];

/**
 * What to bring into view on arrival, from a search hit or a link: an item (a card, a
 * group, a persona, a tag...) by id, or a note paragraph by question and paragraph key.
 */
export interface Focus {
  id?: string;
  questionId?: string;
  paragraphKey?: string;
}

export type Route =
  | { screen: 'studies' }
  | { screen: 'trash' }
  | { screen: 'snapshots' }
  | { screen: StudyScreen; studyId: string | null; sessionId?: string; focus?: Focus };

const FOCUS_KEYS = { id: 'focus', questionId: 'q', paragraphKey: 'p' } as const;

function parseFocus(query: string): Focus | undefined {
  const params = new URLSearchParams(query);
  const focus: Focus = {};
  for (const [field, key] of Object.entries(FOCUS_KEYS) as Array<[keyof Focus, string]>) {
    const value = params.get(key);
    if (value) focus[field] = value;
  }
  return Object.keys(focus).length ? focus : undefined;
}

function focusQuery(focus: Focus | undefined): string {
  if (!focus) return '';
  const params = new URLSearchParams();
  for (const [field, key] of Object.entries(FOCUS_KEYS) as Array<[keyof Focus, string]>) {
    if (focus[field]) params.set(key, focus[field]);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A malformed %-escape in a hand-typed address must not blank the app. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(fullHash: string): Route {
  const [hash = '', query = ''] = fullHash.split('?');
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const focus = parseFocus(query);
  if (parts[0] === 'trash') return { screen: 'trash' };
  if (parts[0] === 'snapshots') return { screen: 'snapshots' };
  if (parts[0] === 'study' && parts[1]) {
    const screen = (STUDY_SCREENS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as StudyScreen) : 'overview';
    const studyId = safeDecode(parts[1]);
    if (screen === 'interviews' && parts[3]) return { screen, studyId, sessionId: safeDecode(parts[3]), ...(focus ? { focus } : {}) };
    return { screen, studyId, ...(focus ? { focus } : {}) };
  }
  if (parts[0] && (STUDY_SCREENS as readonly string[]).includes(parts[0])) {
    return { screen: parts[0] as StudyScreen, studyId: null };
  }
  return { screen: 'studies' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'studies') return '#/';
  if (route.screen === 'trash') return '#/trash';
  if (route.screen === 'snapshots') return '#/snapshots';
  if (!route.studyId) return `#/${route.screen}`;
  const base = `#/study/${encodeURIComponent(route.studyId)}`;
  if (route.screen === 'overview') return base + focusQuery(route.focus);
  const session = route.sessionId ? `/${encodeURIComponent(route.sessionId)}` : '';
  return `${base}/${route.screen}${session}${focusQuery(route.focus)}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
