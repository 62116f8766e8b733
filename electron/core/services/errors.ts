// Errors a service raises on purpose. Anything else that escapes a handler is an
// internal error and reaches the caller only as a generic message.
import type { ApiErrorCode } from '../../../shared/api/result.js';

export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ApiErrorCode, 'internal' | 'invalid_input' | 'unknown_operation'>,
    message: string,
    /** A stable key for the cause, translated by the UI (the message is the English fallback). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} was not found.`);
