// "Image" on the board's toolbar: the board as SVG or PNG, from one menu so the
// toolbar stays on one line.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useMenu } from './menuKeys';

export function ImageExportMenu({ onSvg, onPng }: { onSvg: () => void; onPng: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const menu = useRef<HTMLDivElement | null>(null);
  const close = useCallback(() => setOpen(false), []);
  const onKeyDown = useMenu(open, menu, trigger, close);
  const choose = (action: () => void) => () => {
    setOpen(false);
    trigger.current?.focus();
    action();
  };
  return (
    <div className="export-menu">
      <button ref={trigger} className="button small" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="download" size={14} /> {t('board.exportImage')}
      </button>
      {open && (
        <div ref={menu} className="menu-popover image-menu" role="menu" aria-label={t('board.exportImage')} onKeyDown={onKeyDown}>
          <button role="menuitem" tabIndex={-1} className="menu-item" onClick={choose(onSvg)}>
            {t('board.exportSvg')}
          </button>
          <button role="menuitem" tabIndex={-1} className="menu-item" onClick={choose(onPng)}>
            {t('board.exportPng')}
          </button>
        </div>
      )}
    </div>
  );
}
