import { AUDIO_CLIP_NAME, AUDIO_LANGUAGES } from '@antre/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError, sendError } from '../http/routes';
import { MEDIA_TYPES, mediaDir, mediaExtension } from './media-library';

export const BUNDLED_AUDIO_DIR = fileURLToPath(
  new URL('../../../../resources/audio', import.meta.url),
);
const AUDIO_TYPES = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg' } as const;

/** The site's own recording of a clip if it has one, else the generated clip. */
export function findClip(
  dataDir: string,
  language: string,
  clip: string,
  bundledDir = BUNDLED_AUDIO_DIR,
): { path: string; type: string } | null {
  for (const [ext, type] of Object.entries(AUDIO_TYPES)) {
    const path = join(dataDir, 'audio', language, `${clip}.${ext}`);
    if (existsSync(path)) return { path, type };
  }
  const bundled = join(bundledDir, language, `${clip}.wav`);
  return existsSync(bundled) ? { path: bundled, type: AUDIO_TYPES.wav } : null;
}

function sendFile(reply: FastifyReply, path: string, type: string, maxAge: number): FastifyReply {
  return reply
    .type(type)
    .header('content-length', statSync(path).size)
    .header('cache-control', `public, max-age=${maxAge}`)
    .send(createReadStream(path));
}

/**
 * Audio clips and board media are public on purpose: `<video src>` cannot send a bearer
 * token, and both are what the board plays to everyone in the hall anyway. The listing of
 * media is not public (display-routes.ts).
 */
export function displayFileRoutes(app: FastifyInstance, dataDir: string): void {
  // Media uploads arrive as their raw bytes; media-routes.ts streams them to disk with a limit.
  app.addContentTypeParser(/^(image|video)\//, (_request, payload, done) => done(null, payload));
  app.get<{ Params: { lang: string; clip: string } }>(
    '/api/audio/:lang/:clip',
    (request, reply) => {
      const { lang, clip } = request.params;
      if (!(AUDIO_LANGUAGES as readonly string[]).includes(lang) || !AUDIO_CLIP_NAME.test(clip))
        return sendError(reply, new HttpError(400, 'bad_request', 'Unknown language or clip name'));
      const found = findClip(dataDir, lang, clip);
      if (!found)
        return sendError(reply, new HttpError(404, 'not_found', `No clip ${lang}/${clip}`));
      return sendFile(reply, found.path, found.type, 300);
    },
  );

  app.get<{ Params: { file: string } }>('/api/media/:file', (request, reply) => {
    const ext = mediaExtension(request.params.file);
    const path = ext ? join(mediaDir(dataDir), request.params.file) : null;
    if (!ext || !path || !existsSync(path))
      return sendError(reply, new HttpError(404, 'not_found', 'No such media file'));
    return sendFile(reply, path, MEDIA_TYPES[ext]!, 60);
  });
}
