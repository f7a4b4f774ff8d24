import type { Principal } from '../auth/principal';

/** The rooms a principal listens in: an event reaches only who needs it. */
export function roomsFor(principal: Principal): string[] {
  if (principal.kind === 'public') return [];
  if (principal.kind === 'user') {
    if (principal.role === 'admin') return ['site'];
    return principal.agencyId ? [`agency:${principal.agencyId}`] : [];
  }
  if (principal.role === 'display') return principal.zoneIds.map((z) => `zone:${z}`);
  if (principal.role === 'kiosk') return ['catalogue'];
  return [];
}

export const feedsOf = (rooms: string[]): string[] => rooms.filter((r) => r !== 'catalogue');
