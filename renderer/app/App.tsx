// Chooses the screen for the current route and remembers the last opened study, so
// Guide, Board and the rest open on it without a detour through the library.
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperation } from '../api/queries';
import { useLiveInvalidation } from '../api/liveChanges';
import { EmptyState } from '../components/EmptyState';
import { Toasts } from '../components/Toasts';
import { SessionsScreen } from '../features/interviews/SessionsScreen';
import { SearchShortcut } from '../features/search/SearchShortcut';
import { StudyList } from '../features/studies/StudyList';
import { TrashView } from '../features/studies/TrashView';
import { SnapshotsScreen } from '../features/snapshots/SnapshotsScreen';
import { AppFrame } from './AppFrame';
import { navigate, useRoute, type Route } from './router';

// Screens with heavy editors load on first use, so the library opens fast.
const CodebookScreen = lazy(() => import('../features/codebook/CodebookScreen').then((m) => ({ default: m.CodebookScreen })));
const GuideScreen = lazy(() => import('../features/guide/GuideScreen').then((m) => ({ default: m.GuideScreen })));
const InterviewScreen = lazy(() => import('../features/interviews/InterviewScreen').then((m) => ({ default: m.InterviewScreen })));
const BoardScreen = lazy(() => import('../features/board/BoardScreen').then((m) => ({ default: m.BoardScreen })));
const StudyOverview = lazy(() => import('../features/overview/StudyOverview').then((m) => ({ default: m.StudyOverview })));
const PersonasScreen = lazy(() => import('../features/personas/PersonasScreen').then((m) => ({ default: m.PersonasScreen })));
const JourneyScreen = lazy(() => import('../features/journey/JourneyScreen').then((m) => ({ default: m.JourneyScreen })));
const AnalysisScreen = lazy(() => import('../features/analysis/AnalysisScreen').then((m) => ({ default: m.AnalysisScreen })));
const SearchScreen = lazy(() => import('../features/search/SearchScreen').then((m) => ({ default: m.SearchScreen })));
const ParticipantsScreen = lazy(() => import('../features/participants/ParticipantsScreen').then((m) => ({ default: m.ParticipantsScreen })));

const LAST_STUDY_KEY = 'fieldwork.lastStudy';

/**
 * When the app (re)opens on its start screen while an interview is still running or
 * paused, e.g. after a crash, it goes straight back to that interview, at the
 * question where it was. Only once per window, so leaving interview mode sticks.
 */
function useResumeOpenInterview(route: Route): void {
  const active = useOperation('session.active', {});
  const running = active.data?.[0];
  useEffect(() => {
    if (!running || sessionStorage.getItem('fieldwork.resumeChecked')) return;
    sessionStorage.setItem('fieldwork.resumeChecked', '1');
    if (route.screen === 'studies') navigate({ screen: 'interviews', studyId: running.studyId, sessionId: running.id });
  }, [running, route.screen]);
}

function Screen({ route, studyId }: { route: Route; studyId: string | null }) {
  const { t } = useTranslation();
  if (route.screen === 'studies') return <StudyList />;
  if (route.screen === 'trash') return <TrashView />;
  if (route.screen === 'snapshots') return <SnapshotsScreen />;
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
  if (route.screen === 'interviews') return <SessionsScreen key={studyId} studyId={studyId} />;
  if (route.screen === 'board') return <BoardScreen key={studyId} studyId={studyId} focusId={route.focus?.id} />;
  if (route.screen === 'analysis') return <AnalysisScreen key={studyId} studyId={studyId} />;
  if (route.screen === 'personas') return <PersonasScreen key={`${studyId}:${route.focus?.id ?? ''}`} studyId={studyId} focusId={route.focus?.id} />;
  if (route.screen === 'journey') return <JourneyScreen key={studyId} studyId={studyId} />;
  return <SearchScreen key={studyId} studyId={studyId} />;
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
  useResumeOpenInterview(route);

  if (route.screen === 'interviews' && route.sessionId && studyId) {
    // Interview mode takes the whole window: the script and the notes, nothing else.
    return (
      <>
        <Suspense fallback={null}>
          <InterviewScreen key={route.sessionId} studyId={studyId} sessionId={route.sessionId} focus={route.focus} />
        </Suspense>
        <SearchShortcut studyId={studyId} />
        <Toasts />
      </>
    );
  }
  return (
    <AppFrame route={route} studyId={studyId}>
      <Suspense fallback={null}>
        <Screen route={route} studyId={studyId} />
      </Suspense>
      <SearchShortcut studyId={studyId} />
      <Toasts />
    </AppFrame>
  );
}
