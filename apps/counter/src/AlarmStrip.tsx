import type { TimezoneCode } from '@antre/domain';
import type { AlarmView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { alarmSince, alarmText, alarmTitle } from '@antre/ui';

/**
 * The supervisor's agency alarms, above the lines at the side: it never covers the ticket or
 * the keys, and it scrolls on its own when there are many.
 */
export function AlarmStrip(props: {
  alarms: AlarmView[];
  timezone: TimezoneCode;
  language: Language;
}) {
  const { alarms, language } = props;
  if (alarms.length === 0) return null;
  // The screen redraws every few seconds (its clock) and on every new list: read the time now.
  const now = Date.now();
  return (
    <section className="alarm-strip" role="alert" aria-label={alarmTitle(language)}>
      <h2>{`${alarmTitle(language)} (${alarms.length})`}</h2>
      <ul>
        {alarms.map((a) => (
          <li key={a.id} data-kind={a.kind}>
            <span className="alarm-text">{alarmText(a, language)}</span>
            <span className="alarm-since">{alarmSince(a, now, props.timezone, language)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
