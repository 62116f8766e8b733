// The browser-mode token on the page's side. It arrives in the link's fragment
// (#token=..., or as a parameter after a route: #/study/x/board?token=...), which the
// browser never sends to any server; it is taken out of the address bar at once (so
// it is not copied along with the address, nor kept in history) and kept in this
// tab's session storage, which survives a reload of the tab and nothing else.
import { TOKEN_HEADER } from '../../shared/api/browser-mode';

const STORAGE_KEY = 'fieldwork.token';
/** The token this page adopted, for when session storage is switched off. */
let memory: string | null = null;

/** Splits a fragment into the token it carries, if any, and the fragment without it. */
export function takeTokenFromHash(hash: string): { token: string | null; hash: string } {
  const body = hash.replace(/^#/, '');
  const cut = body.indexOf('?');
  // "#token=..." is a fragment of parameters only; "#/route?token=..." a route with them.
  const [route, query] = body.startsWith('token=') ? ['', body] : cut < 0 ? [body, ''] : [body.slice(0, cut), body.slice(cut + 1)];
  const params = new URLSearchParams(query);
  const token = params.get('token');
  if (token === null) return { token: null, hash };
  params.delete('token');
  const rest = params.toString();
  const kept = `${route}${rest ? `?${rest}` : ''}`;
  return { token: token || null, hash: kept ? `#${kept}` : '' };
}

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Moves a token from the address bar into this tab's storage. Runs before the app
 * reads its route, and again on every hash change (a link with a token opened in a
 * tab that is already showing the app).
 */
export function adoptTokenFromAddress(win: Window = window): string | null {
  const { token, hash } = takeTokenFromHash(win.location.hash);
  if (!token) return null;
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage switched off: the token then lasts as long as the page.
  }
  memory = token;
  const { pathname, search } = win.location;
  win.history.replaceState(win.history.state, '', `${pathname}${search}${hash}`);
  return token;
}


/** The token this tab was opened with, or null when it was opened without one. */
export function currentToken(): string | null {
  return memory ?? readStored();
}

/** Takes the token out of the address now and whenever the fragment changes. */
export function watchAddressForToken(win: Window = window): void {
  adoptTokenFromAddress(win);
  // Registered before the router's listener, so the router never sees the token.
  win.addEventListener('hashchange', () => {
    const before = currentToken();
    const adopted = adoptTokenFromAddress(win);
    // The link of a restarted server, opened in this tab: start afresh with it.
    if (adopted && adopted !== before) win.location.reload();
  });
}

/** Headers for an operation call: the token goes in a header, never a cookie or the URL. */
export function operationHeaders(): Record<string, string> {
  return { 'content-type': 'application/json', [TOKEN_HEADER]: currentToken() ?? '' };
}
