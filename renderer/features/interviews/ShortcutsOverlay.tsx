// The `?` overlay: every shortcut of interview mode, from the same table the
// handlers use, and what the TERMS letters of Shift+T/E/R/M/S stand for.
import { useTranslation } from 'react-i18next';
import { PAIN_KINDS } from '../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { FINDING_SHORTCUTS, SHORTCUTS } from './keys';

/** `returnFocus` puts the keyboard back in the notes when the overlay closes. */
export function ShortcutsOverlay({ onClose, returnFocus }: { onClose: () => void; returnFocus?: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('capture.shortcuts')} onClose={onClose} returnFocus={returnFocus}>
      <div className="shortcut-columns" data-testid="shortcuts">
        <section>
          <h3>{t('capture.whileTyping')}</h3>
          <dl className="shortcut-list">
            {SHORTCUTS.map((s) => (
              <div key={s.keys}>
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{t(`capture.keys.${s.action}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section>
          <h3>{t('capture.onFinding')}</h3>
          <dl className="shortcut-list">
            {FINDING_SHORTCUTS.map((s) => (
              <div key={s.keys}>
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{s.action.startsWith('type.') ? t(`findingTypes.${s.action.slice(5)}.name`) : t(`capture.keys.${s.action}`)}</dd>
              </div>
            ))}
          </dl>
          <h3 className="shortcut-terms-title">{t('capture.termsLetters')}</h3>
          <dl className="shortcut-list" data-testid="terms-letters">
            {PAIN_KINDS.map((kind) => (
              <div key={kind} title={t(`terms.${kind}.definition`)}>
                <dt>
                  <span className={`terms-chip terms-${kind}`}>{kind}</span>
                </dt>
                <dd>{t(`terms.${kind}.name`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <div className="dialog-actions">
        <button className="button primary" autoFocus onClick={onClose}>
          {t('capture.done')}
        </button>
      </div>
    </Dialog>
  );
}
