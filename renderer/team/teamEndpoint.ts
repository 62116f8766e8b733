// How a teammate's page reaches the host: the team session's own listener, with the
// person's credential in a header and as the event socket's first message. The host
// going away is "host unavailable" (the page keeps trying as long as it is open);
// being removed or the team session ending are final; a changed role means "listen
// again, and ask who you are now".
import { SOCKET_CLOSE } from '../../shared/api/browser-mode';
import { TEAM_CREDENTIAL_HEADER } from '../../shared/api/team';
import type { HttpEndpoint } from '../api/http-transport';
import { joinedAs } from './teamLink';

const roleListeners = new Set<() => void>();

/** Told when the host changed this person's role. */
export function onRoleChanged(listener: () => void): () => void {
  roleListeners.add(listener);
  return () => roleListeners.delete(listener);
}

export const TEAM_SESSION: HttpEndpoint = {
  apiPath: 'team/api/',
  eventsPath: 'team/events',
  headers: () => ({ 'content-type': 'application/json', [TEAM_CREDENTIAL_HEADER]: joinedAs()?.credential ?? '' }),
  socketToken: () => joinedAs()?.credential ?? '',
  refused: 'removed',
  unreachable: 'hostUnavailable',
  retryForever: true,
  heartbeat: true,
  closeCodes: { [SOCKET_CLOSE.removed]: 'removed', [SOCKET_CLOSE.teamEnded]: 'teamEnded', [SOCKET_CLOSE.roleChanged]: 'again' },
  onAgain: () => {
    for (const listener of roleListeners) listener();
  },
};
