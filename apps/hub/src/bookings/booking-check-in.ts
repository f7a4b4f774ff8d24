import type { BookingErrorCode } from '@antre/domain';
import { checkInTicket, decideCheckIn } from '@antre/domain';
import type { CommandAck, KioskIssueResult, Result } from '@antre/protocol';
import { errResult, okResult, refusedResult } from '@antre/protocol';
import type { RequestOrigin } from '../audit/request-origin';
import { mayIssue } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { PrintService } from '../printing/print-service';
import type { QueueEngine } from '../queue/queue-engine';
import { newTicketCode, newTicketId } from '../queue/ticket-codes';
import { refusalDetail } from './booking-refusals';
import type { BookingStore } from './booking-store';
import { toBooking } from './booking-store';

export interface CheckInRequest {
  code: string;
  commandId: string;
  printBy?: 'hub' | 'self' | undefined;
}

/**
 * A booking's check-in is a queue command: decided and saved by the engine with the new
 * ticket (exactly once per command id, published like any issue), and the booking is marked
 * checked in in the same transaction.
 */
export function createBookingCheckIn(deps: {
  engine: QueueEngine;
  store: BookingStore;
  printing: PrintService;
}) {
  const { engine, store } = deps;
  /**
   * Check-ins this process decided today, booking id -> ticket id. The booking is read before
   * the command waits its turn; a second kiosk scanning the same code meanwhile must see it
   * checked in, whether that row is saved yet or not. One whose batch failed is dropped.
   */
  const decided = new Map<string, string>();
  engine.onNewDay(() => decided.clear());

  async function run(
    principal: Principal,
    request: CheckInRequest,
    needsPrint: boolean,
    origin: RequestOrigin,
  ): Promise<Result<CommandAck>> {
    // Whether it is checked in is judged inside the command, on this row and the check-ins
    // decided since (`decided`).
    const found = await store.byCode(request.code);
    if (!found) return errResult('booking_not_found', 'No booking with this code');
    const allowed = mayIssue(principal, engine.index, found.service_id);
    if (!allowed.ok) return allowed;
    let ticketId = '';
    const forget = () => {
      if (ticketId && decided.get(found.id) === ticketId) decided.delete(found.id);
    };
    try {
      const result = await engine.execute(
        principal,
        'booking:check-in',
        request.commandId,
        (ctx) => {
          const pending = decided.get(found.id);
          const row: typeof found = pending
            ? { ...found, status: 'checked_in', ticket_id: pending }
            : found;
          const settings = ctx.index.services.get(row.service_id)?.booking;
          if (!settings) return errResult('booking_not_offered', 'This service takes no bookings');
          // A check-in whose ticket never printed (voided) may be done again.
          const unprinted =
            row.status === 'checked_in' &&
            row.ticket_id !== null &&
            ctx.state.tickets.get(row.ticket_id)?.status === 'void';
          const booking = toBooking(unprinted ? { ...row, status: 'booked' } : row);
          const place = decideCheckIn(ctx.index.site, settings, booking, ctx.now);
          if (!place.ok) return checkInRefused(place.error);
          ticketId = newTicketId();
          const change = checkInTicket(ctx, {
            booking,
            place: place.value,
            ticketId,
            code: newTicketCode(),
            needsPrint,
          });
          if (!change) return errResult('booking_not_offered', 'This service takes no bookings');
          decided.set(row.id, ticketId);
          return okResult(change);
        },
        {
          origin,
          alongside: (_change, tx) => store.checkIn(tx, found.id, ticketId, engine.now()),
        },
      );
      if (!result.ok) forget();
      return result;
    } catch (error) {
      forget();
      throw error;
    }
  }

  return {
    /** Staff or an integration: the ticket joins the queue at once. */
    byStaff: (principal: Principal, request: CheckInRequest, origin: RequestOrigin) =>
      run(principal, request, false, origin),
    /** A kiosk: the ticket is printed (by the hub or the kiosk) like a tapped one. */
    byKiosk: (
      principal: Principal,
      request: CheckInRequest,
      hubUrl: string,
      origin: RequestOrigin,
    ): Promise<Result<KioskIssueResult>> =>
      deps.printing.checkInAndPrint(
        principal,
        { commandId: request.commandId, printBy: request.printBy ?? 'hub' },
        () => run(principal, request, true, origin),
        hubUrl,
        origin,
      ),
  };
}

export type BookingCheckIn = ReturnType<typeof createBookingCheckIn>;

/** The English message keeps its bracketed detail for API users; UIs read `detail`. */
function checkInRefused(error: { code: BookingErrorCode; detail: string | null }) {
  const message = `Check-in refused: ${error.code}${error.detail ? ` (${error.detail})` : ''}`;
  const detail = refusalDetail(error);
  return detail ? refusedResult(error.code, message, detail) : errResult(error.code, message);
}
