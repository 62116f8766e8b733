// A failed import or export in the user's language: the file's specific problem when
// the core names one (reason `transcript_<code>`), otherwise the general message.
import type { TFunction } from 'i18next';
import { ApiCallError } from '../../../shared/api/result';
import { errorMessage } from '../../components/errors';

export function interopErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError && error.reason?.startsWith('transcript_')) {
    return t(`interop.errors.${error.reason}`, { defaultValue: error.message });
  }
  return errorMessage(t, error);
}
