// The first thing a teammate sees after opening a team session link: which role the
// link is for, the certificate's fingerprint to compare with the host's screen, a name
// to be known by, and the language of the page. Joining exchanges the link's invitation
// for a credential this tab keeps.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../shared/api/result';
import type { TeamJoined } from '../../shared/api/team';
import { call } from '../api/queries';
import { Icon } from '../components/Icon';
import { errorMessage } from '../components/errors';
import { LanguagePicker } from '../components/LanguagePicker';
import { pendingInvitation, rememberJoined } from './teamLink';

export function JoinScreen({ onJoined }: { onJoined: (joined: TeamJoined) => void }) {
  const { t } = useTranslation();
  const invitation = pendingInvitation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (!invitation) {
    return (
      <main className="team-join">
        <section className="team-join-card" aria-labelledby="team-join-title">
          <h1 id="team-join-title">{t('team.join.noLinkTitle')}</h1>
          <p>{t('team.join.noLinkBody')}</p>
        </section>
      </main>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const joined = await call('team.join', { invitation: invitation.invitation, name: name.trim() });
      rememberJoined(joined);
      onJoined(joined);
    } catch (error) {
      setProblem(error instanceof ApiCallError && error.reason === 'team.invitation_invalid' ? t('team.join.invalid') : errorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <main className="team-join">
      <form className="team-join-card" aria-labelledby="team-join-title" onSubmit={(e) => void submit(e)}>
        <p className="team-join-brand">
          <span className="brand-mark" aria-hidden="true">
            F
          </span>{' '}
          {t('app.name')}
        </p>
        <h1 id="team-join-title">{t('team.join.title')}</h1>
        <p>{invitation.role ? t('team.join.asRole', { role: t(`team.roles.${invitation.role}`) }) : t('team.join.intro')}</p>
        {invitation.role && <p className="muted">{t(`team.roleHelp.${invitation.role}`)}</p>}
        {invitation.fingerprint && (
          <details className="team-fingerprint">
            <summary>{t('team.join.fingerprintTitle')}</summary>
            <p className="muted">{t('team.join.fingerprintHelp')}</p>
            <code className="mono">{invitation.fingerprint}</code>
          </details>
        )}
        <label className="field">
          <span>{t('team.join.name')}</span>
          <input autoFocus value={name} maxLength={60} onChange={(e) => setName(e.target.value)} placeholder={t('team.join.namePlaceholder')} />
        </label>
        <LanguagePicker />
        {problem && (
          <p className="form-error" role="alert">
            <Icon name="warning" size={14} /> {problem}
          </p>
        )}
        <button className="button primary" type="submit" disabled={!name.trim() || busy}>
          {busy ? t('team.join.joining') : t('team.join.submit')}
        </button>
        <p className="muted small">{t('team.join.privacy')}</p>
      </form>
    </main>
  );
}
