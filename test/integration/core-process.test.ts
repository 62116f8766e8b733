// The core in a process of its own, as the desktop app runs it: a Node child process
// here, speaking the same frame protocol over its IPC channel as the utilityProcess
// does over MessagePortMain. Calls and events cross it with the contract's schemas;
// killing it loses nothing it acknowledged; a restarted core answers again.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/api/changes.js';
import type { ApiResult } from '../../shared/api/result.js';
import { createPortClient } from '../../electron/core/port/client.js';
import { forkTestCore } from '../helpers/core-process.js';
import { sampleDashboardThrough } from '../helpers/core-source.js';
import { tempDir } from '../helpers/temp.js';

const mutationId = (i: number) => `kill-test-${String(i).padStart(4, '0')}`;

describe('core process', () => {
  it('answers contract calls through the child process with typed errors, and pushes committed changes', async () => {
    const core = forkTestCore(tempDir());
    const client = createPortClient();
    client.attach(core.connect());
    const changes: Change[] = [];
    client.api.on('library.changed', (change) => changes.push(change));

    const created = await client.api.invoke('study.create', { name: 'Through the port', goal: '' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Through the port' } });
    await expect.poll(() => changes.map((c) => [c.operation, c.studies[0]?.studyId])).toEqual([['study.create', created.ok && created.value.id]]);

    const invalid = await client.api.invoke('study.create', { name: 42 } as never);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'name' }] } });
    expect(await client.api.invoke('fs.readFile' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    const missing = await client.api.invoke('study.overview', { id: '0190aaaa-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // A second window hears the first one's changes, in commit order.
    const other = createPortClient();
    other.attach(core.connect());
    const heard: number[] = [];
    other.api.on('library.changed', (change) => heard.push(change.revision));
    const again = await client.api.invoke('study.create', { name: 'Second', goal: '' });
    expect(again.ok).toBe(true);
    await expect.poll(() => heard).toEqual([changes[0]!.revision + 1]);
  });

  it('runs heavy reads through its worker and answers them as the in-process handler would', async () => {
    const { client, dashboard } = await sampleDashboardThrough(forkTestCore(tempDir(), { seedSample: true }));
    expect(dashboard).toMatchObject({ ok: true });
    expect(await client.api.invoke('analysis.dashboard', { studyId: '0190aaaa-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('loses nothing it acknowledged when killed mid-write, and a restarted core answers the retries once', async () => {
    const dataDir = tempDir();
    const first = forkTestCore(dataDir);
    const client = createPortClient();
    client.attach(first.connect());
    const revisions: number[] = [];
    client.api.on('library.changed', (change) => revisions.push(change.revision));
    await first.ready;

    const acknowledged: string[] = [];
    const calls: Array<Promise<ApiResult<{ id: string }>>> = [];
    let killed = false;
    // Eight writes in flight at all times: each answer sends the next, until the kill.
    const send = () => {
      const i = calls.length;
      calls.push(
        client.api.invoke('study.create', { name: `Study ${i}`, goal: '' }, { mutationId: mutationId(i) }).then((result) => {
          if (!result.ok) return result;
          acknowledged.push(result.value.id);
          if (acknowledged.length === 10) {
            killed = true;
            first.child.kill('SIGKILL');
            // Sent after the kill: this core can never answer these.
            for (let more = 0; more < 4; more++) send();
          } else if (!killed) send();
          return result;
        }),
      );
    };
    for (let lane = 0; lane < 8; lane++) send();
    await first.exited;
    client.detach('restarting');
    // Every call settles (the last ones are pushed as earlier ones settle).
    let results: Array<ApiResult<{ id: string }>> = [];
    while (results.length < calls.length) results = await Promise.all([...calls]);
    const total = calls.length;
    const unanswered = results.flatMap((result, i) => (result.ok ? [] : [i]));
    expect(unanswered.length).toBeGreaterThan(0);
    for (const i of unanswered) expect(results[i]).toMatchObject({ ok: false, error: { code: 'internal', reason: 'connection.core_stopped' } });
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);

    // Calls made while the core is down wait for the next one.
    const waiting = client.api.invoke('study.list', {});
    const second = forkTestCore(dataDir);
    client.attach(second.connect());
    const listed = (await waiting) as ApiResult<Array<{ id: string }>>;
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.map((s) => s.id)).toEqual(expect.arrayContaining(acknowledged));

    // Retrying the unanswered writes with their mutation ids makes each exactly once.
    for (const i of unanswered) {
      expect(await client.api.invoke('study.create', { name: `Study ${i}`, goal: '' }, { mutationId: mutationId(i) })).toMatchObject({ ok: true });
    }
    const after = (await client.api.invoke('study.list', {})) as ApiResult<Array<{ name: string }>>;
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.map((s) => s.name).sort()).toEqual(Array.from({ length: total }, (_, i) => `Study ${i}`).sort());
    // One change per study, each heard once and in order: those whose push the kill cut off
    // were caught up on from the restarted core before anything newer.
    await expect.poll(() => revisions).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('tells its windows the core stopped, and fails their calls with a typed error once it will not come back', async () => {
    const core = forkTestCore(tempDir());
    const client = createPortClient();
    const states: string[] = [];
    client.api.onCoreState!((state) => states.push(state));
    client.attach(core.connect());
    await core.ready;
    core.child.kill('SIGKILL');
    await core.exited;
    client.detach('restarting');
    const waiting = client.api.invoke('study.list', {});
    client.detach('stopped');
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'internal', reason: 'connection.core_stopped' } });
    expect(states).toEqual(['connected', 'restarting', 'stopped']);
  });
});
