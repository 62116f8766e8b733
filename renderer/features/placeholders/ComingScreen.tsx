// Screens whose capability lands in a later release say what they will do.
import { useTranslation } from 'react-i18next';
import type { StudyScreen } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import type { IconName } from '../../components/Icon';

export function ComingScreen({ screen }: { screen: Exclude<StudyScreen, 'overview' | 'participants' | 'codebook' | 'guide' | 'interviews' | 'board'> }) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>{t(`nav.${screen}`)}</h1>
      </header>
      <EmptyState icon={screen as IconName} title={t(`coming.${screen}.title`)}>
        <p>{t(`coming.${screen}.body`)}</p>
      </EmptyState>
    </section>
  );
}
