// An archive import or export that failed, in the user's language: the specific
// problem with the file when the core names one (reason `archive_<code>`), otherwise
// the general message for the error.
import type { TFunction } from 'i18next';
import { archiveProblemOf } from '../../../shared/archive/problems';
import { ApiCallError } from '../../../shared/api/result';
import { errorMessage } from '../../components/errors';

export function archiveErrorMessage(t: TFunction, error: unknown): string {
  const problem = error instanceof ApiCallError ? archiveProblemOf(error.reason) : null;
  return problem ? t(`archives.problems.${problem}`) : errorMessage(t, error);
}
