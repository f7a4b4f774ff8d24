import { join } from 'node:path';
import type { Sql } from '../db/sql';
import { publishDeviceAlerts } from '../devices/alert-publisher';
import { deviceAlertRoutes } from '../devices/alert-routes';
import { createDeviceAlerts } from '../devices/device-alerts';
import type { CommandBus } from '../queue/command-bus';
import type { QueueEngine } from '../queue/queue-engine';
import type { QueueStorage } from '../queue/queue-storage';
import type { Io } from '../realtime/socket-server';
import { createKioskPrinters } from './kiosk-printers';
import { kioskSocketHandlers } from './kiosk-socket';
import { createPrintService } from './print-service';

/** The hub's print path for kiosks in a plain browser, and the device alerts it raises. */
export function createKioskPrinting(deps: {
  sql: Sql;
  engine: QueueEngine;
  store: QueueStorage;
  commands: CommandBus;
  dataDir: string;
  /** The ticket template to print with, read at each print. */
  templateOf: () => Promise<string>;
}) {
  const alerts = createDeviceAlerts(deps.sql, deps.engine.now);
  // Virtual printers write here, so a demo prints somewhere a person can look.
  const printers = createKioskPrinters(join(deps.dataDir, 'printed'), deps.templateOf);
  const service = createPrintService({ ...deps, alerts, printers });
  return {
    printedDir: printers.printedDir,
    alerts,
    /** Kiosk check-ins of bookings print through the same service as kiosk:issue. */
    service,
    routes: deviceAlertRoutes(alerts),
    socketHandlers: kioskSocketHandlers(service, () => deps.engine.index.site),
    attach(io: Io): void {
      publishDeviceAlerts(io, alerts);
    },
  };
}
