import type { Counter, Service, Site } from './building';
import type { BuildingIndex, QueueState } from './queue-state';
import type { ServiceToday } from './service-today';
import { serviceToday } from './service-today';
import { epochOf, localMoment } from './service-day';
import type { Ticket } from './ticket';

// Staff alarms: what a supervisor or the admin should act on now. The hub evaluates them
// again and again; an alarm is raised when its key first appears and cleared when it goes.

export interface AlarmThresholds {
  /** Raised when the longest current wait passes the service's target by more than this. */
  waitOverTargetMinutes: number;
  /** Raised when more than this many wait for the service. */
  maxWaiting: number;
  pauseLimitMinutes: number;
}

export const DEFAULT_ALARM_THRESHOLDS: AlarmThresholds = {
  waitOverTargetMinutes: 10,
  maxWaiting: 30,
  pauseLimitMinutes: 30,
};

export const ALARM_KINDS = [
  'wait_over_target',
  'too_many_waiting',
  'counter_paused_long',
  'no_open_counter',
  'printer',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export interface Alarm {
  /** Stable while the cause lasts: 'wait_over_target:ktp'. */
  key: string;
  kind: AlarmKind;
  /** Whose supervisor sees it; null: the admin only. */
  agencyId: string | null;
  /** A service, counter or device id. */
  subjectId: string;
  /** When the cause started where known, else now. */
  since: number;
  /** Values for the message: minutes, waiting, target, serviceName, counterName, reason… */
  detail: Record<string, string | number>;
}

export interface PrinterAlert {
  deviceId: string;
  deviceName: string;
  agencyId: string | null;
  alert: string;
  since: number;
}

export interface AlarmInput {
  index: BuildingIndex;
  state: QueueState;
  now: number;
  thresholdsFor: (serviceId: string) => AlarmThresholds;
  /** The building's limit: the settings hold no pause limit per service or agency. */
  pauseLimitMinutes: number;
  printerAlerts: PrinterAlert[];
}

const MINUTE = 60_000;

/**
 * Where a waiting ticket's wait starts: a booked one's at its session's start (at its arrival
 * when it checked in late), a late visitor's at the re-queue, a transferred one's at arrival.
 */
export const waitingSince = (t: Ticket): number => Math.max(t.issuedAt, t.sortKey);

export function evaluateAlarms(input: AlarmInput): Alarm[] {
  const waiting = waitingByService(input.state);
  const services = [...input.index.services.values()];
  const today = new Map(
    services.map((s) => [s.id, serviceToday(input.index, input.state, s.id, input.now)]),
  );
  const alarms = [
    ...services.flatMap((service) =>
      serviceAlarms(input, service, today.get(service.id) ?? null, waiting.get(service.id) ?? []),
    ),
    ...[...input.index.counters.values()].flatMap((counter) =>
      counterAlarms(
        input,
        counter,
        counter.services.map((l) => today.get(l.serviceId) ?? null),
      ),
    ),
    ...input.printerAlerts.map(printerAlarm),
  ];
  return alarms.sort(byKindThenKey);
}

function waitingByService(state: QueueState): Map<string, Ticket[]> {
  const waiting = new Map<string, Ticket[]>();
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting') continue;
    const list = waiting.get(t.serviceId) ?? [];
    list.push(t);
    waiting.set(t.serviceId, list);
  }
  return waiting;
}

function serviceAlarms(
  input: AlarmInput,
  service: Service,
  today: ServiceToday | null,
  waiting: Ticket[],
): Alarm[] {
  if (today?.hours !== 'open' || waiting.length === 0) return [];
  const thresholds = input.thresholdsFor(service.id);
  const alarm = (kind: AlarmKind, since: number, detail: Alarm['detail']): Alarm => ({
    key: `${kind}:${service.id}`,
    kind,
    agencyId: service.agencyId,
    subjectId: service.id,
    since,
    detail: { serviceName: service.name, waiting: waiting.length, ...detail },
  });
  const alarms: Alarm[] = [];

  const oldest = waiting.reduce((a, b) => (waitingSince(b) < waitingSince(a) ? b : a));
  const waitMs = input.now - waitingSince(oldest);
  const target = service.targetWaitMinutes;
  if (waitMs > (target + thresholds.waitOverTargetMinutes) * MINUTE) {
    alarms.push(
      alarm('wait_over_target', waitingSince(oldest) + target * MINUTE, {
        minutes: Math.floor(waitMs / MINUTE),
        target,
        ticketLabel: oldest.label,
      }),
    );
  }
  if (waiting.length > thresholds.maxWaiting) {
    alarms.push(alarm('too_many_waiting', input.now, { max: thresholds.maxWaiting }));
  }
  // Counters stop serving for the Friday prayer on purpose: nobody need be told.
  if (today.openCounters === 0 && !today.onBreakUntil) {
    alarms.push(alarm('no_open_counter', input.now, { pausedCounters: today.pausedCounters }));
  }
  return alarms;
}

function counterAlarms(
  input: AlarmInput,
  counter: Counter,
  services: (ServiceToday | null)[],
): Alarm[] {
  const status = input.state.counters.get(counter.id);
  if (status?.status !== 'paused') return [];
  if (!services.some((s) => s?.hours === 'open')) return [];
  const pausedMs =
    input.now - status.since - prayerOverlapMs(input.index.site, status.since, input.now);
  if (pausedMs <= input.pauseLimitMinutes * MINUTE) return [];
  return [
    {
      key: `counter_paused_long:${counter.id}`,
      kind: 'counter_paused_long',
      agencyId: counter.agencyId,
      subjectId: counter.id,
      since: status.since,
      detail: {
        counterName: counter.name,
        reason: status.pauseReason ?? '',
        minutes: Math.floor(pausedMs / MINUTE),
        limit: input.pauseLimitMinutes,
      },
    },
  ];
}

/** Today's Friday prayer break inside [from, to): a pause over the break is no one's fault. */
function prayerOverlapMs(site: Site, from: number, to: number): number {
  const local = localMoment(to, site.timezone);
  const prayer = site.fridayPrayerBreak;
  if (local.weekday !== 'fri' || !prayer) return 0;
  const start = Math.max(from, epochOf(local.date, prayer.open, site.timezone));
  const end = Math.min(to, epochOf(local.date, prayer.close, site.timezone));
  return Math.max(0, end - start);
}

function printerAlarm(p: PrinterAlert): Alarm {
  return {
    key: `printer:${p.deviceId}:${p.alert}`,
    kind: 'printer',
    agencyId: p.agencyId,
    subjectId: p.deviceId,
    since: p.since,
    detail: { deviceName: p.deviceName, alert: p.alert },
  };
}

function byKindThenKey(a: Alarm, b: Alarm): number {
  const kind = ALARM_KINDS.indexOf(a.kind) - ALARM_KINDS.indexOf(b.kind);
  if (kind !== 0) return kind;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
