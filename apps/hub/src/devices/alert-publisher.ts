import type { Io } from '../realtime/socket-server';
import type { DeviceAlerts } from './device-alerts';
import { mayHear } from './device-alerts';

/**
 * Sends each raised, updated or cleared alert to the admin and to the supervisors of the
 * agencies the device serves. Officers share the agency room, so sockets are picked one by one.
 */
export function publishDeviceAlerts(io: Io, alerts: DeviceAlerts): void {
  alerts.onChange((alert) => {
    for (const socket of io.sockets.sockets.values()) {
      if (mayHear(socket.data.principal, alert)) socket.emit('device:alert', alert);
    }
  });
}
