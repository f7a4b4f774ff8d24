import { z } from 'zod';
import { safeLine } from './safe-text';
import { PrioritySchema, ServiceStandardSchema } from './building-schemas';
import { ConflictReasonSchema } from './conflict';
import { FIELD_RULES } from './field-rules';
import { RefusalDetailSchema } from './refusal-detail';

export const LoginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const ROLES = ['admin', 'supervisor', 'officer', 'kiosk', 'display', 'integration'] as const;
export type Role = (typeof ROLES)[number];
export const USER_ROLES = ['admin', 'supervisor', 'officer'] as const;
export const DEVICE_ROLES = ['kiosk', 'display', 'integration'] as const;

export const LoginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.number(),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(USER_ROLES),
    agencyId: z.string().nullable(),
  }),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const IssueTicketBodySchema = z.strictObject({
  serviceId: z.string().min(1).max(64),
  priority: PrioritySchema.nullable().default(null),
});

export const CreateDeviceBodySchema = z.strictObject({
  name: safeLine().min(1).max(120),
  role: z.enum(DEVICE_ROLES),
  zoneIds: z.array(z.string().min(1).max(64)).max(50).default([]),
  agencyIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
});

export const DeviceSelfSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(DEVICE_ROLES),
  zoneIds: z.array(z.string()),
  agencyIds: z.array(z.string()),
  settings: z.record(z.string(), z.unknown()),
});
export type DeviceSelf = z.infer<typeof DeviceSelfSchema>;

const OpeningViewSchema = z.object({ date: z.string(), time: z.string() });

const ServiceTodaySchema = z.object({
  hours: z.enum(['open', 'later_today', 'closed_today']),
  closedReason: z
    .enum([
      'inactive',
      'holiday',
      'closed_today',
      'not_yet_open',
      'closed_for_day',
      'quota_reached',
    ])
    .nullable(),
  opensAt: z.string().nullable(),
  onBreakUntil: z.string().nullable(),
  openCounters: z.number(),
  pausedCounters: z.number(),
});

const PlaceSchema = z.object({
  counterNumbers: z.array(z.number()),
  zones: z.array(z.object({ id: z.string(), name: z.string() })),
});

const ServiceStatsSchema = z.object({
  serviceId: z.string(),
  open: z.boolean(),
  closedReason: z.string().nullable(),
  closedDetail: z.string().nullable(),
  onBreakUntil: z.string().nullable(),
  waiting: z.number(),
  estimatedMinutes: z.number(),
  today: ServiceTodaySchema,
  opensNext: OpeningViewSchema.nullable(),
});

export const CatalogueSchema = z.object({
  site: z.object({
    name: z.string(),
    timezone: z.string(),
    serviceDay: z.string(),
    /** `/api/logos/site?v=…`; absent without a logo. */
    logoUrl: z.string().optional(),
    /** When the building next opens, after now (tomorrow's opening while open today). */
    opensNext: OpeningViewSchema.nullable(),
  }),
  agencies: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string(),
      logoUrl: z.string().optional(),
      services: z.array(
        ServiceStatsSchema.extend({
          id: z.string(),
          name: z.string(),
          prefix: z.string(),
          dailyQuota: z.number().nullable(),
          targetWaitMinutes: z.number(),
          standard: ServiceStandardSchema,
          /** The service takes online bookings (the booking page lists only these). */
          takesBookings: z.boolean().optional(),
        }),
      ),
    }),
  ),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

export const TrackingViewSchema = z.object({
  code: z.string(),
  label: z.string(),
  status: z.string(),
  priority: z.string().nullable(),
  serviceDay: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  ahead: z.number(),
  estimatedMinutes: z.number(),
  issuedAt: z.number(),
  calledAt: z.number().nullable(),
  counter: z.object({ name: z.string(), number: z.number() }).nullable(),
  transferredFrom: z.string().nullable(),
  place: PlaceSchema,
  today: ServiceTodaySchema.nullable(),
});

export const IssuedTicketSchema = TrackingViewSchema.extend({
  id: z.string(),
  number: z.number(),
  trackUrl: z.string(),
});

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  /**
   * A hub that answers 200 serves its building: a hub on its SQLite file always, one of a
   * cluster's processes while it holds the building's lease. A standby answers 503 with
   * `role: "standby"` (cluster/cluster-hub.ts), so a load balancer checks this route.
   */
  role: z.literal('active'),
  /** On a cluster: the building's key, this process and its lease's epoch. */
  cluster: z.object({ building: z.string(), holder: z.string(), epoch: z.number() }).optional(),
  version: z.string(),
  protocolVersion: z.number(),
  database: z.object({
    engine: z.enum(['sqlite', 'postgres']),
    state: z.enum(['ok', 'error']),
    migrations: z.number(),
    /** The database file, shown to the admin only: the public learns nothing of the disk. */
    path: z.string().optional(),
  }),
  serviceDay: z.string(),
  uptimeSeconds: z.number(),
});

export const ErrorBodySchema = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Each bad field by the rule it breaks (field-rules.ts); `message` is its English. */
    fields: z
      .array(
        z.object({
          path: z.string(),
          rule: z.enum(FIELD_RULES),
          values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          message: z.string(),
        }),
      )
      .optional(),
    reasons: z.array(ConflictReasonSchema).optional(),
    retryAfterSeconds: z.number().optional(),
    detail: RefusalDetailSchema.optional(),
  }),
});
