// Document export benchmarks on the sample study, end to end through the contract
// (read the persona or map, lay out the HTML, print it with Chromium):
//   export.persona_pdf_ms: the sample persona as PDF;
//   export.journey_pdf_ms: the sample journey map as PDF (landscape).
// Median of several runs after one warm-up; the target is at most 3,000 ms each.
import type { Library } from '../../electron/core/library.js';
import type { OperationInput } from '../../shared/api/contract.js';
import { call } from '../helpers/call.js';
import { percentile, round, type BenchResult } from './results.js';

const RUNS = 5;

async function timePdf(library: Library, name: 'persona.export' | 'journey.export', input: OperationInput<'persona.export'> | OperationInput<'journey.export'>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now();
    const result = await library.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    if (i > 0) times.push(performance.now() - start); // the first run warms up
  }
  return percentile(times, 50);
}

export async function benchExports(library: Library): Promise<BenchResult[]> {
  const sample = (await call(library, 'study.list', {})).find((s) => s.isSample);
  if (!sample) throw new Error('The export benchmark needs the sample study.');
  const [persona] = await call(library, 'persona.list', { studyId: sample.id });
  const map = await call(library, 'journey.get', { studyId: sample.id });
  return [
    { name: 'export.persona_pdf_ms', value: round(await timePdf(library, 'persona.export', { personaId: persona!.id, format: 'pdf' }), 1), unit: 'ms' },
    { name: 'export.journey_pdf_ms', value: round(await timePdf(library, 'journey.export', { mapId: map.id, format: 'pdf' }), 1), unit: 'ms' },
  ];
}
