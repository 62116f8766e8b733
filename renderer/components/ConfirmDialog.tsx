// A question with Cancel (focused, so Enter never confirms by accident) and one
// confirming action: the shape every "delete this for good?" dialog shares. A question
// that is safe to confirm at once (ending an interview) can focus the action instead,
// so Enter confirms and Escape cancels.
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
  /** Enter confirms: the confirming action has the keyboard when the dialog opens. */
  enterConfirms?: boolean;
  /** Where the keyboard goes when the dialog closes (see Dialog). */
  returnFocus?: () => void;
}

export function ConfirmDialog({ title, body, detail, confirmLabel, tone = 'danger', onConfirm, onCancel, enterConfirms = false, returnFocus }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onCancel} returnFocus={returnFocus}>
      <p>{body}</p>
      {detail && <p>{detail}</p>}
      <div className="dialog-actions">
        <button className="button" autoFocus={!enterConfirms} data-autofocus={enterConfirms ? undefined : ''} onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button className={tone === 'danger' ? 'button danger-solid' : 'button primary'} autoFocus={enterConfirms} data-autofocus={enterConfirms ? '' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
