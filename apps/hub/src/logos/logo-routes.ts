import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, sendError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import type { LogoKey } from './logo-files';
import { logoFiles } from './logo-files';

/**
 * Logos are public like the catalogue that links them: an `<img>` sends no bearer token.
 * A URL with the current `?v=` may be cached for good; any other is revalidated by ETag.
 */
export function logoRoutes(app: FastifyInstance, engine: QueueEngine): void {
  const serve = (key: LogoKey, request: FastifyRequest, reply: FastifyReply) => {
    const file = logoFiles(engine.index.building).get(key);
    if (!file) return sendError(reply, new HttpError(404, 'not_found', 'No logo here'));
    const etag = `"${file.version}"`;
    const { v } = request.query as { v?: string };
    reply
      .header('etag', etag)
      .header(
        'cache-control',
        v === file.version ? 'public, max-age=31536000, immutable' : 'public, no-cache',
      )
      .header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type(file.contentType).send(file.bytes);
  };
  app.get('/api/logos/site', (request, reply) => serve('site', request, reply));
  app.get<{ Params: { id: string } }>('/api/logos/agencies/:id', (request, reply) =>
    serve(`agencies/${request.params.id}`, request, reply),
  );
}
