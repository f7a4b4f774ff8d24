import { AUDIO_CLIP_NAME, AUDIO_LANGUAGES } from '@antre/protocol';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RESOURCES_DIR } from '../paths';
import type { RouteSpec } from '../http/routes';
import { defineRoute, FileReply, HttpError } from '../http/routes';
import { MEDIA_TYPES, mediaDir, mediaExtension } from './media-library';

export const BUNDLED_AUDIO_DIR = join(RESOURCES_DIR, 'audio');
const AUDIO_TYPES = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg' } as const;
type AudioType = (typeof AUDIO_TYPES)[keyof typeof AUDIO_TYPES];

/** The site's own recording of a clip if it has one, else the generated clip. */
export function findClip(
  dataDir: string,
  language: string,
  clip: string,
  bundledDir = BUNDLED_AUDIO_DIR,
): { path: string; type: AudioType } | null {
  for (const [ext, type] of Object.entries(AUDIO_TYPES)) {
    const path = join(dataDir, 'audio', language, `${clip}.${ext}`);
    if (existsSync(path)) return { path, type };
  }
  const bundled = join(bundledDir, language, `${clip}.wav`);
  return existsSync(bundled) ? { path: bundled, type: AUDIO_TYPES.wav } : null;
}

const fileOptions = (path: string, maxAge: number) => ({
  headers: { 'content-length': statSync(path).size, 'cache-control': `public, max-age=${maxAge}` },
});

/**
 * Audio clips and board media are public on purpose: `<video src>` cannot send a bearer
 * token, and both are what the board plays to everyone in the hall anyway. The listing of
 * media is not public (display-routes.ts); uploads are media-routes.ts.
 */
export function displayFileRoutes(dataDir: string): RouteSpec[] {
  return [
    defineRoute({
      route: 'GET /api/audio/:lang/:clip',
      summary:
        "A voice clip of the board's announcements: the site's own recording, else the bundled one",
      tag: 'display',
      access: 'public',
      handle: ({ params: { lang, clip } }) => {
        if (!(AUDIO_LANGUAGES as readonly string[]).includes(lang) || !AUDIO_CLIP_NAME.test(clip))
          throw new HttpError(400, 'bad_request', 'Unknown language or clip name');
        const found = findClip(dataDir, lang, clip);
        if (!found) throw new HttpError(404, 'not_found', `No clip ${lang}/${clip}`);
        return new FileReply(
          found.type,
          createReadStream(found.path),
          fileOptions(found.path, 300),
        );
      },
    }),
    defineRoute({
      route: 'GET /api/media/:file',
      summary: 'One image or video the boards show (from <data-dir>/media/)',
      tag: 'display',
      access: 'public',
      handle: ({ params: { file } }) => {
        const ext = mediaExtension(file);
        const path = ext ? join(mediaDir(dataDir), file) : null;
        const type = ext ? MEDIA_TYPES[ext] : undefined;
        if (!path || !type || !existsSync(path))
          throw new HttpError(404, 'not_found', 'No such media file');
        return new FileReply(type, createReadStream(path), fileOptions(path, 60));
      },
    }),
  ];
}
