import type { ApiError } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { signInRefusal } from './SignInScreen';

const t = (word: string, values: Record<string, string | number> = {}): string =>
  `${word}${values.minutes === undefined ? '' : `:${values.minutes}`}`;
const LOCKED = 'Too many wrong passwords; this account is locked here';

describe('signInRefusal', () => {
  it.each([
    ['a wrong password', 'wrongPassword', { code: 'unauthorized', message: 'Wrong password' }],
    ['no hub', 'serverUnreachable', { code: 'offline', message: 'The hub could not be reached' }],
    [
      'a locked name, 11 min 5 s left',
      'loginLocked:12',
      { code: 'locked', message: LOCKED, retryAfterSeconds: 665 },
    ],
    [
      'a locked name, 30 s left',
      'loginLocked:1',
      { code: 'locked', message: LOCKED, retryAfterSeconds: 30 },
    ],
    ['a locked name, time not given', 'loginLocked:15', { code: 'locked', message: 'Locked' }],
  ] as [string, string, ApiError][])(
    'when the hub answers %s, then it says %s',
    (_, said, error) => {
      expect(signInRefusal(error, t)).toBe(said);
    },
  );
});
