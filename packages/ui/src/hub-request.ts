import type { Result } from '@antre/protocol';

export interface HubRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A user's session token or a device's token, sent as a bearer. */
  token?: string;
  /** Sent as JSON; a request with a body is a POST unless `method` says otherwise. */
  json?: unknown;
  /** Extra headers, e.g. a NIK sent in a header to keep it out of addresses and logs. */
  headers?: Record<string, string>;
}

/**
 * One REST call to the hub that served the page: the hub's own `{ ok:false, error }` on a
 * refusal, and `offline` when it cannot be reached, so a screen never has to catch.
 */
export async function hubRequest<T>(path: string, init: HubRequest = {}): Promise<Result<T>> {
  const { token, json } = init;
  try {
    const response = await fetch(path, {
      method: init.method ?? (json === undefined ? 'GET' : 'POST'),
      headers: {
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const body = (await response.json()) as unknown;
    return response.ok ? { ok: true, value: body as T } : (body as Result<T>);
  } catch {
    return { ok: false, error: { code: 'offline', message: 'The hub could not be reached' } };
  }
}
