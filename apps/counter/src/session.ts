import type { Language } from '@antre/ui';
import { callHub } from '@antre/ui';
import type { LoginResponse } from '@antre/protocol';

// The hub serves this app, so the hub is where the page came from.
export const HUB_URL = window.location.origin;

export type Session = Pick<LoginResponse, 'token' | 'user'>;

const SESSION_KEY = 'antre.counter.session';
const COUNTER_KEY = 'antre.counter.counterId';
const LANGUAGE_KEY = 'antre.counter.language';

function read<T>(store: Storage, key: string): T | null {
  try {
    const raw = store.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** The sign-in lives for the browser tab; the counter and language belong to the device. */
export const storage = {
  session: (): Session | null => read<Session>(sessionStorage, SESSION_KEY),
  saveSession: (s: Session | null): void =>
    s
      ? sessionStorage.setItem(SESSION_KEY, JSON.stringify(s))
      : sessionStorage.removeItem(SESSION_KEY),
  counterId: (): string | null => read<string>(localStorage, COUNTER_KEY),
  saveCounterId: (id: string | null): void =>
    id
      ? localStorage.setItem(COUNTER_KEY, JSON.stringify(id))
      : localStorage.removeItem(COUNTER_KEY),
  language: (): Language => (read<Language>(localStorage, LANGUAGE_KEY) === 'en' ? 'en' : 'id'),
  saveLanguage: (l: Language): void => localStorage.setItem(LANGUAGE_KEY, JSON.stringify(l)),
};

export const hubApi = {
  login: (username: string, password: string) =>
    callHub('POST /api/auth/login', { body: { username, password } }),
  logout: (token: string) => callHub('POST /api/auth/logout', { token }),
  building: (token: string) => callHub('GET /api/building', { token }),
  staff: (token: string) => callHub('GET /api/counters/staff', { token }),
  alarms: (token: string) => callHub('GET /api/alarms', { token }),
  assign: (token: string, counterId: string, officerId: string) =>
    callHub('POST /api/counters/:counterId/assign', {
      token,
      params: { counterId },
      body: { commandId: crypto.randomUUID(), officerId },
    }),
};
