import type { BookingView } from '@antre/protocol';

// A minimal iCalendar (RFC 5545) event. The `ics` library is a dependency of apps/booking
// only; one VEVENT with UTC times needs no more than this.

const stamp = (at: number): string =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Commas, semicolons, backslashes and newlines are escaped in TEXT values. */
const text = (value: string): string => value.replace(/[\\;,]/g, '\\$&').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded with a leading space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (Buffer.byteLength(current + char, 'utf8') > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function bookingCalendarFile(view: BookingView, host: string): string {
  const where = [
    view.agencyName,
    view.counterNumbers.length ? `Loket ${view.counterNumbers.join(', ')}` : '',
    ...view.zoneNames,
  ].filter(Boolean);
  const description = [
    `Kode booking: ${view.code}`,
    `Check-in di kios: ${new Date(view.checkInOpensAt).toISOString()} – ${new Date(view.checkInClosesAt).toISOString()}`,
    ...view.requirements.map((r) => `• ${r}`),
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Antre//Antrean online//ID',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${view.code}@${host.replace(/[^A-Za-z0-9.-]/g, '')}`,
    `DTSTAMP:${stamp(Date.now())}`,
    `DTSTART:${stamp(view.sessionStart)}`,
    `DTEND:${stamp(view.sessionEnd)}`,
    `SUMMARY:${text(`Antrean: ${view.serviceName}`)}`,
    `LOCATION:${text(where.join(' · '))}`,
    `DESCRIPTION:${text(description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
