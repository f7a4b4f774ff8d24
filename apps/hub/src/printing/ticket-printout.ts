import type {
  BuildingIndex,
  Place,
  PriorityKind,
  QueueState,
  Ticket,
  TimezoneCode,
} from '@antre/domain';
import {
  applyChange,
  counterNumbersText,
  emptyChange,
  epochOf,
  estimateTicket,
  placeOfService,
} from '@antre/domain';
import type { TicketContent } from '@antre/escpos';
import type { KioskSettings, KioskTicketView, PrintableTicket } from '@antre/protocol';

/** How long after issue the kiosk may print a ticket again ("Cetak ulang"). */
export const REPRINT_WINDOW_MS = 2 * 60_000;

const TIME_ZONES: Record<TimezoneCode, PrintableTicket['timeZone']> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

// Printed in Indonesian: the paper outlives the screen's language choice.
const PRIORITY_WORDS: Record<PriorityKind, string> = {
  disability: 'Penyandang disabilitas',
  elderly: 'Lansia',
  pregnant: 'Ibu hamil',
  child: 'Anak-anak',
  disaster_victim: 'Korban bencana',
};

/** "Loket 12–13 · Lantai 1 — Aula Utama", in Indonesian like the rest of the paper. */
export function placeText(place: Place): string {
  const counters = place.counterNumbers.length > 0;
  const where = place.zones.map((z) => z.name).join(', ');
  const loket = counters ? `Loket ${counterNumbersText(place.counterNumbers)}` : '';
  return [loket, where].filter((part) => part !== '').join(' · ');
}

/**
 * An online ticket's mark, with its session when the visitor checked in on time: such a
 * ticket is queued at its session's start, a late one at its arrival, which starts no session.
 */
function onlineMark(index: BuildingIndex, ticket: Ticket): TicketContent['online'] {
  if (ticket.channel !== 'online') return undefined;
  const { timezone } = index.site;
  const sessions = index.services.get(ticket.originServiceId)?.booking?.sessions ?? [];
  const session = sessions.find(
    (s) => epochOf(ticket.serviceDay, s.start, timezone) === ticket.sortKey,
  );
  return {
    session: session
      ? { start: ticket.sortKey, end: epochOf(ticket.serviceDay, session.end, timezone) }
      : null,
  };
}

/**
 * People ahead and the wait as the ticket will stand once printed: a ticket still in
 * `printing` is not in the queue yet, so it is placed as if it were waiting.
 */
function estimateOnceQueued(index: BuildingIndex, state: QueueState, ticket: Ticket) {
  if (ticket.status !== 'printing') return estimateTicket(index, state, ticket);
  const queued: Ticket = { ...ticket, status: 'waiting' };
  return estimateTicket(index, applyChange(state, { ...emptyChange(), tickets: [queued] }), queued);
}

export function kioskTicketView(
  index: BuildingIndex,
  state: QueueState,
  ticket: Ticket,
  hubUrl: string,
  settings: KioskSettings,
): KioskTicketView {
  const service = index.services.get(ticket.serviceId);
  const agency = index.building.agencies.find((a) => a.id === service?.agencyId);
  const estimate = estimateOnceQueued(index, state, ticket);
  const place = placeOfService(index, ticket.serviceId);
  const trackUrl = `${hubUrl}/t/${ticket.code}`;
  // TicketContent: PrintableTicket (protocol) does not name `online` yet.
  const online = onlineMark(index, ticket);
  const printable: TicketContent = {
    siteName: index.site.name,
    agencyName: agency?.name ?? '',
    serviceName: service?.name ?? ticket.serviceId,
    label: ticket.label,
    ...(ticket.priority ? { priorityLabel: `Prioritas: ${PRIORITY_WORDS[ticket.priority]}` } : {}),
    ...(online ? { online } : {}),
    issuedAt: ticket.issuedAt,
    timeZone: TIME_ZONES[index.site.timezone],
    peopleAhead: estimate.ahead,
    estimatedWaitMinutes: estimate.minutes,
    trackingUrl: trackUrl,
    place: placeText(place),
    ...(settings.footer ? { footer: settings.footer } : {}),
    language: 'id',
  };
  return {
    id: ticket.id,
    code: ticket.code,
    label: ticket.label,
    serviceName: printable.serviceName,
    agencyName: printable.agencyName,
    priority: ticket.priority,
    ahead: estimate.ahead,
    estimatedMinutes: estimate.minutes,
    issuedAt: ticket.issuedAt,
    trackUrl,
    place,
    printable,
    reprintUntil: ticket.issuedAt + REPRINT_WINDOW_MS,
  };
}
