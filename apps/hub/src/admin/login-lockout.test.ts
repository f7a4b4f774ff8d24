import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LockoutState } from '../auth/login-lockout';
import {
  afterFailure,
  lockedUntil,
  LOCKOUT_MAX_MS,
  LOCKOUT_MS,
  LOCKOUT_WINDOW_MS,
} from '../auth/login-lockout';
import { passwordWeakness } from '../auth/password-strength';
import { SIGN_IN_RATE_LIMIT } from '../auth/sign-in-limits';
import { apiFrom } from '../testing/from-address';
import type { TestHub } from '../testing/test-hub';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestHub } from '../testing/test-hub';

const MINUTE = 60_000;
const failAt = (times: number[]): LockoutState | undefined =>
  times.reduce<LockoutState | undefined>((state, at) => afterFailure(state, at), undefined);

describe('the lockout rule', () => {
  it.each([
    ['4 failures in 15 minutes', [0, 1, 2, 3].map((m) => m * MINUTE), 4 * MINUTE, null],
    [
      '5 failures in 15 minutes',
      [0, 1, 2, 3, 4].map((m) => m * MINUTE),
      5 * MINUTE,
      4 * MINUTE + LOCKOUT_MS,
    ],
    [
      '5 failures spread over 20 minutes',
      [0, 5, 10, 16, 20].map((m) => m * MINUTE),
      20 * MINUTE,
      null,
    ],
    [
      '5 failures, asked 15 minutes after the last',
      [0, 1, 2, 3, 4].map((m) => m * MINUTE),
      4 * MINUTE + LOCKOUT_MS,
      null,
    ],
  ] as const)('when %s, then locked until %s', (_case, times, now, until) => {
    expect(lockedUntil(failAt([...times]), now)).toBe(until);
  });

  it('when the same name and address are locked again, then each lock lasts twice as long, up to 8 hours', () => {
    let state = failAt([0, 1, 2, 3, 4].map((m) => m * MINUTE));
    const lengths: number[] = [];
    for (let lock = 0; lock < 7; lock += 1) {
      const start = state!.lockedUntil!;
      lengths.push((start - state!.firstFailureAt) / MINUTE);
      for (let i = 0; i < 5; i += 1) state = afterFailure(state, start + i * MINUTE);
    }
    expect(lengths).toEqual([15, 30, 60, 120, 240, 480, LOCKOUT_MAX_MS / MINUTE]);
  });

  it('when the window has passed, then counting starts again from one', () => {
    const state = afterFailure(failAt([0, MINUTE, 2 * MINUTE]), LOCKOUT_WINDOW_MS + 1);
    expect(state).toMatchObject({ failures: 1, lockedUntil: null });
  });
});

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => hub.close());

const signIn = (username: string, password: string) =>
  hub.api('/api/auth/login', { body: { username, password } });

// Each sign-in hashes with scrypt (~0.2 s, seconds on a busy machine).
describe('signing in with wrong passwords', { timeout: 120_000 }, () => {
  it('when four wrong passwords are followed by the right one, then the count starts again', async () => {
    for (let i = 0; i < 4; i += 1) expect((await signIn('spv.bpn', 'salah')).status).toBe(401);
    expect((await signIn('spv.bpn', DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await signIn('spv.bpn', 'salah')).status).toBe(401);
    expect((await signIn('spv.bpn', DEMO_PASSWORD)).status).toBe(200);
  });

  it('when five wrong passwords are given, then the name is locked even for the right one, and others are not', async () => {
    for (let i = 0; i < 4; i += 1) expect((await signIn('spv.kpp', 'salah')).status).toBe(401);

    const fifth = await signIn('spv.kpp', 'salah');
    const right = await signIn('spv.kpp', DEMO_PASSWORD);

    expect(fifth).toMatchObject({ status: 429, body: { ok: false, error: { code: 'locked' } } });
    expect(right.status).toBe(429);
    expect((right.body.error as unknown as { message: string }).message).toMatch(/locked/);
    expect((await signIn('petugas.kpp', DEMO_PASSWORD)).status).toBe(200);
  });

  it('when a locked person gets a new password from the admin, then they can sign in at once', async () => {
    for (let i = 0; i < 5; i += 1) await signIn('petugas.pln', 'salah');
    expect((await signIn('petugas.pln', DEMO_PASSWORD)).status).toBe(429);
    const admin = await hub.login('admin');
    const users = (await hub.api('/api/users', { token: admin })).body.users as {
      id: string;
      username: string;
    }[];
    const id = users.find((u) => u.username === 'petugas.pln')!.id;

    const reset = await hub.api(`/api/users/${id}/password`, { token: admin, body: {} });

    expect((await signIn('petugas.pln', reset.body.password as string)).status).toBe(200);
  });
});

// Each sign-in hashes with scrypt (~0.2 s, seconds on a busy machine).
describe('signing in from other addresses', { timeout: 120_000 }, () => {
  const url = () => `${hub.url}/api/auth/login`;
  const signInFrom = (address: string, username: string, password: string) =>
    apiFrom(address, url(), { body: { username, password } });

  it('when a stranger locks the admin name from their address, then the admin still signs in from theirs', async () => {
    for (let i = 0; i < 4; i += 1)
      expect((await signInFrom('127.0.0.2', 'admin', 'tebakan')).status).toBe(401);
    const locked = await signInFrom('127.0.0.2', 'admin', 'tebakan');
    expect(locked).toMatchObject({ status: 429, body: { error: { code: 'locked' } } });
    const wait = (locked.body.error as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers['retry-after']).toBe(String(wait));
    // Even the right password waits at the stranger's address …
    expect((await signInFrom('127.0.0.2', 'admin', ADMIN_PASSWORD)).status).toBe(429);
    // … but not at the admin's own.
    expect((await signIn('admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('when one address sends a burst of sign-ins, then the rest are refused before any password is checked', async () => {
    const answers = await Promise.all(
      Array.from({ length: SIGN_IN_RATE_LIMIT.max + 5 }, () =>
        apiFrom('127.0.0.5', url(), { body: {} }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 400).length).toBe(SIGN_IN_RATE_LIMIT.max);
    expect(statuses.filter((s) => s === 429).length).toBe(5);
    expect(answers.find((a) => a.status === 429)?.body).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
  });
});

describe('choosing a password', () => {
  it.each([
    ['aaaaaaaaaaaa', ['repeats']],
    ['abcabcabcabc', ['repeats']],
    ['password1234', ['most_common', 'common', 'like_common']],
    ['1234567890', ['most_common', 'common', 'like_common']],
    ['qwertyuiop12', ['most_common', 'common', 'like_common']],
  ])('when the password is %s, then it is refused as %s', (password, weaknesses) => {
    expect(weaknesses).toContain(passwordWeakness(password));
  });

  it.each(['rahasia-123', 'demo-test-password', 'abcd-efgh-jkmn-pqrs', 'kata-sandi-baru'])(
    'when the password is %s, then it is accepted',
    (password) => {
      expect(passwordWeakness(password)).toBeNull();
    },
  );

  it('when the admin gives a new person a repeated password, then it is refused on the password field and nobody is added', async () => {
    const admin = await hub.login('admin');
    const person = {
      username: 'petugas.baru',
      displayName: 'Petugas Baru',
      role: 'officer',
      agencyId: 'disdukcapil',
    };
    const weak = await hub.api('/api/users', {
      token: admin,
      body: { ...person, password: 'aaaaaaaaaaaa' },
    });
    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect((weak.body.error as unknown as { fields: unknown[] }).fields).toEqual([
      {
        path: 'password',
        rule: 'weak_password',
        values: { variant: 'repeats' },
        message: 'too easy to guess (repeats)',
      },
    ]);
    const named = await hub.api('/api/users', {
      token: admin,
      body: { ...person, password: 'petugas.baru1' },
    });
    expect(named.status).toBe(400);
    const strong = await hub.api('/api/users', {
      token: admin,
      body: { ...person, password: 'rahasia-123' },
    });
    expect(strong.status).toBe(201);
  });
});
