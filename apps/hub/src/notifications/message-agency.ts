import type { Db } from '../db/database';
import type { PlannedMessage } from './visitor-messages';

/**
 * The agency a message concerns, for the reports' scope: its ticket's or booking's service
 * when it is written (a transferred ticket's new one), or the alarm's agency; null for a test
 * send or an alarm of the whole building. Staff keys are `alarm:<id>:<phone>` (alarm-service.ts).
 */
export function agencyOfMessage(db: Db): (m: PlannedMessage) => string | null {
  const ofSubscriber = db.prepare<[string], { agency_id: string }>(
    `SELECT s.agency_id FROM notify_subscriptions n
     LEFT JOIN tickets t ON t.id = n.ticket_id
     LEFT JOIN bookings b ON b.id = n.booking_id
     JOIN services s ON s.id = COALESCE(t.service_id, b.service_id)
     WHERE n.id = ?`,
  );
  const ofBooking = db.prepare<[string], { agency_id: string }>(
    'SELECT s.agency_id FROM bookings b JOIN services s ON s.id = b.service_id WHERE b.id = ?',
  );
  const ofAlarm = db.prepare<[number], { agency_id: string | null }>(
    'SELECT agency_id FROM alarms WHERE id = ?',
  );
  return (m) => {
    const subscriber = /^sub:(.+)$/.exec(m.recipient);
    if (subscriber) return ofSubscriber.get(subscriber[1]!)?.agency_id ?? null;
    const booking = /^booking:(.+)$/.exec(m.recipient);
    if (booking) return ofBooking.get(booking[1]!)?.agency_id ?? null;
    const alarm = /^alarm:(\d+):/.exec(m.key);
    return alarm ? (ofAlarm.get(Number(alarm[1]))?.agency_id ?? null) : null;
  };
}
