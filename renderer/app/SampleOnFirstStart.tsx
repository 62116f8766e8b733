// Asks the library for its sample study in the UI's language before the first screen
// shows: a new library opened by a Chinese UI starts with the Chinese sample, by an
// English one with the English sample. A library that already had a sample (or never
// makes one) answers at once and nothing changes; a refusal (a library with a
// problem, read-only) only means no sample.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/queries';
import { LANGUAGES, type LanguageCode } from '../i18n';

export function SampleOnFirstStart({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const language: LanguageCode = LANGUAGES.find((l) => l.code === i18n.language)?.code ?? 'en';
    let live = true;
    call('sample.firstStart', { language })
      .catch(() => undefined)
      .finally(() => {
        if (live) setReady(true);
      });
    return () => {
      live = false;
    };
    // Once, with the language the UI started in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ready ? <>{children}</> : null;
}
