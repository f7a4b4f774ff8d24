import { defineRoute } from '../http/routes';
import type { AuditStore } from './audit-store';

export function auditRoutes(audit: AuditStore) {
  return [
    defineRoute({
      route: 'GET /api/audit',
      summary: 'Configuration changes and queue actions, newest first: ?from&to&actor&action&limit',
      tag: 'admin',
      access: ['admin'],
      handle: async ({ query }) => ({ entries: await audit.list(query) }),
    }),
  ];
}
