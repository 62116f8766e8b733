// The handler map's type, derived from the contract: one function per operation,
// taking the parsed input and returning the output. How it may return follows the
// operation's policy: an operation that `runs: 'async'` returns a promise (it awaits
// files or printing, outside a transaction); every other one returns synchronously,
// inside the transaction the dispatcher opens (or its own, for `own-transactions`).
// A handler that awaits where the contract says it runs in one transaction does not
// type-check.
import type { OperationName, OperationOutput, Operations, ParsedInput } from '../../../shared/api/contract.js';
import type { ServiceContext } from './context.js';

type RunsAsync<N extends OperationName> = Operations[N]['policy'] extends { runs: 'async' } ? true : false;

export type Handler<N extends OperationName> = (
  input: ParsedInput<N>,
  ctx: ServiceContext,
) => RunsAsync<N> extends true ? Promise<OperationOutput<N>> : OperationOutput<N>;

export type Handlers = { [N in OperationName]: Handler<N> };
export type HandlerGroup<P extends string> = {
  [N in OperationName as N extends `${P}.${string}` ? N : never]: Handler<N>;
};
