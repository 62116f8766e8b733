// Runs one operation by name for any transport: checks the name against the
// contract, parses the input with its schema, calls the handler and turns every
// failure into a typed error result. Internal failures are logged here and reach
// the caller only as a generic message (no stack, no SQL).
import type { z } from 'zod';
import { isOperationName, operations } from '../../../shared/api/contract.js';
import type { ApiError, ApiResult } from '../../../shared/api/result.js';
import type { ServiceContext } from './context.js';
import { DomainError } from './errors.js';
import { beforeOf, type Handlers, isAsyncHandler } from './handler-types.js';
import { STORAGE_MESSAGES, storageProblem, storageReason } from '../storage-errors.js';

export type Dispatch = (name: unknown, input: unknown) => Promise<ApiResult<unknown>>;

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
  return async (name, input) => {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } };
    }
    const parsed = operations[name].input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: 'The request was not valid.', issues: issuesOf(parsed.error) },
      };
    }
    try {
      const handler = handlers[name] as (input: unknown, ctx: ServiceContext) => unknown;
      await beforeOf(handler)?.(parsed.data, ctx);
      if (isAsyncHandler(handler)) return { ok: true, value: await handler(parsed.data, ctx) };
      return { ok: true, value: runInTransaction(ctx, () => handler(parsed.data, ctx)) };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) } };
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
  };
}

/** Runs a synchronous handler in one transaction; its events go out only after commit. */
export function runInTransaction<T>(ctx: ServiceContext, run: () => T): T {
  ctx.events.hold();
  let committed = false;
  try {
    // IMMEDIATE takes the write lock up front, so a second process on the same library
    // waits (busy_timeout) instead of failing when a read turns into a write.
    const transaction = ctx.db.transaction(run);
    const value = ctx.readOnly ? transaction() : transaction.immediate();
    committed = true;
    return value;
  } finally {
    ctx.events.release(committed);
  }
}

function isQueryOnlyError(error: unknown): boolean {
  return error instanceof Error && /readonly|read-only|query_only/i.test(error.message);
}
