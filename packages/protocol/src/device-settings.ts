import type { BOARD_MEDIA_TYPES } from './api-contract';
import { z } from 'zod';
import { safeText } from './safe-text';
import { KioskPrinterSchema } from './kiosk';
import type { DeviceSummary, PairingChanged } from './pairing';

// Settings as the admin writes them: strict, so a bad or unknown field is refused with its
// path. Every field is optional because an update merges into what the device has; the
// reading schemas (DisplaySettingsSchema, KioskSettingsSchema) fill in the defaults.

export const DisplaySettingsInputSchema = z
  .strictObject({
    language: z.enum(['id', 'en']),
    voiceLanguages: z
      .array(z.enum(['id', 'en']))
      .min(1)
      .max(2),
    voice: z.boolean(),
    repeatCall: z.boolean(),
    announceAgency: z.boolean(),
    recentCalls: z.int().min(0).max(40),
    agencyColumns: z.array(z.string().min(1).max(64)).max(8),
    runningText: safeText().max(2000),
    showMedia: z.boolean(),
    mediaSeconds: z.int().min(3).max(600),
  })
  .partial();
export type DisplaySettingsInput = z.infer<typeof DisplaySettingsInputSchema>;

export const KioskSettingsInputSchema = z
  .strictObject({
    printer: KioskPrinterSchema,
    paperWidth: z.union([z.literal(58), z.literal(80)]),
    model: z.enum(['epson', 'generic']),
    footer: safeText().max(200),
    idleSeconds: z.int().min(5).max(600),
  })
  .partial();
export type KioskSettingsInput = z.infer<typeof KioskSettingsInputSchema>;

/** The settings a device of this role may be given; an integration has none. */
export function deviceSettingsInputSchema(role: DeviceSummary['role']): z.ZodType {
  if (role === 'display') return DisplaySettingsInputSchema;
  if (role === 'kiosk') return KioskSettingsInputSchema;
  return z.strictObject({});
}

/** Board media the admin may upload: images and short videos, by file extension. */
export const MEDIA_UPLOAD_TYPES: Record<string, (typeof BOARD_MEDIA_TYPES)[number]> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  webm: 'video/webm',
};
export const MEDIA_UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

/** Device administration events, to the admin's `site` room. */
export interface HubToAdminDevices {
  /** A device connected, disconnected, or was changed or revoked: its row as the list shows it. */
  'device:status': (device: DeviceSummary) => void;
  /** A device asked to be paired, or its request was approved, rejected or expired. */
  'pairing:changed': (change: PairingChanged) => void;
}
