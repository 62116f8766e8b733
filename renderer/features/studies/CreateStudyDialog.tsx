// Asks for a new study's name (and optionally its goal and product, and its language,
// which starts as the UI's), then opens it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Study } from '../../../shared/api/entities';
import { STUDY_LANGUAGES, type StudyLanguage } from '../../../shared/domain';
import { useMutationOf } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { errorMessage } from '../../components/errors';
import { Select } from '../../components/Select';
import { LANGUAGES, languageForLocale } from '../../i18n';

export function CreateStudyDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (study: Study) => void }) {
  const { t, i18n } = useTranslation();
  const create = useMutationOf('study.create');
  // A Chinese UI plans a Chinese study: its guide templates, default probes and exports follow.
  const [language, setLanguage] = useState<StudyLanguage>(() => languageForLocale(i18n.language));
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [product, setProduct] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), goal: goal.trim(), product: product.trim(), language },
      { onSuccess: (study) => onCreated(study) },
    );
  };

  return (
    <Dialog title={t('studies.createTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span>{t('studies.name')}</span>
          <input
            autoFocus
            value={name}
            maxLength={200}
            required
            placeholder={t('studies.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('studies.goal')}</span>
          <textarea
            rows={3}
            value={goal}
            maxLength={2000}
            placeholder={t('studies.goalPlaceholder')}
            onChange={(e) => setGoal(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('studies.product')}</span>
          <input
            value={product}
            maxLength={2000}
            placeholder={t('studies.productPlaceholder')}
            onChange={(e) => setProduct(e.target.value)}
          />
        </label>
        <label className="field narrow">
          <span>{t('overview.language')}</span>
          <Select value={language} onChange={(e) => setLanguage(e.target.value as StudyLanguage)}>
            {STUDY_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGES.find((l) => l.code === code)?.label}
              </option>
            ))}
          </Select>
        </label>
        <p className="hint">{t('studies.defaultStagesHint')}</p>
        {create.error && <p className="form-error">{errorMessage(t, create.error)}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={!name.trim() || create.isPending}>
            {t('studies.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
