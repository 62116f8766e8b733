// Turns a failed call into a message for the user, in their language: a specific
// reason when the core names one, otherwise the error code's general message.
import type { TFunction } from 'i18next';
import { ApiCallError } from '../../shared/api/result';

/**
 * A reason is a key of `errors.reasons`, or `section.key` for a key of that catalogue
 * section's own `reasons` (e.g. `snapshots.disk_full`), so a feature keeps its strings together.
 */
function reasonKey(reason: string): string {
  const dot = reason.indexOf('.');
  return dot < 0 ? `errors.reasons.${reason}` : `${reason.slice(0, dot)}.reasons.${reason.slice(dot + 1)}`;
}

export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) {
    if (error.reason) return t(reasonKey(error.reason), { defaultValue: error.message });
    return t(`errors.${error.code}`);
  }
  return t('errors.internal');
}
