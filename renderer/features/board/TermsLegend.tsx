// What the TERMS letters on the cards mean, always in view under the board.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { PAIN_KINDS } from '../../../shared/domain';

export const TermsLegend = memo(function TermsLegend() {
  const { t } = useTranslation();
  return (
    <div className="terms-legend" aria-label={t('board.termsLegend')} data-testid="terms-legend">
      <span className="terms-legend-title">{t('board.termsLegend')}</span>
      {PAIN_KINDS.map((k) => (
        <span key={k} className="terms-legend-item" title={t(`terms.${k}.definition`)}>
          <span className={`terms-chip small terms-${k}`} aria-hidden="true">
            {k}
          </span>
          <span>{t(`terms.${k}.name`)}</span>
        </span>
      ))}
    </div>
  );
});
