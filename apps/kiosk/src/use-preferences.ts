import type { Language } from '@antre/ui';
import { useEffect, useState } from 'react';
import { translate } from './messages';

/** The visitor's language and reading aids; the next visitor starts from the defaults. */
export function usePreferences() {
  const [language, setLanguage] = useState<Language>('id');
  const [largeText, setLargeText] = useState(false);
  const [highContrast, setHighContrast] = useState(false);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = language;
    root.classList.toggle('large-text', largeText);
    root.classList.toggle('high-contrast', highContrast);
  }, [language, largeText, highContrast]);

  return {
    language,
    largeText,
    highContrast,
    t: translate(language),
    toggleLanguage: () => setLanguage((l) => (l === 'id' ? 'en' : 'id')),
    toggleLargeText: () => setLargeText((v) => !v),
    toggleHighContrast: () => setHighContrast((v) => !v),
    reset: () => {
      setLanguage('id');
      setLargeText(false);
      setHighContrast(false);
    },
  };
}

export type Preferences = ReturnType<typeof usePreferences>;
