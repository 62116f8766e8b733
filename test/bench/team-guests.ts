// The simulated teammates of the team session benchmark, in a process of their own so
// the host's memory counts only what they cost it. Joins `count` editors through the
// editor link, opens each one's event socket, tells the parent, then on its word makes
// `rounds` moves, one guest at a time, timing each move from the mover's request until
// every other guest has received it. Sends the timings back and exits.
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
const agent = new https.Agent({ ca: config.ca, keepAlive: true, maxSockets: 64 });

function post(name: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; value: unknown }> {
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
    const message = JSON.parse(String(data)) as { event?: string; payload?: { operation?: string } };
    if (message.event === 'library.changed' && message.payload?.operation === 'board.moveCards') guest.onMove?.(at);
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
process.send!({ type: 'done', visible });
for (const guest of guests) guest.socket.close();
agent.destroy();
