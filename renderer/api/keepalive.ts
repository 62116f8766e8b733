// A last save as the page goes away (closing the tab, reloading): in browser mode a
// keep-alive request outlives the page; in Electron the window waits for the save.
import type { OperationInput, OperationName } from '../../shared/api/contract';

export function sendBeforeLeaving<N extends OperationName>(name: N, input: OperationInput<N>): void {
  if (window.api) return; // the desktop window flushes before it closes
  const token = sessionStorage.getItem('fieldwork.token') ?? '';
  void fetch(new URL(`api/${encodeURIComponent(name)}`, window.location.href), {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json', 'x-fieldwork-token': token },
    body: JSON.stringify(input),
  }).catch(() => undefined);
}
