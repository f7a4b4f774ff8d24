import type { RouteContract } from '@antre/protocol';
import { ErrorBodySchema } from '@antre/protocol';
import { z } from 'zod';
import type { RouteSpec } from './route-spec';
import { defineRoute } from './route-spec';
import { contractOf, methodAndUrl } from './routes';

type JsonSchema = { properties?: Record<string, { description?: string }>; required?: string[] };

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** Each property of a params or query schema as an OpenAPI parameter. */
function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema, 'input') as JsonSchema;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

const binary = (types: readonly string[]) =>
  Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));

function requestBodyOf(contract: RouteContract) {
  if (contract.body)
    return {
      required: true,
      content: { 'application/json': { schema: jsonSchema(contract.body, 'input') } },
    };
  if (contract.uploads) return { required: true, content: binary(contract.uploads) };
  return null;
}

function successOf(contract: RouteContract) {
  const json = contract.response
    ? { 'application/json': { schema: jsonSchema(contract.response, 'output') } }
    : {};
  return {
    description: contract.files ? 'Success; a file for the types other than JSON' : 'Success',
    content: { ...json, ...binary(contract.files ?? []) },
  };
}

/** OpenAPI 3.1 from the contracts (API_ROUTES) that validate requests and, in tests, answers. */
export function openApiDocument(routes: RouteSpec[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  const errorBody = jsonSchema(ErrorBodySchema, 'output');
  for (const route of routes) {
    const contract = contractOf(route.route);
    const { method, url } = methodAndUrl(route.route);
    const parameters = [
      ...parametersOf(contract.params, 'path'),
      ...parametersOf(contract.query, 'query'),
    ];
    const requestBody = requestBodyOf(contract);
    const path = url.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public'
        ? { security: [] }
        : { description: `Roles: ${route.access.join(', ')}` }),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [String(contract.status ?? 200)]: successOf(contract),
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

/** The document itself is a route too, so every /api/ route has a contract. */
export function openApiRoute(document: () => object): RouteSpec {
  return defineRoute({
    route: 'GET /api/openapi.json',
    summary: 'This description of the API (OpenAPI 3.1)',
    tag: 'health',
    access: 'public',
    handle: () => ({ openapi: '3.1.0' as const, paths: {}, ...document() }),
  });
}
