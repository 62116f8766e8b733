// Picks how the renderer reaches the core: the preload's `window.api` in Electron,
// or HTTP + WebSocket to the browser-mode server. Both satisfy the same typed API.
import type { FieldworkApi } from '../../shared/api/client';
import { reportConnection } from './connection';
import { createHttpApi } from './http-transport';

declare global {
  interface Window {
    api?: FieldworkApi;
  }
}

let chosen: FieldworkApi | null = null;

export function api(): FieldworkApi {
  if (!chosen) {
    chosen = window.api ?? createHttpApi(window.location);
    // The desktop app's core process going away and coming back shows as a notice.
    chosen.onCoreState?.((state) => reportConnection(state === 'restarting' ? 'coreRestarting' : state === 'stopped' ? 'coreStopped' : 'connected'));
  }
  return chosen;
}

/** The desktop app (Electron preload) rather than browser mode. */
export const inDesktopApp = (): boolean => Boolean(window.api);
