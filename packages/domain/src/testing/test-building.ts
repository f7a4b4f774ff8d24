import type { Building, Counter, Service, Site } from '../building';
import { epochOf } from '../service-day';

// A small MPP in Makassar (WITA): Disdukcapil with two services, Samsat with one, and a
// BPJS service nobody serves. Tests override only what their case is about.

export const DAY = '2026-03-02'; // a Monday
export const FRIDAY = '2026-03-06';
export const NYEPI = '2026-03-19'; // a Thursday holiday in the test site

/** Epoch ms of a local wall-clock time in the test site's zone (WITA). */
export const at = (time: string, date: string = DAY): number => epochOf(date, time, 'WITA');

export function makeSite(overrides: Partial<Site> = {}): Site {
  const weekday = { open: '08:00', close: '16:00' };
  return {
    name: 'MPP Kota Makassar',
    timezone: 'WITA',
    hours: {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: { open: '08:00', close: '16:30' },
      sat: { open: '08:00', close: '12:00' },
    },
    holidays: [{ date: NYEPI, name: 'Hari Suci Nyepi' }],
    fridayPrayerBreak: { open: '11:30', close: '13:00' },
    noShowRequeueMinutes: 30,
    recallsBeforeNoShow: 1,
    autoServeOnCall: false,
    expireAfterCloseMinutes: 30,
    ...overrides,
  };
}

export function makeService(id: string, overrides: Partial<Service> = {}): Service {
  return {
    id,
    agencyId: 'disdukcapil',
    name: `Layanan ${id}`,
    prefix: id.slice(0, 1).toUpperCase(),
    dailyQuota: null,
    hours: null,
    targetWaitMinutes: 30,
    defaultServiceMinutes: 10,
    priorityRule: { kind: 'interleave', regularPerPriority: 3 },
    standard: {
      requirements: ['KTP'],
      procedure: ['Ambil antrean'],
      duration: '1 hari',
      cost: 'Gratis',
      product: 'Dokumen',
      complaints: 'SP4N-LAPOR!',
    },
    active: true,
    ...overrides,
  };
}

export function makeCounter(
  id: string,
  serviceIds: string[],
  overrides: Partial<Counter> = {},
): Counter {
  return {
    id,
    agencyId: 'disdukcapil',
    zoneId: 'lantai-1',
    name: `Loket ${id}`,
    number: Number(id.replace(/\D/g, '')) || 1,
    selection: 'order',
    services: serviceIds.map((serviceId) => ({ serviceId, weight: 1 })),
    ...overrides,
  };
}

export interface BuildingParts {
  site?: Partial<Site>;
  services?: Service[];
  counters?: Counter[];
}

export function makeBuilding(parts: BuildingParts = {}): Building {
  return {
    site: makeSite(parts.site),
    zones: [
      { id: 'lantai-1', name: 'Lantai 1' },
      { id: 'lantai-2', name: 'Lantai 2' },
    ],
    agencies: [
      { id: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Dukcapil' },
      { id: 'samsat', name: 'Samsat Makassar', shortName: 'Samsat' },
      { id: 'bpjs', name: 'BPJS Kesehatan', shortName: 'BPJS' },
    ],
    services: parts.services ?? [
      makeService('ktp', { prefix: 'A' }),
      makeService('kk', { prefix: 'B' }),
      makeService('pajak', { agencyId: 'samsat', prefix: 'S' }),
      makeService('bpjs', { agencyId: 'bpjs', prefix: 'J' }),
    ],
    counters: parts.counters ?? [
      makeCounter('loket1', ['ktp', 'kk']),
      makeCounter('loket2', ['ktp']),
      makeCounter('loket7', ['pajak'], { agencyId: 'samsat', zoneId: 'lantai-2' }),
    ],
  };
}
