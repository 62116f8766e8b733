// Chooses the screen for the current route and remembers the last opened study, so
// Guide, Board and the rest open on it without a detour through the library.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveInvalidation, useOperation } from '../api/queries';
import { EmptyState } from '../components/EmptyState';
import { Toasts } from '../components/Toasts';
import { CodebookScreen } from '../features/codebook/CodebookScreen';
import { GuideScreen } from '../features/guide/GuideScreen';
import { StudyOverview } from '../features/overview/StudyOverview';
import { ParticipantsScreen } from '../features/participants/ParticipantsScreen';
import { ComingScreen } from '../features/placeholders/ComingScreen';
import { StudyList } from '../features/studies/StudyList';
import { TrashView } from '../features/studies/TrashView';
import { AppFrame } from './AppFrame';
import { navigate, useRoute, type Route } from './router';

const LAST_STUDY_KEY = 'fieldwork.lastStudy';

function Screen({ route, studyId }: { route: Route; studyId: string | null }) {
  const { t } = useTranslation();
  if (route.screen === 'studies') return <StudyList />;
  if (route.screen === 'trash') return <TrashView />;
  if (!studyId) {
    return (
      <EmptyState icon="studies" title={t('nav.chooseStudy')}>
        <button className="button primary" onClick={() => navigate({ screen: 'studies' })}>
          {t('nav.openLibrary')}
        </button>
      </EmptyState>
    );
  }
  if (route.screen === 'overview') return <StudyOverview key={studyId} studyId={studyId} />;
  if (route.screen === 'participants') return <ParticipantsScreen key={studyId} studyId={studyId} />;
  if (route.screen === 'codebook') return <CodebookScreen key={studyId} studyId={studyId} />;
  if (route.screen === 'guide') return <GuideScreen key={studyId} studyId={studyId} />;
  return <ComingScreen screen={route.screen} />;
}

export function App() {
  useLiveInvalidation();
  const route = useRoute();
  const routeStudy = 'studyId' in route ? route.studyId : null;
  const studies = useOperation('study.list', {});
  // The remembered study counts only while it still exists outside the trash.
  const remembered = localStorage.getItem(LAST_STUDY_KEY);
  const lastStudy = remembered && studies.data?.some((s) => s.id === remembered) ? remembered : null;
  const studyId = routeStudy ?? lastStudy;
  useEffect(() => {
    if (routeStudy) localStorage.setItem(LAST_STUDY_KEY, routeStudy);
  }, [routeStudy]);

  return (
    <AppFrame route={route} studyId={studyId}>
      <Screen route={route} studyId={studyId} />
      <Toasts />
    </AppFrame>
  );
}
