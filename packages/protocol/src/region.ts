import { z } from 'zod';
import { LoginBodySchema } from './rest';
import { OkSchema, SHEET_TYPES } from './api-contract';

// The regional overview (apps/hub/src/region): a read-only server for a city or province that
// shows the buildings of one PostgreSQL database side by side. Its routes are its own map, not
// the building hub's API_ROUTES: a regional session is no building session, and the other way.

export const RegionLoginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.number(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
});
export type RegionLoginResponse = z.infer<typeof RegionLoginResponseSchema>;

/** `role: "region"` is how the admin app knows to open in regional mode. */
export const RegionHealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  role: z.literal('region'),
  version: z.string(),
  protocolVersion: z.number(),
  /** The region's own schema: reachable, and its migrations applied. */
  database: z.object({
    engine: z.literal('postgres'),
    state: z.enum(['ok', 'error']),
    migrations: z.number(),
  }),
  uptimeSeconds: z.number(),
});

/** Who serves a building, from its lease: a hub holding it, or nobody since it lapsed. */
export const RegionHubStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('active'), holder: z.string(), epoch: z.number() }),
  z.object({
    state: z.literal('none'),
    /** When the last lease ran out (epoch ms). */
    since: z.number(),
    lastHolder: z.string(),
  }),
]);
export type RegionHubStatus = z.infer<typeof RegionHubStatusSchema>;

/** Why a building could not be read: its row says so and the others still answer. */
export const REGION_UNAVAILABLE = ['schema_missing', 'no_building', 'unreadable'] as const;
export type RegionUnavailable = (typeof REGION_UNAVAILABLE)[number];

const BuildingHead = {
  /** The building's key on the database (its schema is `b_<key>`). */
  key: z.string(),
  hub: RegionHubStatusSchema,
};
const Unavailable = z.object({
  ...BuildingHead,
  available: z.literal(false),
  reason: z.enum(REGION_UNAVAILABLE),
});

const minutes = z.number().nullable();

export const RegionLiveBuildingSchema = z.discriminatedUnion('available', [
  z.object({
    ...BuildingHead,
    available: z.literal(true),
    name: z.string(),
    timezone: z.enum(['WIB', 'WITA', 'WIT']),
    /** Today in the building's own timezone. */
    serviceDay: z.string(),
    /** False while no hub has opened today (its counters are then all closed). */
    dayOpen: z.boolean(),
    waitingNow: z.number(),
    longestWaitMinutes: minutes,
    servedToday: z.number(),
    noShowToday: z.number(),
    issuedToday: z.number(),
    countersOpen: z.number(),
    countersPaused: z.number(),
  }),
  Unavailable,
]);
export type RegionLiveBuilding = z.infer<typeof RegionLiveBuildingSchema>;

export const RegionLiveSchema = z.object({
  /** When the figures were read (epoch ms). */
  at: z.number(),
  buildings: z.array(RegionLiveBuildingSchema),
});
export type RegionLive = z.infer<typeof RegionLiveSchema>;

/** At most a year at a time: closed days a building has not aggregated are counted per request. */
export const REGION_MAX_PERIOD_DAYS = 366;

export const RegionPeriodQuerySchema = z.strictObject({ from: z.iso.date(), to: z.iso.date() });

/** CSV holds one table; XLSX both sheets unless `table` names one. */
export const REGION_TABLES = ['live', 'period'] as const;
export const RegionExportQuerySchema = RegionPeriodQuerySchema.extend({
  format: z.enum(['xlsx', 'csv']),
  table: z.enum(REGION_TABLES).optional(),
});

export const RegionIkmSchema = z.object({
  /** IKM on the 25–100 scale; null while nobody answered. */
  value: z.number().nullable(),
  grade: z.enum(['A', 'B', 'C', 'D']).nullable(),
  respondents: z.number(),
  /** Visitors served in the period, and the Krejcie–Morgan sample for them. */
  served: z.number(),
  target: z.number(),
});

export const RegionReportBuildingSchema = z.discriminatedUnion('available', [
  z.object({
    ...BuildingHead,
    available: z.literal(true),
    name: z.string(),
    timezone: z.enum(['WIB', 'WITA', 'WIT']),
    issued: z.number(),
    served: z.number(),
    noShow: z.number(),
    waitMean: minutes,
    waitMedian: minutes,
    waitP90: minutes,
    serviceMean: minutes,
    /** Share of the called visitors called within their service's target wait, 0–1. */
    withinTarget: z.number().nullable(),
    ikm: RegionIkmSchema,
  }),
  Unavailable,
]);
export type RegionReportBuilding = z.infer<typeof RegionReportBuildingSchema>;

export const RegionReportsSchema = z.object({
  from: z.string(),
  to: z.string(),
  buildings: z.array(RegionReportBuildingSchema),
});
export type RegionReports = z.infer<typeof RegionReportsSchema>;

/** Every route of the region server by `METHOD /path`, as API_ROUTES is for a building hub. */
export const REGION_ROUTES = {
  'GET /api/health': { response: RegionHealthSchema },
  'POST /api/region/login': { body: LoginBodySchema, response: RegionLoginResponseSchema },
  'POST /api/region/logout': { response: OkSchema },
  'GET /api/region/live': { response: RegionLiveSchema },
  'GET /api/region/reports': { query: RegionPeriodQuerySchema, response: RegionReportsSchema },
  'GET /api/region/export': { query: RegionExportQuerySchema, files: SHEET_TYPES },
} as const;

export type RegionRoutes = typeof REGION_ROUTES;
export type RegionRoute = keyof RegionRoutes;
