import type { Building } from '@antre/domain';
import { epochOf, localMoment, sessionsOn } from '@antre/domain';
import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/sql';
import type { NewBooking } from './booking-store';
import { createBookingStore } from './booking-store';
import { CODE_ALPHABET } from './booking-service';

const PEOPLE = [
  { name: 'Siti Rahmawati', nik: '3171014507900001' },
  { name: 'Budi Santoso', nik: '3171011203850002' },
  { name: 'Yohanes Kambu', nik: '9171012208920003' },
  { name: 'Nur Aisyah', nik: '7371015611990004' },
  { name: 'I Made Wirawan', nik: '5171010101880005' },
  { name: 'Andi Pratama', nik: '7371012902000006' },
];

/**
 * A few bookings for today in each service that takes them, so `npm start` shows online
 * visitors to check in. Demo people with made-up NIKs; codes DEMAAB, DEMAAC … to type at
 * a kiosk, in the code alphabet (no O, 0, I or 1, which people misread).
 */
export async function seedDemoBookings(sql: Sql, building: Building, now: number): Promise<number> {
  const store = createBookingStore(sql);
  const { date } = localMoment(now, building.site.timezone);
  const hashes = new Map<string, string>();
  for (const person of PEOPLE) hashes.set(person.nik, await store.nikHash(person.nik));
  const rows: NewBooking[] = [];
  for (const service of building.services) {
    if (!service.booking || !service.active) continue;
    const { checkInLateMinutes } = service.booking;
    // Sessions a visitor can still check in to: a demo started at noon books the afternoon.
    const ahead = sessionsOn(building.site, service, date).filter(
      (s) => epochOf(date, s.start, building.site.timezone) + checkInLateMinutes * 60_000 > now,
    );
    for (const session of ahead.slice(0, 2)) {
      for (const person of PEOPLE.slice(rows.length % 4, (rows.length % 4) + 2)) {
        const made = rows.length + 1;
        rows.push({
          id: randomUUID(),
          code: `DEMA${CODE_ALPHABET[Math.floor(made / 32) % 32]}${CODE_ALPHABET[made % 32]}`,
          service_id: service.id,
          date,
          session_id: session.id,
          session_start: epochOf(date, session.start, building.site.timezone),
          session_end: epochOf(date, session.end, building.site.timezone),
          nik_hash: hashes.get(person.nik) ?? null,
          nik_last4: person.nik.slice(12),
          name: person.name,
          phone: null,
          language: 'id',
          created_at: now,
        });
      }
    }
  }
  await store.transaction(async (tx) => {
    for (const row of rows) await store.insert(tx, row);
  });
  return rows.length;
}
