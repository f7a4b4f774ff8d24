import { defineRoute } from '../http/routes';
import type { DeviceAlerts } from './device-alerts';

export function deviceAlertRoutes(alerts: DeviceAlerts) {
  return [
    defineRoute({
      route: 'GET /api/devices/alerts',
      summary:
        "Open device alerts (a kiosk's printer out of paper, cover open, offline, not answering)",
      tag: 'devices',
      access: ['admin', 'supervisor'],
      handle: async ({ principal }) => ({ alerts: await alerts.openFor(principal) }),
    }),
  ];
}
