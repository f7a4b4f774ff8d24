import type { Catalogue, CreateBookingBody } from '@antre/protocol';
import { callHub } from '@antre/ui';

// The hub's booking REST API (docs/api.md). The NIK travels in a body or the x-antre-nik
// header, never in an address the browser, a proxy or a log would keep.

export type CatalogueService = Catalogue['agencies'][number]['services'][number];
export type { Availability } from '@antre/protocol';

export const bookingApi = {
  catalogue: () => callHub('GET /api/services'),
  availability: (serviceId: string) =>
    callHub('GET /api/bookings/availability', { query: { serviceId } }),
  create: (body: CreateBookingBody) => callHub('POST /api/bookings', { body }),
  find: (code: string, nik: string) =>
    callHub('GET /api/bookings/:code', { params: { code }, headers: { 'x-antre-nik': nik } }),
  cancel: (code: string, nik: string) =>
    callHub('DELETE /api/bookings/:code', { params: { code }, body: { nik } }),
  move: (code: string, nik: string, date: string, sessionId: string) =>
    callHub('POST /api/bookings/:code/move', { params: { code }, body: { nik, date, sessionId } }),
};
