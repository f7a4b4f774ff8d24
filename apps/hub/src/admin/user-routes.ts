import type { UserView } from '@antre/protocol';
import { fieldError, UserViewSchema } from '@antre/protocol';
import type { AuditStore } from '../audit/audit-store';
import type { AuthStore } from '../auth/auth-store';
import { checkChosenPassword } from '../auth/password-strength';
import { generatePassword, hashPassword } from '../auth/passwords';
import type { Principal } from '../auth/principal';
import type { Sql } from '../db/sql';
import { defineRoute, HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import { conflictError } from './conflict-reasons';
import type { UserStore } from './user-store';

/** The admin manages everyone; a supervisor only the officers of their own agency. */
function mayManage(principal: Principal, target: Pick<UserView, 'role' | 'agencyId'>): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.role === 'admin') return true;
  return (
    principal.role === 'supervisor' &&
    target.role === 'officer' &&
    target.agencyId === principal.agencyId
  );
}

export function userRoutes(deps: {
  sql: Sql;
  auth: AuthStore;
  users: UserStore;
  audit: AuditStore;
  engine: QueueEngine;
}) {
  const { sql, auth, users, audit, engine } = deps;

  // Sign-in locks are kept in wall-clock time (auth-routes), not the queue's clock.
  const view = async (id: string): Promise<UserView> =>
    UserViewSchema.parse(await users.byId(id, Date.now()));
  const unknownAgency = (agencyId: string | null) =>
    agencyId !== null && !engine.index.building.agencies.some((a) => a.id === agencyId);

  const managedUser = async (principal: Principal, id: string): Promise<UserView> => {
    const user = await users.byId(id, Date.now());
    if (!user) throw new HttpError(404, 'not_found', 'No such user');
    if (!mayManage(principal, user))
      throw new HttpError(
        403,
        'forbidden',
        'A supervisor manages only the officers of their agency',
      );
    return user;
  };

  /** Changing a person's name, role or agency, and lifting a sign-in lock; both audited. */
  function userEditRoutes() {
    return [
      defineRoute({
        route: 'POST /api/users/:id',
        summary: "Change a person's name, role and agency (a new role or agency ends sessions)",
        tag: 'admin',
        access: ['admin', 'supervisor'],
        handle: async ({ params: { id }, body, principal, request }) => {
          const user = await managedUser(principal, id);
          if (!mayManage(principal, body))
            throw new HttpError(403, 'forbidden', 'A supervisor keeps officers in their agency');
          if (unknownAgency(body.agencyId))
            throw new HttpError(400, 'bad_request', 'Unknown agency', [
              fieldError('agencyId', 'unknown_agency'),
            ]);
          const moves = body.role !== user.role || body.agencyId !== user.agencyId;
          if (principal.kind === 'user' && principal.id === id && moves)
            throw new HttpError(400, 'bad_request', 'You cannot change your own role', [
              fieldError('role', 'own_role'),
            ]);
          const changed = Object.fromEntries(
            (['displayName', 'role', 'agencyId'] as const)
              .filter((key) => body[key] !== user[key])
              .map((key) => [key, `${user[key] ?? '—'} → ${body[key] ?? '—'}`]),
          );
          if (Object.keys(changed).length === 0) return user;
          await sql.transaction(async (tx) => {
            await users.update(tx, id, body);
            // A new role or agency: they sign in again to get it, on every screen and socket.
            if (moves) await auth.endSessionsOf(tx, id);
            await audit.record(
              tx,
              principal,
              request,
              {
                action: 'user.update',
                target: id,
                detail: { username: user.username, ...changed },
              },
              engine.now(),
            );
          });
          if (moves) auth.sessionsEnded();
          return view(id);
        },
      }),
      defineRoute({
        route: 'POST /api/users/:id/unlock',
        summary: 'Lift the lock that failed sign-ins put on a username',
        tag: 'admin',
        access: ['admin', 'supervisor'],
        handle: async ({ params: { id }, principal, request }) => {
          const user = await managedUser(principal, id);
          await sql.transaction(async (tx) => {
            await auth.lockout.recordSuccess(user.username, undefined, tx);
            await audit.record(
              tx,
              principal,
              request,
              { action: 'user.unlock', target: id, detail: { username: user.username } },
              engine.now(),
            );
          });
          return view(id);
        },
      }),
    ];
  }

  return [
    defineRoute({
      route: 'GET /api/users',
      summary: "Everyone (admin) or the people of the supervisor's own agency",
      tag: 'admin',
      access: ['admin', 'supervisor'],
      handle: async ({ principal }) => ({
        users: await users.list(
          principal.kind === 'user' && principal.role === 'supervisor'
            ? (principal.agencyId ?? '')
            : null,
          Date.now(),
        ),
      }),
    }),
    defineRoute({
      route: 'POST /api/users',
      summary: 'Add a person; without a password one is made and shown once',
      tag: 'admin',
      access: ['admin', 'supervisor'],
      handle: async ({ body, principal, request }) => {
        if (!mayManage(principal, body))
          throw new HttpError(403, 'forbidden', 'A supervisor adds only officers of their agency');
        if (unknownAgency(body.agencyId))
          throw new HttpError(400, 'bad_request', 'Unknown agency', [
            fieldError('agencyId', 'unknown_agency'),
          ]);
        if (await auth.findUser(body.username))
          throw conflictError([{ code: 'username_taken', name: body.username }]);
        checkChosenPassword(body.password, [body.username, body.displayName]);
        const password = body.password ?? generatePassword();
        const passwordHash = await hashPassword(password);
        const now = engine.now();
        const id = await sql.transaction(async (tx) => {
          const created = await auth.createUser({ ...body, passwordHash }, now, tx);
          await audit.record(
            tx,
            principal,
            request,
            {
              action: 'user.create',
              target: created,
              detail: { username: body.username, role: body.role, agencyId: body.agencyId },
            },
            now,
          );
          return created;
        });
        const user = await view(id);
        return body.password ? { user } : { user, password };
      },
    }),
    ...userEditRoutes(),
    defineRoute({
      route: 'POST /api/users/:id/deactivate',
      summary: 'Deactivate a person; their sessions end at once',
      tag: 'admin',
      access: ['admin', 'supervisor'],
      handle: async ({ params: { id }, principal, request }) => {
        const user = await managedUser(principal, id);
        if (principal.kind === 'user' && principal.id === id)
          throw conflictError([{ code: 'deactivate_self', name: user.username }]);
        await sql.transaction(async (tx) => {
          await users.deactivate(tx, id);
          await auth.endSessionsOf(tx, id);
          await audit.record(
            tx,
            principal,
            request,
            {
              action: 'user.deactivate',
              target: id,
              detail: { username: user.username },
            },
            engine.now(),
          );
        });
        auth.sessionsEnded();
        return view(id);
      },
    }),
    defineRoute({
      route: 'POST /api/users/:id/password',
      summary: 'Reset a password: a new one is made, shown once, and old sessions end',
      tag: 'admin',
      access: ['admin', 'supervisor'],
      handle: async ({ params: { id }, principal, request }) => {
        const user = await managedUser(principal, id);
        const password = generatePassword();
        const passwordHash = await hashPassword(password);
        await sql.transaction(async (tx) => {
          await users.setPasswordHash(tx, id, passwordHash);
          await auth.endSessionsOf(tx, id);
          await auth.lockout.recordSuccess(user.username, undefined, tx);
          await audit.record(
            tx,
            principal,
            request,
            {
              action: 'user.password_reset',
              target: id,
              detail: { username: user.username },
            },
            engine.now(),
          );
        });
        auth.sessionsEnded();
        return { password };
      },
    }),
  ];
}
