// The handler map's type, derived from the contract: one function per operation,
// taking the parsed input and returning the output. Handlers are synchronous and run
// inside one database transaction, so a failure changes nothing; the few that must
// await (exports, printing) are wrapped with `asyncHandler` and must not write.
import type { OperationName, OperationOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ServiceContext } from './context.js';

export type Handler<N extends OperationName> = (
  input: ParsedInput<N>,
  ctx: ServiceContext,
) => OperationOutput<N> | Promise<OperationOutput<N>>;

export type Handlers = { [N in OperationName]: Handler<N> };
export type HandlerGroup<P extends string> = {
  [N in OperationName as N extends `${P}.${string}` ? N : never]: Handler<N>;
};

const ASYNC = Symbol('fieldwork.asyncHandler');

/** Marks a handler that awaits: it runs outside a transaction and must only read. */
export function asyncHandler<N extends OperationName>(
  fn: (input: ParsedInput<N>, ctx: ServiceContext) => Promise<OperationOutput<N>>,
): Handler<N> {
  return Object.assign(fn, { [ASYNC]: true });
}

/**
 * Marks a synchronous handler that opens its own transactions (with runInTransaction)
 * instead of running inside one: for a refusal that must keep what it wrote first,
 * such as a refused undo forgetting the step it could not undo.
 */
export function ownTransactionsHandler<N extends OperationName>(fn: (input: ParsedInput<N>, ctx: ServiceContext) => OperationOutput<N>): Handler<N> {
  return Object.assign(fn, { [ASYNC]: true });
}

export function isAsyncHandler(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as unknown as Record<symbol, unknown>)[ASYNC] === true;
}

const BEFORE = Symbol('fieldwork.before');
type Before = (input: unknown, ctx: ServiceContext) => Promise<void>;

/**
 * Runs `before` ahead of a synchronous handler, awaited and outside its transaction
 * (e.g. a safety snapshot before a destructive change, which cannot happen inside the
 * write transaction). A failing `before` stops the operation: nothing is written.
 */
export function withBefore<N extends OperationName>(before: (input: ParsedInput<N>, ctx: ServiceContext) => Promise<void>, handler: Handler<N>): Handler<N> {
  const wrapped: Handler<N> = (input, ctx) => handler(input, ctx);
  return Object.assign(wrapped, { [BEFORE]: before, [ASYNC]: isAsyncHandler(handler) });
}

export function beforeOf(fn: unknown): Before | undefined {
  return typeof fn === 'function' ? ((fn as unknown as Record<symbol, unknown>)[BEFORE] as Before | undefined) : undefined;
}
