// Picks how the renderer reaches the core: the preload's `window.api` in Electron,
// or HTTP + WebSocket to the browser-mode server. Both satisfy the same typed API.
import type { FieldworkApi } from '../../shared/api/client';
import { reportConnection, reportReconnected } from './connection';
import { createHttpApi } from './http-transport';
import { isTeamPage } from '../team/teamLink';
import { TEAM_SESSION } from '../team/teamEndpoint';

declare global {
  interface Window {
    api?: FieldworkApi;
  }
}

let chosen: FieldworkApi | null = null;

export function api(): FieldworkApi {
  if (!chosen) {
    // A teammate's page (opened from a team session link) reaches the host's team listener instead.
    chosen = window.api ?? (isTeamPage() ? createHttpApi(window.location, TEAM_SESSION) : createHttpApi(window.location));
    // The desktop app's core process going away and coming back shows as a notice; once
    // it is back, note editors resend what it had not committed and fetch what they missed.
    let away = false;
    chosen.onCoreState?.((state) => {
      reportConnection(state === 'restarting' ? 'coreRestarting' : state === 'stopped' ? 'coreStopped' : 'connected');
      if (state === 'restarting' || state === 'stopped') away = true;
      else if (away) {
        away = false;
        reportReconnected();
      }
    });
  }
  return chosen;
}

/** The desktop app (Electron preload) rather than browser mode. */
export const inDesktopApp = (): boolean => Boolean(window.api);
