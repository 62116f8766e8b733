// When a field was saved elsewhere while it was being edited here: the other value stays
// (it was saved first), the user sees it, and one click applies theirs over it instead.
// Found by the field itself (another window's save arrived while typing) or by the core
// (the edit named the value it started from, and that is no longer the value).
import type { TFunction } from 'i18next';
import { ApiCallError } from '../../shared/api/result';
import { reportErrors } from './mutate';
import { showToast } from './toasts';

export function showEditConflict(t: TFunction, current: string, applyMine: () => void): void {
  showToast({ tone: 'info', message: t('common.changedMeanwhile', { value: current }), action: { label: t('common.applyMine'), run: applyMine } }, 15_000);
}

/** Error handling for an edit sent with the value it started from: a conflict offers to apply it anyway. */
export function conflictAware(t: TFunction, applyMine: () => void) {
  const errors = reportErrors(t);
  return {
    onError: (error: unknown) => {
      if (error instanceof ApiCallError && error.reason === 'changes.edit_conflict' && error.current !== undefined) showEditConflict(t, error.current, applyMine);
      else errors.onError(error);
    },
  };
}

/** Sends an edit naming the value it started from; refused as a conflict, the notice offers to send it again without. */
export function saveBasedOn<I extends { basedOn?: unknown }>(
  t: TFunction,
  mutation: { mutate: (input: I, options: { onError: (error: unknown) => void }) => void },
  input: I,
  basedOn: NonNullable<I['basedOn']>,
): void {
  mutation.mutate({ ...input, basedOn }, conflictAware(t, () => mutation.mutate(input, reportErrors(t))));
}
