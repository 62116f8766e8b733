// A teammate's page in a live team session: the join form until this tab has joined,
// then the study's board under a slim bar that says whose session it is, who this
// person is (their colour, name and role) and their language. What the board lets them
// do follows their role (teammate.ts); the host checks it again on every call.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamJoined } from '../../shared/api/team';
import { useLiveInvalidation } from '../api/liveChanges';
import { useOperation } from '../api/queries';
import { Toasts } from '../components/Toasts';
import { EmptyState } from '../components/EmptyState';
import { LanguagePicker } from '../components/LanguagePicker';
import { JoinScreen } from './JoinScreen';
import { onRoleChanged } from './teamEndpoint';
import { joinedAs, updateJoined } from './teamLink';
import { mayCall, setTeammate, useTeammate } from './teammate';

const loadBoard = () => import('../features/board/BoardScreen');
const BoardScreen = lazy(() => loadBoard().then((m) => ({ default: m.BoardScreen })));

export function TeamApp() {
  // Who they are is known from joining (or from before a reload): the board need not wait for team.me.
  const [joined, setJoined] = useState<TeamJoined | null>(() => {
    const known = joinedAs();
    if (known) setTeammate(known);
    return known;
  });
  const onJoined = (now: TeamJoined) => {
    setTeammate(now);
    setJoined(now);
  };
  // The board's code loads while the person types their name, not after.
  useEffect(() => void loadBoard(), []);
  if (!joined) return <JoinScreen onJoined={onJoined} />;
  return <TeamSessionPage />;
}

function TeamSessionPage() {
  // Listens only once joined: before, there is no credential to listen with.
  useLiveInvalidation();
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useOperation('team.me', {});
  useEffect(() => {
    if (!me.data) return;
    setTeammate(me.data);
    updateJoined(me.data);
  }, [me.data]);
  // The host changed this person's role: ask who they are now.
  useEffect(() => onRoleChanged(() => void client.invalidateQueries({ queryKey: ['team.me'] })), [client]);
  const teammate = useTeammate();
  const fallback = joinedAs();
  const shown = teammate ?? fallback;
  const seesBoard = teammate !== null && mayCall('board.get', teammate);

  return (
    <div className="team-frame">
      <header className="team-bar">
        <span className="brand-mark" aria-hidden="true">
          F
        </span>
        <div className="team-bar-title">
          <span className="muted small">{t('team.bar.title')}</span>
          <strong title={shown?.studyName}>{shown?.studyName}</strong>
        </div>
        <span className="spacer" />
        {shown && (
          <span className="team-me" title={t('team.bar.you')}>
            <span className="team-avatar" style={{ background: shown.color }} aria-hidden="true">
              {[...shown.name][0]}
            </span>
            <span className="team-me-name">{shown.name}</span>
            <span className="team-role-chip">{t(`team.roles.${shown.role}`)}</span>
          </span>
        )}
        <LanguagePicker />
      </header>
      <main className="team-content">
        {!teammate ? (
          <p className="muted screen">{t('common.loading')}</p>
        ) : seesBoard ? (
          <Suspense fallback={null}>
            <BoardScreen key={`${teammate.studyId}:${teammate.role}`} studyId={teammate.studyId} />
          </Suspense>
        ) : (
          <EmptyState icon="interviews" title={t('team.noteTaker.title')}>
            <p>{t('team.noteTaker.body')}</p>
          </EmptyState>
        )}
      </main>
      <Toasts />
    </div>
  );
}
