// Runs one operation by name for any transport: checks the name against the
// contract, parses the input (and the caller's mutation id and actor) with their
// schemas, runs the handler as its contract policy says (a read in a read transaction
// without the write lock; a write in one write transaction that also appends its
// change to the feed; a retried write answered with its first result) and turns every
// failure into a typed error result. Internal failures are logged here and reach
// the caller only as a generic message (no stack, no SQL).
import type { z } from 'zod';
import { isOperationName, operations, policyOf } from '../../../shared/api/contract.js';
import type { ApiError, ApiResult } from '../../../shared/api/result.js';
import type { ServiceContext } from './context.js';
import { DomainError } from './errors.js';
import type { Handlers } from './handler-types.js';
import { CallMeta, type Change } from '../../../shared/api/changes.js';
import type { OperationPolicy } from '../../../shared/api/policy.js';
import { currentCall, withCall, type CallInfo } from '../changes/call-context.js';
import { teamScope } from '../changes/team-scope.js';
import { snapshotBefore } from '../snapshots/safety.js';
import { STORAGE_MESSAGES, storageProblem, storageReason } from '../storage-errors.js';

/** Runs an operation; `meta` is the caller's { mutationId, actor }, parsed here like the input. */
export type Dispatch = (name: unknown, input: unknown, meta?: unknown) => Promise<ApiResult<unknown>>;

function issuesOf(error: z.ZodError): NonNullable<ApiError['issues']> {
  // Paths and messages can echo the caller's own keys: cap them so a hostile key is not sent back whole.
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 300),
    message: issue.message.slice(0, 300),
  }));
}

function isReadOnlyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN');
}

export function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

export function createDispatcher(handlers: Handlers, ctx: ServiceContext): Dispatch {
  return async (name, input, meta) => {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } };
    }
    const parsed = operations[name].input.safeParse(input);
    const caller = CallMeta.safeParse(meta ?? {});
    if (!parsed.success || !caller.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: 'The request was not valid.', issues: issuesOf((parsed.error ?? caller.error)!) },
      };
    }
    const policy = policyOf(name);
    const call: CallInfo = { operation: name, mutationId: policy.kind === 'write' ? (caller.data.mutationId ?? null) : null, actor: caller.data.actor ?? null };
    try {
      return { ok: true, value: await withCall(call, () => run(handlers[name] as RawHandler, parsed.data, policy, call, ctx)) };
    } catch (error) {
      return failure(name, error, ctx);
    }
  };
}

type RawHandler = (input: unknown, ctx: ServiceContext) => unknown;

async function run(handler: RawHandler, input: unknown, policy: OperationPolicy, call: CallInfo, ctx: ServiceContext): Promise<unknown> {
  if (policy.kind !== 'write') {
    if ((policy.runs ?? 'transaction') !== 'transaction') return handler(input, ctx);
    return runRead(ctx, () => handler(input, ctx), policy.kind === 'read' && policy.createsOnFirstRead === true);
  }
  // A retried write (same mutation id) gets its first answer, not a second change.
  if (call.mutationId && !ctx.readOnly) {
    const previous = ctx.changes.previousResult(call.mutationId, call.operation);
    if (previous.found) return previous.value;
  }
  if (policy.snapshotFirst) await snapshotBefore(ctx, policy.snapshotFirst);
  if ((policy.runs ?? 'transaction') === 'transaction') return runInTransaction(ctx, () => handler(input, ctx), { keepResult: true });
  // It opens its own transactions (each recorded as a change); its answer is kept after.
  const value = await handler(input, ctx);
  if (call.mutationId && !ctx.readOnly) runInTransaction(ctx, () => ctx.changes.keepResult(call, null, value));
  return value;
}

function failure(name: string, error: unknown, ctx: ServiceContext): ApiResult<never> {
  if (error instanceof DomainError) {
    return {
      ok: false,
      error: { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}), ...(error.current !== undefined ? { current: error.current } : {}) },
    };
  }
  const storage = ctx.readOnly ? null : storageProblem(error);
  if (storage) {
    console.error(`operation ${name} could not write`, error);
    return { ok: false, error: { code: 'storage', message: STORAGE_MESSAGES[storage], reason: storageReason(storage) } };
  }
  if (isReadOnlyError(error) || (ctx.readOnly && isQueryOnlyError(error))) {
    return {
      ok: false,
      error: { code: 'read_only', message: ctx.readOnlyReason ?? 'The library is open read-only.' },
    };
  }
  if (isConstraintError(error)) {
    return { ok: false, error: { code: 'conflict', message: 'That change conflicts with existing data.' } };
  }
  console.error(`operation ${name} failed`, error);
  return { ok: false, error: { code: 'internal', message: 'Something went wrong; nothing was changed.' } };
}

/**
 * Runs a read in one read transaction, so it sees one state, without taking the write
 * lock: readers never wait for writers (WAL) and never hold them up. One that creates
 * what it reads the first time takes the write lock instead.
 */
function runRead<T>(ctx: ServiceContext, read: () => T, createsOnFirstRead: boolean): T {
  if (createsOnFirstRead) return runInTransaction(ctx, read);
  return ctx.db.transaction(read).deferred();
}

/**
 * Runs a write in one transaction. What it touched becomes its change record, appended
 * in the same transaction (so a revision exists exactly when the write committed) and
 * published to every client after the commit; with `keepResult`, the answer is kept
 * for a retry with the same mutation id, also in the same transaction.
 */
export function runInTransaction<T>(ctx: ServiceContext, write: () => T, options: { keepResult?: boolean } = {}): T {
  // Inside another write's transaction: a savepoint, whose touches join that write's change.
  if (ctx.events.holding) return ctx.db.transaction(write)();
  const call = currentCall();
  const declared = call && isOperationName(call.operation) ? policyOf(call.operation) : null;
  ctx.events.hold();
  let change: Change | null = null;
  try {
    const transaction = ctx.db.transaction(() => {
      const value = write();
      const touched = ctx.events.touched();
      const scope = teamScope();
      if (scope && touched.some((study) => study.studyId !== scope.studyId)) {
        throw new DomainError('forbidden', 'A team session reaches only its own study.', 'team.outside_study');
      }
      if (touched.length > 0 && !ctx.readOnly) {
        const kinds = declared?.kind === 'write' ? declared.changes : [];
        change = ctx.changes.record(
          touched.map((study) => ({ studyId: study.studyId, kinds: [...new Set([...study.kinds, ...kinds])].sort() })),
          call,
        );
      }
      if (options.keepResult && call?.mutationId && !ctx.readOnly) ctx.changes.keepResult(call, change, value);
      return value;
    });
    // IMMEDIATE takes the write lock up front, so a second process on the same library
    // waits (busy_timeout) instead of failing when a read turns into a write.
    const value = ctx.readOnly ? transaction() : transaction.immediate();
    if (change) {
      ctx.events.release();
      ctx.events.publish(change);
      ctx.changes.maybePrune();
    }
    return value;
  } finally {
    ctx.events.release();
  }
}

function isQueryOnlyError(error: unknown): boolean {
  return error instanceof Error && /readonly|read-only|query_only/i.test(error.message);
}
