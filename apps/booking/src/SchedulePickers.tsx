import type { DayAvailability, DayClosure } from '@antre/domain';
import type { Language } from '@antre/ui';
import type { T } from './booking-text';
import { dateText, sessionText } from './booking-text';

function dayNote(t: T, day: DayAvailability): string {
  if (day.state !== 'closed')
    return t(day.state === 'open' ? 'dayOpen' : day.state === 'full' ? 'dayFull' : 'dayPastCutoff');
  const closure: DayClosure = day.closure;
  if (closure.reason === 'holiday') return t('dayHoliday', { name: closure.name });
  if (closure.reason === 'service_closed') return t('dayServiceClosed', { name: closure.name });
  return t('dayClosed');
}

/** Every day of the booking window; a day that cannot be booked says why. */
export function DatePicker(props: {
  t: T;
  language: Language;
  heading: string;
  days: DayAvailability[];
  onChoose: (date: string) => void;
}) {
  const { t, language, days } = props;
  return (
    <>
      <p className="step-kicker">{props.heading}</p>
      <h1 className="step-title">{t('chooseDate')}</h1>
      <ul className="choices days">
        {days.map((day) => (
          <li key={day.date}>
            <button
              type="button"
              className={`choice day-${day.state}`}
              disabled={day.state !== 'open'}
              onClick={() => props.onChoose(day.date)}
            >
              <span className="choice-name">{dateText(day.date, language)}</span>
              <span className="choice-note">{dayNote(t, day)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The day's sessions with the places left. */
export function SessionPicker(props: {
  t: T;
  language: Language;
  heading: string;
  day: DayAvailability;
  onChoose: (sessionId: string) => void;
}) {
  const { t, language, day } = props;
  return (
    <>
      <p className="step-kicker">{props.heading}</p>
      <h1 className="step-title">{t('chooseSession')}</h1>
      <ul className="choices">
        {day.sessions.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`choice session-${s.state}`}
              disabled={s.state !== 'open'}
              onClick={() => props.onChoose(s.id)}
            >
              <span className="choice-name">{sessionText(t, s.start, s.end, language)}</span>
              <span className="choice-note">
                {s.state === 'open'
                  ? t('placesLeft', { n: s.left })
                  : s.state === 'full'
                    ? t('sessionFull')
                    : t('sessionClosed')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
