import type { RegionRoute, RegionRoutes } from '@antre/protocol';
import { parseInput, REGION_ROUTES } from '@antre/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteRateLimit } from '../http/route-spec';
import { FileReply } from '../http/route-spec';
import { HttpError, sendFileReply, TooManyError } from '../http/routes';
import type { RegionAccounts, RegionPrincipal } from './region-accounts';

// The region server's routes: the same order as a building hub's (http/routes.ts), sign-in ->
// parse -> handle, against the region's own contracts (REGION_ROUTES) and its own sessions.
// A building's Principal and roles never appear here, so no building token can pass.

type Contract<K extends RegionRoute> = RegionRoutes[K];
type Parsed<K extends RegionRoute, F extends 'query' | 'body'> =
  Contract<K> extends Record<F, infer S extends z.ZodType> ? z.output<S> : undefined;
type Answer<K extends RegionRoute> =
  | (Contract<K> extends { response: infer S extends z.ZodType } ? z.output<S> : never)
  | (Contract<K> extends { files: readonly (infer T extends string)[] } ? FileReply<T> : never);

export interface RegionRouteSpec<K extends RegionRoute = RegionRoute> {
  route: K;
  /** 'public': anyone (health, sign-in); 'region': a regional admin's session. */
  access: 'public' | 'region';
  rateLimit?: RouteRateLimit;
  handle: (input: {
    query: Parsed<K, 'query'>;
    body: Parsed<K, 'body'>;
    principal: RegionPrincipal | null;
    request: FastifyRequest;
    reply: FastifyReply;
  }) => Answer<K> | Promise<Answer<K>>;
}

export const defineRegionRoute = <K extends RegionRoute>(spec: RegionRouteSpec<K>) =>
  spec as unknown as RegionRouteSpec;

const bearer = (request: FastifyRequest): string | null =>
  /^Bearer (\S{1,200})$/.exec(request.headers.authorization ?? '')?.[1] ?? null;

async function principalOf(
  request: FastifyRequest,
  accounts: RegionAccounts,
): Promise<RegionPrincipal | null> {
  const token = bearer(request);
  return token ? accounts.resolve(token, Date.now()) : null;
}

function parsed(schema: z.ZodType | undefined, input: unknown): unknown {
  if (!schema) return undefined;
  const result = parseInput(schema, input ?? {});
  if (!result.ok)
    throw new HttpError(
      400,
      'bad_request',
      `Permintaan tidak valid / Invalid request: ${result.error.message}`,
      result.error.fields,
    );
  return result.value;
}

/** With `checkReplies` (tests), an answer outside its contract is a loud 500. */
function checkReply(route: RegionRoute, answer: unknown): void {
  const contract: { response?: z.ZodType; files?: readonly string[] } = REGION_ROUTES[route];
  let problem: string | null = null;
  if (answer instanceof FileReply) {
    if (!contract.files?.includes(answer.type)) problem = `a file of type ${answer.type}`;
  } else if (!contract.response) problem = 'JSON, but the contract declares only files';
  else {
    const result = contract.response.safeParse(answer);
    if (!result.success) problem = z.prettifyError(result.error);
  }
  if (problem === null) return;
  const message = `${route} answered outside its contract: ${problem}`;
  console.error(message);
  throw new HttpError(500, 'internal', message);
}

export function registerRegionRoutes(
  app: FastifyInstance,
  routes: RegionRouteSpec[],
  accounts: RegionAccounts,
  options: { checkReplies?: boolean } = {},
): void {
  for (const route of routes) {
    const contract = REGION_ROUTES[route.route] as { query?: z.ZodType; body?: z.ZodType };
    const limit = route.rateLimit;
    const [method, url = ''] = route.route.split(' ') as ['GET' | 'POST', string];
    app.route({
      method,
      url,
      ...(limit
        ? {
            config: {
              rateLimit: {
                max: limit.max,
                timeWindow: limit.timeWindowMs,
                errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
                  new TooManyError(
                    limit.code,
                    limit.message,
                    Math.max(1, Math.ceil(context.ttl / 1000)),
                  ),
              },
            },
          }
        : {}),
      handler: async (request, reply) => {
        const principal = await principalOf(request, accounts);
        if (route.access === 'region' && !principal)
          throw new HttpError(
            401,
            'unauthorized',
            'Masuk sebagai admin wilayah dulu; token tidak ada, kedaluwarsa atau bukan token wilayah / Sign in as a regional admin: the token is missing, expired or not a regional one',
          );
        const input = {
          query: parsed(contract.query, request.query),
          body: parsed(contract.body, request.body),
          principal,
          request,
          reply,
        };
        const answer: unknown = await route.handle(
          input as Parameters<RegionRouteSpec['handle']>[0],
        );
        if (options.checkReplies) checkReply(route.route, answer);
        if (answer instanceof FileReply) return sendFileReply(reply, answer);
        return reply.send(answer);
      },
    });
  }
}
