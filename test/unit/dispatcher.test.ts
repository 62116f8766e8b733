// The dispatcher turns every failure into a typed result: internal errors never leak
// stack traces or SQL, and a failing handler leaves no partial write behind.
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES, operations } from '../../shared/api/contract.js';
import type { ServiceContext } from '../../electron/core/services/context.js';
import { createDispatcher } from '../../electron/core/services/dispatch.js';
import { EventBus } from '../../electron/core/services/events.js';
import { ChangeFeed } from '../../electron/core/changes/feed.js';
import { sql as changeLogSql } from '../../electron/core/db/migrations/0010_change_log.js';
import type { Handlers } from '../../electron/core/services/handler-types.js';
import { handlers } from '../../electron/core/services/handlers.js';

function context(): ServiceContext {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (x TEXT)');
  db.exec(changeLogSql);
  return { db, events: new EventBus(), changes: new ChangeFeed({ db: () => db }), dataDir: '/tmp', resourcesDir: '/tmp', readOnly: false, readOnlyReason: null, appVersion: 'test' };
}

describe('dispatcher', () => {
  it('implements every operation of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('declares every operation input as a strict object', () => {
    for (const name of OPERATION_NAMES) {
      expect(operations[name].input.safeParse({ surplus: 1 }).success, name).toBe(false);
    }
  });

  it('reports an unexpected failure as a generic internal error and rolls back its writes', async () => {
    const ctx = context();
    const failing = {
      ...handlers,
      'study.create': (_input: unknown, c: ServiceContext) => {
        c.db.prepare("INSERT INTO t VALUES ('half-done')").run();
        c.events.touch('0190b5a2-7c1e-7000-8000-000000000000', 'study');
        c.db.prepare('SELECT * FROM no_such_table').all();
        return null;
      },
    } as unknown as Handlers;
    const heard = vi.fn();
    ctx.events.subscribe(heard);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await createDispatcher(failing, ctx)('study.create', { name: 'Half-made study' });
    quiet.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong; nothing was changed.' } });
    expect(JSON.stringify(result)).not.toMatch(/no_such_table|SELECT|\.ts/);
    expect(ctx.db.prepare('SELECT count(*) n FROM t').get()).toEqual({ n: 0 });
    expect(heard).not.toHaveBeenCalled();
  });

  it('lists the offending fields of invalid input', async () => {
    const result = await createDispatcher(handlers, context())('study.rename', { id: 'not-a-uuid', name: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['id', 'name']);
  });
});
