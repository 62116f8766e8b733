// What to tell the user when the core refuses an undo or redo: which action, and why
// (something it changed was edited or deleted since), in the user's language.
import type { TFunction } from 'i18next';
import { BOARD_ACTIONS } from '../../../shared/api/board';
import { ApiCallError } from '../../../shared/api/result';
import { errorMessage } from '../../components/errors';

const REFUSALS = ['undo_changed_since', 'undo_deleted_since', 'redo_changed_since', 'redo_deleted_since'] as const;

export function undoFailureMessage(t: TFunction, error: unknown, direction: 'undo' | 'redo', action: string | null): string {
  const refusal = error instanceof ApiCallError ? REFUSALS.find((r) => error.reason === `board.${r}`) : undefined;
  if (!refusal) return errorMessage(t, error);
  const known = BOARD_ACTIONS.find((a) => a === action);
  return t(`board.reasons.${refusal}`, { action: known ? t(`board.undoActions.${known}`) : t(`board.${direction}`) });
}
