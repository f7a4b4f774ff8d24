import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LockoutState } from '../auth/login-lockout';
import { afterFailure, lockedUntil, LOCKOUT_MS, LOCKOUT_WINDOW_MS } from '../auth/login-lockout';
import type { TestHub } from '../testing/test-hub';
import { DEMO_PASSWORD, startTestHub } from '../testing/test-hub';

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

describe('signing in with wrong passwords', () => {
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
