// The PERSONAL checklist, live: each letter with what passes and what is missing.
import { useTranslation } from 'react-i18next';
import type { PersonalCheck } from '../../../shared/api/personas';
import { Icon } from '../../components/Icon';

export function PersonalChecklist({ checks }: { checks: readonly PersonalCheck[] }) {
  const { t } = useTranslation();
  const passed = checks.filter((c) => c.pass).length;
  return (
    <section className="panel personal" aria-labelledby="personal-title" data-testid="personal">
      <h2 id="personal-title">
        {t('personas.personal.title')} <span className="muted">{t('personas.personal.score', { passed, total: checks.length })}</span>
      </h2>
      <ul className="personal-list">
        {checks.map((check) => (
          <li key={check.letter} className={check.pass ? 'pass' : 'fail'} data-letter={check.letter}>
            <span className="personal-letter" aria-hidden>
              {check.letter}
            </span>
            <div>
              <strong>{t(`personas.personal.letters.${check.letter}`)}</strong>
              <span className="personal-verdict">
                <Icon name={check.pass ? 'check' : 'warning'} size={13} />
                {t(`personas.personal.reasons.${check.reason}`, {
                  count: check.count ?? 0,
                  total: check.total ?? 0,
                  other: check.otherPersona?.name ?? '',
                })}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
