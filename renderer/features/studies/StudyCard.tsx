// One study in the library: name (renamable in place), goal, counts and actions.
import { memo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../shared/api/entities';
import { useReadOnly } from '../../app/useReadOnly';
import { Icon } from '../../components/Icon';

interface Props {
  study: StudySummary;
  onOpen: (id: string) => void;
  /** `base`: the name the edit started from; the core refuses the rename if it was changed meanwhile. */
  onRename: (id: string, name: string, base: string) => void;
  onDelete: (study: StudySummary) => void;
}

export const StudyCard = memo(function StudyCard({ study, onOpen, onRename, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const { readOnly, reason } = useReadOnly();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(study.name);
  // The name the edit started from: a rename saved elsewhere meanwhile does not replace what is typed.
  const [base, setBase] = useState(study.name);
  const startEditing = () => {
    setDraft(study.name);
    setBase(study.name);
    setEditing(true);
  };

  const finish = (save: boolean) => {
    setEditing(false);
    const name = draft.trim();
    if (save && name && name !== base && name !== study.name) onRename(study.id, name, base);
    else setDraft(study.name);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') finish(true);
    if (event.key === 'Escape') finish(false);
  };
  const updated = new Date(study.updatedAt).toLocaleDateString(i18n.language, { dateStyle: 'medium' });

  return (
    <article className="study-card" aria-label={study.name} data-testid="study-card">
      <header className="study-card-head">
        {editing ? (
          <input
            className="inline-input"
            autoFocus
            value={draft}
            maxLength={200}
            aria-label={t('studies.name')}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
            onBlur={() => finish(true)}
          />
        ) : (
          <h3>
            <button className="link-button study-open" onClick={() => onOpen(study.id)}>
              {study.name}
            </button>
          </h3>
        )}
        {study.isSample && <span className="badge">{t('studies.sample')}</span>}
      </header>
      <p className="study-goal">{study.goal || t('studies.noGoal')}</p>
      <dl className="study-counts">
        <div>
          <dt>{t('counts.participants')}</dt>
          <dd>{study.counts.participants}</dd>
        </div>
        <div>
          <dt>{t('counts.sessions')}</dt>
          <dd>{study.counts.sessions}</dd>
        </div>
        <div>
          <dt>{t('counts.findings')}</dt>
          <dd>{study.counts.findings}</dd>
        </div>
        <div>
          <dt>{t('counts.personas')}</dt>
          <dd>{study.counts.personas}</dd>
        </div>
      </dl>
      <footer className="study-card-foot">
        <span className="muted">{t('studies.updated', { date: updated })}</span>
        <span className="card-actions">
          <button className="icon-button" aria-label={t('studies.rename')} title={reason ?? t('studies.rename')} onClick={startEditing} disabled={readOnly}>
            <Icon name="edit" size={16} />
          </button>
          <button className="icon-button danger" aria-label={t('studies.delete')} title={reason ?? t('studies.delete')} onClick={() => onDelete(study)} disabled={readOnly}>
            <Icon name="trash" size={16} />
          </button>
        </span>
      </footer>
    </article>
  );
});
