import type { BuildingIndex, QueueState } from './queue-state';
import type { ClosedReason } from './schedule';
import { serviceAvailability } from './schedule';

/**
 * Where a service stands for someone who already holds a number (a visitor waiting, a
 * transfer): its hours today and its counters now. A reached quota stops new numbers only.
 */
export interface ServiceToday {
  /** open now; later_today: before its opening; closed_today: nothing more today. */
  hours: 'open' | 'later_today' | 'closed_today';
  /** Why nothing more today (closed_today only): holiday, closed_today, closed_for_day, inactive. */
  closedReason: ClosedReason | null;
  /** Today's opening "08:00" (later_today only). */
  opensAt: string | null;
  /** The building's Friday prayer break, while it lasts: "13:00". */
  onBreakUntil: string | null;
  openCounters: number;
  pausedCounters: number;
}

export function serviceToday(
  index: BuildingIndex,
  state: QueueState,
  serviceId: string,
  now: number,
): ServiceToday | null {
  const service = index.services.get(serviceId);
  if (!service) return null;
  // Quota aside: the hours alone decide whether a held number can still be served today.
  const hoursOnly = { ...service, dailyQuota: null };
  const availability = serviceAvailability(index.site, hoursOnly, 0, now);
  const counters = (index.countersByService.get(serviceId) ?? []).map(
    (c) => state.counters.get(c.id)?.status ?? 'closed',
  );
  const count = { openCounters: 0, pausedCounters: 0 };
  for (const status of counters) {
    if (status === 'open') count.openCounters += 1;
    if (status === 'paused') count.pausedCounters += 1;
  }
  if (availability.open) {
    return {
      hours: 'open',
      closedReason: null,
      opensAt: null,
      onBreakUntil: availability.onBreakUntil,
      ...count,
    };
  }
  const later = availability.reason === 'not_yet_open';
  return {
    hours: later ? 'later_today' : 'closed_today',
    closedReason: later ? null : availability.reason,
    opensAt: later ? availability.opensAt : null,
    onBreakUntil: null,
    ...count,
  };
}

/** What a transfer to a service would meet there, short of a refusal. */
export type TransferWarning = 'on_break' | 'counters_paused' | 'opens_later' | 'no_counter_open';

export type TransferCheck =
  { allowed: false; reason: ClosedReason } | { allowed: true; warning: TransferWarning | null };

/**
 * A ticket may not be sent where nobody serves again today: it would only expire there.
 * A break, a later opening or counters not yet open still serve it today, so they only warn.
 */
export function checkTransferTarget(today: ServiceToday): TransferCheck {
  if (today.hours === 'closed_today')
    return { allowed: false, reason: today.closedReason ?? 'closed_for_day' };
  if (today.hours === 'later_today') return { allowed: true, warning: 'opens_later' };
  if (today.onBreakUntil) return { allowed: true, warning: 'on_break' };
  if (today.openCounters > 0) return { allowed: true, warning: null };
  return {
    allowed: true,
    warning: today.pausedCounters > 0 ? 'counters_paused' : 'no_counter_open',
  };
}
