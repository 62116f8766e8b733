// Choose a persona's face: a generated one in one of the palettes, or a picture.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AVATAR_PALETTES } from '../../../shared/domain';
import { PALETTE_COLOURS } from '../../../shared/avatar';
import { useReadOnly } from '../../app/useReadOnly';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { avatarFromFile } from './avatarImage';
import { PersonaAvatar } from './PersonaAvatar';

export function AvatarPicker({ avatar, name, onChange }: { avatar: string; name: string; onChange: (avatar: string) => void }) {
  const { t } = useTranslation();
  const { readOnly, reason } = useReadOnly();
  const [open, setOpen] = useState(false);
  const file = useRef<HTMLInputElement | null>(null);

  const upload = async (picked: File | undefined) => {
    if (!picked) return;
    try {
      onChange(await avatarFromFile(picked));
      setOpen(false);
    } catch {
      showToast({ tone: 'error', message: t('personas.avatarUnreadable') });
    }
  };

  return (
    <div className="avatar-picker">
      <button className="avatar-button" aria-label={t('personas.changeAvatar')} aria-expanded={open} onClick={() => setOpen(!open)} disabled={readOnly} title={reason}>
        <PersonaAvatar avatar={avatar} name={name} size={88} />
      </button>
      {open && (
        <div className="avatar-popover panel" role="dialog" aria-label={t('personas.changeAvatar')}>
          <div className="swatches">
            {AVATAR_PALETTES.map((palette) => (
              <button
                key={palette}
                className="swatch"
                style={{ background: PALETTE_COLOURS[palette].background, borderColor: PALETTE_COLOURS[palette].text }}
                aria-label={t('personas.palette', { palette })}
                onClick={() => (onChange(`generated:${palette}`), setOpen(false))}
              />
            ))}
          </div>
          <button className="button small" onClick={() => file.current?.click()}>
            <Icon name="upload" size={14} /> {t('personas.uploadPicture')}
          </button>
          <input ref={file} type="file" accept="image/png,image/jpeg,image/webp" hidden onChange={(e) => void upload(e.target.files?.[0])} />
        </div>
      )}
    </div>
  );
}
