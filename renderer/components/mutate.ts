// Runs a mutation and reports failures as an error toast, so no edit fails silently.
import type { UseMutationResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { errorMessage } from './errors';
import { showToast } from './toasts';

export function reportErrors(t: TFunction) {
  return { onError: (error: unknown) => showToast({ tone: 'error', message: errorMessage(t, error) }) };
}

export type AnyMutation<I, O> = UseMutationResult<O, Error, I>;
