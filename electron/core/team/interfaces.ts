// The addresses a team session can listen on: one address of one network interface,
// chosen by the host. Never every interface at once (0.0.0.0 or ::): a session opened
// for the meeting-room Wi-Fi must not also answer on a VPN or a cable to another network.
import os from 'node:os';
import type { TeamInterface } from '../../../shared/api/team.js';

export function networkInterfaces(): TeamInterface[] {
  const found: TeamInterface[] = [];
  for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
    for (const entry of addresses ?? []) {
      // Link-local IPv6 needs a zone id in the URL, which browsers do not accept.
      if (entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80:')) continue;
      found.push({ name, ip: entry.address, family: entry.family, loopback: entry.internal });
    }
  }
  // Addresses others can reach first; IPv4 before IPv6 (easier to read out and type).
  return found.sort((a, b) => Number(a.loopback) - Number(b.loopback) || a.family.localeCompare(b.family));
}

/** Whether `address` is one this computer has (so a session listens on a real interface, not all of them). */
export function isOfferedAddress(address: string): boolean {
  return networkInterfaces().some((entry) => entry.ip === address);
}

/** The address as it goes into a URL (IPv6 in brackets). */
export const urlHostOf = (address: string, port: number): string => (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`);
