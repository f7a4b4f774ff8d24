import type { AuthStore } from '../auth/auth-store';
import type { Db } from '../db/database';
import type { Io } from '../realtime/socket-server';
import { createDevicePairing } from './device-pairing';
import { createDeviceRegistry } from './device-registry';
import { pairingRoutes } from './pairing-routes';

/** Pairing and device administration, wired like printing: routes now, sockets once io exists. */
export function createDevicesAdmin(deps: { db: Db; auth: AuthStore; now: () => number }) {
  const pairing = createDevicePairing(deps.db, deps.auth, deps.now);
  const devices = createDeviceRegistry(deps.db, deps.now);
  return {
    routes: pairingRoutes(pairing, devices, deps.now),
    attach: (io: Io) => devices.attach(io),
  };
}
