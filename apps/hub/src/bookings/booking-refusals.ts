import type { BookingErrorCode } from '@antre/domain';
import type { CancelReason, RefusalDetail } from '@antre/protocol';
import { CancelReasonSchema } from '@antre/protocol';

/**
 * A cancellation as kept in `bookings.cancel_reason`: the reason's code, then `: note` when
 * there is one (`holiday: Idul Fitri`, `places_reduced: 2`).
 */
export const cancelReasonText = (reason: CancelReason, note: string | null = null): string =>
  note ? `${reason}: ${note}` : reason;

function cancelDetail(text: string): RefusalDetail {
  const [head = '', ...rest] = text.split(':');
  const reason = CancelReasonSchema.safeParse(head.trim());
  const note = rest.join(':').trim();
  if (!reason.success) return { note: text.slice(0, 200) };
  return note ? { reason: reason.data, note: note.slice(0, 200) } : { reason: reason.data };
}

/** The domain's detail of a refused booking rule, as the fields UIs word themselves. */
export function refusalDetail(error: {
  code: BookingErrorCode;
  detail: string | null;
}): RefusalDetail | undefined {
  if (!error.detail) return undefined;
  switch (error.code) {
    case 'too_early':
    case 'too_late':
      return { time: error.detail };
    case 'not_today':
      return { date: error.detail };
    case 'booking_cancelled':
      return cancelDetail(error.detail);
    default:
      return undefined;
  }
}
