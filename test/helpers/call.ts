// Calls an operation on a library and returns its value, failing the test with the
// typed error when the call does not succeed.
import type { Library } from '../../electron/core/library.js';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract.js';

export async function call<N extends OperationName>(library: Library, name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  const result = await library.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as OperationOutput<N>;
}

/** The error code of a call that must fail. */
export async function failure(library: Library, name: OperationName, input: unknown): Promise<string> {
  const result = await library.dispatch(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error.code;
}
