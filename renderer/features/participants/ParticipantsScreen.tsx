// Participants and the sample: the coverage grid (maximum variation) and progress,
// the register of participants with consent, and adding or importing participants.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/api/participants';
import { knownAttributes } from '../../../shared/attribute-names';
import { useMutationOf, useOperation } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { showToast } from '../../components/toasts';
import { CoveragePanel } from './CoveragePanel';
import { ImportDialog } from './ImportDialog';
import { ParticipantDialog } from './ParticipantDialog';
import { ParticipantTable } from './ParticipantTable';

/** The next free code in the P01, P02... series. */
export function nextCode(participants: readonly Participant[]): string {
  const numbers = participants.map((p) => /^P(\d+)$/i.exec(p.code)?.[1]).filter(Boolean).map(Number);
  const next = (numbers.length ? Math.max(...numbers) : 0) + 1;
  return `P${String(next).padStart(2, '0')}`;
}

export function ParticipantsScreen({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const participants = useOperation('participant.list', { studyId });
  const withdraw = useMutationOf('participant.setWithdrawn');
  const remove = useMutationOf('participant.delete');
  const [editing, setEditing] = useState<Participant | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [confirm, setConfirm] = useState<{ kind: 'withdraw' | 'delete'; participant: Participant } | null>(null);
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  const list = participants.data ?? [];

  return (
    <section className="screen wide" aria-labelledby="participants-title">
      <header className="screen-head">
        <div>
          <h1 id="participants-title">{t('nav.participants')}</h1>
          <p className="muted">{t('participants.subtitle')}</p>
        </div>
        <div className="head-actions">
          <button className="button" onClick={() => setImporting(true)} disabled={readOnly} title={reason}>
            <Icon name="upload" size={16} /> {t('import.open')}
          </button>
          <button className="button primary" onClick={() => setEditing('new')} disabled={readOnly} title={reason}>
            <Icon name="plus" size={16} /> {t('participants.add')}
          </button>
        </div>
      </header>
      <CoveragePanel studyId={studyId} />
      <h2 className="section-title">{t('participants.register', { count: list.length })}</h2>
      {participants.data && list.length === 0 ? (
        <EmptyState icon="participants" title={t('participants.emptyTitle')}>
          <p>{t('participants.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ParticipantTable
          participants={list}
          onEdit={setEditing}
          onWithdraw={(participant) => setConfirm({ kind: 'withdraw', participant })}
          onReinstate={(p) => withdraw.mutate({ id: p.id, withdrawn: false }, errors)}
          onDelete={(participant) => setConfirm({ kind: 'delete', participant })}
        />
      )}
      {editing && (
        <ParticipantDialog
          studyId={studyId}
          participant={editing === 'new' ? null : editing}
          suggestedCode={nextCode(list)}
          knownAttributes={knownAttributes(list)}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && <ImportDialog studyId={studyId} onClose={() => setImporting(false)} />}
      {confirm && (
        <ConfirmDialog
          title={t(confirm.kind === 'withdraw' ? 'participants.withdrawTitle' : 'participants.deleteTitle', { code: confirm.participant.code })}
          body={t(confirm.kind === 'withdraw' ? 'participants.withdrawBody' : 'participants.deleteBody')}
          confirmLabel={t(confirm.kind === 'withdraw' ? 'participants.withdraw' : 'participants.deleteConfirm')}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const { participant } = confirm;
            if (confirm.kind === 'withdraw') {
              withdraw.mutate(
                { id: participant.id, withdrawn: true },
                {
                  ...errors,
                  onSuccess: () =>
                    showToast({
                      tone: 'info',
                      message: t('participants.withdrawnToast', { code: participant.code }),
                      action: { label: t('common.undo'), run: () => withdraw.mutate({ id: participant.id, withdrawn: false }) },
                    }),
                },
              );
            } else {
              remove.mutate({ id: participant.id }, errors);
            }
            setConfirm(null);
          }}
        />
      )}
    </section>
  );
}
