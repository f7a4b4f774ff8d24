import { z } from 'zod';
import { safeLine } from './safe-text';
import { BookingSettingsSchema } from './booking-settings';
import { BuildingSchema, ServiceStandardSchema, WeeklyHoursSchema } from './building-schemas';
import { LogoSchema } from './logo';
import { USER_ROLES } from './rest';
import { rule } from './field-rules';

/** Sent to every socket after the configuration changed: refetch /api/building and /api/services. */
export interface BuildingChanged {
  at: number;
  /** What changed it, e.g. `building.replace`, `service.update`. */
  action: string;
}

export interface AdminHubToClient {
  'building:changed': (change: BuildingChanged) => void;
}

export const SaveBuildingResponseSchema = z.object({
  ok: z.literal(true),
  services: z.number(),
  counters: z.number(),
});

/** A logo for the site or an agency, uploaded on its own (`PUT /api/logos/…`). */
export const LogoBodySchema = z.strictObject({ logo: LogoSchema });

/** The logo's public URL after the change, versioned; null once removed. */
export const LogoSavedSchema = z.object({
  ok: z.literal(true),
  logoUrl: z.string().nullable(),
});
export type LogoSaved = z.infer<typeof LogoSavedSchema>;

/** Where tickets' QR codes point, for the site page: the admin's address or the hub's LAN one. */
export const PublicAddressSchema = z.object({
  publicUrl: z.string().nullable(),
  /** The hub's own LAN address, used while no public address is set. */
  lanUrl: z.string().nullable(),
  /** What a ticket printed now carries. */
  inUse: z.string().nullable(),
});
export type PublicAddress = z.infer<typeof PublicAddressSchema>;

/** The one file an export gives and an import takes. */
export const BuildingFileSchema = z.strictObject({
  format: z.literal('antre-building'),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  building: BuildingSchema,
});
export type BuildingFile = z.infer<typeof BuildingFileSchema>;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, rule('slug'));

/**
 * What a supervisor may change of their own agency's service: what the agency decides day to
 * day, its online booking included (sessions, places, closed days; null turns it off).
 */
export const ServicePatchSchema = z
  .strictObject({
    dailyQuota: z.int().min(1).max(9999).nullable().optional(),
    hours: WeeklyHoursSchema.nullable().optional(),
    targetWaitMinutes: z.int().min(1).max(600).optional(),
    standard: ServiceStandardSchema.optional(),
    booking: BookingSettingsSchema.nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: rule('nothing_to_change') });
export type ServicePatch = z.infer<typeof ServicePatchSchema>;

export const UserViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
  agencyId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.number(),
  /** Set while too many failed sign-ins keep the username locked. */
  lockedUntil: z.number().nullable(),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const UserListSchema = z.object({ users: z.array(UserViewSchema) });

export const CreateUserBodySchema = z
  .strictObject({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, rule('username')),
    displayName: safeLine().min(1).max(120),
    role: z.enum(USER_ROLES),
    agencyId: id.nullable().default(null),
    /** Left out: the hub makes one and returns it once. */
    password: z.string().min(10).max(256).optional(),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'admin' && u.agencyId !== null)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: rule('admin_without_agency') });
    if (u.role !== 'admin' && u.agencyId === null)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: rule('agency_required') });
  });
export type CreateUserBody = z.output<typeof CreateUserBodySchema>;

/** What an admin may change of a person; a supervisor only the name of their officers. */
export const UpdateUserBodySchema = z
  .strictObject({
    displayName: safeLine().min(1).max(120),
    role: z.enum(USER_ROLES),
    agencyId: id.nullable(),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'admin' && u.agencyId !== null)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: rule('admin_without_agency') });
    if (u.role !== 'admin' && u.agencyId === null)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: rule('agency_required') });
  });
export type UpdateUserBody = z.output<typeof UpdateUserBodySchema>;

/** A generated password is in the answer once and never again. */
export const CreatedUserSchema = z.object({
  user: UserViewSchema,
  password: z.string().optional(),
});
export const PasswordResetSchema = z.object({ password: z.string() });

const instant = z.union([
  z.coerce.number().int().min(0),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);

export const AuditQuerySchema = z.strictObject({
  /** Epoch milliseconds or an ISO date-time; `to` is exclusive. */
  from: instant.optional(),
  to: instant.optional(),
  /** A user or device id. */
  actor: z.string().min(1).max(64).optional(),
  /**
   * An action or its family: `user` (or `user.`) matches every user change, `ticket` every
   * ticket action but not `ticket-template.*`, `ticket:called` that one action.
   */
  action: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type AuditQuery = z.output<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  source: z.enum(['config', 'queue']),
  at: z.number(),
  action: z.string(),
  actorUserId: z.string().nullable(),
  actorDeviceId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** What was changed: a service id, a user id, a ticket label… */
  target: z.string().nullable(),
  /** The target's name where the hub knows it (a person, device, service, agency, counter). */
  targetName: z.string().nullable(),
  counterId: z.string().nullable(),
  counterName: z.string().nullable(),
  /** A queue action's service. */
  serviceName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) });
