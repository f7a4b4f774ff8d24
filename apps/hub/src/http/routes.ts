import type { ConflictReason, ErrorCode, RefusalDetail, Role } from '@antre/protocol';
import { ErrorBodySchema, parseInput } from '@antre/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthStore } from '../auth/auth-store';
import type { Principal } from '../auth/principal';
import { PUBLIC, actorKey } from '../auth/principal';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: { path: string; message: string }[],
    readonly reasons?: ConflictReason[],
    readonly detail?: RefusalDetail,
  ) {
    super(message);
  }
}

/** A 429: the caller waits; the answer says how long (`retryAfterSeconds`, and Retry-After). */
export class TooManyError extends HttpError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message);
  }
}

/** A per-address limit on one route, kept by @fastify/rate-limit (registered with global: false). */
export interface RouteRateLimit {
  max: number;
  timeWindowMs: number;
  /** Refusal code and message; the wait is added from the limiter. */
  code: ErrorCode;
  message: string;
}

export interface RouteSpec<B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  /** Roles allowed; 'public' needs no token. */
  access: readonly Role[] | 'public';
  body?: B;
  /** Bytes a body may have when more than the hub's 256 KB (a building with its logos). */
  bodyLimit?: number;
  /** Requests one address may make in a window; refused before sign-in or body parsing. */
  rateLimit?: RouteRateLimit;
  response: z.ZodType;
  status?: number;
  handle: (input: {
    body: z.output<B>;
    principal: Principal;
    request: FastifyRequest;
    reply: FastifyReply;
  }) => unknown;
}

export const defineRoute = <B extends z.ZodType>(spec: RouteSpec<B>): RouteSpec =>
  spec as unknown as RouteSpec;

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  const body = {
    ok: false as const,
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.reasons ? { reasons: error.reasons } : {}),
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error instanceof TooManyError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  };
  if (error instanceof TooManyError) reply.header('retry-after', error.retryAfterSeconds);
  return reply.status(error.status).send(body);
}

function principalOf(request: FastifyRequest, auth: AuthStore): Principal {
  const header = request.headers.authorization;
  if (!header) return PUBLIC;
  const match = /^Bearer (\S{1,200})$/.exec(header);
  const principal = match?.[1] ? auth.resolve(match[1], Date.now()) : null;
  if (!principal)
    throw new HttpError(401, 'unauthorized', 'The token is missing, expired or revoked');
  return principal;
}

function authorise(route: RouteSpec, principal: Principal): void {
  if (route.access === 'public') return;
  if (principal.kind === 'public') throw new HttpError(401, 'unauthorized', 'Sign in first');
  if (!route.access.includes(principal.role))
    throw new HttpError(403, 'forbidden', `A ${principal.role} may not do this`);
}

/**
 * A registered kiosk or a signed-in person is counted as itself, anyone else by address: kiosks
 * behind one router, or a hub behind a proxy, do not share one public allowance.
 */
const limitKeyOf = (auth: AuthStore) => (request: FastifyRequest): string => {
  const match = /^Bearer (\S{1,200})$/.exec(request.headers.authorization ?? '');
  const principal = match?.[1] ? auth.resolve(match[1], Date.now()) : null;
  return principal ? actorKey(principal) : request.ip;
};

const rateLimitConfig = (limit: RouteRateLimit, auth: AuthStore) => ({
  max: limit.max,
  timeWindow: limit.timeWindowMs,
  keyGenerator: limitKeyOf(auth),
  errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
    new TooManyError(limit.code, limit.message, Math.max(1, Math.ceil(context.ttl / 1000))),
});

/** Authenticate -> authorise -> validate -> handle, the same for every endpoint. */
export function registerRoutes(app: FastifyInstance, routes: RouteSpec[], auth: AuthStore): void {
  // A large body is read only once its sender is known to be allowed to send it.
  const authoriseFirst = (route: RouteSpec) => async (request: FastifyRequest) =>
    authorise(route, principalOf(request, auth));
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit, onRequest: authoriseFirst(route) } : {}),
      ...(route.rateLimit ? { config: { rateLimit: rateLimitConfig(route.rateLimit, auth) } } : {}),
      handler: async (request, reply) => {
        const principal = principalOf(request, auth);
        authorise(route, principal);
        let body: unknown = undefined;
        if (route.body) {
          const parsed = parseInput(route.body, request.body ?? {});
          if (!parsed.ok)
            throw new HttpError(400, 'bad_request', parsed.error.message, parsed.error.fields);
          body = parsed.value;
        }
        const result = await route.handle({ body, principal, request, reply });
        return reply.status(route.status ?? 200).send(result);
      },
    });
  }
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'bad_request',
  415: 'bad_request',
};

/** Fastify's own refusals (bad JSON, too large, unknown route) in the same error shape. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status >= 500) {
      app.log.error(error);
      return sendError(
        reply,
        new HttpError(500, 'internal', 'The hub could not complete this; nothing was changed'),
      );
    }
    return sendError(
      reply,
      new HttpError(status, STATUS_CODES[status] ?? 'bad_request', (error as Error).message),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new HttpError(404, 'not_found', `No ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
}

/** OpenAPI 3.1 from the same zod schemas that validate requests. */
export function openApiDocument(routes: RouteSpec[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  const errorBody = z.toJSONSchema(ErrorBodySchema, { io: 'output', unrepresentable: 'any' });
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public'
        ? { security: [] }
        : { description: `Roles: ${route.access.join(', ')}` }),
      ...(params.length ? { parameters: params } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }),
                },
              },
            },
          }
        : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'Success',
          content: {
            'application/json': {
              schema: z.toJSONSchema(route.response, { io: 'output', unrepresentable: 'any' }),
            },
          },
        },
        default: { description: 'Error', content: { 'application/json': { schema: errorBody } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Antre hub API',
      version,
      description: 'Queue and counter system for a Mal Pelayanan Publik',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
