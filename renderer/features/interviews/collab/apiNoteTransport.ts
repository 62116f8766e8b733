// The note-sync link over the app's own transport (IPC in the desktop app, HTTP and
// WebSocket in browser mode): no second server. A note's updates carry no mutation
// id: applying one twice changes nothing, and their answers are not worth keeping.
import { ApiCallError } from '../../../../shared/api/result';
import { actorId } from '../../../api/callerIds';
import { subscribeReconnected } from '../../../api/connection';
import { api } from '../../../api/transport';
import type { NoteSyncTransport } from './noteSyncClient';

export function apiNoteTransport(): NoteSyncTransport {
  return {
    async sync(request) {
      const result = await api().invoke('note.sync', request, { actor: actorId() });
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    async open(request) {
      const result = await api().invoke('note.open', request);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    async presence(presence) {
      const result = await api().invoke('note.presence', presence, { actor: actorId() });
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    onUpdate: (listener) => api().on('note.updated', listener),
    onPresence: (listener) => api().on('note.presence', listener),
    onReconnect: (listener) => subscribeReconnected(listener),
  };
}
