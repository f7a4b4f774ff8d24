import type { ApiError } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { signInRefusal } from './SignInScreen';

const t = (word: string, values: Record<string, string | number> = {}): string =>
  `${word}${values.minutes === undefined ? '' : `:${values.minutes}`}`;
const LOCKED_12 =
  'Too many wrong passwords; this account is locked. Try again in 12 minutes or ask the admin';

describe('signInRefusal', () => {
  it.each([
    ['a wrong password', 'wrongPassword', { code: 'unauthorized', message: 'Wrong password' }],
    ['no hub', 'loginOffline', { code: 'offline', message: 'The hub could not be reached' }],
    ['a locked name, 12 minutes left', 'loginLocked:12', { code: 'locked', message: LOCKED_12 }],
    ['a locked name, time not given', 'loginLocked:15', { code: 'locked', message: 'Locked' }],
  ] as [string, string, ApiError][])(
    'when the hub answers %s, then it says %s',
    (_, said, error) => {
      expect(signInRefusal(error, t)).toBe(said);
    },
  );
});
