// The register: every participant, with source, status, segment and consent, and
// the actions on each (edit, withdraw or reinstate consent, delete).
import { useTranslation } from 'react-i18next';
import { SEGMENT_DIMENSIONS } from '../../../shared/domain';
import type { Participant } from '../../../shared/api/participants';
import { useReadOnly } from '../../app/useReadOnly';
import { Icon } from '../../components/Icon';

interface Props {
  participants: Participant[];
  onEdit: (p: Participant) => void;
  onWithdraw: (p: Participant) => void;
  onReinstate: (p: Participant) => void;
  onDelete: (p: Participant) => void;
}

export function ParticipantTable({ participants, onEdit, onWithdraw, onReinstate, onDelete }: Props) {
  const { t } = useTranslation();
  const { readOnly, reason } = useReadOnly();
  return (
    <table className="table participants" data-testid="participants">
      <thead>
        <tr>
          <th>{t('participants.code')}</th>
          <th>{t('participants.source')}</th>
          <th>{t('participants.status')}</th>
          <th>{t('participants.segment')}</th>
          <th>{t('participants.consent')}</th>
          <th>
            <span className="sr-only">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {participants.map((p) => {
          const withdrawn = p.withdrawnAt !== null;
          return (
            <tr key={p.id} className={withdrawn ? 'row-withdrawn' : undefined} data-code={p.code}>
              <td className="mono">
                {p.code}
                {p.realName && (
                  <span className="personal-flag" title={t('participants.personalData')}>
                    <Icon name="lock" size={12} /> {p.realName}
                  </span>
                )}
              </td>
              <td>{t(`sources.${p.source}`)}</td>
              <td>
                <span className={`status status-${p.status}`}>{t(`statuses.${p.status}`)}</span>
              </td>
              <td className="muted segment-cell">
                {SEGMENT_DIMENSIONS.flatMap((d) => Object.values(p.attributes[d] ?? {}))
                  .filter(Boolean)
                  .slice(0, 4)
                  .join(' · ')}
              </td>
              <td>
                {withdrawn ? (
                  <span className="withdrawn-note" title={t('participants.withdrawnHint')}>
                    <Icon name="warning" size={13} /> {t('participants.withdrawnOn', { date: p.withdrawnAt!.slice(0, 10) })}
                    <small className="muted withdrawn-effect">{t('participants.withdrawnEffect')}</small>
                  </span>
                ) : p.consentDate ? (
                  <span title={p.consentScope}>{p.consentDate}</span>
                ) : (
                  <span className="muted">{t('participants.noConsent')}</span>
                )}
              </td>
              <td className="row-actions">
                <button className="icon-button" aria-label={t('participants.edit', { code: p.code })} title={reason ?? t('participants.edit', { code: p.code })} onClick={() => onEdit(p)} disabled={readOnly}>
                  <Icon name="edit" size={15} />
                </button>
                {withdrawn ? (
                  <button className="button small" onClick={() => onReinstate(p)} disabled={readOnly} title={reason}>
                    {t('participants.reinstate')}
                  </button>
                ) : (
                  <button className="button small" onClick={() => onWithdraw(p)} disabled={readOnly} title={reason}>
                    {t('participants.withdraw')}
                  </button>
                )}
                <button className="icon-button danger" aria-label={t('participants.delete', { code: p.code })} title={reason ?? t('participants.delete', { code: p.code })} onClick={() => onDelete(p)} disabled={readOnly}>
                  <Icon name="trash" size={15} />
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
