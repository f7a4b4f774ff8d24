import { DECOY_HASH, verifyPassword } from '../auth/passwords';
import { createSignInLimits, SIGN_IN_RATE_LIMIT } from '../auth/sign-in-limits';
import { HttpError, TooManyError } from '../http/routes';
import type { RegionAccounts } from './region-accounts';
import { defineRegionRoute } from './region-routes';

/** The lockout a building's sign-in has (5 wrong in 15 min, doubling), said in both languages. */
function lockedError(until: number): TooManyError {
  const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new TooManyError(
    'locked',
    `Terlalu banyak kata sandi salah; akun ini dikunci dari alamat ini. Coba lagi dalam ${minutes} menit / Too many wrong passwords; this account is locked here. Try again in ${minutes} minutes`,
    seconds,
  );
}

/**
 * Sign-in of a regional admin, guarded as a building's is (auth/auth-routes.ts): the route's
 * rate limit, one sign-in at a time per address, a cap on wrong passwords per address, and the
 * lockout of a name from an address, all before or around the scrypt check.
 */
export function regionAuthRoutes(accounts: RegionAccounts) {
  const limits = createSignInLimits();
  return [
    defineRegionRoute({
      route: 'POST /api/region/login',
      access: 'public',
      rateLimit: {
        ...SIGN_IN_RATE_LIMIT,
        message:
          'Terlalu banyak percobaan masuk dari alamat ini; tunggu sebentar / ' +
          SIGN_IN_RATE_LIMIT.message,
      },
      handle: ({ body, request }) =>
        limits.guard(request, async () => {
          const address = request.ip;
          const locked = await accounts.lockout.lockedUntil(body.username, address, Date.now());
          if (locked !== null) throw lockedError(locked);
          const user = await accounts.findUser(body.username);
          const valid = await verifyPassword(body.password, user?.password_hash ?? DECOY_HASH);
          if (!user || !valid || user.active !== 1) {
            await limits.wrongPassword(request);
            const now = await accounts.lockout.recordFailure(body.username, address, Date.now());
            if (now !== null) throw lockedError(now);
            throw new HttpError(
              401,
              'unauthorized',
              'Nama pengguna atau kata sandi salah / Wrong username or password',
            );
          }
          await accounts.lockout.recordSuccess(body.username, address);
          const session = await accounts.createSession(user.id, Date.now());
          return {
            ...session,
            user: { id: user.id, username: user.username, displayName: user.display_name },
          };
        }),
    }),
    defineRegionRoute({
      route: 'POST /api/region/logout',
      access: 'region',
      handle: async ({ request }) => {
        await accounts.endSession((request.headers.authorization ?? '').replace(/^Bearer /, ''));
        return { ok: true as const };
      },
    }),
  ];
}
