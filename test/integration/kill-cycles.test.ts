// Crash safety of the library as a whole: a writer process is killed with SIGKILL at
// random moments (mid-transaction, or while opening the library), twenty times. After
// each kill the library reopens the app's way, passes integrity_check and the search
// index's check, and holds every write the writer had acknowledged. The benchmark runs
// the same two hundred times (safety.kill_cycles).
import { describe, expect, it } from 'vitest';
import { runKillCycles } from '../helpers/kill-cycles.js';

describe('kill cycles', () => {
  it('loses no acknowledged write and never damages the library, through twenty SIGKILLs', async () => {
    const report = await runKillCycles({ cycles: 20, seed: 20_261_108 });
    expect(report.cycles).toBe(20);
    // How many writes land before each kill depends on the machine's speed; that some did is what matters.
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.typedAcknowledged).toBeGreaterThan(0);
    expect(report.killedWhileWriting).toBeGreaterThan(0);
    expect(report.lost).toBe(0);
    expect(report.integrityFailures).toBe(0);
  }, 300_000);
});
