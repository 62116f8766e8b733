// Server data through TanStack Query, keyed by operation name and input. The change
// feed refreshes exactly the queries a change makes stale (see liveChanges.ts), so
// every window stays current, this one included.
import { QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import { policyOf, type OperationInput, type OperationName, type OperationOutput } from '../../shared/api/contract';
import { ApiCallError } from '../../shared/api/result';
import { actorId, newMutationId } from './callerIds';
import { api } from './transport';
import { mayCall } from '../team/teammate';

/**
 * Calls an operation. A write carries a new mutation id (or `mutationId`, the one a
 * retry must reuse), and every call this tab's actor id.
 */
export async function call<N extends OperationName>(name: N, input: OperationInput<N>, mutationId?: string): Promise<OperationOutput<N>> {
  const meta = policyOf(name).kind === 'write' ? { mutationId: mutationId ?? newMutationId(), actor: actorId() } : { actor: actorId() };
  const result = await api().invoke(name, input, meta);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: 0 },
    },
  });
}

export function useOperation<N extends OperationName>(name: N, input: OperationInput<N>, enabled = true) {
  // A teammate's page never asks for what their role may not read (the host would refuse it).
  return useQuery({ queryKey: [name, input], queryFn: () => call(name, input), enabled: enabled && mayCall(name) });
}

/** A write from a component; its change comes back on the feed and refreshes what it made stale. */
export function useMutationOf<N extends OperationName>(name: N) {
  return useMutation({ mutationFn: (input: OperationInput<N>) => call(name, input) });
}
