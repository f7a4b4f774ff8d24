import type { BuildingIndex, QueueChange, QueueState, Ticket } from '@antre/domain';
import {
  counterNumbersText,
  localMoment,
  placeOfCounter,
  placeOfService,
  projectedOrder,
} from '@antre/domain';
import type { NotifyMessage } from '@antre/protocol';

type Language = 'id' | 'en';

/** A visitor's opt-in as the planner needs it. */
export interface Subscriber {
  id: string;
  ticketId: string;
  language: Language;
}

/** One message to put in the outbox. The key makes it once-only, whatever happens after. */
export interface PlannedMessage {
  key: string;
  recipient: string;
  message: NotifyMessage;
  params: Record<string, string>;
  language: Language;
}

const WORDS = {
  id: { counter: 'Loket', counters: 'Loket' },
  en: { counter: 'Counter', counters: 'Counters' },
} as const;

/** "Loket 12–13 · Lantai 1 — Aula Utama": where to go, in the visitor's language. */
export function placeText(
  place: { counterNumbers: number[]; zones: { name: string }[] },
  language: Language,
): string {
  const words = WORDS[language];
  const counters = place.counterNumbers.length
    ? `${place.counterNumbers.length > 1 ? words.counters : words.counter} ${counterNumbersText(place.counterNumbers)}`
    : '';
  return [counters, ...place.zones.map((z) => z.name)].filter(Boolean).join(' · ');
}

function counterText(index: BuildingIndex, counterId: string | null, language: Language): string {
  const counter = counterId ? index.counters.get(counterId) : undefined;
  return counter ? counter.name || `${WORDS[language].counter} ${counter.number}` : '';
}

/** "14.30" in the site's zone (Indonesian writes times with a dot; English with a colon). */
export function clockText(index: BuildingIndex, at: number, language: Language): string {
  const m = localMoment(at, index.site.timezone).minutes;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return language === 'id' ? `${hh}.${mm}` : `${hh}:${mm}`;
}

/**
 * What the visitors who opted in are told about one queue change: called, transferred,
 * parked, missed, and "N before you" for those whose turn came near. Runs in the change's
 * transaction; only tickets with a subscriber are looked at.
 */
export function plannedForChange(input: {
  index: BuildingIndex;
  before: QueueState;
  after: QueueState;
  change: QueueChange;
  subscribersOf: (ticketId: string) => readonly Subscriber[];
  /** Subscribed waiting tickets per service, to look for those who came near. */
  subscribedWaiting: (serviceId: string) => readonly string[];
  nearAhead: (serviceId: string) => number;
}): PlannedMessage[] {
  const { index, before, change } = input;
  const planned: PlannedMessage[] = [];
  const touchedServices = new Set<string>();
  for (const ticket of change.tickets) {
    const previous = before.tickets.get(ticket.id);
    if (previous) touchedServices.add(previous.serviceId);
    touchedServices.add(ticket.serviceId);
    for (const sub of input.subscribersOf(ticket.id)) {
      const message = statusMessage(index, previous, ticket, sub);
      if (message) planned.push(message);
    }
  }
  // A counter that opens may make a service's turn near for those who already wait.
  for (const counter of change.counters)
    for (const link of index.counters.get(counter.counterId)?.services ?? [])
      touchedServices.add(link.serviceId);
  for (const serviceId of touchedServices) {
    planned.push(...nearMessages(input, serviceId));
  }
  return planned;
}

function statusMessage(
  index: BuildingIndex,
  previous: Ticket | undefined,
  ticket: Ticket,
  sub: Subscriber,
): PlannedMessage | null {
  const lang = sub.language;
  const base = { recipient: `sub:${sub.id}`, language: lang };
  const became = (status: Ticket['status']) =>
    ticket.status === status && previous !== undefined && previous.status !== status;
  // A site that serves on call moves a ticket straight from waiting to serving.
  const atCounter = (t: Ticket | undefined) => t?.status === 'called' || t?.status === 'serving';
  if (atCounter(ticket) && (!atCounter(previous) || previous?.counterId !== ticket.counterId)) {
    return {
      ...base,
      key: `sub:${sub.id}:called:${ticket.serviceId}:${ticket.counterId}`,
      message: 'ticket.called',
      params: {
        label: ticket.label,
        counter: counterText(index, ticket.counterId, lang),
        place: placeText(placeOfCounter(index, ticket.counterId ?? ''), lang),
      },
    };
  }
  if (ticket.status === 'waiting' && previous && previous.serviceId !== ticket.serviceId) {
    const service = index.services.get(ticket.serviceId);
    return {
      ...base,
      key: `sub:${sub.id}:transferred:${ticket.serviceId}`,
      message: 'ticket.transferred',
      params: {
        label: ticket.label,
        service: service?.name ?? ticket.serviceId,
        place: placeText(placeOfService(index, ticket.serviceId), lang),
      },
    };
  }
  if (became('parked')) {
    return {
      ...base,
      key: `sub:${sub.id}:parked:${ticket.counterId}:${ticket.calledAt}`,
      message: 'ticket.parked',
      params: { label: ticket.label, counter: counterText(index, ticket.counterId, lang) },
    };
  }
  if (became('no_show') && ticket.noShowAt !== null) {
    const until = ticket.noShowAt + index.site.noShowRequeueMinutes * 60_000;
    return {
      ...base,
      key: `sub:${sub.id}:missed:${ticket.noShowAt}`,
      message: 'ticket.missed',
      params: { label: ticket.label, until: clockText(index, until, lang) },
    };
  }
  return null;
}

/** "N before you", once per service a ticket waits in, only while a counter serves it. */
function nearMessages(
  input: Parameters<typeof plannedForChange>[0],
  serviceId: string,
): PlannedMessage[] {
  const waiting = input.subscribedWaiting(serviceId);
  const service = input.index.services.get(serviceId);
  if (waiting.length === 0 || !service) return [];
  if (!anyCounterOpen(input.index, input.after, serviceId)) return [];
  const order = projectedOrder(input.after, service);
  const limit = input.nearAhead(serviceId);
  const planned: PlannedMessage[] = [];
  for (const ticketId of waiting) {
    const ahead = order.findIndex((t) => t.id === ticketId);
    // At 0 ahead the next message is the call itself.
    if (ahead < 1 || ahead > limit) continue;
    const ticket = order[ahead]!;
    for (const sub of input.subscribersOf(ticketId)) {
      planned.push({
        key: `sub:${sub.id}:near:${serviceId}`,
        recipient: `sub:${sub.id}`,
        language: sub.language,
        message: 'ticket.near',
        params: {
          label: ticket.label,
          ahead: String(ahead),
          place: placeText(placeOfService(input.index, serviceId), sub.language),
        },
      });
    }
  }
  return planned;
}

export function anyCounterOpen(
  index: BuildingIndex,
  state: QueueState,
  serviceId: string,
): boolean {
  return (index.countersByService.get(serviceId) ?? []).some(
    (c) => state.counters.get(c.id)?.status === 'open',
  );
}
