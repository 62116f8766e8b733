// The page's language: the host's own choice in the rail, and each teammate's own on their page.
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import { Select } from './Select';
import { LANGUAGES, setLanguage, type LanguageCode } from '../i18n';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <Icon name="globe" size={16} />
      <span className="sr-only">{t('nav.language')}</span>
      <Select value={i18n.language} aria-label={t('nav.language')} onChange={(e) => setLanguage(e.target.value as LanguageCode)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </Select>
    </label>
  );
}
