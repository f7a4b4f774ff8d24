import type { Principal } from '../auth/principal';
import { HttpError } from '../http/routes';

/** A supervisor reads only their own agency; an admin the building or any one agency. */
export function reportScope(principal: Principal, asked: string | undefined): string | undefined {
  if (principal.kind === 'user' && principal.role === 'supervisor') {
    if (asked && asked !== principal.agencyId)
      throw new HttpError(403, 'forbidden', 'A supervisor sees only their own agency');
    return principal.agencyId ?? undefined;
  }
  return asked;
}
