// Ten clients on one library over browser mode, as ten windows would be: each keeps a
// cache of what its screens show and refreshes exactly what each pushed change makes
// stale (the renderer's own rule, renderer/api/staleQueries.ts), while all of them
// write at once. Afterwards every client's cache equals a fresh read (no stale screen),
// and no acknowledged toggle was lost.
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { Change } from '../../shared/api/changes.js';
import { isStale } from '../../renderer/api/staleQueries.js';
import type { RunningServer } from '../../electron/core/bridge/server.js';
import { call } from '../helpers/call.js';
import { openEventSocket, post, startTestServer } from '../helpers/server.js';

type Query = [name: string, input: Record<string, unknown>];

/** A window's cache: refetches a stale query, again if it went stale while in flight. */
class Client {
  readonly cache = new Map<string, unknown>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  heard = 0;
  // A browser opens at most six connections to one host; the server caps connections too.
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  private async request(name: string, input: unknown, headers: Record<string, string>) {
    while (this.active >= 2) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await post(this.server, name, input, headers);
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  constructor(
    private readonly server: RunningServer,
    readonly actor: string,
    private readonly queries: Query[],
  ) {}

  async load(): Promise<void> {
    await Promise.all(this.queries.map((q) => this.fetch(q)));
  }

  private fetch(query: Query): Promise<void> {
    const key = JSON.stringify(query);
    if (this.inFlight.has(key)) {
      this.again.add(key);
      return this.inFlight.get(key)!;
    }
    const run = (async () => {
      do {
        this.again.delete(key);
        const answer = await this.request(query[0], query[1], { 'x-fieldwork-actor': this.actor });
        if (!answer.body.ok) throw new Error(`${query[0]}: ${JSON.stringify(answer.body.error)}`);
        this.cache.set(key, answer.body.value);
      } while (this.again.has(key));
      this.inFlight.delete(key);
    })();
    this.inFlight.set(key, run);
    return run;
  }

  hear(change: Change): void {
    this.heard = Math.max(this.heard, change.revision);
    for (const query of this.queries) {
      if (isStale(change, query[0], query[1], this.cache.get(JSON.stringify(query)))) void this.fetch(query);
    }
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight.values()]);
  }

  write(name: string, input: unknown, mutationId: string) {
    return this.request(name, input, { 'x-fieldwork-actor': this.actor, 'x-fieldwork-mutation': mutationId });
  }
}

describe('ten clients writing at once', () => {
  it('leaves every client showing what a fresh read shows, and loses no acknowledged toggle', async () => {
    const { server, library } = await startTestServer({ seedSample: true });
    const [study] = await call(library, 'study.list', {});
    const studyId = study!.id;
    const board = await call(library, 'board.get', { studyId });
    const { stages } = await call(library, 'study.overview', { id: studyId });
    const personas = await call(library, 'persona.list', { studyId });
    const map = await call(library, 'journey.get', { studyId });
    const tags = await call(library, 'tag.list', { studyId });
    const sessions = await call(library, 'session.list', { studyId });
    const queries: Query[] = [
      ['study.list', {}],
      ['study.overview', { id: studyId }],
      ['board.get', { studyId }],
      ['persona.list', { studyId }],
      ['persona.get', { id: personas[0]!.id }],
      ['journey.get', { studyId }],
      ['tag.list', { studyId }],
      ['participant.list', { studyId }],
      ['session.list', { studyId }],
      // An interview's findings show their stage, which a move on the board changes.
      ['session.get', { id: sessions.find((x) => x.findingCount > 0)!.id }],
    ];
    const sockets: WebSocket[] = [];
    const clients: Client[] = [];
    for (let i = 0; i < 10; i++) {
      const client = new Client(server, `client-${String(i).padStart(4, '0')}`, queries);
      await client.load();
      const socket = await openEventSocket(server);
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { event: string; payload: Change };
        if (message.event === 'library.changed') client.hear(message.payload);
      });
      sockets.push(socket);
      clients.push(client);
    }

    const toggled = new Set<string>();
    let failures = 0;
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < 12; i++) {
          const id = `m-${c}-${i}-${'x'.repeat(4)}`;
          const card = board.cards[(c * 12 + i) % board.cards.length]!;
          const group = board.groups[(c + i) % board.groups.length]!;
          const edits: Array<[string, unknown, (() => void)?]> = [
            ['board.updateGroup', { id: group.id, fields: { name: `组 ${c}-${i}` } }],
            ['board.moveCards', { studyId, findingIds: [card.id], stageId: stages[(c + i) % stages.length]!.id, groupId: null, beforeId: null }],
            ['finding.update', { id: card.id, fields: { addTags: [tags[(c + i) % tags.length]!.id] } }, () => toggled.add(`${card.id}|${tags[(c + i) % tags.length]!.id}`)],
            ['participant.create', { studyId, fields: { code: `C${c}-${i}` } }],
            ['tag.create', { studyId, fields: { name: `标签 ${c}-${i}` } }],
            ['persona.update', { id: personas[(c + i) % personas.length]!.id, fields: { occupation: `Job ${c}-${i}` } }],
            ['journey.addItem', { mapId: map.id, stageId: map.stages[i % map.stages.length]!.id, lane: 'thinking', text: `想法 ${c}-${i}` }],
            ['study.rename', { id: studyId, name: `新车购买旅程 ${c}-${i}` }],
          ];
          const [name, input, acknowledged] = edits[(c + i) % edits.length]!;
          const answer = await client.write(name, input, id);
          if (answer.body.ok) acknowledged?.();
          else failures += 1;
        }
      }),
    );
    expect(failures).toBe(0);
    // Last, only moves: what shows a card's place must hear of them without any other edit after.
    const interview = await call(library, 'session.get', { id: sessions.find((x) => x.findingCount > 0)!.id });
    await Promise.all(
      clients.map(async (client, c) => {
        const finding = interview.findings[c % interview.findings.length]!;
        const answer = await client.write('board.moveCards', { studyId, findingIds: [finding.id], stageId: stages[(c + 1) % stages.length]!.id, groupId: null, beforeId: null }, `last-move-${c}-xxxx`);
        expect(answer.body.ok).toBe(true);
      }),
    );

    const latest = library.context.changes.revision();
    await expect.poll(() => clients.every((c) => c.heard === latest)).toBe(true);
    await Promise.all(clients.map((c) => c.settled()));
    for (const client of clients) {
      for (const query of queries) {
        // Read as that client (the board's undo state is the client's own).
        const fresh = (await post(server, query[0], query[1], { 'x-fieldwork-actor': client.actor })).body.value;
        expect(client.cache.get(JSON.stringify(query)), `${client.actor} ${query[0]}`).toEqual(fresh);
      }
    }

    const present = new Set((library.context.db.prepare("SELECT finding_id || '|' || tag_id FROM finding_tag").pluck().all() as string[]));
    expect([...toggled].filter((key) => !present.has(key))).toEqual([]);
    for (const socket of sockets) socket.close();
  });
});
