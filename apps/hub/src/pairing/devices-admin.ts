import type { Building } from '@antre/domain';
import type { AuditStore } from '../audit/audit-store';
import type { AuthStore } from '../auth/auth-store';
import type { Sql } from '../db/sql';
import { kioskTemplateRoutes } from '../devices/kiosk-template-routes';
import { mediaRoutes } from '../display/media-routes';
import type { FeedPublisher } from '../realtime/feed-publisher';
import type { Io } from '../realtime/socket-server';
import { createDevicePairing } from './device-pairing';
import { createDeviceRegistry } from './device-registry';
import { createDeviceSockets } from './device-sockets';
import { pairingRoutes } from './pairing-routes';

/** Pairing, device administration and board media, wired like printing: routes now, sockets once io exists. */
export function createDevicesAdmin(deps: {
  sql: Sql;
  auth: AuthStore;
  now: () => number;
  building: () => Building;
  audit: AuditStore;
  dataDir: string;
  /** The admin's saved ticket template. */
  templateOf: () => Promise<string>;
}) {
  const sockets = createDeviceSockets();
  const pairing = createDevicePairing({ ...deps, changed: sockets.pairingChanged });
  const devices = createDeviceRegistry({ ...deps, sockets });
  return {
    routes: [
      ...pairingRoutes(pairing, devices),
      ...mediaRoutes({ ...deps, changed: sockets.boardsChanged }),
      ...kioskTemplateRoutes(deps.templateOf),
    ],
    attach: (io: Io, feeds: FeedPublisher | null = null) => devices.attach(io, feeds),
    /** Marks a device's connection online; run by `registerSocketHandlers`. */
    greet: devices.greet,
    /** Once the sockets are closed: resolves when their devices' last sightings are written. */
    settled: devices.settled,
    /** Housekeeping on the hub's tick: codes that ran out are announced. */
    tick: (): Promise<void> => pairing.announceExpired(),
  };
}
