import type {
  CounterState,
  Place,
  PriorityKind,
  QueueEvent,
  ServiceDayState,
  ServiceToday,
  Ticket,
  TicketStatus,
} from '@antre/domain';

/** What a visitor's phone may know of a ticket: no staff, no other visitors. */
export interface TrackingView {
  code: string;
  label: string;
  status: TicketStatus;
  priority: PriorityKind | null;
  serviceDay: string;
  serviceId: string;
  serviceName: string;
  agencyId: string;
  agencyName: string;
  ahead: number;
  estimatedMinutes: number;
  issuedAt: number;
  calledAt: number | null;
  counter: { name: string; number: number } | null;
  transferredFrom: string | null;
  /** Where to go: the counter holding it, else those serving its service now (after a transfer, the new one's). */
  place: Place;
  /** Its service's hours and counters now, so a page never says "you're next" where nobody serves. */
  today: ServiceToday | null;
}

/** A call as a display board shows and announces it. */
export interface CallView {
  eventId: string;
  ticketId: string;
  label: string;
  counterId: string;
  counterName: string;
  counterNumber: number;
  agencyId: string;
  agencyName: string;
  serviceName: string;
  zoneId: string;
  at: number;
  recall: boolean;
  /** A booked visitor's ticket (channel `online`): the board marks it. Absent for walk-ins. */
  online?: true;
}

export interface ServiceStats {
  serviceId: string;
  open: boolean;
  closedReason: string | null;
  closedDetail: string | null;
  onBreakUntil: string | null;
  waiting: number;
  estimatedMinutes: number;
  /** For a number already held (a transfer): hours today and counters open or paused. */
  today: ServiceToday;
  /** When a closed service next takes numbers ("2026-11-24", "08:00"); null while open. */
  opensNext: OpeningView | null;
}

export interface OpeningView {
  /** YYYY-MM-DD in the site's timezone. */
  date: string;
  /** HH:MM in the site's timezone. */
  time: string;
}

/** A feed is an audience's stream of deltas, numbered without gaps. */
export type Feed = `agency:${string}` | `zone:${string}` | `ticket:${string}` | 'site';

/** The calls a snapshot carries, and a client keeps: the newest of its feeds. */
export const RECENT_CALLS = 100;

export interface Snapshot {
  /** Changes whenever the hub restarts; a client that sees it change re-syncs. */
  hubEpoch: string;
  serviceDay: string;
  /** The hub's clock (epoch ms) as it made this snapshot: boards judge calls' age by it. */
  serverTime: number;
  seqs: Record<string, number>;
  tickets: Ticket[];
  counters: CounterState[];
  /** Each service's day: its last number and priority streak, which call-next reads. */
  services: ServiceDayState[];
  calls: CallView[];
}

export interface Delta {
  hubEpoch: string;
  feed: Feed;
  seq: number;
  serviceDay: string;
  events: QueueEvent[];
  tickets: Ticket[];
  /** Tickets this feed sees no more (transferred on to another agency): the client drops them. */
  ticketsGone: string[];
  counters: CounterState[];
  services: ServiceDayState[];
  calls: CallView[];
}

export interface CommandAck {
  tickets: Ticket[];
  counters: CounterState[];
}
