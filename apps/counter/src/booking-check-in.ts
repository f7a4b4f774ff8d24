import type { Ticket } from '@antre/domain';
import type { RefusalDetail } from '@antre/protocol';
import { refusalDetailOf } from '@antre/protocol';
import { callHub } from '@antre/ui';

export type CheckInAnswer =
  { ok: true; label: string } | { ok: false; code: string; detail: RefusalDetail };

/**
 * A visitor without a phone reads the booking code to the officer: the hub checks them in
 * (staff check-ins print nothing) and the ticket joins the queue at its session's place.
 */
export async function checkInByCode(token: string, code: string): Promise<CheckInAnswer> {
  const commandId = globalThis.crypto.randomUUID();
  const answer = await callHub('POST /api/bookings/:code/check-in', {
    token,
    params: { code },
    body: { commandId },
  });
  if (answer.ok) return { ok: true, label: answer.value.ticket.label };
  return { ok: false, code: answer.error.code, detail: refusalDetailOf(answer.error) };
}

/** Booked visitors' tickets carry an "Online" mark wherever staff see them. */
export const isOnline = (ticket: Pick<Ticket, 'channel'>): boolean => ticket.channel === 'online';
