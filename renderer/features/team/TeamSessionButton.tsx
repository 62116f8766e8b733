// The board's "Team session" button on the host: how many teammates are here while one
// runs for this study, and the dialog that starts and runs it. Teammates do not get it.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperation } from '../../api/queries';
import { api } from '../../api/transport';
import { Icon } from '../../components/Icon';
import { useTeammate } from '../../team/teammate';
import { TeamSessionDialog } from './TeamSessionDialog';

export function TeamSessionButton({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const me = useTeammate();
  const status = useOperation('team.status', {}, me === null);
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  // Who is connected is not a change of the library: it comes as its own push.
  useEffect(() => (me ? undefined : api().on('team.presence', () => void client.invalidateQueries({ queryKey: ['team.status'] }))), [client, me]);
  if (me) return null;
  const running = status.data?.studyId === studyId ? status.data : null;
  const here = running?.people.filter((p) => p.connected).length ?? 0;
  return (
    <>
      <button className={`nav-item team-session-button${running ? ' running' : ''}`} onClick={() => setOpen(true)} data-testid="team-session-button">
        <Icon name="participants" /> {running ? t('team.host.buttonRunning', { count: here }) : t('team.host.button')}
      </button>
      {open && <TeamSessionDialog studyId={studyId} onClose={() => setOpen(false)} />}
    </>
  );
}
