import type { StaffSession } from '@antre/ui';
import { callHub, readStored, staffStorage, writeStored } from '@antre/ui';

// The hub serves this app, so the hub is where the page came from.
export const HUB_URL = window.location.origin;

export type Session = StaffSession;

const COUNTER_KEY = 'antre.counter.counterId';

/** The sign-in lives for the browser tab; the counter and language belong to the device. */
export const storage = {
  ...staffStorage('counter'),
  counterId: (): string | null => readStored<string>(localStorage, COUNTER_KEY),
  saveCounterId: (id: string | null): void => writeStored(localStorage, COUNTER_KEY, id),
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
