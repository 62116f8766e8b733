// A study without a guide starts from the customer-journey template (in English,
// Simplified or Traditional Chinese), from a copy of another study's guide, or blank.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STUDY_LANGUAGES, type StudyLanguage } from '../../../shared/domain';
import { useMutationOf, useOperation } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { LANGUAGES } from '../../i18n';
import { Select } from '../../components/Select';

export function GuideStart({ studyId, language }: { studyId: string; language: StudyLanguage }) {
  const { t } = useTranslation();
  const create = useMutationOf('guide.create');
  const studies = useOperation('study.list', {});
  const [templateLanguage, setTemplateLanguage] = useState<StudyLanguage>(language);
  const others = (studies.data ?? []).filter((s) => s.id !== studyId);
  const [copyFrom, setCopyFrom] = useState('');
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();

  return (
    <div className="guide-start">
      <article className="panel start-card">
        <h2>{t('guide.fromTemplate')}</h2>
        <p className="muted">{t('guide.fromTemplateBody')}</p>
        <label className="field inline">
          <span>{t('guide.templateLanguage')}</span>
          <Select value={templateLanguage} onChange={(e) => setTemplateLanguage(e.target.value as StudyLanguage)}>
            {STUDY_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGES.find((l) => l.code === code)?.label}
              </option>
            ))}
          </Select>
        </label>
        <button className="button primary" disabled={readOnly} title={reason} onClick={() => create.mutate({ studyId, source: { kind: 'template', language: templateLanguage } }, errors)}>
          <Icon name="guide" size={16} /> {t('guide.useTemplate')}
        </button>
      </article>
      <article className="panel start-card">
        <h2>{t('guide.fromStudy')}</h2>
        <p className="muted">{t('guide.fromStudyBody')}</p>
        <Select aria-label={t('guide.fromStudy')} value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
          <option value="">{t('guide.chooseStudy')}</option>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
        <button className="button" disabled={!copyFrom || readOnly} title={reason} onClick={() => create.mutate({ studyId, source: { kind: 'study', studyId: copyFrom } }, errors)}>
          {t('guide.copy')}
        </button>
      </article>
      <article className="panel start-card">
        <h2>{t('guide.blank')}</h2>
        <p className="muted">{t('guide.blankBody')}</p>
        <button className="button" disabled={readOnly} title={reason} onClick={() => create.mutate({ studyId, source: { kind: 'blank' } }, errors)}>
          {t('guide.startBlank')}
        </button>
      </article>
    </div>
  );
}
