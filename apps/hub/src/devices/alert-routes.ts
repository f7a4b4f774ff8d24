import { DeviceAlertSchema } from '@antre/protocol';
import { z } from 'zod';
import { defineRoute } from '../http/routes';
import type { DeviceAlerts } from './device-alerts';

export function deviceAlertRoutes(alerts: DeviceAlerts) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/devices/alerts',
      summary:
        "Open device alerts (a kiosk's printer out of paper, cover open, offline, not answering)",
      tag: 'devices',
      access: ['admin', 'supervisor'],
      response: z.object({ alerts: z.array(DeviceAlertSchema) }),
      handle: ({ principal }) => ({ alerts: alerts.openFor(principal) }),
    }),
  ];
}
