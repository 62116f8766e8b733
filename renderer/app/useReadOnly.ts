// Whether the library is open read-only (damaged, from a newer version, a folder that
// cannot be written, a full disk), so screens disable their write actions up front,
// with the reason on hover and focus, rather than refusing after the click.
import { useTranslation } from 'react-i18next';
import { useOperation } from '../api/queries';

export function useReadOnly(): { readOnly: boolean; reason: string | undefined } {
  const { t } = useTranslation();
  const readOnly = useOperation('app.info', {}).data?.readOnly ?? false;
  return { readOnly, reason: readOnly ? t('app.readOnlyAction') : undefined };
}
