import { request } from 'node:http';

/** Sends JSON to a hub the way an integration would; the tools need no more than this. */
export async function sendJson(
  url: string,
  method: 'POST' | 'PUT',
  path: string,
  body: object,
  token?: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

export const postJson = (
  url: string,
  path: string,
  body: object,
  token?: string,
): Promise<Record<string, unknown>> => sendJson(url, 'POST', path, body, token);

/**
 * POSTs JSON from a chosen loopback address (127.x.y.z all reach 127.0.0.1 on Linux), as
 * many phones would; answers the status only.
 */
export function postJsonFrom(
  url: string,
  path: string,
  body: object,
  localAddress: string,
): Promise<number> {
  const target = new URL(path, url);
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(data);
  });
}
