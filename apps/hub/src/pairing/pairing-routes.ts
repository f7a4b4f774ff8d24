import {
  ApprovePairingBodySchema,
  DeviceSummarySchema,
  PairingStatusSchema,
  PairingTicketSchema,
  PendingPairingSchema,
  RejectPairingBodySchema,
  RequestPairingBodySchema,
  UpdateDeviceBodySchema,
} from '@antre/protocol';
import { z } from 'zod';
import type { RouteSpec } from '../http/routes';
import { defineRoute, HttpError } from '../http/routes';
import type { DevicePairing } from './device-pairing';
import type { DeviceRegistry } from './device-registry';

// One address asks at most this often a minute; a device asks once, then polls its request.
const REQUESTS_PER_MINUTE = 20;

const idParam = (params: unknown): string => (params as { id: string }).id;

export function pairingRoutes(pairing: DevicePairing, devices: DeviceRegistry): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/pairing',
      summary:
        'A new kiosk or display asks to be paired; it shows the code and polls with the secret',
      tag: 'pairing',
      access: 'public',
      body: RequestPairingBodySchema,
      status: 201,
      response: PairingTicketSchema,
      rateLimit: {
        max: REQUESTS_PER_MINUTE,
        timeWindowMs: 60_000,
        code: 'rate_limited',
        message: 'Too many pairing requests from this address; wait a minute',
      },
      handle: ({ body, request }) => pairing.request(body, request.ip),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/pairing/:id',
      summary: 'The device polls its request (?secret=); once approved it receives its token, once',
      tag: 'pairing',
      access: 'public',
      response: PairingStatusSchema,
      handle: ({ request }) => {
        const { secret } = request.query as { secret?: unknown };
        if (typeof secret !== 'string' || secret.length === 0 || secret.length > 200)
          throw new HttpError(400, 'bad_request', 'The request secret is missing');
        return pairing.status(idParam(request.params), secret);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/pairing',
      summary: 'Devices waiting to be paired, with their codes',
      tag: 'pairing',
      access: ['admin'],
      response: z.object({ pending: z.array(PendingPairingSchema) }),
      handle: () => ({ pending: pairing.pending() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/pairing/approve',
      summary: 'Approve the device showing this code: it becomes a device with this role and place',
      tag: 'pairing',
      access: ['admin'],
      body: ApprovePairingBodySchema,
      response: z.object({ deviceId: z.string(), pairingId: z.string() }),
      handle: ({ body, principal, request }) => pairing.approve(body, { principal, request }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/pairing/reject',
      summary: 'Refuse the device showing this code',
      tag: 'pairing',
      access: ['admin'],
      body: RejectPairingBodySchema,
      response: z.object({ pairingId: z.string() }),
      handle: ({ body }) => pairing.reject(body.code),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/devices',
      summary: 'All devices: role, place, online now, last seen, revoked',
      tag: 'devices',
      access: ['admin'],
      response: z.object({ devices: z.array(DeviceSummarySchema) }),
      handle: () => ({ devices: devices.list() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/devices/:id',
      summary: 'Rename or reassign a device (zones, agencies, settings); fields left out stay',
      tag: 'devices',
      access: ['admin'],
      body: UpdateDeviceBodySchema,
      response: DeviceSummarySchema,
      handle: ({ body, principal, request }) =>
        devices.update(idParam(request.params), body, { principal, request }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/devices/:id/revoke',
      summary: 'Revoke a device: its token stops working and its connections are cut at once',
      tag: 'devices',
      access: ['admin'],
      response: DeviceSummarySchema,
      handle: ({ principal, request }) =>
        devices.revoke(idParam(request.params), { principal, request }),
    }),
  ];
}
