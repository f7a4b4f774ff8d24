import { PROTOCOL_VERSION, REGION_MAX_PERIOD_DAYS } from '@antre/protocol';
import { HttpError } from '../http/routes';
import { localStamp } from '../reports/report-export';
import type { RegionDatabase } from './region-database';
import { liveSheet, periodSheet, REGION_SHEET_TITLES, regionFile } from './region-export';
import type { RegionOverview } from './region-overview';
import { defineRegionRoute } from './region-routes';

const DAY_MS = 86_400_000;

/** A period runs forwards and spans at most a year, said in both languages. */
function period(query: { from: string; to: string }): { from: string; to: string } {
  if (query.from > query.to)
    throw new HttpError(
      400,
      'bad_request',
      'Periode tidak valid: tanggal "from" sesudah "to" / Invalid period: "from" is after "to"',
    );
  const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
  if (days > REGION_MAX_PERIOD_DAYS)
    throw new HttpError(
      400,
      'bad_request',
      `Periode paling panjang ${REGION_MAX_PERIOD_DAYS} hari / A period is at most ${REGION_MAX_PERIOD_DAYS} days`,
    );
  return { from: query.from, to: query.to };
}

export function regionApiRoutes(deps: {
  database: RegionDatabase;
  overview: RegionOverview;
  version: string;
  startedAt: number;
  clock: () => number;
}) {
  const { database, overview } = deps;
  return [
    defineRegionRoute({
      route: 'GET /api/health',
      access: 'public',
      handle: async () => {
        let migrations = 0;
        let state: 'ok' | 'error' = 'ok';
        try {
          migrations = await database.migrations();
        } catch {
          state = 'error';
        }
        return {
          status: state === 'ok' ? ('ok' as const) : ('degraded' as const),
          role: 'region' as const,
          version: deps.version,
          protocolVersion: PROTOCOL_VERSION,
          database: { engine: 'postgres' as const, state, migrations },
          uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
        };
      },
    }),
    defineRegionRoute({
      route: 'GET /api/region/live',
      access: 'region',
      handle: () => overview.live(),
    }),
    defineRegionRoute({
      route: 'GET /api/region/reports',
      access: 'region',
      handle: ({ query }) => {
        const { from, to } = period(query);
        return overview.reports(from, to);
      },
    }),
    defineRegionRoute({
      route: 'GET /api/region/export',
      access: 'region',
      handle: async ({ query }) => {
        const { from, to } = period(query);
        const { format, table } = query;
        // A CSV is one table: the period's unless the live one is asked for.
        const wantLive = table === 'live' || (table === undefined && format === 'xlsx');
        const wantPeriod = table === 'period' || table === undefined;
        const live = wantLive ? await overview.live() : undefined;
        const reports = wantPeriod ? await overview.reports(from, to) : undefined;
        const stamp = `${localStamp(live?.at ?? deps.clock(), 'WIB')} WIB`;
        return regionFile(
          {
            ...(live
              ? { live: { cells: liveSheet(live), title: REGION_SHEET_TITLES.live, period: stamp } }
              : {}),
            ...(reports
              ? {
                  period: {
                    cells: periodSheet(reports),
                    title: REGION_SHEET_TITLES.period,
                    period: `${from} s.d. ${to}`,
                  },
                }
              : {}),
          },
          { name: `antre-wilayah-${from}_${to}`, format },
        );
      },
    }),
  ];
}
