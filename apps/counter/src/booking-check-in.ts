import type { Ticket } from '@antre/domain';
import type { RefusalDetail } from '@antre/protocol';
import { refusalDetailOf } from '@antre/protocol';

export type CheckInAnswer =
  { ok: true; label: string } | { ok: false; code: string; detail: RefusalDetail };

/**
 * A visitor without a phone reads the booking code to the officer: the hub checks them in
 * (staff check-ins print nothing) and the ticket joins the queue at its session's place.
 */
export async function checkInByCode(token: string, code: string): Promise<CheckInAnswer> {
  const commandId = globalThis.crypto.randomUUID();
  try {
    const response = await fetch(`/api/bookings/${encodeURIComponent(code)}/check-in`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ commandId }),
    });
    const body = (await response.json()) as {
      ticket?: { label: string };
      error?: { code: string; detail?: unknown };
    };
    if (response.ok && body.ticket) return { ok: true, label: body.ticket.label };
    return { ok: false, code: body.error?.code ?? 'internal', detail: refusalDetailOf(body.error) };
  } catch {
    return { ok: false, code: 'offline', detail: {} };
  }
}

/** Booked visitors' tickets carry an "Online" mark wherever staff see them. */
export const isOnline = (ticket: Pick<Ticket, 'channel'>): boolean => ticket.channel === 'online';
