// A question with Cancel (focused, so Enter never confirms by accident) and one
// confirming action: the shape every "delete this for good?" dialog shares.
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  body: string;
  /** A second paragraph: a consequence worth reading on its own (e.g. what happens to child tags). */
  detail?: string | undefined;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, body, detail, confirmLabel, tone = 'danger', onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onCancel}>
      <p>{body}</p>
      {detail && <p>{detail}</p>}
      <div className="dialog-actions">
        <button className="button" autoFocus onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button className={tone === 'danger' ? 'button danger-solid' : 'button primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
