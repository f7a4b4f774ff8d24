import type { AuditStore } from '../audit/audit-store';
import { auditRoutes } from '../audit/audit-routes';
import type { AuthStore } from '../auth/auth-store';
import type { Sql } from '../db/sql';
import { logoUploadRoutes } from '../logos/logo-upload-routes';
import type { QueueEngine } from '../queue/queue-engine';
import { addressRoutes } from './address-routes';
import type { OnBuildingSaved } from './building-changes';
import { createBuildingChanges } from './building-changes';
import { buildingRoutes } from './building-routes';
import { userRoutes } from './user-routes';
import { createUserStore } from './user-store';

/** Configuration, people and the audit log; `attach` once the socket server exists. */
export function adminRoutes(deps: {
  sql: Sql;
  engine: QueueEngine;
  auth: AuthStore;
  audit: AuditStore;
  /** Runs in the save's transaction: bookings the new building strands are cancelled. */
  onBuildingSaved?: OnBuildingSaved;
}) {
  const changes = createBuildingChanges(deps);
  const users = createUserStore(deps.sql);
  return {
    routes: [
      ...buildingRoutes(deps.engine, changes),
      ...logoUploadRoutes(changes),
      ...addressRoutes(deps.engine),
      ...userRoutes({ ...deps, users }),
      ...auditRoutes(deps.audit),
    ],
    attach: changes.attach,
  };
}
