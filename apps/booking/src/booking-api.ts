import type { DayAvailability, TimezoneCode } from '@antre/domain';
import type { BookingView, Catalogue, CreateBookingBody, Result } from '@antre/protocol';
import { hubRequest } from '@antre/ui';

// The hub's booking REST API (docs/api.md). The NIK travels in a body or the x-antre-nik
// header, never in an address the browser, a proxy or a log would keep.

export type CatalogueService = Catalogue['agencies'][number]['services'][number];

export interface Availability {
  serviceId: string;
  timezone: TimezoneCode;
  days: DayAvailability[];
}

const codePath = (code: string) => `/api/bookings/${encodeURIComponent(code)}`;

export const bookingApi = {
  catalogue: (): Promise<Result<Catalogue>> => hubRequest('/api/services'),
  availability: (serviceId: string): Promise<Result<Availability>> =>
    hubRequest(`/api/bookings/availability?serviceId=${encodeURIComponent(serviceId)}`),
  create: (body: CreateBookingBody): Promise<Result<BookingView>> =>
    hubRequest('/api/bookings', { json: body }),
  find: (code: string, nik: string): Promise<Result<BookingView>> =>
    hubRequest(codePath(code), { headers: { 'x-antre-nik': nik } }),
  cancel: (code: string, nik: string): Promise<Result<BookingView>> =>
    hubRequest(codePath(code), { method: 'DELETE', json: { nik } }),
  move: (code: string, nik: string, date: string, sessionId: string) =>
    hubRequest<BookingView>(`${codePath(code)}/move`, { json: { nik, date, sessionId } }),
};
