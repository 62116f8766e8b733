// The built-in taxonomies every study shares and nobody can delete: TERMS pain
// kinds and finding types, with their definitions, and the study's journey stages.
import { useTranslation } from 'react-i18next';
import { FINDING_TYPES, PAIN_KINDS } from '../../../shared/domain';
import { useOperation } from '../../api/queries';
import { stageName } from '../overview/stageName';

export function BuiltInTaxonomies({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const overview = useOperation('study.overview', { id: studyId });
  return (
    <section className="taxonomies" aria-labelledby="builtins-title">
      <h2 id="builtins-title" className="section-title">
        {t('codebook.builtIn')}
      </h2>
      <p className="hint">{t('codebook.builtInHint')}</p>
      <div className="taxonomy-grid">
        <article className="panel">
          <h3>{t('codebook.terms')}</h3>
          <dl className="definitions">
            {PAIN_KINDS.map((kind) => (
              <div key={kind}>
                <dt>
                  <span className={`terms-chip terms-${kind}`}>{kind}</span> {t(`terms.${kind}.name`)}
                </dt>
                <dd>{t(`terms.${kind}.definition`)}</dd>
              </div>
            ))}
          </dl>
        </article>
        <article className="panel">
          <h3>{t('codebook.findingTypes')}</h3>
          <dl className="definitions">
            {FINDING_TYPES.map((type) => (
              <div key={type}>
                <dt>{t(`findingTypes.${type}.name`)}</dt>
                <dd>{t(`findingTypes.${type}.definition`)}</dd>
              </div>
            ))}
          </dl>
        </article>
        <article className="panel">
          <h3>{t('codebook.stages')}</h3>
          <dl className="definitions">
            {overview.data?.stages.map((stage, i) => (
              <div key={stage.id}>
                <dt>
                  {i + 1}. {stageName(t, stage)}
                </dt>
                <dd>{stage.description || t('codebook.noStageDescription')}</dd>
              </div>
            ))}
          </dl>
        </article>
      </div>
    </section>
  );
}
