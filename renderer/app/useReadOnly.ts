// Whether the library is open read-only (damaged, from a newer version, a folder that
// cannot be written, a full disk), so screens disable their write actions up front,
// with the reason on hover and focus, rather than refusing after the click.
// A teammate's page is read-only too when their role cannot change the board (a viewer)
// and while the host cannot be reached.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperation } from '../api/queries';
import { connectionState, subscribeConnection } from '../api/connection';
import { mayCall, useTeammate } from '../team/teammate';

export function useReadOnly(): { readOnly: boolean; reason: string | undefined } {
  const { t } = useTranslation();
  const me = useTeammate();
  const connection = useSyncExternalStore(subscribeConnection, connectionState);
  const libraryReadOnly = useOperation('app.info', {}).data?.readOnly ?? false;
  if (me && connection !== 'connected') return { readOnly: true, reason: t('team.hostAway') };
  if (me && !mayCall('board.moveCards', me)) return { readOnly: true, reason: t('team.viewOnly') };
  return { readOnly: libraryReadOnly, reason: libraryReadOnly ? t('app.readOnlyAction') : undefined };
}
