// The simulated teammates of the team session benchmark, in a process of their own so
// the host's memory counts only what they cost it. Joins `count` editors through the
// editor link, opens each one's event socket, tells the parent, then on its word makes
// `rounds` moves, one guest at a time, timing each move from the mover's request until
// every other guest has received it; then every guest moves its pointer ten times a
// second for a few seconds, timing each position until each other guest has it.
// Sends the timings back and exits.
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

interface Config {
  origin: string;
  invitation: string;
  ca: string;
  count: number;
  rounds: number;
  studyId: string;
  cards: string[];
  stageIds: string[];
}

const config = JSON.parse(process.argv[2]!) as Config;
/** Each guest its own connections, as each browser has: the host's request budget is per connection. */
const agents = new Map<string, https.Agent>();
const agentOf = (credential: string | undefined): https.Agent => {
  const key = credential ?? '';
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = new https.Agent({ ca: config.ca, keepAlive: true, maxSockets: 4 })));
  return agent;
};

function post(name: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; value: unknown }> {
  const agent = agentOf(headers['x-fieldwork-team']);
  return new Promise((resolve, reject) => {
    const request = https.request(`${config.origin}/team/api/${name}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value?: unknown; error?: unknown };
        if (!parsed.ok) reject(new Error(`${name}: ${JSON.stringify(parsed.error)}`));
        else resolve({ status: res.statusCode ?? 0, value: parsed.value });
      });
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

interface Guest {
  credential: string;
  socket: WebSocket;
  /** Called with the arrival time of each board move this guest hears of. */
  onMove: ((at: number) => void) | null;
}

/** When each guest sent each pointer position: its client, then the position's number. */
const pointerSent = new Map<string, Map<number, number>>();
const pointerVisible: number[] = [];
const POSITIONS = 1000;

async function joinOne(i: number): Promise<Guest> {
  const joined = (await post('team.join', { invitation: config.invitation, name: `Guest ${i + 1}` })).value as { credential: string };
  const socket = new WebSocket(`${config.origin.replace('https', 'wss')}/team/events`, { ca: config.ca, origin: config.origin });
  const guest: Guest = { credential: joined.credential, socket, onMove: null };
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ token: joined.credential })));
    socket.once('message', () => resolve());
    socket.once('error', reject);
  });
  socket.on('message', (data) => {
    const at = performance.now();
    const message = JSON.parse(String(data)) as { event?: string; payload?: { operation?: string; client?: string; cursor?: { x: number } | null } };
    if (message.event === 'library.changed' && message.payload?.operation === 'board.moveCards') guest.onMove?.(at);
    if (message.event === 'board.presence' && message.payload?.cursor) {
      // The position's number travels as its x fraction.
      const sentAt = pointerSent.get(message.payload.client ?? '')?.get(Math.round(message.payload.cursor.x * POSITIONS));
      if (sentAt !== undefined) pointerVisible.push(at - sentAt);
    }
  });
  return guest;
}

const guests: Guest[] = [];
for (let i = 0; i < config.count; i++) guests.push(await joinOne(i));
process.send!({ type: 'joined' });

await new Promise<void>((resolve) => process.once('message', () => resolve()));
const visible: number[] = [];
for (let round = 0; round < config.rounds; round++) {
  const mover = guests[round % guests.length]!;
  const others = guests.filter((g) => g !== mover);
  let heard = 0;
  const start = performance.now();
  const allHeard = new Promise<void>((resolve) => {
    for (const guest of others) {
      guest.onMove = (at) => {
        guest.onMove = null;
        visible.push(at - start);
        if (++heard === others.length) resolve();
      };
    }
  });
  const card = config.cards[round % config.cards.length]!;
  const stageId = config.stageIds[round % config.stageIds.length]!;
  await post('board.moveCards', { studyId: config.studyId, findingIds: [card], stageId, groupId: null, beforeId: null }, { 'x-fieldwork-team': mover.credential });
  await allHeard;
}

// Pointers: every guest at 10 Hz for three seconds, over the first card.
const seconds = 3;
await Promise.all(
  guests.map(async (guest, i) => {
    const client = `bench-pointer-${i}`;
    const sent = new Map<number, number>();
    pointerSent.set(client, sent);
    await new Promise((resolve) => setTimeout(resolve, (i * 100) / guests.length));
    for (let n = 1; n <= seconds * 10; n++) {
      const started = performance.now();
      sent.set(n, started);
      await post('board.presence', { studyId: config.studyId, client, cursor: { kind: 'card', id: config.cards[0], x: n / POSITIONS, y: 0.5 }, selection: [], dragging: [] }, { 'x-fieldwork-team': guest.credential });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (performance.now() - started))));
    }
  }),
);
await new Promise((resolve) => setTimeout(resolve, 300));
process.send!({ type: 'done', visible, pointers: pointerVisible });
for (const guest of guests) guest.socket.close();
for (const agent of agents.values()) agent.destroy();
