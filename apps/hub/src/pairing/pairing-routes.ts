import type { RouteSpec } from '../http/routes';
import { defineRoute } from '../http/routes';
import type { DevicePairing } from './device-pairing';
import type { DeviceRegistry } from './device-registry';

// One address asks at most this often a minute; a device asks once, then polls its request.
const REQUESTS_PER_MINUTE = 20;

export function pairingRoutes(pairing: DevicePairing, devices: DeviceRegistry): RouteSpec[] {
  return [
    defineRoute({
      route: 'POST /api/pairing',
      summary:
        'A new kiosk or display asks to be paired; it shows the code and polls with the secret',
      tag: 'pairing',
      access: 'public',
      rateLimit: {
        max: REQUESTS_PER_MINUTE,
        timeWindowMs: 60_000,
        code: 'rate_limited',
        message: 'Too many pairing requests from this address; wait a minute',
      },
      handle: ({ body, request }) => pairing.request(body, request.ip),
    }),
    defineRoute({
      route: 'GET /api/pairing/:id',
      summary: 'The device polls its request (?secret=); once approved it receives its token, once',
      tag: 'pairing',
      access: 'public',
      handle: ({ params, query }) => pairing.status(params.id, query.secret),
    }),
    defineRoute({
      route: 'GET /api/pairing',
      summary: 'Devices waiting to be paired, with their codes',
      tag: 'pairing',
      access: ['admin'],
      handle: async () => ({ pending: await pairing.pending() }),
    }),
    defineRoute({
      route: 'POST /api/pairing/approve',
      summary: 'Approve the device showing this code: it becomes a device with this role and place',
      tag: 'pairing',
      access: ['admin'],
      handle: ({ body, principal, request }) => pairing.approve(body, { principal, request }),
    }),
    defineRoute({
      route: 'POST /api/pairing/reject',
      summary: 'Refuse the device showing this code',
      tag: 'pairing',
      access: ['admin'],
      handle: ({ body }) => pairing.reject(body.code),
    }),
    defineRoute({
      route: 'GET /api/devices',
      summary: 'All devices: role, place, online now, last seen, revoked',
      tag: 'devices',
      access: ['admin'],
      handle: async () => ({ devices: await devices.list() }),
    }),
    defineRoute({
      route: 'POST /api/devices/:id',
      summary: 'Rename or reassign a device (zones, agencies, settings); fields left out stay',
      tag: 'devices',
      access: ['admin'],
      handle: ({ params, body, principal, request }) =>
        devices.update(params.id, body, { principal, request }),
    }),
    defineRoute({
      route: 'POST /api/devices/:id/revoke',
      summary: 'Revoke a device: its token stops working and its connections are cut at once',
      tag: 'devices',
      access: ['admin'],
      handle: ({ params, principal, request }) => devices.revoke(params.id, { principal, request }),
    }),
  ];
}
