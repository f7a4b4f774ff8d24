import { originOf } from '../audit/request-origin';
import { mayWorkCounter } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { defineRoute, HttpError } from '../http/routes';
import { unwrap } from '../http/result-status';
import type { QueueEngine } from '../queue/queue-engine';
import { assignCounter } from './counter-assignment';
import type { StaffStore } from './staff-store';

/** The supervisor's tools in the counter client: the agency's staff, and moving a desk. */
export function counterRoutes(engine: QueueEngine, staff: StaffStore) {
  const agencyOf = (principal: Principal): string => {
    if (principal.kind !== 'user' || !principal.agencyId)
      throw new HttpError(403, 'forbidden', 'Only an agency supervisor manages its counters');
    return principal.agencyId;
  };
  return [
    defineRoute({
      route: 'GET /api/counters/staff',
      summary: "The active officers and supervisors of the caller's agency",
      tag: 'counters',
      access: ['supervisor', 'officer'],
      handle: async ({ principal }) => ({ staff: await staff.ofAgency(agencyOf(principal)) }),
    }),
    defineRoute({
      route: 'POST /api/counters/:counterId/assign',
      summary: 'Hand a counter of your agency to one of its officers (supervisor, admin)',
      tag: 'counters',
      access: ['supervisor', 'admin'],
      handle: async ({ params: { counterId }, principal, request, body }) => {
        const { commandId, officerId } = body;
        const counter = engine.index.counters.get(counterId);
        if (!counter) throw new HttpError(404, 'counter_not_found', `No counter ${counterId}`);
        unwrap(mayWorkCounter(principal, engine.index, counterId));
        const officer = await staff.member(officerId);
        if (!officer || officer.agencyId !== counter.agencyId)
          throw new HttpError(
            400,
            'bad_request',
            `${officerId} is not staff of ${counter.name}'s agency`,
          );
        // Recorded under counter:open, which it is a supervisor's form of, so a retry is answered once.
        unwrap(
          await engine.execute(
            principal,
            'counter:open',
            commandId,
            (ctx) => assignCounter(ctx, counterId, officerId),
            { origin: originOf(request.ip, request.headers['user-agent']) },
          ),
        );
        const held = engine.queue.counters.get(counterId);
        return {
          counterId,
          officerId: held?.officerId ?? null,
          status: held?.status ?? 'closed',
        };
      },
    }),
  ];
}
