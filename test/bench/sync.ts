// Many clients on one library, over browser mode on loopback:
// - sync.change_visible_p95_ms: a change made by one of 10 clients, from the moment its
//   request leaves until the other 9 hear of it on their event sockets (p95);
// - sync.lost_updates: 10 clients sending 2,000 edits of the same findings at once (tag
//   and TERMS toggles, as the app sends them: intents); acknowledged edits missing at the end.
import WebSocket from 'ws';
import type { RunningServer } from '../../electron/core/bridge/server.js';
import type { Library } from '../../electron/core/library.js';
import { percentile, round, type BenchResult } from './results.js';

const CLIENTS = 10;

interface Client {
  actor: string;
  socket: WebSocket;
  /** When this client heard of each mutation id. */
  heard: Map<string, number>;
}

async function connect(server: RunningServer, index: number): Promise<Client> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/events`, { origin: server.origin });
  const heard = new Map<string, number>();
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ token: server.token })));
    socket.once('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { ready?: boolean; event?: string; payload?: { mutationId?: string | null } };
      if (message.ready) resolve();
      else if (message.payload?.mutationId) heard.set(message.payload.mutationId, performance.now());
    });
  });
  return { actor: `bench-client-${String(index).padStart(2, '0')}`, socket, heard };
}

let sequence = 0;
async function send(server: RunningServer, client: Client, name: string, input: unknown): Promise<{ mutationId: string; ok: boolean; value: unknown }> {
  const mutationId = `bench-${Date.now().toString(36)}-${(sequence += 1)}`;
  const response = await fetch(`${server.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldwork-token': server.token, 'x-fieldwork-mutation': mutationId, 'x-fieldwork-actor': client.actor },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown };
  return { mutationId, ok: body.ok, value: body.value };
}

async function value<T>(library: Library, name: Parameters<Library['dispatch']>[0], input: unknown): Promise<T> {
  const result = await library.dispatch(name, input);
  if (!result.ok) throw new Error(`${String(name)}: ${result.error.message}`);
  return result.value as T;
}

export async function benchSync(server: RunningServer, library: Library): Promise<BenchResult[]> {
  const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connect(server, i)));
  try {
    const study = await value<{ id: string }>(library, 'study.create', { name: 'Sync bench' });
    const participant = await value<{ id: string }>(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    const session = await value<{ id: string }>(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: null, interviewer: 'Bench' });

    // Visibility: one writer at a time, round robin, timed until all the others heard it.
    const latencies: number[] = [];
    for (let round_ = 0; round_ < 300; round_++) {
      const writer = clients[round_ % CLIENTS]!;
      const start = performance.now();
      const { mutationId } = await send(server, writer, 'study.rename', { id: study.id, name: `Sync bench ${round_}` });
      const others = clients.filter((c) => c !== writer);
      while (others.some((c) => !c.heard.has(mutationId))) await new Promise((resolve) => setImmediate(resolve));
      if (round_ >= 20) for (const other of others) latencies.push(other.heard.get(mutationId)! - start);
    }

    // Lost updates: every client toggles its own tags and TERMS on the same five findings, all at once.
    const findings: string[] = [];
    for (let i = 0; i < 5; i++) {
      const finding = await value<{ id: string }>(library, 'finding.create', { sessionId: session.id, questionId: null, paragraphKey: null, text: `Shared finding ${i}`, type: 'pain_point' });
      findings.push(finding.id);
    }
    const tags: string[] = [];
    for (let i = 0; i < 200; i++) tags.push((await value<{ id: string }>(library, 'tag.create', { studyId: study.id, fields: { name: `Bench tag ${i}` } })).id);
    const expected = new Set<string>();
    let acknowledged = 0;
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < 200; i++) {
          const finding = findings[(c + i) % findings.length]!;
          const tag = tags[(c * 20 + i) % tags.length]!;
          const result = await send(server, client, 'finding.update', { id: finding, fields: { addTags: [tag] } });
          if (result.ok) {
            acknowledged += 1;
            expected.add(`${finding}|${tag}`);
          }
        }
      }),
    );
    const present = new Set(
      (library.context.db.prepare(`SELECT finding_id || '|' || tag_id FROM finding_tag WHERE finding_id IN (${findings.map(() => '?').join(',')})`).pluck().all(...findings) as string[]),
    );
    const lost = [...expected].filter((key) => !present.has(key)).length;
    if (acknowledged < 2000) throw new Error(`only ${acknowledged} of 2000 edits were acknowledged`);

    return [
      { name: 'sync.change_visible_p95_ms', value: round(percentile(latencies, 95)), unit: 'ms' },
      { name: 'sync.lost_updates', value: lost, unit: 'edits' },
    ];
  } finally {
    for (const client of clients) client.socket.close();
  }
}
