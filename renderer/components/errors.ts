// Turns a failed call into a message for the user, in their language: a specific
// reason when the core names one, otherwise the error code's general message.
import type { TFunction } from 'i18next';
import { ApiCallError } from '../../shared/api/result';

export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) {
    if (error.reason) return t(`errors.reasons.${error.reason}`, { defaultValue: error.message });
    if (error.code === 'read_only') return error.message;
    return t(`errors.${error.code}`);
  }
  return t('errors.internal');
}
