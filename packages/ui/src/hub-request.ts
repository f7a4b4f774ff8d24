import type {
  ApiBody,
  ApiError,
  ApiParams,
  ApiQuery,
  ApiReply,
  ApiRoute,
  ApiRoutes,
  FieldError,
  FileRoute,
  JsonRoute,
} from '@antre/protocol';

/**
 * What every REST call to the hub gives back: the answer, or the hub's refusal with its HTTP
 * status (0 and `offline` when the hub could not be reached), so a screen never has to catch.
 */
export type HubAnswer<T> = { ok: true; value: T } | HubRefusal;
export interface HubRefusal {
  ok: false;
  status: number;
  error: ApiError;
}

// A field is optional when everything in it is.
type Field<Name extends string, T> = object extends T ? { [P in Name]?: T } : { [P in Name]: T };

/** What a call to one route sends: its path parameters, query and body, as its contract says. */
export type HubCall<K extends ApiRoute> = {
  /** A session's or a device's token, sent as a bearer. */
  token?: string | null | undefined;
  /** The hub's address when it is not the page's own (a paired display). */
  hub?: string;
  /** Extra headers, e.g. a NIK sent in a header to keep it out of addresses and logs. */
  headers?: Record<string, string>;
} & (ApiRoutes[K] extends { params: unknown } ? { params: ApiParams<K> } : unknown) &
  (ApiRoutes[K] extends { query: unknown } ? Field<'query', ApiQuery<K>> : unknown) &
  (ApiRoutes[K] extends { body: unknown } ? Field<'body', ApiBody<K>> : unknown) &
  (ApiRoutes[K] extends { uploads: readonly (infer T extends string)[] }
    ? { file: Blob; fileType: T }
    : unknown);

/** The rest of a call's arguments: optional when the route needs nothing from the caller. */
export type HubCallArgs<K extends ApiRoute> =
  object extends HubCall<K> ? [call?: HubCall<K>] : [call: HubCall<K>];

interface AnyCall {
  token?: string | null | undefined;
  hub?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  file?: Blob;
  fileType?: string;
}

const OFFLINE: HubRefusal = {
  ok: false,
  status: 0,
  error: { code: 'offline', message: 'The hub could not be reached' },
};

function queryString(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** `POST /api/users/:id` with `{ id: 'u 1' }` -> POST /api/users/u%201, plus the query. */
export function hubAddress(route: ApiRoute, call: Pick<AnyCall, 'hub' | 'params' | 'query'>) {
  const [method = 'GET', pattern = ''] = route.split(' ');
  const path = pattern.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(call.params?.[name] ?? ''),
  );
  return { method, url: `${call.hub ?? ''}${path}${queryString(call.query)}` };
}

function send(route: ApiRoute, call: AnyCall): Promise<Response> {
  const { method, url } = hubAddress(route, call);
  const json = call.body !== undefined;
  return fetch(url, {
    method,
    headers: {
      ...(json ? { 'content-type': 'application/json' } : {}),
      ...(call.fileType ? { 'content-type': call.fileType } : {}),
      ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
      ...call.headers,
    },
    body: call.file ?? (json ? JSON.stringify(call.body) : undefined),
  });
}

async function refusalOf(response: Response): Promise<HubRefusal> {
  const body = (await response.json().catch(() => null)) as { error?: ApiError } | null;
  const error = body?.error ?? { code: 'internal', message: `HTTP ${response.status}` };
  return { ok: false, status: response.status, error };
}

/**
 * One REST call to the hub, by its route in API_ROUTES (`'GET /api/reports/live'`): the path,
 * what it takes and what it answers all come from that contract.
 */
export async function callHub<K extends JsonRoute>(
  route: K,
  ...[call]: HubCallArgs<K>
): Promise<HubAnswer<ApiReply<K>>> {
  try {
    const response = await send(route, (call ?? {}) as AnyCall);
    if (!response.ok) return await refusalOf(response);
    return { ok: true, value: (await response.json()) as ApiReply<K> };
  } catch {
    return OFFLINE;
  }
}

/** A file the hub answers with (a report, a calendar), as a Blob. */
export async function fetchHubFile<K extends FileRoute>(
  route: K,
  ...[call]: HubCallArgs<K>
): Promise<HubAnswer<Blob>> {
  try {
    const response = await send(route, (call ?? {}) as AnyCall);
    if (!response.ok) return await refusalOf(response);
    return { ok: true, value: await response.blob() };
  } catch {
    return OFFLINE;
  }
}

/** A form's bad fields keyed by their path (`services.2.prefix`). */
export type FieldErrors = Record<string, FieldError>;

/** A refusal's bad fields keyed by their path, for a form to word by their rules. */
export function fieldErrors(refusal: HubRefusal | null | undefined): FieldErrors {
  return Object.fromEntries((refusal?.error.fields ?? []).map((f) => [f.path, f]));
}
