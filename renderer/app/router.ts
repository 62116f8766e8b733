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
  'personas',
  'journey',
  'search',
] as const;
export type StudyScreen = (typeof STUDY_SCREENS)[number];

export type Route =
  | { screen: 'studies' }
  | { screen: 'trash' }
  | { screen: StudyScreen; studyId: string | null; sessionId?: string };

/** A malformed %-escape in a hand-typed address must not blank the app. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'trash') return { screen: 'trash' };
  if (parts[0] === 'study' && parts[1]) {
    const screen = (STUDY_SCREENS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as StudyScreen) : 'overview';
    const studyId = safeDecode(parts[1]);
    if (screen === 'interviews' && parts[3]) return { screen, studyId, sessionId: safeDecode(parts[3]) };
    return { screen, studyId };
  }
  if (parts[0] && (STUDY_SCREENS as readonly string[]).includes(parts[0])) {
    return { screen: parts[0] as StudyScreen, studyId: null };
  }
  return { screen: 'studies' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'studies') return '#/';
  if (route.screen === 'trash') return '#/trash';
  if (!route.studyId) return `#/${route.screen}`;
  const base = `#/study/${encodeURIComponent(route.studyId)}`;
  if (route.screen === 'overview') return base;
  const session = route.sessionId ? `/${encodeURIComponent(route.sessionId)}` : '';
  return `${base}/${route.screen}${session}`;
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
