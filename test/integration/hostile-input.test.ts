// Hostile input to every operation of the contract (whatever operations it has when
// the test runs), through the desktop app's IPC path and through browser mode: random
// values, inputs shaped like the schema with hostile strings and real ids, pollution
// keys at every level, huge strings and deep nesting. Every answer must be a typed
// result, a failed call must write nothing, no prototype may change, and the process
// and server must keep answering. The benchmark runs the same with 10,000+ inputs.
// Also the bug class the fuzzing found: user-named keys that are Object's own names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, operations } from '../../shared/api/contract.js';
import { call } from '../helpers/call.js';
import { fuzzContract } from '../helpers/fuzz/contract-fuzz.js';
import { hugeString, ownObject, pollutedObject, randomValue, wrongType } from '../helpers/fuzz/hostile-values.js';
import { httpTransport, ipcTransport } from '../helpers/fuzz/transports.js';
import { installWriteCounter } from '../helpers/fuzz/write-counter.js';
import { startTestServer } from '../helpers/server.js';

const SEED = 20_261_108;

describe('hostile input to every operation', () => {
  it('answers the IPC path with typed results only: no crash, no partial write, no pollution', async () => {
    const { library } = await startTestServer({ seedSample: true });
    const report = await fuzzContract({ library, transport: ipcTransport(library), runsPerOperation: 20, seed: SEED });
    expect(report.failures).toEqual([]);
    expect(report.operations).toBe(OPERATION_NAMES.length);
    // The inputs reached the handlers, not only the schemas: some succeeded, some found nothing.
    expect(report.outcomes.ok).toBeGreaterThan(OPERATION_NAMES.length);
    expect(report.outcomes.not_found).toBeGreaterThan(0);
  }, 120_000);

  it('treats segment attributes named constructor, toString or __proto__ as plain names everywhere they are read', async () => {
    const { library } = await startTestServer({ seedSample: true });
    const [study] = await call(library, 'study.list', {});
    const [first] = await call(library, 'participant.list', { studyId: study!.id });
    // Only one participant has them: for the others, the lookup must find nothing, not Object's methods.
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
    const attributes = ownObject(names.map((name) => [name, `${name} value`]));
    await call(library, 'participant.update', { id: first!.id, fields: { attributes: { psychographic: attributes as Record<string, string> } } });
    for (const attribute of names.filter((name) => name !== '__proto__')) {
      const coverage = await call(library, 'study.coverage', { studyId: study!.id, dimension: 'psychographic', attribute });
      expect(coverage.values, attribute).toEqual([`${attribute} value`, '']);
      const dashboard = await call(library, 'analysis.dashboard', { studyId: study!.id, segment: { dimension: 'psychographic', attribute } });
      expect(dashboard.segments.values.map((v) => v.value), attribute).toEqual([`${attribute} value`, '']);
      const segment = { attributes: [{ dimension: 'psychographic' as const, name: attribute, values: [`${attribute} value`] }] };
      const persona = await call(library, 'persona.create', { studyId: study!.id, name: attribute, members: { kind: 'segment', segment } });
      expect(persona.participants.map((p) => p.id), attribute).toEqual([first!.id]);
    }
  });

  it('answers browser mode with typed results only, and the server keeps answering', async () => {
    const { library, server } = await startTestServer({ seedSample: true });
    const report = await fuzzContract({ library, transport: httpTransport(server), runsPerOperation: 8, seed: SEED + 1 });
    expect(report.failures).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(8 * (OPERATION_NAMES.length + 1));
    const info = await fetch(`${server.origin}/api/app.info`, { method: 'POST', headers: { 'x-fieldwork-token': server.token }, body: '{}' });
    expect(info.status).toBe(200);
  }, 120_000);

  it('writes nothing for junk its schema refuses, sent to every operation through browser mode', async () => {
    const { library, server } = await startTestServer({ seedSample: true });
    const http = httpTransport(server);
    const writes = installWriteCounter(library.context.db);
    // What the server will parse: JSON drops undefined, functions and the like.
    const refusedBySchema = (name: (typeof OPERATION_NAMES)[number]) => (input: unknown) => {
      const json = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
      return !operations[name].input.safeParse(JSON.parse(json)).success;
    };
    // Every operation meets a huge string, `__proto__` payloads and huge strings under its own field names.
    const huge = 'x'.repeat(2_000_000);
    const fixed = [
      huge,
      JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
      ownObject([['__proto__', { polluted: true }], ['constructor', { prototype: { polluted: true } }]]),
      ownObject([['id', huge], ['studyId', huge], ['name', huge]]),
    ];
    let sent = 0;
    for (const name of OPERATION_NAMES) {
      const before = writes.read();
      const junk = fc.oneof(randomValue, pollutedObject, hugeString, wrongType, fc.constantFrom(...fixed)).filter(refusedBySchema(name));
      await fc.assert(
        fc.asyncProperty(junk, async (input) => {
          const answer = await http.call(name, input);
          sent++;
          expect(answer.body, name).toMatchObject({ ok: false });
          expect([400, 413], name).toContain(answer.status);
        }),
        { numRuns: 6, seed: SEED + 2, examples: fixed.filter(refusedBySchema(name)).map((input) => [input]) },
      );
      expect(writes.read(), name).toBe(before);
      expect(({} as Record<string, unknown>).polluted, name).toBeUndefined();
    }
    expect(sent).toBeGreaterThanOrEqual(OPERATION_NAMES.length * 6);
  }, 180_000);
});
