import type { Building, PriorityKind } from '../building';
import { callNext } from '../call-commands';
import type { CommandContext } from '../command-context';
import { openCounter } from '../counter-commands';
import type { IssueRequest } from '../issue-commands';
import { issueTicket } from '../issue-commands';
import type { Actor, BuildingIndex, QueueChange, QueueState } from '../queue-state';
import { applyChange, emptyChange, emptyQueue, indexBuilding } from '../queue-state';
import type { Result } from '../result';
import { serviceDay } from '../service-day';
import { finish, startServing } from '../serving-commands';
import type { Ticket } from '../ticket';
import { at, makeBuilding } from './test-building';

export type Command = (ctx: CommandContext) => Result<QueueChange>;

export const OFFICER: Actor = { userId: 'petugas-1', deviceId: 'counter-pc-1' };
export const KIOSK: Actor = { userId: null, deviceId: 'kiosk-1' };

/**
 * Today's queue the way the hub holds it: one command at a time against the latest state,
 * a successful change applied before the next command runs. Time moves only when told.
 */
export class TestQueue {
  readonly index: BuildingIndex;
  state: QueueState;
  now: number;
  actor: Actor = OFFICER;
  private nextId = 1;

  constructor(building: Building = makeBuilding(), now: number = at('09:00')) {
    this.index = indexBuilding(building);
    this.now = now;
    this.state = emptyQueue(serviceDay(now, building.site.timezone));
  }

  ctx(actor: Actor = this.actor): CommandContext {
    return { index: this.index, state: this.state, now: this.now, actor };
  }

  /** Runs a command and applies its change when it succeeds, like the hub's engine. */
  run(command: Command, actor: Actor = this.actor): Result<QueueChange> {
    const result = command(this.ctx(actor));
    if (result.ok) this.state = applyChange(this.state, result.value);
    return result;
  }

  /** Runs a command that the case expects to succeed. */
  must(command: Command, actor: Actor = this.actor): QueueChange {
    const result = this.run(command, actor);
    if (!result.ok) throw new Error(`expected success, got ${result.error.code}`);
    return result.value;
  }

  /** Sets tickets as they are (a case's history), as a saved change would. */
  put(...tickets: Ticket[]): this {
    this.state = applyChange(this.state, { ...emptyChange(), tickets });
    return this;
  }

  advance(minutes: number): this {
    this.now += minutes * 60_000;
    return this;
  }

  request(serviceId: string, overrides: Partial<IssueRequest> = {}): IssueRequest {
    const n = this.nextId++;
    return {
      serviceId,
      priority: null,
      channel: 'staff',
      needsPrint: false,
      ticketId: `t${n}`,
      code: `code-${n}`,
      ...overrides,
    };
  }

  /** Issues a waiting ticket (no print step) and returns it. */
  issue(serviceId: string, priority: PriorityKind | null = null): Ticket {
    const change = this.must(
      (ctx) => issueTicket(ctx, this.request(serviceId, { priority })),
      KIOSK,
    );
    return change.tickets[0] as Ticket;
  }

  open(...counterIds: string[]): this {
    for (const id of counterIds) this.must((ctx) => openCounter(ctx, id));
    return this;
  }

  /** callNext, then serve and finish: one visitor through the counter. Null when empty. */
  serveNext(counterId: string): Ticket | null {
    const called = this.run((ctx) => callNext(ctx, counterId));
    if (!called.ok) {
      if (called.error.code === 'queue_empty') return null;
      throw new Error(`callNext at ${counterId} refused: ${called.error.code}`);
    }
    const ticket = called.value.tickets.at(-1) as Ticket;
    if (ticket.status === 'called') this.must((ctx) => startServing(ctx, counterId));
    this.must((ctx) => finish(ctx, counterId));
    return ticket;
  }

  ticket(id: string): Ticket {
    const ticket = this.state.tickets.get(id);
    if (!ticket) throw new Error(`no ticket ${id}`);
    return ticket;
  }

  holding(counterId: string): string | null {
    return this.state.counters.get(counterId)?.ticketId ?? null;
  }
}

/** The error code of a refused result, or 'ok'. */
export const codeOf = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);
