import type { FastifyRequest } from 'fastify';
import type { RouteSpec } from '../http/routes';
import { defineRoute, FileReply, HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import type { LogoKey } from './logo-files';
import { logoFiles } from './logo-files';

/**
 * Logos are public like the catalogue that links them: an `<img>` sends no bearer token.
 * A URL with the current `?v=` may be cached for good; any other is revalidated by ETag.
 */
export function logoRoutes(engine: QueueEngine): RouteSpec[] {
  const serve = (key: LogoKey, version: string | undefined, request: FastifyRequest) => {
    const file = logoFiles(engine.index.building).get(key);
    if (!file) throw new HttpError(404, 'not_found', 'No logo here');
    const etag = `"${file.version}"`;
    const headers = {
      etag,
      'cache-control':
        version === file.version ? 'public, max-age=31536000, immutable' : 'public, no-cache',
      'x-content-type-options': 'nosniff',
    };
    const unchanged = request.headers['if-none-match'] === etag;
    return new FileReply(file.contentType, file.bytes, {
      headers,
      ...(unchanged ? { status: 304 } : {}),
    });
  };
  return [
    defineRoute({
      route: 'GET /api/logos/site',
      summary: "The site's logo (public; ?v= is its version, cached for good when current)",
      tag: 'catalogue',
      access: 'public',
      handle: ({ query, request }) => serve('site', query.v, request),
    }),
    defineRoute({
      route: 'GET /api/logos/agencies/:id',
      summary: "An agency's logo (public; ?v= is its version, cached for good when current)",
      tag: 'catalogue',
      access: 'public',
      handle: ({ params, query, request }) => serve(`agencies/${params.id}`, query.v, request),
    }),
  ];
}
