import type {
  ApiRoute,
  ConflictReason,
  ErrorCode,
  FieldError,
  RefusalDetail,
  RouteContract,
} from '@antre/protocol';
import { API_ROUTES, parseInput } from '@antre/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthStore } from '../auth/auth-store';
import type { Principal } from '../auth/principal';
import { PUBLIC, actorKey } from '../auth/principal';
import type { RouteRateLimit, RouteSpec } from './route-spec';
import { FileReply } from './route-spec';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
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

export type { RouteAnswer, RouteInput, RouteRateLimit, RouteSpec } from './route-spec';
export { defineRoute, FileReply } from './route-spec';

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

// A request's token is looked up once, though its rate limit, body limit and handler all ask.
const resolved = new WeakMap<FastifyRequest, Promise<Principal | null>>();
function bearerOf(request: FastifyRequest, auth: AuthStore): Promise<Principal | null> {
  let principal = resolved.get(request);
  if (!principal) {
    const match = /^Bearer (\S{1,200})$/.exec(request.headers.authorization ?? '');
    principal = match?.[1] ? auth.resolve(match[1], Date.now()) : Promise.resolve(null);
    resolved.set(request, principal);
  }
  return principal;
}

async function principalOf(request: FastifyRequest, auth: AuthStore): Promise<Principal> {
  if (!request.headers.authorization) return PUBLIC;
  const principal = await bearerOf(request, auth);
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
const limitKeyOf =
  (auth: AuthStore) =>
  async (request: FastifyRequest): Promise<string> => {
    const principal = await bearerOf(request, auth);
    return principal ? actorKey(principal) : request.ip;
  };

const rateLimitConfig = (limit: RouteRateLimit, auth: AuthStore) => ({
  max: limit.max,
  timeWindow: limit.timeWindowMs,
  keyGenerator: limitKeyOf(auth),
  errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
    new TooManyError(limit.code, limit.message, Math.max(1, Math.ceil(context.ttl / 1000))),
});

export const contractOf = (route: ApiRoute): RouteContract => API_ROUTES[route];

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function methodAndUrl(route: ApiRoute): { method: Method; url: string } {
  const [method, url = ''] = route.split(' ');
  return { method: method as Method, url };
}

function parsed(schema: z.ZodType | undefined, input: unknown): unknown {
  if (!schema) return undefined;
  const result = parseInput(schema, input ?? {});
  if (!result.ok)
    throw new HttpError(400, 'bad_request', result.error.message, result.error.fields);
  return result.value;
}

const withCharset = (type: string) => (type.startsWith('text/') ? `${type}; charset=utf-8` : type);

export function sendFileReply(reply: FastifyReply, file: FileReply): FastifyReply {
  const { name, headers, status } = file.options;
  if (name) reply.header('content-disposition', `attachment; filename="${name}"`);
  for (const [key, value] of Object.entries(headers ?? {})) reply.header(key, value);
  return reply
    .status(status ?? 200)
    .type(withCharset(file.type))
    .send(status === 304 ? undefined : file.body);
}

/**
 * With `checkReplies` (every test hub), an answer outside its contract is a loud 500: a JSON
 * answer its response schema does not parse, or a file of a type the contract does not name.
 */
function checkReply(route: ApiRoute, answer: unknown): void {
  const contract = contractOf(route);
  const problem =
    answer instanceof FileReply
      ? contract.files?.includes(answer.type)
        ? null
        : `a file of type ${answer.type}, not one of ${String(contract.files ?? 'none')}`
      : contract.response
        ? (() => {
            const result = contract.response.safeParse(answer);
            return result.success ? null : z.prettifyError(result.error);
          })()
        : 'JSON, but the contract declares only files';
  if (problem === null) return;
  const message = `${route} answered outside its contract: ${problem}`;
  console.error(message);
  throw new HttpError(500, 'internal', message);
}

/**
 * Authenticate -> authorise -> parse params, query and body -> handle, the same for every
 * endpoint; each takes its schemas from its contract in API_ROUTES.
 */
export function registerRoutes(
  app: FastifyInstance,
  routes: RouteSpec[],
  auth: AuthStore,
  options: { checkReplies?: boolean } = {},
): void {
  // A large body is read only once its sender is known to be allowed to send it.
  const authoriseFirst = (route: RouteSpec) => async (request: FastifyRequest) =>
    authorise(route, await principalOf(request, auth));
  acceptRawUploads(app, routes);
  for (const route of routes) {
    const contract = contractOf(route.route);
    app.route({
      ...methodAndUrl(route.route),
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit, onRequest: authoriseFirst(route) } : {}),
      ...(route.rateLimit ? { config: { rateLimit: rateLimitConfig(route.rateLimit, auth) } } : {}),
      handler: async (request, reply) => {
        const principal = await principalOf(request, auth);
        authorise(route, principal);
        const params = parsed(contract.params, request.params);
        const query = parsed(contract.query, request.query);
        const body = parsed(contract.body, request.body);
        const input = { params, query, body, principal, request, reply };
        const answer = await route.handle(input as Parameters<RouteSpec['handle']>[0]);
        if (options.checkReplies) checkReply(route.route, answer);
        if (answer instanceof FileReply) return sendFileReply(reply, answer);
        return reply.status(contract.status ?? 200).send(answer);
      },
    });
  }
}

/** Routes that take a raw file (board media) get its bytes as a stream, as declared. */
function acceptRawUploads(app: FastifyInstance, routes: RouteSpec[]): void {
  const types = [...new Set(routes.flatMap((r) => contractOf(r.route).uploads ?? []))];
  if (types.length > 0)
    app.addContentTypeParser(types, (_request, payload, done) => done(null, payload));
}

/**
 * Every /api/ route is a spec with a contract: one added around them (`app.get`) would be
 * missing from the OpenAPI document and from the apps' types. Call before any route; the
 * returned check throws at start-up naming the ones outside.
 */
export function watchApiRoutes(app: FastifyInstance): (specs: RouteSpec[]) => void {
  const registered: string[] = [];
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().filter((method) => method !== 'HEAD');
    if (route.url.startsWith('/api/'))
      for (const method of methods) registered.push(`${method} ${route.url}`);
  });
  return (specs) => {
    const specified = new Set<string>(specs.map((spec) => spec.route));
    const outside = registered.filter((route) => !specified.has(route));
    if (outside.length > 0)
      throw new Error(`/api routes without a contract in API_ROUTES: ${outside.join(', ')}`);
  };
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
