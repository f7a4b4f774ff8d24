import type { DeviceAlert, PrinterStateName } from '@antre/protocol';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/database';
import { createAlertStore } from './alert-store';

export type AlertListener = (alert: DeviceAlert) => void;
export type PrinterReport = PrinterStateName | 'write_failed' | 'no_printer';

/**
 * A kiosk's printer trouble as an alert: raised (or its state updated) when the printer
 * cannot print or runs low on paper, or none is set up; cleared once it answers ready again.
 */
export function createDeviceAlerts(db: Db, clock: () => number) {
  const store = createAlertStore(db);
  const listeners: AlertListener[] = [];
  const changed = (alert: DeviceAlert): DeviceAlert => {
    for (const listener of listeners) listener(alert);
    return alert;
  };

  return {
    onChange: (listener: AlertListener) => listeners.push(listener),

    /** Records what the device's printer said; returns the alert when it changed. */
    reportPrinter(deviceId: string, state: PrinterReport): DeviceAlert | null {
      const open = store.open(deviceId, 'printer');
      const now = clock();
      if (state === 'ready') return open ? changed(store.clear(open.id, now)) : null;
      if (open?.state === state) return null;
      return changed(
        open
          ? store.updateState(open.id, state, now)
          : store.insert(deviceId, 'printer', state, now),
      );
    },

    /** Open alerts the principal may see: all for the admin, their agency's for a supervisor. */
    openFor(principal: Principal): DeviceAlert[] {
      return store.listOpen().filter((alert) => mayHear(principal, alert));
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
