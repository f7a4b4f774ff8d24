import type { OpeningView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import type { MessageKey } from './messages';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** "Selasa, 24 November" for a service day, read as a calendar date (no zone shift). */
function dayText(date: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(Date.parse(`${date}T00:00:00Z`));
}

/** "07.30 WIB" as Indonesians write it; "07:30 WIB" in English. */
export function timeText(time: string, language: Language, timezone: string): string {
  return `${language === 'id' ? time.replace(':', '.') : time} ${timezone}`;
}

/** When numbers can be taken again: "hari ini pukul 07.30 WIB" or "Selasa, 24 November pukul …". */
export function openingText(
  t: T,
  language: Language,
  opening: OpeningView | null,
  today: string,
  timezone: string,
): string {
  if (!opening) return t('noOpening');
  const time = timeText(opening.time, language, timezone);
  if (opening.date === today) return t('opensToday', { time });
  return t('opensOn', { day: dayText(opening.date, language), time });
}
