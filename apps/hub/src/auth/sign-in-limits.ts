import type { FastifyRequest } from 'fastify';
import type { RouteRateLimit } from '../http/routes';
import { TooManyError } from '../http/routes';

/**
 * What one address may try, on top of the lockout of a name from an address
 * (login-lockout.ts). Each check costs nothing, while a sign-in costs ~0.2 s of scrypt on
 * one of libuv's four threads: so they all run before the password is hashed.
 *  - volume: 60 sign-ins a minute (kept by @fastify/rate-limit on the route);
 *  - one at a time: an address's sign-ins run in turn (up to 4 waiting), so a burst of parallel
 *    guesses holds one hashing thread, never all four, and another person is not kept waiting;
 *  - guesses: 30 wrong passwords in 15 minutes, whatever the names (password spraying).
 */
export const SIGN_IN_RATE_LIMIT: RouteRateLimit = {
  max: 60,
  timeWindowMs: 60_000,
  code: 'locked',
  message: 'Too many sign-ins from this address; wait a minute',
};
export const SIGN_INS_WAITING = 4;
export const WRONG_PASSWORDS_PER_ADDRESS = 30;
export const WRONG_PASSWORDS_WINDOW_MS = 15 * 60_000;

type Limiter = ReturnType<FastifyRequest['server']['createRateLimit']>;

export function createSignInLimits() {
  const queues = new Map<string, { tail: Promise<unknown>; size: number }>();
  // Made on first use: it needs the Fastify instance the rate-limit plugin was registered on.
  let wrongPasswords: Limiter | undefined;
  const wrongPasswordsOf = (request: FastifyRequest): Limiter =>
    (wrongPasswords ??= request.server.createRateLimit({
      max: WRONG_PASSWORDS_PER_ADDRESS,
      timeWindow: WRONG_PASSWORDS_WINDOW_MS,
    }));

  return {
    /** Runs one sign-in for the request's address, or refuses it before any hashing. */
    async guard<T>(request: FastifyRequest, signIn: () => Promise<T>): Promise<T> {
      const checkGuesses = async (): Promise<void> => {
        const guesses = await wrongPasswordsOf(request)(request, { increment: false });
        // A look without counting: used up once no guess remains (`isExceeded` means over).
        if (!guesses.isAllowed && guesses.remaining === 0)
          throw new TooManyError(
            'locked',
            'Too many wrong passwords from this address; wait before trying again',
            Math.max(1, guesses.ttlInSeconds),
          );
      };
      await checkGuesses();
      const queue = queues.get(request.ip) ?? { tail: Promise.resolve(), size: 0 };
      if (queue.size > SIGN_INS_WAITING)
        throw new TooManyError('locked', 'Too many sign-ins from this address at once', 1);
      queue.size += 1;
      queues.set(request.ip, queue);
      // Checked again in turn: the guesses ahead in the queue may have used up the budget.
      const turn = queue.tail.then(async () => {
        await checkGuesses();
        return signIn();
      });
      queue.tail = turn.catch(() => undefined);
      try {
        return await turn;
      } finally {
        queue.size -= 1;
        if (queue.size === 0) queues.delete(request.ip);
      }
    },
    /** A wrong password counts against the address, whichever name it was for. */
    async wrongPassword(request: FastifyRequest): Promise<void> {
      await wrongPasswordsOf(request)(request);
    },
  };
}
