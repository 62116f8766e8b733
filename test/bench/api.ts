// api.roundtrip_ms: p50 of a trivial operation (app.info) through the core's own
// process, as the desktop app runs it (here a Node child process speaking the same
// port protocol as Electron's utilityProcess), against a bare echo over the same
// channel (answered by the core process's port itself, touching no library) as baseline.
// api.http_roundtrip_ms: the same through browser mode, against a bare HTTP echo on the
// same server (same token and origin checks, no library).
import type { RunningServer } from '../../electron/core/bridge/server.js';
import { createPeer, type Peer } from '../../electron/core/port/peer.js';
import { forkCoreFromSource } from '../helpers/core-source.js';
import { percentile, round, type BenchResult } from './results.js';

const WARM = 200;
const RUNS = 1000;

async function timed(call: () => Promise<unknown>, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times;
}

/** p50 of `measured` and of `baseline`, interleaved in ten rounds so drift on the machine affects both alike. */
async function against(name: string, measured: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<BenchResult> {
  await timed(measured, WARM);
  await timed(baseline, WARM);
  const api: number[] = [];
  const echo: number[] = [];
  for (let round_ = 0; round_ < 10; round_++) {
    api.push(...(await timed(measured, RUNS / 10)));
    echo.push(...(await timed(baseline, RUNS / 10)));
  }
  const value = percentile(api, 50);
  const base = percentile(echo, 50);
  return { name, value: round(value), unit: 'ms', baseline: round(base), ratio: round(value / base, 2) };
}

export async function benchApiRoundtrip(dataDir: string): Promise<BenchResult> {
  const core = forkCoreFromSource(dataDir, { appVersion: 'bench' });
  try {
    await core.ready;
    const peer: Peer = createPeer(core.connect());
    const call = async () => {
      const result = await peer.call('app.info', {});
      if (!result.ok) throw new Error(result.error.message);
    };
    return await against('api.roundtrip_ms', call, () => peer.echo({}));
  } finally {
    await core.stop();
  }
}

export async function benchHttpRoundtrip(server: RunningServer): Promise<BenchResult> {
  const post = (path: string) => async () => {
    const response = await fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fieldwork-token': server.token },
      body: '{}',
    });
    await response.text();
  };
  return against('api.http_roundtrip_ms', post('/api/app.info'), post('/echo'));
}
