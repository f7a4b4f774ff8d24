export type TicketLanguage = 'id' | 'en';
export type SiteTimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

const ZONE_ABBREVIATION: Record<SiteTimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
const LOCALE: Record<TicketLanguage, string> = { id: 'id-ID', en: 'en-GB' };

/** "Senin, 23 November 2026" in the site's timezone, whatever the machine's zone. */
export function formatIssuedDate(
  at: number,
  timeZone: SiteTimeZone,
  language: TicketLanguage,
): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(at);
}

/** "09.05" (Indonesian) or "09:05" (English), in the site's timezone. */
const clockText = (at: number, timeZone: SiteTimeZone, language: TicketLanguage): string =>
  new Intl.DateTimeFormat(LOCALE[language], {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(at);

/** "09.05 WIB" (Indonesian) or "09:05 WIB" (English). */
export const formatIssuedTime = (
  at: number,
  timeZone: SiteTimeZone,
  language: TicketLanguage,
): string => `${clockText(at, timeZone, language)} ${ZONE_ABBREVIATION[timeZone]}`;

/** "Sesi 10.00-12.00 WIB" or "Session 10:00-12:00 WIB"; a hyphen, which every code page has. */
export function sessionText(
  session: { start: number; end: number },
  timeZone: SiteTimeZone,
  language: TicketLanguage,
): string {
  const [start, end] = [session.start, session.end].map((at) => clockText(at, timeZone, language));
  const word = language === 'id' ? 'Sesi' : 'Session';
  return `${word} ${start}-${end} ${ZONE_ABBREVIATION[timeZone]}`;
}

/** "Senin, 23 November 2026 09.05 WIB" */
export const formatIssuedAt = (
  at: number,
  timeZone: SiteTimeZone,
  language: TicketLanguage,
): string =>
  `${formatIssuedDate(at, timeZone, language)} ${formatIssuedTime(at, timeZone, language)}`;

export function peopleAheadText(count: number, language: TicketLanguage): string {
  if (language === 'en') {
    if (count === 0) return 'Nobody is ahead of you';
    return count === 1 ? '1 person ahead of you' : `${count} people ahead of you`;
  }
  return count === 0 ? 'Tidak ada antrean di depan Anda' : `${count} antrean di depan Anda`;
}

/** Empty when there is no estimate yet, so the template's line disappears. */
export function estimatedWaitText(minutes: number | null, language: TicketLanguage): string {
  if (minutes === null) return '';
  const label = language === 'id' ? 'Perkiraan tunggu' : 'Estimated wait';
  return `${label}: ${waitDuration(minutes, language)}`;
}

function waitDuration(minutes: number, language: TicketLanguage): string {
  const words =
    language === 'id'
      ? { lt: 'kurang dari 1 menit', h: 'jam', m: 'menit' }
      : { lt: 'under a minute', h: 'h', m: 'min' };
  if (minutes < 1) return words.lt;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `± ${h > 0 ? `${h} ${words.h} ` : ''}${m > 0 || h === 0 ? `${m} ${words.m}` : ''}`.trim();
}

export const TICKET_WORDS: Record<
  TicketLanguage,
  { trackingHint: string; footer: string; onlineMark: string }
> = {
  id: {
    trackingHint: 'Pindai untuk memantau antrean',
    footer: 'Mohon menunggu nomor Anda dipanggil',
    onlineMark: 'Antrean online',
  },
  en: {
    trackingHint: 'Scan to follow your ticket',
    footer: 'Please wait until your number is called',
    onlineMark: 'Online booking',
  },
};
