// The window's frame: the navigation rail (library, then the open study's screens),
// the language switch, and the area where the current screen renders.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperation } from '../api/queries';
import { Icon, type IconName } from '../components/Icon';
import { ReadOnlyReason } from '../features/snapshots/ReadOnlyReason';
import { routeHash, STUDY_SCREENS, type Route } from './router';
import { LanguagePicker } from '../components/LanguagePicker';
import { TeamSessionButton } from '../features/team/TeamSessionButton';

const SCREEN_ICONS: Record<(typeof STUDY_SCREENS)[number], IconName> = {
  overview: 'overview',
  participants: 'participants',
  codebook: 'codebook',
  guide: 'guide',
  interviews: 'interviews',
  board: 'board',
  analysis: 'analysis',
  personas: 'personas',
  journey: 'journey',
  search: 'search',
};

export function AppFrame({ route, studyId, children }: { route: Route; studyId: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  const info = useOperation('app.info', {});
  const studies = useOperation('study.list', {});
  const study = studies.data?.find((s) => s.id === studyId);
  const active = useOperation('session.active', {});
  const running = active.data?.[0];

  return (
    <div className="frame">
      <nav className="rail" aria-label={t('nav.label')}>
        <a className="brand" href={routeHash({ screen: 'studies' })}>
          <span className="brand-mark" aria-hidden="true">
            F
          </span>
          <span>{t('app.name')}</span>
        </a>
        <ul className="nav-list">
          <li>
            <a
              className="nav-item"
              href={routeHash({ screen: 'studies' })}
              aria-current={route.screen === 'studies' || route.screen === 'trash' || route.screen === 'snapshots' ? 'page' : undefined}
            >
              <Icon name="studies" /> {t('nav.studies')}
            </a>
          </li>
        </ul>
        <div className="nav-study">
          <p className="nav-study-label">{study ? t('nav.currentStudy') : t('nav.noStudy')}</p>
          {study && <p className="nav-study-name" title={study.name}>{study.name}</p>}
        </div>
        <ul className="nav-list">
          {STUDY_SCREENS.map((screen) => (
            <li key={screen}>
              <a
                className="nav-item"
                href={routeHash({ screen, studyId })}
                aria-current={route.screen === screen ? 'page' : undefined}
                aria-disabled={studyId ? undefined : true}
              >
                <Icon name={SCREEN_ICONS[screen]} /> {t(`nav.${screen}`)}
              </a>
            </li>
          ))}
        </ul>
        {/* A study's board opened to teammates on the network: started and run from here, on any screen. */}
        {studyId && <TeamSessionButton studyId={studyId} />}
        <div className="rail-foot">
          <LanguagePicker />
          <p className="version muted">{info.data ? t('app.version', { version: info.data.version }) : null}</p>
        </div>
      </nav>
      <main className="content">
        {info.data?.readOnly && (
          <div className="banner banner-warning" role="alert">
            <Icon name="warning" /> <strong>{t('app.readOnly')}</strong> <ReadOnlyReason fallback={info.data.readOnlyReason} />
          </div>
        )}
        {running && (
          <div className="banner banner-live" role="status">
            <Icon name="interviews" /> <strong>{t('sessions.activeBanner', { code: running.participantCode })}</strong>
            <a className="button small primary" href={routeHash({ screen: 'interviews', studyId: running.studyId, sessionId: running.id })}>
              {t('sessions.resume')}
            </a>
          </div>
        )}
        {children}
      </main>
    </div>
  );
}

