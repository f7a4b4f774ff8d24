import type { CommandContext, QueueChange, Result as DomainResult } from '@antre/domain';
import {
  callNext,
  callTicket,
  cancelTicket,
  closeCounter,
  confirmPrint,
  finish,
  issueTicket,
  markNoShow,
  openCounter,
  park,
  pauseCounter,
  recall,
  requeueLate,
  resumeCounter,
  startServing,
  transfer,
  voidPrint,
} from '@antre/domain';
import type { CommandAck, CommandName, ParsedCommand, Result } from '@antre/protocol';
import { CommandSchemas, errResult, okResult, parseInput } from '@antre/protocol';
import type { RequestOrigin } from '../audit/request-origin';
import { mayHandleTicket, mayIssue, mayWorkCounter } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { QueueEngine } from './queue-engine';
import type { QueueStorage } from './queue-storage';
import { newTicketCode, newTicketId } from './ticket-codes';

interface CommandSpec<C extends CommandName> {
  /** Judged on the queue the command decides against; `issuer` is the issuing kiosk of a
   * print result's ticket, looked up before (it never changes once issued). */
  authorize: (
    principal: Principal,
    payload: ParsedCommand<C>,
    issuer: string | null,
  ) => Result<null>;
  run: (
    ctx: CommandContext,
    payload: ParsedCommand<C>,
    principal: Principal,
  ) => DomainResult<QueueChange>;
}

type CommandSpecs = { [C in CommandName]: CommandSpec<C> };

/** Each command: who may send it, and which rule it runs. */
function commandSpecs(engine: QueueEngine): CommandSpecs {
  const counterCommand = <C extends CommandName>(
    run: (
      ctx: CommandContext,
      payload: ParsedCommand<C> & { counterId: string },
    ) => DomainResult<QueueChange>,
  ): CommandSpec<C> => ({
    authorize: (principal, payload) => {
      const { counterId } = payload as { counterId: string };
      return mayWorkCounter(
        principal,
        engine.index,
        counterId,
        engine.latest.counters.get(counterId),
      );
    },
    run: (ctx, payload) => run(ctx, payload as ParsedCommand<C> & { counterId: string }),
  });
  const ticketCommand = <C extends 'ticket:requeue' | 'ticket:cancel'>(
    run: (ctx: CommandContext, ticketId: string) => DomainResult<QueueChange>,
  ): CommandSpec<C> => ({
    authorize: (principal, p) =>
      mayHandleTicket(principal, engine.index, engine.latest.tickets.get(p.ticketId)),
    run: (ctx, p) => run(ctx, p.ticketId),
  });

  return {
    'ticket:issue': {
      authorize: (principal, p) => mayIssue(principal, engine.index, p.serviceId),
      run: (ctx, p, principal) => {
        const kiosk = principal.kind === 'device' && principal.role === 'kiosk';
        return issueTicket(ctx, {
          serviceId: p.serviceId,
          priority: p.priority,
          channel: kiosk ? 'kiosk' : principal.kind === 'user' ? 'staff' : 'api',
          needsPrint: kiosk,
          ticketId: newTicketId(),
          code: newTicketCode(),
        });
      },
    },
    'ticket:print-result': {
      authorize: (principal, _p, issuer) =>
        principal.kind === 'device' && principal.role === 'kiosk' && issuer === principal.id
          ? okResult(null)
          : errResult('forbidden', 'Only the kiosk that issued a ticket reports its print'),
      run: (ctx, p) =>
        p.printed
          ? confirmPrint(ctx, p.ticketId)
          : voidPrint(ctx, p.ticketId, p.reason ?? 'print_failed'),
    },
    'ticket:requeue': ticketCommand((ctx, id) => requeueLate(ctx, id)),
    'ticket:cancel': ticketCommand((ctx, id) => cancelTicket(ctx, id)),
    'counter:open': counterCommand((ctx, p) => openCounter(ctx, p.counterId)),
    'counter:call-next': counterCommand((ctx, p) => callNext(ctx, p.counterId)),
    'counter:call': counterCommand<'counter:call'>((ctx, p) =>
      callTicket(ctx, p.counterId, p.ticketId),
    ),
    'counter:recall': counterCommand((ctx, p) => recall(ctx, p.counterId)),
    'counter:start': counterCommand((ctx, p) => startServing(ctx, p.counterId)),
    'counter:finish': counterCommand((ctx, p) => finish(ctx, p.counterId)),
    'counter:no-show': counterCommand((ctx, p) => markNoShow(ctx, p.counterId)),
    'counter:park': counterCommand<'counter:park'>((ctx, p) => park(ctx, p.counterId, p.reason)),
    'counter:transfer': counterCommand<'counter:transfer'>((ctx, p) =>
      transfer(ctx, p.counterId, {
        toServiceId: p.toServiceId,
        note: p.note,
        position: p.position,
      }),
    ),
    'counter:pause': counterCommand<'counter:pause'>((ctx, p) =>
      pauseCounter(ctx, p.counterId, p.reason),
    ),
    'counter:resume': counterCommand((ctx, p) => resumeCounter(ctx, p.counterId)),
    'counter:close': counterCommand((ctx, p) => closeCounter(ctx, p.counterId)),
  };
}

export interface CommandRequest<C extends CommandName> {
  principal: Principal;
  name: C;
  /** Checked against the command's schema here, whoever sends it; it carries the command id. */
  payload: unknown;
  /** Kept with the change in the audit trail. */
  origin?: RequestOrigin | undefined;
}

/**
 * The one way a queue command runs, for sockets, REST and kiosk printing alike:
 * validate -> (the engine) move to today if midnight has passed -> answer a command id
 * already seen for this principal with its first answer, so a retry never runs twice ->
 * authorise -> run once, authorised and decided on the same queue.
 */
export function createCommandBus(engine: QueueEngine, storage: QueueStorage) {
  const specs = commandSpecs(engine);

  async function run<C extends CommandName>(
    request: CommandRequest<C>,
  ): Promise<Result<CommandAck>> {
    const { principal, name } = request;
    const parsed = parseInput(CommandSchemas[name], request.payload);
    if (!parsed.ok) return parsed;
    const spec = specs[name] as CommandSpec<C>;
    const value = parsed.value as ParsedCommand<C>;
    const issuer =
      'ticketId' in value && name === 'ticket:print-result'
        ? await storage.issuingDevice(value.ticketId)
        : null;
    return engine.execute(
      principal,
      name,
      value.commandId,
      (ctx) => spec.run(ctx, value, principal),
      { origin: request.origin, authorize: () => spec.authorize(principal, value, issuer) },
    );
  }

  return { run };
}

export type CommandBus = ReturnType<typeof createCommandBus>;
