import { z } from 'zod';
import { safeLine } from './safe-text';

/** A pairing code: 6 characters with no look-alikes (no 0/O, 1/I), shown as `K7P-2QX`. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PAIRABLE_ROLES = ['kiosk', 'display'] as const;

const Ids = z.array(z.string().min(1).max(64));

// Typed codes may come in lower case, with spaces or without the dash.
export const PairingCodeSchema = z
  .string()
  .max(20)
  .transform((raw) => raw.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^[${PAIRING_ALPHABET}]{6}$`),
        'A pairing code has 6 letters and digits, e.g. K7P-2QX',
      ),
  );

export const RequestPairingBodySchema = z.strictObject({
  role: z.enum(PAIRABLE_ROLES),
  name: safeLine().min(1).max(120).optional(),
});

export const PairingTicketSchema = z.object({
  pairingId: z.string(),
  /** Shown as typed: `K7P-2QX`. */
  code: z.string(),
  expiresAt: z.number(),
  /** Only the device that asked knows it; it proves the device when it polls. */
  secret: z.string(),
});
export type PairingTicket = z.infer<typeof PairingTicketSchema>;

export const PAIRING_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const;
export const PairingStatusSchema = z.object({
  status: z.enum(PAIRING_STATUSES),
  expiresAt: z.number(),
  /** The device token, given once on the first poll after approval. */
  token: z.string().optional(),
  deviceId: z.string().optional(),
});
export type PairingStatus = z.infer<typeof PairingStatusSchema>;

export const PendingPairingSchema = z.object({
  pairingId: z.string(),
  code: z.string(),
  role: z.enum(PAIRABLE_ROLES),
  name: z.string().nullable(),
  ip: z.string(),
  requestedAt: z.number(),
  expiresAt: z.number(),
});
export type PendingPairing = z.infer<typeof PendingPairingSchema>;

/** What happened to a pairing request; `expired` is said once its code stops working. */
export const PAIRING_CHANGES = ['requested', 'approved', 'rejected', 'expired'] as const;
export const PairingChangedSchema = z.object({
  pairingId: z.string(),
  /** Shown as typed: `K7P-2QX`. */
  code: z.string(),
  change: z.enum(PAIRING_CHANGES),
  at: z.number(),
});
export type PairingChanged = z.infer<typeof PairingChangedSchema>;

export const ApprovePairingBodySchema = z.strictObject({
  code: PairingCodeSchema,
  name: safeLine().min(1).max(120),
  role: z.enum(PAIRABLE_ROLES),
  zoneIds: Ids.max(50).default([]),
  agencyIds: Ids.max(100).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type ApprovePairingBody = z.input<typeof ApprovePairingBodySchema>;

export const RejectPairingBodySchema = z.strictObject({ code: PairingCodeSchema });

export const DeviceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['kiosk', 'display', 'integration']),
  zoneIds: z.array(z.string()),
  agencyIds: z.array(z.string()),
  online: z.boolean(),
  /** Open sockets now. */
  connections: z.number(),
  lastSeenAt: z.number().nullable(),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
  /** As stored: the reading schemas of the role fill in defaults. */
  settings: z.record(z.string(), z.unknown()),
});
export type DeviceSummary = z.infer<typeof DeviceSummarySchema>;

/** Rename or reassign: only the fields given change. */
export const UpdateDeviceBodySchema = z.strictObject({
  name: safeLine().min(1).max(120).optional(),
  zoneIds: Ids.max(50).optional(),
  agencyIds: Ids.max(100).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});
