// The host's control of a live team session, opened from the board: before it starts,
// the one network address to offer it on (none is picked for the host) and whether the
// network is trusted enough for plain HTTP; while it runs, the certificate's fingerprint,
// a link and QR code per role, who is here (their role can be changed, they can be
// removed), new links, and ending it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamInterface, TeamStatus } from '../../../shared/api/team';
import { TEAM_ROLES, type TeamRole } from '../../../shared/api/team-roles';
import { call, useOperation } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { Select } from '../../components/Select';
import { errorMessage } from '../../components/errors';
import { showToast } from '../../components/toasts';

export function TeamSessionDialog({ studyId, onClose }: { studyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const status = useOperation('team.status', {});
  const fail = (error: unknown) => showToast({ tone: 'error', message: errorMessage(t, error) });
  return (
    <Dialog title={t('team.host.title')} onClose={onClose} wide>
      {status.isLoading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : !status.data ? (
        <StartForm studyId={studyId} onFail={fail} />
      ) : status.data.studyId !== studyId ? (
        <OtherStudy status={status.data} onFail={fail} />
      ) : (
        <Running status={status.data} onFail={fail} />
      )}
      <div className="dialog-actions">
        <button className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** Where teammates reach the team session (what their links start with). */
function originOf(status: TeamStatus): string {
  const scheme = status.secure ? 'https' : 'http';
  const host = status.ip.includes(':') ? `[${status.ip}]` : status.ip;
  return `${scheme}://${host}:${status.port}`;
}

function interfaceLabel(t: (key: string) => string, entry: TeamInterface): string {
  return entry.loopback ? `${entry.ip} · ${t('team.host.loopback')}` : `${entry.ip} · ${entry.name}`;
}

function StartForm({ studyId, onFail }: { studyId: string; onFail: (error: unknown) => void }) {
  const { t } = useTranslation();
  const interfaces = useOperation('team.interfaces', {});
  const [ip, setIp] = useState('');
  const [trusted, setTrusted] = useState(false);
  const [busy, setBusy] = useState(false);
  const start = () => {
    setBusy(true);
    call('team.start', { studyId, ip, trustedNetwork: trusted }).then(
      () => setBusy(false),
      (error: unknown) => (setBusy(false), onFail(error)),
    );
  };
  return (
    <div className="team-start">
      <p>{t('team.host.intro')}</p>
      <fieldset className="team-interfaces">
        <legend>{t('team.host.interface')}</legend>
        <p className="muted small">{t('team.host.interfaceHelp')}</p>
        {(interfaces.data ?? []).map((entry) => (
          <label key={`${entry.name}-${entry.ip}`} className="radio-row">
            <input type="radio" name="team-interface" value={entry.ip} checked={ip === entry.ip} onChange={() => setIp(entry.ip)} />
            <span>{interfaceLabel(t, entry)}</span>
          </label>
        ))}
      </fieldset>
      <label className="check-row">
        <input type="checkbox" checked={trusted} onChange={(e) => setTrusted(e.target.checked)} />
        <span>
          {t('team.host.trusted')}
          <span className="muted small block">{t('team.host.trustedHelp')}</span>
        </span>
      </label>
      <button className="button primary" disabled={!ip || busy} onClick={start}>
        {busy ? t('team.host.starting') : t('team.host.start')}
      </button>
    </div>
  );
}

function OtherStudy({ status, onFail }: { status: TeamStatus; onFail: (error: unknown) => void }) {
  const { t } = useTranslation();
  const studies = useOperation('study.list', {});
  const name = studies.data?.find((s) => s.id === status.studyId)?.name ?? '';
  return (
    <div>
      <p>{t('team.host.otherStudy', { name })}</p>
      <button className="button danger" onClick={() => void call('team.end', {}).catch(onFail)}>
        {t('team.host.end')}
      </button>
    </div>
  );
}

function Running({ status, onFail }: { status: TeamStatus; onFail: (error: unknown) => void }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  const [removing, setRemoving] = useState<{ memberId: string; name: string } | null>(null);
  const setRole = (memberId: string, role: TeamRole) => void call('team.setRole', { memberId, role }).catch(onFail);
  return (
    <div className="team-running">
      <p className="team-address">
        {t('team.host.offeredOn')} <code className="mono">{originOf(status)}</code>
      </p>
      {status.fingerprint ? (
        <section className="team-fingerprint" aria-labelledby="team-fingerprint-title">
          <h3 id="team-fingerprint-title">
            <Icon name="lock" size={14} /> {t('team.host.fingerprint')}
          </h3>
          <code className="mono" data-testid="team-fingerprint">
            {status.fingerprint}
          </code>
          <p className="muted small">{t('team.host.warningHelp')}</p>
        </section>
      ) : (
        <p className="team-plain muted small">
          <Icon name="warning" size={14} /> {t('team.host.plainHttp')}
        </p>
      )}
      <section aria-labelledby="team-links-title">
        <h3 id="team-links-title">{t('team.host.links')}</h3>
        <div className="team-links">
          {status.links.map((link) => (
            <figure key={link.role} className="team-link" data-role={link.role}>
              <img className="team-qr" alt={t('team.host.qrAlt', { role: t(`team.roles.${link.role}`) })} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`} />
              <figcaption>
                <strong>{t(`team.roles.${link.role}`)}</strong>
                <span className="muted small">{t(`team.roleHelp.${link.role}`)}</span>
                <button
                  className="button small"
                  onClick={() =>
                    void navigator.clipboard.writeText(link.url).then(
                      () => showToast({ tone: 'info', message: t('team.host.copied', { role: t(`team.roles.${link.role}`) }) }),
                      onFail,
                    )
                  }
                >
                  {t('team.host.copy')}
                </button>
              </figcaption>
            </figure>
          ))}
        </div>
      </section>
      <section aria-labelledby="team-people-title">
        <h3 id="team-people-title">{t('team.host.people', { count: status.people.length })}</h3>
        {status.people.length === 0 ? (
          <p className="muted">{t('team.host.nobody')}</p>
        ) : (
          <ul className="team-people">
            {status.people.map((person) => (
              <li key={person.memberId} data-member={person.memberId}>
                <span className="team-avatar" style={{ background: person.color }} aria-hidden="true">
                  {[...person.name][0]}
                </span>
                <span className="team-person-name" title={person.name}>
                  {person.name}
                </span>
                <span className={`team-presence${person.connected ? ' on' : ''}`}>{person.connected ? t('team.host.here') : t('team.host.away')}</span>
                <Select aria-label={t('team.host.roleOf', { name: person.name })} value={person.role} onChange={(e) => setRole(person.memberId, e.target.value as TeamRole)}>
                  {TEAM_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`team.roles.${role}`)}
                    </option>
                  ))}
                </Select>
                <button className="button small" onClick={() => setRemoving({ memberId: person.memberId, name: person.name })}>
                  {t('team.host.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="team-session-actions">
        <button className="button" onClick={() => void call('team.rotateLinks', {}).catch(onFail)}>
          {t('team.host.rotate')}
        </button>
        <button className="button danger" onClick={() => setEnding(true)}>
          {t('team.host.end')}
        </button>
      </div>
      {ending && (
        <ConfirmDialog
          title={t('team.host.endTitle')}
          body={t('team.host.endBody')}
          confirmLabel={t('team.host.end')}
          onCancel={() => setEnding(false)}
          onConfirm={() => (setEnding(false), void call('team.end', {}).catch(onFail))}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('team.host.removeTitle', { name: removing.name })}
          body={t('team.host.removeBody')}
          confirmLabel={t('team.host.remove')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => (setRemoving(null), void call('team.remove', { memberId: removing.memberId }).catch(onFail))}
        />
      )}
    </div>
  );
}
