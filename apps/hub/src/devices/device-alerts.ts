import type { DeviceAlert, PrinterStateName } from '@antre/protocol';
import type { Principal } from '../auth/principal';
import type { Sql } from '../db/sql';
import { createAlertStore } from './alert-store';

export type AlertListener = (alert: DeviceAlert) => void;
export type PrinterReport = PrinterStateName | 'write_failed' | 'no_printer';

/**
 * A kiosk's printer trouble as an alert: raised (or its state updated) when the printer
 * cannot print or runs low on paper, or none is set up; cleared once it answers ready again.
 */
export function createDeviceAlerts(sql: Sql, clock: () => number) {
  const store = createAlertStore(sql);
  const listeners: AlertListener[] = [];
  const changed = (alert: DeviceAlert): DeviceAlert => {
    for (const listener of listeners) listener(alert);
    return alert;
  };
  // Reports are applied one at a time, in the order they came: each reads the open alert the
  // one before may have raised or cleared.
  let previous: Promise<unknown> = Promise.resolve();

  async function apply(deviceId: string, state: PrinterReport): Promise<DeviceAlert | null> {
    const open = await store.open(deviceId, 'printer');
    const now = clock();
    if (state === 'ready') return open ? changed(await store.clear(open.id, now)) : null;
    if (open?.state === state) return null;
    return changed(
      open
        ? await store.updateState(open.id, state, now)
        : await store.insert(deviceId, 'printer', state, now),
    );
  }

  return {
    onChange: (listener: AlertListener) => listeners.push(listener),

    /** Records what the device's printer said; returns the alert when it changed. */
    reportPrinter(deviceId: string, state: PrinterReport): Promise<DeviceAlert | null> {
      const report = previous.then(() => apply(deviceId, state));
      previous = report.catch(() => undefined);
      return report;
    },

    /** Open alerts the principal may see: all for the admin, their agency's for a supervisor. */
    async openFor(principal: Principal): Promise<DeviceAlert[]> {
      return (await store.listOpen()).filter((alert) => mayHear(principal, alert));
    },
  };
}

export function mayHear(principal: Principal, alert: DeviceAlert): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.role === 'admin') return true;
  if (principal.role !== 'supervisor' || !principal.agencyId) return false;
  return alert.agencyIds.length === 0 || alert.agencyIds.includes(principal.agencyId);
}

export type DeviceAlerts = ReturnType<typeof createDeviceAlerts>;
