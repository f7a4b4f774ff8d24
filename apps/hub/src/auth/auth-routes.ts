import { checkDeviceNameFree } from '../pairing/device-names';
import type { Building } from '@antre/domain';
import type { Sql } from '../db/sql';
import { defineRoute, HttpError, TooManyError } from '../http/routes';
import { checkDevicePlace } from '../pairing/device-place';
import type { AuthStore } from './auth-store';
import { DECOY_HASH, verifyPassword } from './passwords';
import { createSignInLimits, SIGN_IN_RATE_LIMIT } from './sign-in-limits';

/**
 * Too many wrong passwords for this name from this address: it waits, whatever is typed (429,
 * code `locked`). The sign-in screens say the wait from `retryAfterSeconds`.
 */
function lockedError(until: number): TooManyError {
  const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  return new TooManyError(
    'locked',
    `Too many wrong passwords; this account is locked here. Try again in ${Math.ceil(seconds / 60)} minutes or ask the admin`,
    seconds,
  );
}

export function authRoutes(auth: AuthStore, sql: Sql, building: () => Building) {
  const limits = createSignInLimits();
  return [
    defineRoute({
      route: 'POST /api/auth/login',
      summary:
        'Sign in with username and password; the token is a Bearer token for REST and the socket',
      tag: 'auth',
      access: 'public',
      rateLimit: SIGN_IN_RATE_LIMIT,
      handle: ({ body, request }) =>
        limits.guard(request, async () => {
          const address = request.ip;
          const locked = await auth.lockout.lockedUntil(body.username, address, Date.now());
          if (locked !== null) throw lockedError(locked);
          const user = await auth.findUser(body.username);
          const valid = await verifyPassword(body.password, user?.password_hash ?? DECOY_HASH);
          if (!user || !valid || user.active !== 1) {
            await limits.wrongPassword(request);
            const nowLocked = await auth.lockout.recordFailure(body.username, address, Date.now());
            if (nowLocked !== null) throw lockedError(nowLocked);
            throw new HttpError(401, 'unauthorized', 'Wrong username or password');
          }
          await auth.lockout.recordSuccess(body.username, address);
          const session = await auth.createSession(user.id, Date.now());
          return {
            ...session,
            user: {
              id: user.id,
              username: user.username,
              displayName: user.display_name,
              role: user.role,
              agencyId: user.agency_id,
            },
          };
        }),
    }),
    defineRoute({
      route: 'POST /api/auth/logout',
      summary: 'End this session',
      tag: 'auth',
      access: ['admin', 'supervisor', 'officer'],
      handle: async ({ request }) => {
        await auth.endSession((request.headers.authorization ?? '').replace(/^Bearer /, ''));
        return { ok: true as const };
      },
    }),
    defineRoute({
      route: 'POST /api/devices',
      summary: 'Register a kiosk, display or integration; its token is shown once',
      tag: 'devices',
      access: ['admin'],
      handle: ({ body }) => {
        // As strict as pairing: a typo in a setting is a 400, not a device that misbehaves.
        checkDevicePlace(body.role, body, building());
        // Checked and saved in one transaction: two at once cannot both take the name.
        return sql.transaction(async (tx) => {
          await checkDeviceNameFree(tx, body.name);
          return auth.createDevice(body, Date.now(), tx);
        });
      },
    }),
    defineRoute({
      route: 'GET /api/devices/me',
      summary: 'The calling device: its role, zones, agencies and settings',
      tag: 'devices',
      access: ['kiosk', 'display', 'integration'],
      handle: ({ principal }) => {
        if (principal.kind !== 'device')
          throw new HttpError(403, 'forbidden', 'Only a device has a device profile');
        const { id, name, role, zoneIds, agencyIds, settings } = principal;
        return { id, name, role, zoneIds, agencyIds, settings };
      },
    }),
  ];
}
