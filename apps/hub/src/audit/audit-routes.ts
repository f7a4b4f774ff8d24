import { AuditListSchema, AuditQuerySchema, parseInput } from '@antre/protocol';
import { defineRoute, HttpError } from '../http/routes';
import type { AuditStore } from './audit-store';

export function auditRoutes(audit: AuditStore) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/audit',
      summary: 'Configuration changes and queue actions, newest first: ?from&to&actor&action&limit',
      tag: 'admin',
      access: ['admin'],
      response: AuditListSchema,
      handle: ({ request }) => {
        const parsed = parseInput(AuditQuerySchema, request.query ?? {});
        if (!parsed.ok)
          throw new HttpError(400, 'bad_request', parsed.error.message, parsed.error.fields);
        return { entries: audit.list(parsed.value) };
      },
    }),
  ];
}
