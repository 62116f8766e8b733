// Hostile input to every operation of the contract (whatever operations it has when
// the test runs), through the desktop app's IPC path and through browser mode: random
// values, inputs shaped like the schema with hostile strings and real ids, pollution
// keys at every level, huge strings and deep nesting. Every answer must be a typed
// result, a failed call must write nothing, no prototype may change, and the process
// and server must keep answering. The benchmark runs the same with 10,000+ inputs.
// Also the bug class the fuzzing found: user-named keys that are Object's own names.
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../shared/api/contract.js';
import { call } from '../helpers/call.js';
import { fuzzContract } from '../helpers/fuzz/contract-fuzz.js';
import { ownObject } from '../helpers/fuzz/hostile-values.js';
import { httpTransport, ipcTransport } from '../helpers/fuzz/transports.js';
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
});
