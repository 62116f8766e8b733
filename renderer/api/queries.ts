// Server data through TanStack Query, keyed by operation name and input. Push
// events invalidate the operations they affect, so every window stays current.
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventName, OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import { ApiCallError } from '../../shared/api/result';
import { isOwnBoardChange } from './localChanges';
import { api } from './transport';

export async function call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  const result = await api().invoke(name, input);
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
  return useQuery({ queryKey: [name, input], queryFn: () => call(name, input), enabled });
}

export function useMutationOf<N extends OperationName>(name: N) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OperationInput<N>) => call(name, input),
    // Push events refresh every window; this refreshes ours at once, before the event arrives.
    onSuccess: () => client.invalidateQueries({ predicate: (query) => String(query.queryKey[0]) !== 'app.info' }),
  });
}

/** Which cached operations each push event makes stale. */
const INVALIDATES: Record<EventName, OperationName[]> = {
  'study.changed': ['study.list', 'study.overview', 'study.coverage'],
  'study.contentChanged': [
    'study.list',
    'study.overview',
    'study.coverage',
    'participant.list',
    'tag.list',
    'guide.get',
    'session.list',
    'session.active',
    'session.get',
    'session.report',
    'board.get',
    'board.drivers',
    'persona.list',
    'persona.get',
    'persona.suggest',
    'journey.get',
    'analysis.dashboard',
    'analysis.evidence',
    'board.suggestGroups',
  ],
};

export function useLiveInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => {
    const offs = (Object.keys(INVALIDATES) as EventName[]).map((event) =>
      api().on(event, (payload) => {
        const own = event === 'study.contentChanged' && 'area' in payload && payload.area === 'board' && isOwnBoardChange(payload.studyId);
        for (const name of INVALIDATES[event]) {
          if (own && name === 'board.get') continue; // already shown, optimistically
          void client.invalidateQueries({ queryKey: [name] });
        }
      }),
    );
    return () => offs.forEach((off) => off());
  }, [client]);
}
