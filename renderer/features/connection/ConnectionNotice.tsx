// In browser mode, tells the person when this tab has lost its server and what to do:
// start it again, or open the new link of a server that was restarted. It does not
// cover the page, so text still on screen can be copied out.
import { useSyncExternalStore } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { connectionState, retryConnection, subscribeConnection } from '../../api/connection';
import { Icon } from '../../components/Icon';

const code = { cmd: <code className="mono" /> };

export function ConnectionNotice() {
  const { t } = useTranslation();
  const state = useSyncExternalStore(subscribeConnection, connectionState);
  if (state === 'connected') return null;
  return (
    <div className="connection-notice" role="alert" aria-labelledby="connection-notice-title">
      <Icon name="warning" size={18} />
      <div className="connection-notice-text">
        <h2 id="connection-notice-title">{t(`connection.${state}.title`)}</h2>
        <p>
          <Trans i18nKey={`connection.${state}.body`} components={code} />
        </p>
      </div>
      {(state === 'unreachable' || state === 'hostUnavailable') && (
        <button className="button" onClick={retryConnection}>
          {t('connection.unreachable.retry')}
        </button>
      )}
    </div>
  );
}
