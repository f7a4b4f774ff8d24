import type { ApiFileType, ApiRoute, ApiRoutes, Role } from '@antre/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { ErrorCode } from '@antre/protocol';

/** A per-address limit on one route, kept by @fastify/rate-limit (registered with global: false). */
export interface RouteRateLimit {
  max: number;
  timeWindowMs: number;
  /** Refusal code and message; the wait is added from the limiter. */
  code: ErrorCode;
  message: string;
}

/**
 * A file answer: its media type (one the route's contract declares), the bytes, and the name
 * it is saved under when it is a download. Text types are sent as UTF-8.
 */
export class FileReply<T extends string = string> {
  constructor(
    readonly type: T,
    readonly body: string | Buffer | Readable,
    readonly options: {
      name?: string;
      headers?: Record<string, string | number>;
      status?: 200 | 304;
    } = {},
  ) {}
}

type Parsed<K extends ApiRoute, F extends 'params' | 'query' | 'body'> =
  ApiRoutes[K] extends Record<F, infer S extends z.ZodType> ? z.output<S> : undefined;

/** What a route's handler answers: its contract's JSON, or a file of a declared type. */
export type RouteAnswer<K extends ApiRoute> =
  | (ApiRoutes[K] extends { response: infer S extends z.ZodType } ? z.output<S> : never)
  | FileReply<ApiFileType<K>>;

export interface RouteInput<K extends ApiRoute> {
  params: Parsed<K, 'params'>;
  query: Parsed<K, 'query'>;
  body: Parsed<K, 'body'>;
  principal: Principal;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One REST endpoint: its contract (`METHOD /path` in API_ROUTES, packages/protocol) gives its
 * schemas; the spec adds who may call it and how it is answered.
 */
export interface RouteSpec<K extends ApiRoute = ApiRoute> {
  route: K;
  summary: string;
  tag: string;
  /** Roles allowed; 'public' needs no token. */
  access: readonly Role[] | 'public';
  /** Bytes a body may have when more than the hub's 256 KB (a building with its logos). */
  bodyLimit?: number;
  /** Requests one address may make in a window; refused before sign-in or body parsing. */
  rateLimit?: RouteRateLimit;
  handle: (input: RouteInput<K>) => RouteAnswer<K> | Promise<RouteAnswer<K>>;
}

/** Types `handle` from the route's contract: its input parsed, its answer checked by the compiler. */
export const defineRoute = <K extends ApiRoute>(spec: RouteSpec<K>): RouteSpec =>
  spec as unknown as RouteSpec;
