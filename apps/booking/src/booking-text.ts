import type { BookingView } from '@antre/protocol';
import { counterNumbersText } from '@antre/domain';
import type { Language } from '@antre/ui';
import { formatClock } from '@antre/ui';
import type { MessageKey } from './messages';

export type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** "Selasa, 24 November 2026" for a calendar date (no clock, so no timezone shift). */
export const dateText = (date: string, language: Language): string =>
  new Intl.DateTimeFormat(LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${date}T00:00:00Z`));

export const sessionText = (t: T, start: string, end: string, language: Language): string =>
  t('sessionTime', { start: formatClock(start, language), end: formatClock(end, language) });

/** "Loket 12–13 · Lantai 1 — Aula Utama"; null where no counter serves the service yet. */
export function placeText(
  t: T,
  view: Pick<BookingView, 'counterNumbers' | 'zoneNames'>,
): string | null {
  if (view.counterNumbers.length === 0) return view.zoneNames.join(' · ') || null;
  const counters = t('placeCounters', { numbers: counterNumbersText(view.counterNumbers) });
  return [counters, ...view.zoneNames].join(' · ');
}

/** The hub's reason (`holiday: Cuti bersama`) in the citizen's words. */
export function cancelReasonText(t: T, reason: string | null): string {
  const [code = '', ...rest] = (reason ?? '').split(': ');
  const detail = rest.join(': ');
  switch (code) {
    case 'citizen':
      return t('reasonCitizen');
    case 'holiday':
      return t('reasonHoliday', { detail });
    case 'service_closed':
      return t('reasonServiceClosed', { detail });
    case 'closed_day':
      return t('reasonClosedDay');
    case 'session_removed':
      return t('reasonSessionRemoved');
    case 'places_reduced':
      return t('reasonPlacesReduced');
    case 'booking_off':
      return t('reasonBookingOff');
    default:
      return t('reasonOther', { detail: reason ?? '' });
  }
}
