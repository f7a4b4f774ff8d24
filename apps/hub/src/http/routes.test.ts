import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthStore } from '../auth/auth-store';
import type { RouteSpec } from './routes';
import {
  defineRoute,
  FileReply,
  installErrorHandlers,
  registerRoutes,
  watchApiRoutes,
} from './routes';

// The wrapper on its own, without a hub: what it does with a spec is the whole of it.
const NO_AUTH = {} as AuthStore;
let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

async function serve(routes: RouteSpec[], checkReplies: boolean) {
  app = Fastify();
  installErrorHandlers(app);
  registerRoutes(app, routes, NO_AUTH, { checkReplies });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return async (path: string) => {
    const response = await fetch(`${url}${path}`);
    const type = response.headers.get('content-type') ?? '';
    const body: unknown = type.includes('json') ? await response.json() : await response.text();
    return { status: response.status, type, body };
  };
}

const HEALTH = { summary: 'stand-in', tag: 'test', access: 'public' } as const;
// `as never`: answers the compiler refuses, to see what a test hub does if one slips through.

describe('route answers and their contracts', () => {
  it('when a handler answers outside its schema, then a checking hub says so with a 500', async () => {
    const get = await serve(
      [defineRoute({ route: 'GET /api/health', ...HEALTH, handle: () => ({ up: 1 }) as never })],
      true,
    );
    const answer = await get('/api/health');
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).toContain('GET /api/health answered outside its contract');
  });

  it('when a file is of a type its contract does not name, then a checking hub refuses it', async () => {
    const page = new FileReply('text/html', '<p>') as never;
    const get = await serve(
      [defineRoute({ route: 'GET /api/feedback/export', ...HEALTH, handle: () => page })],
      true,
    );
    expect((await get('/api/feedback/export?format=csv')).status).toBe(500);
  });

  it('when a file is of a declared type, then it is sent with that type, UTF-8 for text, and its name', async () => {
    const csv = new FileReply('text/csv', 'a;b\n', { name: 'antre-masukan.csv' });
    const get = await serve(
      [defineRoute({ route: 'GET /api/feedback/export', ...HEALTH, handle: () => csv })],
      true,
    );
    expect(await get('/api/feedback/export?format=csv')).toEqual({
      status: 200,
      type: 'text/csv; charset=utf-8',
      body: 'a;b\n',
    });
  });

  it('when the query or the path parameters fail their schema, then it is a 400 naming them', async () => {
    const seen: unknown[] = [];
    const get = await serve(
      [
        defineRoute({
          route: 'GET /api/reports/export',
          ...HEALTH,
          handle: ({ query }) => {
            seen.push(query);
            return new FileReply('text/csv', '');
          },
        }),
        defineRoute({
          route: 'GET /api/survey/kiosk/:number',
          ...HEALTH,
          handle: ({ params }) => {
            seen.push(params);
            return { open: false, reason: 'not_served' as const, serviceName: '' };
          },
        }),
      ],
      true,
    );
    const bad = await get('/api/reports/export?from=2026-11-23&table=nope');
    expect(bad.status).toBe(400);
    expect(
      (bad.body as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path),
    ).toEqual(['to', 'table', 'format']);
    expect((await get('/api/survey/kiosk/12345')).status).toBe(400);
    await get('/api/survey/kiosk/a1');
    expect(seen).toEqual([{ number: 'A-001' }]);
  });

  it('when an /api route is added outside the contracts, then the hub refuses to start', async () => {
    app = Fastify();
    const check = watchApiRoutes(app);
    const spec = defineRoute({ route: 'GET /api/health', ...HEALTH, handle: () => ({}) as never });
    registerRoutes(app, [spec], NO_AUTH);
    app.get('/api/extra', () => ({}));
    app.get('/home.css', () => '');
    expect(() => check([spec])).toThrow(
      '/api routes without a contract in API_ROUTES: GET /api/extra',
    );
  });
});
