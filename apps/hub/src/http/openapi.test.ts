import type { ApiRoute, RouteContract } from '@antre/protocol';
import { API_ROUTES } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; required: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

let hub: TestHub;
let doc: Document;
beforeAll(async () => {
  hub = await startTestHub();
  doc = (await hub.api('/api/openapi.json')).body as unknown as Document;
});
afterAll(async () => hub?.close());

const ROUTES = Object.entries(API_ROUTES) as [ApiRoute, RouteContract][];

function operationOf(route: ApiRoute): Operation | undefined {
  const [method = '', url = ''] = route.split(' ');
  return doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
}

const queryNames = (contract: RouteContract): string[] => {
  if (!contract.query) return [];
  const schema = z.toJSONSchema(contract.query, { io: 'input', unrepresentable: 'any' });
  return Object.keys((schema as { properties?: object }).properties ?? {});
};

const successContent = (operation: Operation) =>
  Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1].content ?? {};

describe('the OpenAPI document', () => {
  it.each(ROUTES)('%s is described with its path parameters and query', (route, contract) => {
    const operation = operationOf(route);
    expect(operation, route).toBeDefined();
    const parameters = operation?.parameters ?? [];
    const inPath = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]);
    expect(parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(inPath);
    expect(parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(
      queryNames(contract),
    );
  });

  it.each(ROUTES.filter(([, c]) => c.files))('%s declares its files’ media types', (route, c) => {
    expect(Object.keys(successContent(operationOf(route)!))).toEqual(
      expect.arrayContaining([...(c.files ?? [])]),
    );
  });

  it('when files are asked for, then reports, exports, logos, media and voice name their real types', () => {
    const types = (route: ApiRoute) => Object.keys(successContent(operationOf(route)!));
    const sheets = [
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ];
    for (const route of [
      'GET /api/reports/export',
      'GET /api/reports/live/export',
      'GET /api/reports/ikm/export',
      'GET /api/feedback/export',
    ] as const)
      expect(types(route), route).toEqual(sheets);
    expect(types('GET /api/admin/bookings')).toEqual(['application/json', ...sheets]);
    expect(types('GET /api/bookings/:code/calendar.ics')).toEqual(['text/calendar']);
    expect(types('GET /api/logos/site')).toEqual(['image/png', 'image/jpeg', 'image/webp']);
    expect(types('GET /api/audio/:lang/:clip')).toContain('audio/wav');
    expect(types('GET /api/media/:file')).toContain('video/mp4');
    const upload = operationOf('PUT /api/display/media/:file')?.requestBody?.content ?? {};
    expect(Object.keys(upload)).toContain('image/png');
  });

  it('when a report is described, then each of its query parameters is, required or not', () => {
    const parameters = operationOf('GET /api/reports/export')?.parameters ?? [];
    expect(parameters.map(({ name, required }) => ({ name, required }))).toEqual([
      { name: 'from', required: true },
      { name: 'to', required: true },
      { name: 'agencyId', required: false },
      { name: 'table', required: true },
      { name: 'format', required: true },
    ]);
  });

  it('when a path is in the document, then the hub has it among its contracts', () => {
    const described = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map(
        (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    expect(described.sort()).toEqual(Object.keys(API_ROUTES).sort());
  });
});
