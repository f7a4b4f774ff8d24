import type { CancelReason, RefusalDetail } from '@antre/protocol';
import type { MessageKey } from './messages';
import { timeText } from './opening-text';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const CANCEL_REASONS: Record<CancelReason, MessageKey> = {
  citizen: 'cancelCitizen',
  holiday: 'cancelHoliday',
  service_closed: 'cancelClosed',
  closed_day: 'cancelClosed',
  session_removed: 'cancelSession',
  places_reduced: 'cancelSession',
  booking_off: 'cancelOff',
};

/** Why a booking was cancelled, in words; its note alone when the reason is not known. */
const cancelText = (t: Translate, detail: RefusalDetail): string =>
  detail.reason
    ? t(CANCEL_REASONS[detail.reason], { detail: detail.note ?? '' })
    : (detail.note ?? '');

/** A refused check-in in plain words, with what the visitor should do next. */
export function checkInRefusal(
  t: Translate,
  language: 'id' | 'en',
  timezone: string,
  code: string,
  detail: RefusalDetail = {},
): { title: string; next: string } {
  const time = detail.time ? timeText(detail.time, language, timezone) : '';
  switch (code) {
    case 'too_early':
      return { title: t('refusedTooEarly', { time }), next: t('nextTooEarly') };
    case 'too_late':
      return { title: t('refusedTooLate', { time }), next: t('nextWalkIn') };
    case 'not_today':
      return {
        title: t('refusedNotToday', { date: dayText(detail.date ?? '', language) }),
        next: t('nextNotToday'),
      };
    case 'booking_cancelled': {
      const why = cancelText(t, detail);
      return {
        title: why ? t('refusedCancelledWhy', { why }) : t('refusedCancelled'),
        next: t('nextBookAgain'),
      };
    }
    case 'already_checked_in':
      return { title: t('refusedAlready'), next: t('nextAlready') };
    case 'booking_not_found':
    case 'bad_request':
      return { title: t('refusedNotFound'), next: t('nextNotFound') };
    case 'offline':
      return { title: t('offline'), next: t('nextTryAgain') };
    default:
      return { title: t('refusedOther'), next: t('nextAskStaff') };
  }
}

/** "Selasa, 24 November 2026" from the booking's ISO date. */
function dayText(date: string, language: 'id' | 'en'): string {
  const day = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return day.toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
