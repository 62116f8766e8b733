// safety.*: crash and fault figures. Two hundred writer processes killed with SIGKILL
// at random moments (acknowledged writes lost and integrity failures after reopening:
// both must be 0), and 10,000+ hostile inputs spread over every operation in the
// contract, half through the IPC path and half through browser mode (failures: must
// be 0). The two run side by side: the kills wait on child processes, the fuzzing
// works in this one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OPERATION_NAMES } from '../../shared/api/contract.js';
import { startServer } from '../../electron/core/bridge/server.js';
import { openLibrary } from '../../electron/core/library.js';
import { fuzzContract, type FuzzReport } from '../helpers/fuzz/contract-fuzz.js';
import { httpTransport, ipcTransport } from '../helpers/fuzz/transports.js';
import { runKillCycles } from '../helpers/kill-cycles.js';
import type { BenchResult } from './results.js';

const KILL_CYCLES = 200;
const FUZZ_CASES = 10_000;
const SEED = 20_261_108;

async function fuzzBothPaths(root: string): Promise<FuzzReport[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-bench-fuzz-'));
  const library = await openLibrary({ dataDir, resourcesDir: path.join(root, 'resources'), appVersion: 'bench', seedSample: true });
  const server = await startServer({ library, rendererDir: path.join(root, 'build', 'renderer') });
  // Each path gets half the cases, spread evenly over the operations and the names outside the contract.
  const runsPerOperation = Math.ceil(FUZZ_CASES / 2 / (OPERATION_NAMES.length + 1));
  try {
    const ipc = await fuzzContract({ library, transport: ipcTransport(library), runsPerOperation, seed: SEED });
    const http = await fuzzContract({ library, transport: httpTransport(server), runsPerOperation, seed: SEED + 1 });
    return [ipc, http];
  } finally {
    await server.close();
    library.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchSafety(root: string): Promise<BenchResult[]> {
  const [kills, fuzz] = await Promise.all([runKillCycles({ cycles: KILL_CYCLES, seed: SEED }), fuzzBothPaths(root)]);
  const failures = fuzz.flatMap((report) => report.failures);
  for (const failure of failures.slice(0, 20)) console.error(`fuzz failure: ${failure.transport} ${failure.operation}: ${failure.problem}\n  input: ${failure.input}`);
  return [
    { name: 'safety.kill_cycles', value: kills.cycles, unit: 'SIGKILLs' },
    { name: 'safety.kills_while_writing', value: kills.killedWhileWriting, unit: 'SIGKILLs' },
    { name: 'safety.acknowledged_commits', value: kills.acknowledged, unit: 'commits' },
    { name: 'safety.acknowledged_typed_notes', value: kills.typedAcknowledged, unit: 'commits' },
    { name: 'safety.acknowledged_lost', value: kills.lost, unit: 'commits' },
    { name: 'safety.integrity_failures', value: kills.integrityFailures, unit: 'checks' },
    { name: 'safety.fuzz_cases', value: fuzz.reduce((sum, report) => sum + report.cases, 0), unit: 'inputs' },
    { name: 'safety.fuzz_operations', value: OPERATION_NAMES.length, unit: 'operations' },
    { name: 'safety.fuzz_failures', value: failures.length, unit: 'broken properties' },
  ];
}
