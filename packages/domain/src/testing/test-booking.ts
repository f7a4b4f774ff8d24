import type { BookingSettings } from '../booking';

/** Three sessions a working day, two weeks ahead, booking closes at 16:00 the day before. */
export const SETTINGS: BookingSettings = {
  sessions: [
    { id: 'pagi', start: '08:00', end: '10:00', places: 10 },
    { id: 'siang', start: '10:00', end: '12:00', places: 10 },
    { id: 'sore', start: '13:00', end: '15:00', places: 5 },
  ],
  daysAhead: 14,
  cutoff: { kind: 'day_before', at: '16:00' },
  onlineOnly: [],
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
  lateArrival: 'refuse',
  ticketMark: 'B',
  closedDates: [],
};

/** A case's booking settings: the ones above with what the case changes. */
export const bookingSettings = (changes: Partial<BookingSettings> = {}): BookingSettings => ({
  ...SETTINGS,
  ...changes,
});
