// What browser mode shows when its address was opened without the link's token:
// where to find the link, in the reader's language, instead of a refusal in JSON.
// Nothing else loads: without the token there is nothing this page may read.
import { Trans, useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

const code = { cmd: <code className="mono" /> };

export function MissingLinkPage() {
  const { t } = useTranslation();
  return (
    <main className="problem-screen connection-page" aria-labelledby="missing-link-title">
      <div className="panel problem-card">
        <p className="connection-eyebrow">
          <Icon name="lock" size={16} /> {t('app.name')}
        </p>
        <h1 id="missing-link-title">{t('connection.missingLink.title')}</h1>
        <p>{t('connection.missingLink.why')}</p>
        <ol className="connection-steps">
          <li>
            <Trans i18nKey="connection.missingLink.terminal" components={code} />
          </li>
          <li>{t('connection.missingLink.readyLine')}</li>
          <li>{t('connection.missingLink.open')}</li>
        </ol>
        <p className="connection-hint">
          <Trans i18nKey="connection.missingLink.notRunning" components={code} />
        </p>
      </div>
    </main>
  );
}
