import type { DisplayBoard } from '@antre/protocol';

type Zones = DisplayBoard['zones'];

/** "Lantai 2 — Sayap Timur" -> 2; "Floor 3", "Lt. 1" too; null when the name gives no floor. */
export function floorOf(zoneName: string): number | null {
  const match = /\b(?:lantai|lt\.?|floor)\s*(\d{1,3})\b/i.exec(zoneName);
  return match ? Number.parseInt(match[1]!, 10) : null;
}

/** The part of a zone's name before its dash, for tight places: "Lantai 2 — Sayap Timur" -> "Lantai 2". */
export const zoneShortName = (zoneName: string): string =>
  zoneName.split(/\s+[—–-]\s+/)[0]!.trim() || zoneName;

export const zoneName = (zones: Zones, zoneId: string): string =>
  zones.find((z) => z.id === zoneId)?.name ?? '';

/**
 * The floor to say after the counter, or null. A board of one zone only hears calls of its own
 * zone. A board of several zones does not know which of them it hangs in (a device's zones are
 * a set), so where its zones lie on different floors every call says its floor: "lantai" and
 * a number are recorded clips, a zone's own name is not.
 */
export function floorToSay(zones: Zones, zoneId: string): number | null {
  const floors = new Set(zones.map((z) => floorOf(z.name)));
  if (zones.length < 2 || floors.size < 2) return null;
  return floorOf(zoneName(zones, zoneId));
}
