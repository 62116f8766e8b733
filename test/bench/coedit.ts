// Two note-takers typing one paragraph at once, over browser mode on loopback, each a
// headless Lexical editor bound to its note document as the window's editor is:
// - notes.coedit_lost_chars: 300 characters typed by each (one in Chinese, one in
//   English, a key every 20 ms each, faster than anyone types) missing from the stored
//   note, or out of their writer's order, once both have finished;
// - notes.coedit_visible_p95_ms: from a key pressed in one editor until the other
//   editor shows the character (p95).
import WebSocket from 'ws';
import type { RunningServer } from '../../electron/core/bridge/server.js';
import type { Library } from '../../electron/core/library.js';
import type { EventName, EventPayload } from '../../shared/api/contract.js';
import { noteParagraphs } from '../../shared/notes.js';
import type { NoteSyncTransport } from '../../renderer/features/interviews/collab/noteSyncClient.js';
import { NoteTypist } from '../helpers/note-typist.js';
import { percentile, round, type BenchResult } from './results.js';

const CHARS = 300;
const KEY_EVERY_MS = 20;
const CJK = /[\u4e00-\u9fff]/;
const CHINESE = '等了三天才拿到报价销售一直说今天必须定下来不然优惠就没有了我回家查了一下别家的价格'.repeat(10).slice(0, CHARS);
const ENGLISH = 'thedealernevercalledbacksoiwenttoanotherone'.repeat(10).slice(0, CHARS);

async function call(server: RunningServer, name: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${server.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldwork-token': server.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
}

/** A browser-mode client's note link: requests over HTTP, pushed updates over its event socket. */
async function httpNoteTransport(server: RunningServer): Promise<{ transport: NoteSyncTransport; close: () => void }> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/events`, { origin: server.origin });
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ token: server.token })));
    socket.once('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { ready?: boolean; event?: string; payload?: unknown };
      if (message.ready) resolve();
      else if (message.event) for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    });
  });
  const on = <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) => {
    const set = listeners.get(name) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(name, set);
    return () => set.delete(listener as (payload: unknown) => void);
  };
  const transport: NoteSyncTransport = {
    sync: (request) => call(server, 'note.sync', request) as ReturnType<NoteSyncTransport['sync']>,
    open: (request) => call(server, 'note.open', request) as ReturnType<NoteSyncTransport['open']>,
    presence: (presence) => call(server, 'note.presence', presence),
    onUpdate: (listener) => on('note.updated', listener),
    onPresence: (listener) => on('note.presence', listener),
    onReconnect: () => () => undefined,
  };
  return { transport, close: () => socket.close() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (text: string, chinese: boolean) => [...text].filter((ch) => CJK.test(ch) === chinese && /\S/.test(ch)).join('');

export async function benchCoediting(server: RunningServer, library: Library): Promise<BenchResult[]> {
  const study = (await library.dispatch('study.create', { name: 'Co-editing bench' })) as { ok: true; value: { id: string } };
  const participant = (await library.dispatch('participant.create', { studyId: study.value.id, fields: { code: 'P01' } })) as { ok: true; value: { id: string } };
  const session = (await library.dispatch('session.create', { studyId: study.value.id, participantId: participant.value.id, guideVersionId: null, interviewer: 'Bench' })) as {
    ok: true;
    value: { id: string };
  };
  await library.dispatch('session.start', { id: session.value.id });
  const note = { sessionId: session.value.id, questionId: null };
  const links = await Promise.all([httpNoteTransport(server), httpNoteTransport(server)]);
  const [chineseTypist, englishTypist] = links.map((link) => new NoteTypist(note, link.transport));
  try {
    await Promise.all([chineseTypist!.start(), englishTypist!.start()]);
    // When each character was typed, and when the other editor first showed it.
    const typedChinese: number[] = [];
    const typedEnglish: number[] = [];
    const latencies: number[] = [];
    const watch = (typist: NoteTypist, chinese: boolean) => {
      let shown = 0;
      typist.editor.registerUpdateListener(() => {
        const now = performance.now();
        const visible = count(typist.text(), chinese).length;
        const sent = chinese ? typedChinese : typedEnglish;
        for (; shown < visible && shown < sent.length; shown += 1) latencies.push(now - sent[shown]!);
      });
    };
    watch(englishTypist!, true);
    watch(chineseTypist!, false);
    const type = async (typist: NoteTypist, text: string, times: number[]) => {
      for (const ch of text) {
        times.push(performance.now());
        typist.type(ch);
        await sleep(KEY_EVERY_MS);
      }
    };
    await Promise.all([type(chineseTypist!, CHINESE, typedChinese), type(englishTypist!, ENGLISH, typedEnglish)]);
    await Promise.all([chineseTypist!.client.flush(), englishTypist!.client.flush()]);
    for (let waited = 0; chineseTypist!.text() !== englishTypist!.text() && waited < 5000; waited += 10) await sleep(10);

    const stored = (await call(server, 'session.get', { id: session.value.id })) as { notes: Array<{ questionId: string | null; content: unknown }> };
    const text = noteParagraphs(stored.notes.find((n) => n.questionId === null)?.content).map((p) => p.text).join('\n');
    const lostChinese = CHARS - commonPrefix(count(text, true), CHINESE);
    const lostEnglish = CHARS - commonPrefix(count(text, false), ENGLISH);
    return [
      // Missing or out of order, plus any typed twice.
      { name: 'notes.coedit_lost_chars', value: lostChinese + lostEnglish + Math.abs(count(text, true).length + count(text, false).length - 2 * CHARS), unit: 'chars' },
      { name: 'notes.coedit_visible_p95_ms', value: round(percentile(latencies, 95)), unit: 'ms' },
    ];
  } finally {
    for (const link of links) link.close();
    await Promise.all([chineseTypist!.client.stop(), englishTypist!.client.stop()]);
  }
}

/** How many characters of `expected` `actual` starts with: a character missing or out of order ends the count. */
function commonPrefix(actual: string, expected: string): number {
  const a = [...actual];
  const e = [...expected];
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i += 1;
  return i;
}
