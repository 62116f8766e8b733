// Where browser mode listens, and which Host names it then answers to. Loopback only
// unless the caller asks for another address on purpose: anything else makes the
// library reachable from the network (by whoever has the token). The Host allowlist
// is what stops DNS rebinding: a page on evil.example that resolves its own name to
// this machine still sends `Host: evil.example`, and is refused.
import os from 'node:os';

export const LOOPBACK = '127.0.0.1';

/** 127.0.0.0/8, ::1 and the name localhost. */
export function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  return a === 'localhost' || a === '::1' || a === '[::1]' || /^127(\.\d{1,3}){3}$/.test(a);
}

const isWildcard = (address: string) => address === '0.0.0.0' || address === '::' || address === '[::]';

/** `host:port` as it appears in a Host header (IPv6 literals in brackets). */
export const hostPort = (address: string, port: number): string => (address.includes(':') && !address.startsWith('[') ? `[${address}]:${port}` : `${address}:${port}`);

export class RemoteBindRefused extends Error {
  constructor(address: string) {
    super(
      `Refusing to listen on ${address}: browser mode serves your library to this computer only. ` +
        'To make it reachable from the network on purpose, pass --allow-remote as well.',
    );
    this.name = 'RemoteBindRefused';
  }
}

/** Throws unless `address` is loopback or a remote bind was explicitly allowed. */
export function checkBindAddress(address: string, allowRemote: boolean): void {
  if (!isLoopback(address) && !allowRemote) throw new RemoteBindRefused(address);
}

/** The addresses a server bound to `address` can be reached at, for its Host and Origin allowlists. */
export function reachableHosts(address: string, port: number): string[] {
  const names = new Set([LOOPBACK, 'localhost', '::1']);
  if (isWildcard(address)) {
    for (const list of Object.values(os.networkInterfaces())) for (const item of list ?? []) names.add(item.address);
    names.add(os.hostname());
  } else {
    names.add(address);
  }
  return [...names].map((name) => hostPort(name.toLowerCase(), port));
}

/** The host to put in the printed url: loopback when bound to it or to every address. */
export const urlHost = (address: string): string => (isLoopback(address) || isWildcard(address) ? LOOPBACK : address);
