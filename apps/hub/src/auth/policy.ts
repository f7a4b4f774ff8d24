import type { BuildingIndex, CounterState, Ticket } from '@antre/domain';
import type { Result } from '@antre/protocol';
import { errResult, okResult } from '@antre/protocol';
import type { Principal } from './principal';

const FORBIDDEN = (message: string): Result<never> => errResult('forbidden', message);
const ALLOWED: Result<null> = okResult(null);

/** Who may take a ticket for a service: kiosks and integrations for their agencies, any staff. */
export function mayIssue(
  principal: Principal,
  index: BuildingIndex,
  serviceId: string,
): Result<null> {
  if (principal.kind === 'public')
    return errResult('unauthorized', 'Sign in or use a registered kiosk');
  const agencyId = index.services.get(serviceId)?.agencyId;
  // Staff issue on a visitor's behalf, for their own agency only; the admin for any.
  if (principal.kind === 'user') {
    if (principal.role === 'admin' || !agencyId || principal.agencyId === agencyId) return ALLOWED;
    return FORBIDDEN(`${principal.name} does not issue tickets for another agency`);
  }
  if (principal.role === 'display') return FORBIDDEN('A display cannot issue tickets');
  if (principal.agencyIds.length > 0 && agencyId && !principal.agencyIds.includes(agencyId)) {
    return FORBIDDEN(`${principal.name} does not issue tickets for this agency`);
  }
  return ALLOWED;
}

/**
 * Officers and supervisors act only on their own agency's counters; the admin on all. An
 * officer leaves a counter another officer holds alone: taking it over is the supervisor's call.
 */
export function mayWorkCounter(
  principal: Principal,
  index: BuildingIndex,
  counterId: string,
  held?: CounterState,
): Result<null> {
  if (principal.kind !== 'user') return FORBIDDEN('Only staff work at a counter');
  if (principal.role === 'admin') return ALLOWED;
  const counter = index.counters.get(counterId);
  if (!counter) return ALLOWED; // the rules answer counter_not_found
  if (counter.agencyId !== principal.agencyId)
    return FORBIDDEN(`${counter.name} belongs to another agency`);
  const heldByOther =
    held && held.status !== 'closed' && held.officerId && held.officerId !== principal.id;
  return principal.role === 'officer' && heldByOther
    ? FORBIDDEN(`${counter.name} is held by another officer; a supervisor may reassign it`)
    : ALLOWED;
}

export function mayHandleTicket(
  principal: Principal,
  index: BuildingIndex,
  ticket: Ticket | undefined,
): Result<null> {
  if (principal.kind !== 'user') return FORBIDDEN('Only staff handle tickets');
  if (principal.role === 'admin' || !ticket) return ALLOWED;
  const agencyId = index.services.get(ticket.serviceId)?.agencyId;
  return agencyId === principal.agencyId
    ? ALLOWED
    : FORBIDDEN(`Ticket ${ticket.label} is another agency's`);
}
