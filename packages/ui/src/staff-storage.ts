import type { LoginResponse } from '@antre/protocol';
import type { Language } from './i18n';

export type StaffSession = Pick<LoginResponse, 'token' | 'user'>;

/** A stored JSON value; null when absent or unreadable (written by an older version). */
export function readStored<T>(store: Storage, key: string): T | null {
  try {
    const raw = store.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Stores a value as JSON; null removes it. */
export function writeStored(store: Storage, key: string, value: unknown): void {
  if (value === null) store.removeItem(key);
  else store.setItem(key, JSON.stringify(value));
}

/**
 * Where a staff app (admin, counter) keeps its sign-in and language: the sign-in lives for
 * the browser tab, the language belongs to the device.
 */
export function staffStorage(app: string) {
  const sessionKey = `antre.${app}.session`;
  const languageKey = `antre.${app}.language`;
  return {
    session: (): StaffSession | null => readStored<StaffSession>(sessionStorage, sessionKey),
    saveSession: (s: StaffSession | null): void => writeStored(sessionStorage, sessionKey, s),
    language: (): Language =>
      readStored<Language>(localStorage, languageKey) === 'en' ? 'en' : 'id',
    saveLanguage: (l: Language): void => writeStored(localStorage, languageKey, l),
  };
}
