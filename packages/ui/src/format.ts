import type { TimezoneCode } from '@antre/domain';
import type { Language } from './i18n';

const IANA: Record<TimezoneCode, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};
const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** "09.30" in Indonesian, "09:30" in English, in the site's timezone. */
export function formatTime(at: number, timezone: TimezoneCode, language: Language = 'id'): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: IANA[timezone],
  }).format(at);
}

/** A wall-clock "13:00" from the building's hours, as people write it: "13.00" / "13:00". */
export const formatClock = (hhmm: string, language: Language = 'id'): string =>
  language === 'id' ? hhmm.replace(':', '.') : hhmm;

/** "Senin, 23 November 2026". */
export function formatDate(at: number, timezone: TimezoneCode, language: Language = 'id'): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: IANA[timezone],
  }).format(at);
}

/** "± 15 menit", "± 1 jam 20 menit", "kurang dari 1 menit". */
export function formatWait(minutes: number, language: Language = 'id'): string {
  const words =
    language === 'id'
      ? { lt: 'kurang dari 1 menit', h: 'jam', m: 'menit' }
      : { lt: 'under a minute', h: 'h', m: 'min' };
  if (minutes < 1) return words.lt;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `± ${h > 0 ? `${h} ${words.h} ` : ''}${m > 0 || h === 0 ? `${m} ${words.m}` : ''}`.trim();
}

/** Minutes between two moments, for "waited 12 min". */
export const minutesBetween = (from: number, to: number): number =>
  Math.max(0, Math.floor((to - from) / 60_000));
