// Errors a service raises on purpose. Anything else that escapes a handler is an
// internal error and reaches the caller only as a generic message.
import type { ApiErrorCode } from '../../../shared/api/result.js';

export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ApiErrorCode, 'internal' | 'unknown_operation'>,
    message: string,
    /** A stable key for the cause, translated by the UI (the message is the English fallback). */
    readonly reason?: string,
    /** For an edit conflict: the field's value now, so the caller can show it and offer theirs. */
    readonly current?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} was not found.`);

/**
 * An edit based on a value the field no longer holds (someone saved it meanwhile): refused,
 * never silently overwritten. The caller shows `current` and may send its edit again, knowingly.
 */
export function checkBasedOn(current: string, basedOn: string | undefined, next: string | undefined): void {
  if (basedOn === undefined || next === undefined || current === basedOn || current === next) return;
  throw editConflict(current);
}

/** The refusal of an edit of a field saved otherwise meanwhile, with the field's value now. */
export const editConflict = (current: string): DomainError =>
  new DomainError('conflict', 'This was changed elsewhere since the edit began.', 'changes.edit_conflict', current);
