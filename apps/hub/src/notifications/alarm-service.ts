import type { Alarm, AlarmThresholds, PrinterAlert } from '@antre/domain';
import { evaluateAlarms } from '@antre/domain';
import type { AlarmView, DeviceAlert, NotifySettings } from '@antre/protocol';
import type { Principal } from '../auth/principal';
import type { Sql } from '../db/sql';
import type { AlarmRow } from './alarm-store';
import { createAlarmStore } from './alarm-store';
import { defineRoute } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import type { HubSocket } from '../realtime/socket-data';
import type { Io } from '../realtime/socket-server';
import type { Notifications } from './notifications';
import type { PlannedMessage } from './visitor-messages';

const ROOM_ALL = 'alarms';
const roomOf = (agencyId: string) => `alarms:${agencyId}`;

/** Who sees an alarm: the admin all of them, a supervisor their agency's. */
export function mayHearAlarm(principal: Principal, agencyId: string | null): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.role === 'admin') return true;
  return principal.role === 'supervisor' && agencyId !== null && principal.agencyId === agencyId;
}

/** Plain Indonesian for a staff member's phone; the screens word alarms themselves. */
export function alarmText(alarm: Alarm, agencyName: string): string {
  const d = alarm.detail;
  const where = agencyName ? `${agencyName} · ` : '';
  switch (alarm.kind) {
    case 'wait_over_target':
      return `${where}${d.serviceName}: antrean terlama ${d.minutes} menit, target ${d.target} menit.`;
    case 'too_many_waiting':
      return `${where}${d.serviceName}: ${d.waiting} orang menunggu (batas ${d.max}).`;
    case 'no_open_counter':
      return `${where}${d.serviceName}: ${d.waiting} orang menunggu, tidak ada loket yang buka.`;
    case 'counter_paused_long':
      return `${where}${d.counterName} dijeda ${d.minutes} menit${d.reason ? ` (${d.reason})` : ''}.`;
    case 'printer':
      return `Printer kios ${d.deviceName}: ${d.alert}.`;
  }
}

/**
 * Alarms for staff: evaluated every few seconds from the queue (domain/alarms.ts), raised when
 * a cause appears and cleared when it ends, shown live to the admin and the agency's
 * supervisors, and sent through the staff channel when one is set. Evaluations and greetings
 * take turns, so the screens get the lists in the order they were read.
 */
export function createAlarmService(deps: {
  sql: Sql;
  engine: QueueEngine;
  notifications: Notifications;
  printerAlerts: () => Promise<DeviceAlert[]>;
  everyMs?: number;
}) {
  const { engine, notifications } = deps;
  const store = createAlarmStore(deps.sql);
  let io: Io | undefined;
  let latest = new Map<string, Alarm>();
  // What the screens were last shown of each open alarm, so a changed count or oldest ticket
  // reaches them without waiting for another alarm to come or go.
  let shown = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let turn: Promise<unknown> = Promise.resolve();

  /** Runs `work` after the evaluation or greeting before it. */
  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = turn.then(work);
    turn = next.catch(() => undefined);
    return next;
  }

  const openRows = store.open;

  function thresholdsFor(settings: NotifySettings) {
    return (serviceId: string): AlarmThresholds => {
      const own = settings.services[serviceId];
      return {
        waitOverTargetMinutes: own?.waitOverTargetMinutes ?? settings.waitOverTargetMinutes,
        maxWaiting: own?.maxWaiting ?? settings.maxWaiting,
        pauseLimitMinutes: settings.pauseLimitMinutes,
      };
    };
  }

  async function printerInputs(): Promise<PrinterAlert[]> {
    return (await deps.printerAlerts()).map((a) => ({
      deviceId: a.deviceId,
      deviceName: a.deviceName,
      agencyId: a.agencyIds.length === 1 ? a.agencyIds[0]! : null,
      alert: a.state,
      since: a.raisedAt,
    }));
  }

  function view(row: AlarmRow): AlarmView {
    const current = latest.get(row.key);
    return {
      id: row.id,
      key: row.key,
      kind: row.kind,
      agencyId: row.agency_id,
      subjectId: row.subject_id,
      detail: current?.detail ?? (JSON.parse(row.detail) as AlarmView['detail']),
      since: row.since,
      raisedAt: row.raised_at,
    };
  }

  function staffMessages(alarm: Alarm, id: number, settings: NotifySettings): PlannedMessage[] {
    if (!settings.staffChannelId) return [];
    const agency = engine.index.building.agencies.find((a) => a.id === alarm.agencyId);
    const text = alarmText(alarm, agency?.shortName ?? '');
    return settings.staffPhones
      .filter((s) => s.agencyId === null || s.agencyId === alarm.agencyId)
      .map((s) => ({
        key: `alarm:${id}:${s.phone}`,
        recipient: `staff:${s.phone}`,
        message: 'alarm.raised' as const,
        language: 'id' as const,
        params: { text },
      }));
  }

  /** Raises what is new, clears what has ended; tells the screens when anything changed. */
  async function evaluateNow(): Promise<{ raised: number; cleared: number }> {
    const settings = notifications.settings();
    const now = engine.now();
    // Past midnight the old day's queue is not judged: its waiting would raise alarms at night.
    // The day changes first; the next round judges today's queue.
    if (!engine.isToday(now)) {
      engine
        .rollDayIfNeeded(now)
        .catch((error: unknown) => console.error('The day could not change', error));
      return { raised: 0, cleared: 0 };
    }
    const printerAlerts = await printerInputs();
    const found = evaluateAlarms({
      index: engine.index,
      state: engine.queue,
      now,
      thresholdsFor: thresholdsFor(settings),
      pauseLimitMinutes: settings.pauseLimitMinutes,
      printerAlerts,
    });
    latest = new Map(found.map((a) => [a.key, a]));
    const open = await openRows();
    const openKeys = new Set(open.map((r) => r.key));
    const raised = found.filter((a) => !openKeys.has(a.key));
    const ended = open.filter((r) => !latest.has(r.key));
    const changed = found.filter(
      (a) => openKeys.has(a.key) && shown.get(a.key) !== JSON.stringify(a.detail),
    );
    if (raised.length === 0 && ended.length === 0) {
      if (changed.length > 0) await publish(new Set(changed.map((a) => a.agencyId)));
      return { raised: 0, cleared: 0 };
    }
    const messages = await store.transaction(async (tx) => {
      const planned: PlannedMessage[] = [];
      for (const a of raised)
        planned.push(...staffMessages(a, await store.raise(tx, a, now), settings));
      for (const r of ended) await store.clear(tx, r.id, now);
      await notifications.store.enqueue(tx, planned, now);
      return planned;
    });
    if (messages.length > 0) notifications.worker.wake();
    await publish(
      new Set([...raised, ...changed].map((a) => a.agencyId).concat(ended.map((r) => r.agency_id))),
    );
    return { raised: raised.length, cleared: ended.length };
  }

  async function listFor(principal: Principal): Promise<AlarmView[]> {
    return (await openRows()).filter((r) => mayHearAlarm(principal, r.agency_id)).map(view);
  }

  async function publish(agencies: Set<string | null>): Promise<void> {
    const rows = await openRows();
    shown = new Map(rows.map((r) => [r.key, JSON.stringify(view(r).detail)]));
    if (!io) return;
    io.to(ROOM_ALL).emit('alarms:list', rows.map(view));
    for (const agencyId of agencies) {
      if (agencyId === null) continue;
      io.to(roomOf(agencyId)).emit(
        'alarms:list',
        rows.filter((r) => r.agency_id === agencyId).map(view),
      );
    }
  }

  /** An admin or supervisor joins their alarm room and gets the open alarms it may see. */
  function greet(socket: HubSocket): void {
    const { principal } = socket.data;
    if (principal.kind !== 'user') return;
    if (principal.role === 'admin') void socket.join(ROOM_ALL);
    else if (principal.role === 'supervisor' && principal.agencyId)
      void socket.join(roomOf(principal.agencyId));
    else return;
    inTurn(async () => {
      socket.emit('alarms:list', await listFor(principal));
    }).catch((error: unknown) => console.error('greeting a socket with its alarms failed', error));
  }

  return {
    evaluate: () => inTurn(evaluateNow),
    listFor,
    greet,
    /** Where changes are published; sockets are greeted by `registerSocketHandlers`. */
    attach(server: Io): void {
      io = server;
    },
    start(): void {
      // A round still waiting for its turn (a slow database) is not joined by another.
      let waiting = false;
      timer = setInterval(() => {
        if (waiting) return;
        waiting = true;
        inTurn(evaluateNow)
          .catch((error: unknown) => console.error('alarm evaluation failed', error))
          .finally(() => (waiting = false));
      }, deps.everyMs ?? 10_000);
      timer.unref();
    },
    /** Waits for the evaluation under way. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await turn;
    },
  };
}

export type AlarmService = ReturnType<typeof createAlarmService>;

export function alarmRoutes(alarms: AlarmService) {
  return [
    defineRoute({
      route: 'GET /api/alarms',
      summary: 'Open alarms: all for the admin, their agency’s for a supervisor',
      tag: 'notifications',
      access: ['admin', 'supervisor'],
      handle: ({ principal }) => alarms.listFor(principal),
    }),
  ];
}
