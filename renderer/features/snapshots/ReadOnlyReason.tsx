// Why the library is read-only, for the banner over every screen: the problem in the
// user's language with a way to a snapshot, or the core's own words when it named none.
import { useTranslation } from 'react-i18next';
import { useOperation } from '../../api/queries';
import { routeHash } from '../../app/router';

export function ReadOnlyReason({ fallback }: { fallback: string | null }) {
  const { t } = useTranslation();
  const problem = useOperation('library.status', {}).data?.problem;
  if (!problem) return <>{fallback}</>;
  return (
    <>
      {t(`snapshots.problem.titles.${problem.kind}`)}{' '}
      <a href={routeHash({ screen: 'snapshots' })}>{t('snapshots.open')}</a>
    </>
  );
}
