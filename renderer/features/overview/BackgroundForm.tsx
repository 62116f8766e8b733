// The study's background: research goal, product or service studied, planned number
// of interviews and the language the study is run in. Saved as you leave each field.
import { useTranslation } from 'react-i18next';
import type { Study } from '../../../shared/api/entities';
import { STUDY_LANGUAGES, type StudyLanguage } from '../../../shared/domain';
import { useMutationOf } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { EditableText } from '../../components/EditableText';
import { saveBasedOn } from '../../components/editConflict';
import { reportErrors } from '../../components/mutate';
import { LANGUAGES } from '../../i18n';
import { Select } from '../../components/Select';

export function BackgroundForm({ study }: { study: Study }) {
  const { t } = useTranslation();
  const update = useMutationOf('study.update');
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  return (
    <article className="panel background">
      <h2>{t('overview.goal')}</h2>
      <EditableText
        multiline
        rows={4}
        label={t('overview.goal')}
        placeholder={t('studies.goalPlaceholder')}
        value={study.goal}
        readOnly={readOnly}
        onSave={(goal, base) => saveBasedOn(t, update, { id: study.id, goal }, { goal: base })}
      />
      <div className="background-row">
        <label className="field">
          <span>{t('studies.product')}</span>
          <EditableText
            label={t('studies.product')}
            placeholder={t('studies.productPlaceholder')}
            value={study.product}
            readOnly={readOnly}
            onSave={(product, base) => saveBasedOn(t, update, { id: study.id, product }, { product: base })}
          />
        </label>
        <label className="field narrow">
          <span>{t('overview.planned')}</span>
          <input
            type="number"
            min={0}
            max={10000}
            defaultValue={study.plannedInterviews}
            key={study.plannedInterviews}
            readOnly={readOnly}
            title={reason}
            onBlur={(e) => {
              const planned = Math.max(0, Math.round(Number(e.target.value) || 0));
              if (planned !== study.plannedInterviews) update.mutate({ id: study.id, plannedInterviews: planned }, errors);
            }}
          />
        </label>
        <label className="field narrow">
          <span>{t('overview.language')}</span>
          <Select
            value={study.language}
            disabled={readOnly}
            title={reason}
            onChange={(e) => update.mutate({ id: study.id, language: e.target.value as StudyLanguage }, errors)}
          >
            {STUDY_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGES.find((l) => l.code === code)?.label}
              </option>
            ))}
          </Select>
        </label>
      </div>
      <p className="hint">{t('overview.languageHint')}</p>
    </article>
  );
}
