import { z } from 'zod';

/**
 * What one REST route takes and answers. `response` is its JSON answer; `files` the media
 * types of a file it answers with instead (or as well, chosen by the query); `uploads` the
 * media types of a raw body it takes.
 */
export interface RouteContract {
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  files?: readonly string[];
  uploads?: readonly string[];
  /** The status of a success when not 200. */
  status?: number;
}

export const SHEET_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const AUDIO_MEDIA_TYPES = ['audio/wav', 'audio/mpeg', 'audio/ogg'] as const;
export const BOARD_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/webm',
] as const;

// A path's own checks (a ticket code's form, a media name) answer 404 or say what is wrong;
// the schema only keeps out what no route could mean.
const segment = z.string().min(1).max(200);
export const params = <K extends string>(...names: K[]) =>
  z.object(Object.fromEntries(names.map((name) => [name, segment])) as Record<K, typeof segment>);

export const OkSchema = z.object({ ok: z.literal(true) });
export const list = <S extends z.ZodType>(item: S) => z.array(item);
