// A last save as the page goes away (closing the tab, reloading): in browser mode a
// keep-alive request outlives the page; in Electron the window waits for the save.
// Browsers carry at most 64 KiB of keep-alive request bodies at a time per page, and
// refuse a request that would go over; so each document goes as its own request
// while it fits. The caller also keeps every note in this browser (unsentNotes.ts),
// to be saved when the app next starts in case its request was refused or failed.
import type { OperationInput, OperationName } from '../../shared/api/contract';
import { operationHeaders } from './token';
import { inDesktopApp } from './transport';

/** The Fetch standard's limit on the bodies of keep-alive requests in flight from one page. */
export const KEEPALIVE_LIMIT_BYTES = 64 * 1024;

/** How many keep-alive body bytes are in flight, so no request is sent that the browser would refuse. */
export class KeepaliveBudget {
  private inFlight = 0;

  constructor(private readonly limit = KEEPALIVE_LIMIT_BYTES) {}

  /** Reserves room for a body; false when it would take the total over the limit. */
  take(bytes: number): boolean {
    if (this.inFlight + bytes > this.limit) return false;
    this.inFlight += bytes;
    return true;
  }

  release(bytes: number): void {
    this.inFlight = Math.max(0, this.inFlight - bytes);
  }
}

const budget = new KeepaliveBudget();

/** Sends one operation that must outlive the page; true when it went as a keep-alive request. */
export function sendBeforeLeaving<N extends OperationName>(name: N, input: OperationInput<N>): boolean {
  if (inDesktopApp()) return false; // the desktop window flushes before it closes
  const body = JSON.stringify(input);
  const bytes = new TextEncoder().encode(body).byteLength;
  if (!budget.take(bytes)) return false;
  // No cookie carries the token, and sendBeacon cannot set a header: a keep-alive fetch can.
  void fetch(new URL(`api/${encodeURIComponent(name)}`, window.location.href), {
    method: 'POST',
    keepalive: true,
    headers: operationHeaders(),
    body,
  })
    .catch(() => undefined)
    .finally(() => budget.release(bytes));
  return true;
}
