import type { SqlRunner } from '../db/sql';
import type { PlannedMessage } from './visitor-messages';

type AgencyRow = { agency_id: string | null };

/**
 * The agency a message concerns, for the reports' scope: its ticket's or booking's service
 * when it is written (a transferred ticket's new one), or the alarm's agency; null for a test
 * send or an alarm of the whole building. Staff keys are `alarm:<id>:<phone>` (alarm-service.ts).
 * Read through `on`, the transaction that writes the message.
 */
export async function agencyOfMessage(on: SqlRunner, m: PlannedMessage): Promise<string | null> {
  const subscriber = /^sub:(.+)$/.exec(m.recipient);
  if (subscriber) {
    const row = await on.get<AgencyRow>(
      `SELECT s.agency_id FROM notify_subscriptions n
       LEFT JOIN tickets t ON t.id = n.ticket_id
       LEFT JOIN bookings b ON b.id = n.booking_id
       JOIN services s ON s.id = COALESCE(t.service_id, b.service_id)
       WHERE n.id = ?`,
      [subscriber[1]!],
    );
    return row?.agency_id ?? null;
  }
  const booking = /^booking:(.+)$/.exec(m.recipient);
  if (booking) {
    const row = await on.get<AgencyRow>(
      'SELECT s.agency_id FROM bookings b JOIN services s ON s.id = b.service_id WHERE b.id = ?',
      [booking[1]!],
    );
    return row?.agency_id ?? null;
  }
  const alarm = /^alarm:(\d+):/.exec(m.key);
  if (!alarm) return null;
  const row = await on.get<AgencyRow>('SELECT agency_id FROM alarms WHERE id = ?', [
    Number(alarm[1]),
  ]);
  return row?.agency_id ?? null;
}
