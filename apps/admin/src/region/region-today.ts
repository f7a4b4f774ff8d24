import type { RegionLive } from '@antre/protocol';

/**
 * "Today" for the region's periods: the latest service day among the buildings (a province
 * may span WIB and WITA), or the reading's own date in WIB when no building could be read.
 * Taken from the server, as a building admin's is, so a browser's wrong clock asks nothing odd.
 */
export function regionToday(live: RegionLive): string {
  const days = live.buildings.flatMap((b) => (b.available ? [b.serviceDay] : []));
  if (days.length > 0) return days.sort().at(-1)!;
  return new Date(live.at + 7 * 3_600_000).toISOString().slice(0, 10);
}
