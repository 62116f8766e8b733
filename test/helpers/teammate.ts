// A teammate in a live team session, as their browser page talks to the host: calls
// to the guest listener with their credential, and its event socket. Plain HTTP
// (a "trusted network" team session) unless a certificate is given to trust.
import https from 'node:https';
import WebSocket from 'ws';
import type { TeamJoined, TeamStatus } from '../../shared/api/team.js';
import type { TeamRole } from '../../shared/api/team-roles.js';

export interface GuestAnswer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string; reason?: string } };
}

/** The origin and invitation token of a role's link. */
export function invitationOf(status: TeamStatus, role: TeamRole): { origin: string; invitation: string } {
  const link = status.links.find((l) => l.role === role)!;
  const url = new URL(link.url);
  const invitation = new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1)).get('invitation')!;
  return { origin: url.origin, invitation };
}

/** POSTs an operation to the guest listener, as a page would. */
export async function guestCall(origin: string, name: string, input: unknown, headers: Record<string, string> = {}): Promise<GuestAnswer> {
  const response = await fetch(`${origin}/team/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as GuestAnswer['body'] };
}

export interface Teammate extends TeamJoined {
  origin: string;
  call(name: string, input: unknown, headers?: Record<string, string>): Promise<GuestAnswer>;
}

/** Joins through a role's link with a display name. */
export async function join(status: TeamStatus, role: TeamRole, name: string): Promise<Teammate> {
  const { origin, invitation } = invitationOf(status, role);
  const answer = await guestCall(origin, 'team.join', { invitation, name });
  if (!answer.body.ok) throw new Error(`join failed: ${JSON.stringify(answer.body)}`);
  const joined = answer.body.value as TeamJoined;
  return {
    ...joined,
    origin,
    call: (op, input, headers = {}) => guestCall(origin, op, input, { 'x-fieldwork-team': joined.credential, ...headers }),
  };
}

export interface GuestSocket {
  socket: WebSocket;
  revision: number;
  /** Every event received so far. */
  events: Array<{ event: string; payload: { revision?: number; operation?: string; mutationId?: string | null; studies?: Array<{ studyId: string | null }> } }>;
  closed: Promise<number>;
}

/** A teammate's event socket, listening once the host said it is ready. */
export async function openGuestSocket(origin: string, credential: string, options: WebSocket.ClientOptions = {}): Promise<GuestSocket> {
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/team/events`, { origin, ...options });
  const events: GuestSocket['events'] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('error', () => undefined);
  const revision = await new Promise<number>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ token: credential })));
    socket.once('message', (data) => {
      const hello = JSON.parse(String(data)) as { ready?: boolean; revision?: number };
      if (!hello.ready) return reject(new Error(String(data)));
      socket.on('message', (more) => events.push(JSON.parse(String(more)) as GuestSocket['events'][number]));
      resolve(hello.revision ?? 0);
    });
    void closed.then((code) => reject(new Error(`closed with ${code}`)));
  });
  return { socket, revision, events, closed };
}

/** GET over HTTPS trusting only `certificate`, for the team session's own listener. */
export function httpsGet(url: string, certificate: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca: certificate }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    request.on('error', reject);
  });
}
