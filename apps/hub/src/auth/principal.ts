import type { Role } from '@antre/protocol';

/** Who is asking: a signed-in person, a registered device, or the public. */
export type Principal =
  | {
      kind: 'user';
      id: string;
      role: 'admin' | 'supervisor' | 'officer';
      agencyId: string | null;
      name: string;
    }
  | {
      kind: 'device';
      id: string;
      role: 'kiosk' | 'display' | 'integration';
      zoneIds: string[];
      agencyIds: string[];
      name: string;
      /** Role-specific settings (printer, layout…), validated by the feature that reads them. */
      settings: Record<string, unknown>;
    }
  | { kind: 'public' };

export const PUBLIC: Principal = { kind: 'public' };

export function roleOf(principal: Principal): Role | 'public' {
  return principal.kind === 'public' ? 'public' : principal.role;
}

/** The key command ids are remembered under, so two clients never share one. */
export function actorKey(principal: Principal): string {
  return principal.kind === 'public' ? 'public' : `${principal.kind}:${principal.id}`;
}

export function actorOf(principal: Principal): { userId: string | null; deviceId: string | null } {
  if (principal.kind === 'user') return { userId: principal.id, deviceId: null };
  if (principal.kind === 'device') return { userId: null, deviceId: principal.id };
  return { userId: null, deviceId: null };
}
