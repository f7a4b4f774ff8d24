// The building as the queue rules see it. Plain data: the hub loads it from SQLite, the
// demo seed from resources/demo-building.json, and both are validated by @antre/protocol.

import type { BookingPolicy, BookingSettings } from './booking';

export type TimezoneCode = 'WIB' | 'WITA' | 'WIT';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "07:30" style wall-clock time in the site's timezone. */
export type ClockTime = string;

export interface DayHours {
  open: ClockTime;
  close: ClockTime;
}

/** Opening hours per weekday; a missing or null day is closed. */
export type WeeklyHours = Partial<Record<Weekday, DayHours | null>>;

export interface Holiday {
  date: string; // YYYY-MM-DD in the site's timezone
  name: string;
}

export interface Site {
  name: string;
  /** A `data:image/…;base64,` URL of at most 200 KB; served at /api/logos/site. */
  logo?: string;
  timezone: TimezoneCode;
  hours: WeeklyHours;
  holidays: Holiday[];
  /** Counters stop serving on Fridays in this window; visitors may still queue. */
  fridayPrayerBreak: DayHours | null;
  /** How long after a no-show the visitor may still be re-queued. */
  noShowRequeueMinutes: number;
  /** Recalls an officer must make before marking a no-show. */
  recallsBeforeNoShow: number;
  /** Calling a ticket starts serving it at once (no separate "start" press). */
  autoServeOnCall: boolean;
  /** Waiting tickets expire this long after the site closes (and always at day change). */
  expireAfterCloseMinutes: number;
  /**
   * Where a visitor's phone reaches the hub (`https://antre.mpp-kota.go.id`), used in the
   * ticket's QR; unset, the hub uses its own LAN address.
   */
  publicUrl?: string;
  /** Limits on bookings per person and how long their personal data is kept. */
  bookingPolicy?: BookingPolicy;
}

export interface Zone {
  id: string;
  name: string;
}

export interface Agency {
  id: string;
  name: string;
  shortName: string;
  contact?: string;
  /** A `data:image/…;base64,` URL of at most 200 KB; served at /api/logos/agencies/:id. */
  logo?: string;
}

/** The six components of the standar pelayanan shown to the public (PermenPANRB 15/2014). */
export interface ServiceStandard {
  requirements: string[];
  procedure: string[];
  duration: string;
  cost: string;
  product: string;
  complaints: string;
}

/** strict: every waiting priority ticket goes first; interleave: one priority per N regular. */
export type PriorityRule = { kind: 'strict' } | { kind: 'interleave'; regularPerPriority: number };

export interface Service {
  id: string;
  agencyId: string;
  name: string;
  /** Ticket prefix, one or two capital letters, unique in the building. */
  prefix: string;
  /** Tickets that may be issued per service day; null for no limit. */
  dailyQuota: number | null;
  /** Issuing hours when they differ from the site's. */
  hours: WeeklyHours | null;
  targetWaitMinutes: number;
  /** Service time assumed for estimates before today has any history. */
  defaultServiceMinutes: number;
  priorityRule: PriorityRule;
  standard: ServiceStandard;
  active: boolean;
  /** Antrean online: sessions and rules; absent or null, the service takes no bookings. */
  booking?: BookingSettings | null;
}

export interface CounterServiceLink {
  serviceId: string;
  weight: number;
}

export interface Counter {
  id: string;
  agencyId: string;
  zoneId: string;
  name: string;
  /** The number spoken and shown: "Loket 3". */
  number: number;
  /** order: first service with someone waiting, in list order; weight: share of calls. */
  selection: 'order' | 'weight';
  services: CounterServiceLink[];
}

export interface Building {
  site: Site;
  zones: Zone[];
  agencies: Agency[];
  services: Service[];
  counters: Counter[];
}

export const PRIORITY_KINDS = [
  'disability',
  'elderly',
  'pregnant',
  'child',
  'disaster_victim',
] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];
