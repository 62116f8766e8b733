// The `?` overlay: every shortcut of interview mode, from the same table the
// handlers use.
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FINDING_SHORTCUTS, SHORTCUTS } from './keys';

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('capture.shortcuts')} onClose={onClose}>
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
