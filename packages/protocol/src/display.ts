import { z } from 'zod';

// A display board's device settings. Each field falls back to its default on its own, so one
// bad value set by hand never blanks a board in the waiting hall.
export const DisplaySettingsSchema = z.object({
  /** The board's own texts. */
  language: z.enum(['id', 'en']).catch('id'),
  /** Spoken in this order; English as a second language is ['id', 'en']. */
  voiceLanguages: z
    .array(z.enum(['id', 'en']))
    .min(1)
    .max(2)
    .catch(['id']),
  voice: z.boolean().catch(true),
  /** Say each call a second time. */
  repeatCall: z.boolean().catch(false),
  /** "…silakan menuju loket 3, Disdukcapil". */
  announceAgency: z.boolean().catch(false),
  /** How many earlier calls are listed beside the latest one. */
  recentCalls: z.number().int().min(0).max(40).catch(8),
  /** Agencies that get a "now serving" column, in this order. */
  agencyColumns: z.array(z.string().min(1).max(64)).max(8).catch([]),
  runningText: z.string().max(2000).catch(''),
  /** Show images and videos from <data-dir>/media/. */
  showMedia: z.boolean().catch(false),
  /** How long an image stays before the next item. */
  mediaSeconds: z.number().int().min(3).max(600).catch(12),
});
export type DisplaySettings = z.infer<typeof DisplaySettingsSchema>;

export const MediaItemSchema = z.object({
  name: z.string(),
  kind: z.enum(['image', 'video']),
  url: z.string(),
});
export type MediaItem = z.infer<typeof MediaItemSchema>;

/** What a board needs besides the live feed: its building, settings and the hub's clock. */
export const DisplayBoardSchema = z.object({
  /** The hub's clock when it answered; the board keeps its offset to judge a call's age. */
  now: z.number(),
  site: z.object({
    name: z.string(),
    timezone: z.enum(['WIB', 'WITA', 'WIT']),
    /** `/api/logos/site?v=…`; absent without a logo. */
    logoUrl: z.string().optional(),
  }),
  device: z.object({ id: z.string(), name: z.string() }),
  zones: z.array(z.object({ id: z.string(), name: z.string() })),
  agencies: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string(),
      logoUrl: z.string().optional(),
    }),
  ),
  counters: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      number: z.number(),
      agencyId: z.string(),
      zoneId: z.string(),
    }),
  ),
  settings: DisplaySettingsSchema,
  media: z.array(MediaItemSchema),
});
export type DisplayBoard = z.infer<typeof DisplayBoardSchema>;

/** Audio clip names are safe as file names and URL segments: /api/audio/<lang>/<clip>. */
export const AUDIO_CLIP_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const AUDIO_LANGUAGES = ['id', 'en'] as const;
