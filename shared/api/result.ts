// The envelope every operation answers with, over every transport. Errors are data
// with a stable code and a human message; never a stack trace or SQL text.
import { z } from 'zod';

export const API_ERROR_CODES = [
  'invalid_input',
  'unknown_operation',
  'not_found',
  'conflict',
  'read_only',
  /** The library could not be written (disk full, folder made read-only): retry later. */
  'storage',
  'forbidden',
  /** The client is further behind than the kept change history: it must reload its data. */
  'reload_required',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ApiError = z.strictObject({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  /** A stable key for the specific cause (e.g. "code_taken"), so the UI can say it in the user's language. */
  reason: z.string().optional(),
  /** Which input fields were wrong, for invalid_input. */
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  /** For an edit refused because the field changed since the edit began: the field's value now. */
  current: z.string().max(20_000).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by the client side so callers can `await` and `catch`, carrying the typed error. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiError['issues'];
  readonly reason: string | undefined;
  readonly current: string | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.issues = error.issues;
    this.reason = error.reason;
    this.current = error.current;
  }
}
