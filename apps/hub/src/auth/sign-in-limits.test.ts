import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineRoute, installErrorHandlers, registerRoutes } from '../http/routes';
import { installSecurity } from '../http/security';
import { apiFrom } from '../testing/from-address';
import type { AuthStore } from './auth-store';
import {
  createSignInLimits,
  SIGN_INS_WAITING,
  WRONG_PASSWORDS_PER_ADDRESS,
} from './sign-in-limits';

const STAND_IN = {
  id: 'u1',
  username: 'petugas',
  displayName: 'Petugas',
  role: 'officer' as const,
  agencyId: null,
};

// The address limits on their own, with a sign-in that takes 100 ms instead of scrypt's
// 0.2 s or more: the rules are the same, the test stays fast on a busy machine.
const SIGN_IN_MS = 100;
let app: FastifyInstance;
const running = new Map<string, number>();
const mostAtOnce = new Map<string, number>();
let url: string;
beforeAll(async () => {
  app = Fastify();
  installErrorHandlers(app);
  await installSecurity(app);
  const limits = createSignInLimits();
  const route = defineRoute({
    route: 'POST /api/auth/login',
    summary: 'a sign-in stand-in: right when the password is "benar"',
    tag: 'test',
    access: 'public',
    handle: ({ body, request }) =>
      limits.guard(request, async () => {
        const now = (running.get(request.ip) ?? 0) + 1;
        running.set(request.ip, now);
        mostAtOnce.set(request.ip, Math.max(mostAtOnce.get(request.ip) ?? 0, now));
        await new Promise((resolve) => setTimeout(resolve, SIGN_IN_MS));
        running.set(request.ip, now - 1);
        if (body.password !== 'benar') {
          await limits.wrongPassword(request);
          throw new Error('wrong');
        }
        return { token: 'token', expiresAt: 0, user: STAND_IN };
      }),
  });
  registerRoutes(app, [route], {} as AuthStore);
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => app?.close());

const signInFrom = (address: string, password: string) =>
  apiFrom(address, `${url}/api/auth/login`, { body: { username: 'petugas', password } });

describe('sign-in limits per address', () => {
  it('when one address has used up its wrong guesses, then even a right password waits there, and other addresses go on', async () => {
    for (let i = 0; i < WRONG_PASSWORDS_PER_ADDRESS; i += 1)
      expect((await signInFrom('127.0.0.2', 'salah')).status).toBe(500);
    const refused = await signInFrom('127.0.0.2', 'benar');
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'locked' } } });
    const wait = (refused.body.error as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThan(14 * 60);
    expect((await signInFrom('127.0.0.3', 'benar')).status).toBe(200);
  });

  it('when 40 sign-ins arrive at once from one address, then they run in turn, the surplus is refused at once, and another address is not kept waiting', async () => {
    const burst = Promise.all(Array.from({ length: 40 }, () => signInFrom('127.0.0.4', 'benar')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    let burstDone = false;
    void burst.then(() => (burstDone = true));
    expect((await signInFrom('127.0.0.5', 'benar')).status).toBe(200);
    const otherBeforeBurst = !burstDone;
    const statuses = (await burst).map((a) => a.status);

    // One address holds one hashing turn at a time; what does not fit in its queue is refused.
    expect(mostAtOnce.get('127.0.0.4')).toBe(1);
    expect(statuses.filter((s) => s === 200).length).toBeLessThan(40 - 20);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(
      40 - 5 * (SIGN_INS_WAITING + 1),
    );
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // The other address ran beside the burst, not after it.
    expect(otherBeforeBurst).toBe(true);
  });
});
