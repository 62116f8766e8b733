// api.roundtrip_ms: p50 of a trivial operation through browser mode, against a bare
// HTTP echo on the same server (same token and origin checks, no library) as baseline.
import type { RunningServer } from '../../electron/core/bridge/server.js';
import { percentile, round, type BenchResult } from './results.js';

async function timeCalls(server: RunningServer, path: string, body: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const response = await fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fieldwork-token': server.token },
      body,
    });
    await response.text();
    times.push(performance.now() - start);
  }
  return times;
}

export async function benchApiRoundtrip(server: RunningServer): Promise<BenchResult> {
  const warm = 200;
  const runs = 1000;
  await timeCalls(server, '/api/app.info', '{}', warm);
  await timeCalls(server, '/echo', '{}', warm);
  // Interleave the two so drift on the machine affects both alike.
  const api: number[] = [];
  const echo: number[] = [];
  for (let round_ = 0; round_ < 10; round_++) {
    api.push(...(await timeCalls(server, '/api/app.info', '{}', runs / 10)));
    echo.push(...(await timeCalls(server, '/echo', '{}', runs / 10)));
  }
  const value = percentile(api, 50);
  const baseline = percentile(echo, 50);
  return { name: 'api.roundtrip_ms', value: round(value), unit: 'ms', baseline: round(baseline), ratio: round(value / baseline, 2) };
}
