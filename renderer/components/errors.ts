// Turns a failed call into a message for the user, translated by error code.
import type { TFunction } from 'i18next';
import { ApiCallError } from '../../shared/api/result';

export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) {
    if (error.code === 'read_only' || error.code === 'internal') return error.message;
    return t(`errors.${error.code}`);
  }
  return t('errors.internal');
}
