export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** An app's texts: Indonesian first, English with the same keys. */
export type Messages<K extends string> = { id: Record<K, string>; en: Record<K, string> };
export type Translator<K extends string> = (
  key: K,
  values?: Record<string, string | number>,
) => string;

/** `t('waiting', { n: 3 })` fills {n}; a missing key shows itself, never a crash. */
export function translator<K extends string>(
  messages: Messages<K>,
  language: Language,
): Translator<K> {
  return (key, values = {}) => {
    const template = messages[language][key] ?? messages.id[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
}

/** What an app takes from its one catalogue: a translator per language, and a key check. */
export function catalogue<K extends string>(messages: Messages<K>) {
  return {
    translate: (language: Language): Translator<K> => translator(messages, language),
    isMessageKey: (key: string): key is K => key in messages.id,
  };
}
