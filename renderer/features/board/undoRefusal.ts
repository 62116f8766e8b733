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

/** What the Undo (or, with `redo`, the Redo) button says it will do: "Undo “Move” (Ctrl+Z)"; its plain hint for an unknown action. */
export function undoButtonTitle(t: TFunction, state: { undo: string | null; redo: string | null }, redo: boolean): string {
  const action = redo ? state.redo : state.undo;
  const known = BOARD_ACTIONS.find((a) => a === action);
  if (!known) return t(redo ? 'board.redoHint' : 'board.undoHint');
  return t(redo ? 'board.redoAction' : 'board.undoAction', { action: t(`board.undoActions.${known}`) });
}
